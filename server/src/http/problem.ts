// The one error shape: RFC 7807 application/problem+json with a stable `code`.
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { DomainError, type ErrorCode, type FieldIssue } from '../shared/errors.ts';

export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  code: ErrorCode;
  issues?: FieldIssue[];
}

const titles: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export function problem(status: number, code: ErrorCode, detail: string, issues?: FieldIssue[]): Problem {
  return {
    type: `https://cliptide.dev/problems/${code.replaceAll('_', '-')}`,
    title: titles[status] ?? 'Error',
    status,
    detail,
    code,
    ...(issues && issues.length > 0 ? { issues } : {}),
  };
}

export function zodIssues(error: ZodError, prefix?: string): FieldIssue[] {
  return error.issues.map((i) => ({ path: [prefix, ...i.path.map(String)].filter(Boolean).join('.'), message: i.message }));
}

/** Map anything thrown while handling a request to a problem. */
export function toProblem(error: unknown): Problem {
  if (error instanceof DomainError) return problem(error.status, error.code, error.message, error.issues);
  if (error instanceof ZodError) return problem(400, 'validation_failed', 'The request is not valid', zodIssues(error));
  // PostgreSQL refuses text it cannot store (a NUL byte, an invalid sequence): the input was bad
  const sqlState = (error as { code?: unknown }).code;
  if (sqlState === '22021' || sqlState === '22P05') {
    return problem(400, 'validation_failed', 'The request contains characters that cannot be stored (such as a NUL byte)');
  }
  const fe = error as Partial<FastifyError>;
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    const status = fe.statusCode;
    if (status === 413) return problem(413, 'payload_too_large', fe.message ?? 'The request body is too large');
    if (status === 429) return problem(429, 'rate_limited', 'Too many requests; try again in a minute');
    if (status === 404) return problem(404, 'not_found', fe.message ?? 'Not found');
    if (status === 415) return problem(415, 'unsupported_media_type', fe.message ?? 'That body type is not accepted');
    return problem(400, 'validation_failed', fe.message ?? 'The request is not valid');
  }
  return problem(500, 'internal', 'Something went wrong on our side; it has been logged');
}

export function sendProblem(reply: FastifyReply, p: Problem): FastifyReply {
  return reply.code(p.status).type('application/problem+json').send(p);
}

export function errorHandler(error: unknown, request: FastifyRequest, reply: FastifyReply) {
  const p = toProblem(error);
  if (p.status >= 500) request.log.error({ err: error }, 'request failed');
  return sendProblem(reply, p);
}
