// The one error shape: RFC 7807 application/problem+json with a stable `code`.
import { z } from 'zod';
import { ERROR_CODES } from './errors.ts';

export const fieldIssue = z
  .object({
    path: z.string().meta({ description: 'where the problem is: `body.email`, `query.q`, `path.id`' }),
    message: z.string(),
  })
  .meta({ id: 'FieldIssue' });

export const problem = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.enum(ERROR_CODES),
    issues: z.array(fieldIssue).optional(),
  })
  .meta({ id: 'Problem', description: 'An error (RFC 7807); `code` is stable, `detail` is for people' });

export type Problem = z.output<typeof problem>;
export type FieldIssue = z.output<typeof fieldIssue>;
