// Operators: people granted a role over the platform, for one region (their jurisdiction).
import { z } from 'zod';
import { timestamp } from './common.ts';

export const OPERATOR_ROLES = ['admin', 'moderator', 'support', 'auditor'] as const;
export const operatorRole = z.enum(OPERATOR_ROLES).meta({ id: 'OperatorRole' });
/** A region name, as configured (REGION / REGIONS). */
export const jurisdiction = z.string().regex(/^[a-z][a-z0-9-]{0,31}$/, 'a region name: lower-case letters, digits and -');

export const operatorGrant = z
  .object({ role: operatorRole, jurisdiction: jurisdiction.meta({ description: 'the region this role acts for' }) })
  .meta({ id: 'OperatorGrant' });

export const operatorGrantListing = operatorGrant.extend({ username: z.string(), grantedAt: timestamp }).meta({ id: 'OperatorGrantListing' });
export const operatorGrantsResponse = z.object({ items: z.array(operatorGrantListing) });

export type OperatorRole = z.output<typeof operatorRole>;
export type OperatorGrant = z.output<typeof operatorGrant>;
export type OperatorGrantListing = z.output<typeof operatorGrantListing>;
