// tus answers errors in plain text; Cliptide answers every error in problem+json. Responses of
// the tus server with a 4xx/5xx status are rewritten here (their tus headers kept), so a client
// of the upload endpoint meets the same error shape as everywhere else in the API.
import { STATUS_CODES } from 'node:http';
import { problem, toProblem, type Problem } from '../http/problem.ts';
import { uploadTooLarge, type ErrorCode } from '../shared/errors.ts';

const codeOf: Record<number, ErrorCode> = {
  400: 'validation_failed',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  410: 'not_found',
  412: 'validation_failed',
  413: 'payload_too_large',
  415: 'validation_failed',
  422: 'media_rejected',
  429: 'rate_limited',
};

/** The problem a tus error response stands for (a problem our hooks threw is passed through). */
export function tusProblem(status: number, body: string, maxUploadBytes: number): Problem {
  try {
    const parsed = JSON.parse(body) as Partial<Problem>;
    if (typeof parsed.code === 'string' && parsed.status === status) return parsed as Problem;
  } catch {
    // plain text from the tus server itself
  }
  const code = codeOf[status] ?? (status >= 500 ? 'internal' : 'validation_failed');
  if (code === 'payload_too_large') return toProblem(uploadTooLarge(maxUploadBytes));
  if (status >= 500) return problem(status, 'internal', 'The upload could not be handled; try again');
  const text = body.trim().replace(/\.$/, '');
  return problem(status, code, text ? `Upload: ${text}` : 'The upload request is not valid');
}

/** `response` unchanged when it is not an error; otherwise the same response as problem+json. */
export async function asProblemResponse(response: Response, maxUploadBytes: number): Promise<Response> {
  if (response.status < 400) return response;
  const p = tusProblem(response.status, await response.text(), maxUploadBytes);
  const headers = new Headers(response.headers);
  const body = JSON.stringify(p);
  headers.set('content-type', 'application/problem+json; charset=utf-8');
  headers.set('content-length', String(Buffer.byteLength(body)));
  return new Response(body, { status: response.status, statusText: STATUS_CODES[response.status] ?? '', headers });
}
