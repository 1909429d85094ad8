// Domain errors: thrown by services, mapped once to RFC 7807 problem+json at the HTTP edge
// (server/src/http/problem.ts). `code` is stable: the contract lists every code and its status.
import { ERROR_STATUS, type ErrorCode } from '@cliptide/contract';

export type { ErrorCode } from '@cliptide/contract';

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
    this.status = ERROR_STATUS[code];
  }
}

export const notFound = (what: string) => new DomainError('not_found', `${what} not found`);
export const forbidden = (why: string) => new DomainError('forbidden', why);
export const uploadTooLarge = (maxBytes: number) =>
  new DomainError('payload_too_large', `The file is larger than the upload limit of ${Math.round(maxBytes / 1024 ** 2)} MB`);
export const unauthenticated = () => new DomainError('unauthenticated', 'You need to log in to do that');

/** The embedded database is open in another process: PGlite has one writer. */
export class DatabaseInUseError extends Error {
  constructor(dir: string, pid: number) {
    super(
      `The embedded database in ${dir} is in use by process ${pid} (a running Cliptide server?). PGlite allows one process at a time: ` +
        'stop the server and run this again, or use PostgreSQL (DATABASE_URL), where operator commands work while the server runs.',
    );
    this.name = 'DatabaseInUseError';
  }
}
