// The API's one error shape (RFC 7807 problem+json with a stable `code`) as a client-side error.
import type { FieldIssue } from '@cliptide/contract';

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly issues: FieldIssue[];

  constructor(status: number, code: string, detail: string, issues: FieldIssue[] = []) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.issues = issues;
  }
}

/** Build an ApiError from a failed response, whatever its body turns out to be. */
export async function problemFromResponse(response: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await response.json();
  } catch {
    // not JSON (a proxy error page, an empty body): fall back to the status
  }
  if (body && typeof body === 'object') {
    const p = body as { code?: unknown; detail?: unknown; title?: unknown; issues?: unknown };
    const code = typeof p.code === 'string' ? p.code : codeForStatus(response.status);
    const detail = typeof p.detail === 'string' ? p.detail : typeof p.title === 'string' ? p.title : response.statusText;
    const issues = Array.isArray(p.issues) ? (p.issues as FieldIssue[]) : [];
    return new ApiError(response.status, code, detail, issues);
  }
  return new ApiError(response.status, codeForStatus(response.status), response.statusText);
}

function codeForStatus(status: number): string {
  if (status === 401) return 'unauthenticated';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 413) return 'payload_too_large';
  if (status === 429) return 'rate_limited';
  if (status >= 400 && status < 500) return 'validation_failed';
  return 'internal';
}
