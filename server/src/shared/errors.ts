// Domain errors: thrown by services, mapped once to RFC 7807 problem+json at the HTTP edge
// (server/src/http/problem.ts). `code` is stable: the web client switches on it.

export type ErrorCode =
  | 'validation_failed'
  | 'unauthenticated'
  | 'forbidden'
  | 'not_found'
  | 'conflict'
  | 'username_taken'
  | 'email_taken'
  | 'too_young'
  | 'invalid_credentials'
  | 'rate_limited'
  | 'payload_too_large'
  | 'upload_incomplete'
  | 'media_rejected'
  | 'comments_disabled'
  | 'internal';

const statusOf: Record<ErrorCode, number> = {
  validation_failed: 400,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  username_taken: 409,
  email_taken: 409,
  upload_incomplete: 409,
  comments_disabled: 403,
  too_young: 422,
  media_rejected: 422,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
};

export interface FieldIssue {
  path: string;
  message: string;
}

export class DomainError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues: FieldIssue[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
    this.status = statusOf[code];
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const forbidden = (why: string) => new DomainError('forbidden', why);
export const uploadTooLarge = (maxBytes: number) =>
  new DomainError('payload_too_large', `The file is larger than the upload limit of ${Math.round(maxBytes / 1024 ** 2)} MB`);
export const unauthenticated = () => new DomainError('unauthenticated', 'You need to log in to do that');
