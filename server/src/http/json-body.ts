// JSON request bodies: a depth limit checked by one linear scan of the text before it is parsed, so
// that a deeply nested body is refused without ever being built (with the size limit, no anonymous
// request can hold the event loop).
import type { FastifyInstance } from 'fastify';
import { DomainError } from '../shared/errors.ts';

/** No request of this API nests deeper than a few levels; this leaves room. */
export const MAX_JSON_DEPTH = 32;
/** The largest JSON body (a route may set its own limit). The largest real one is a few KiB. */
export const JSON_BODY_LIMIT = 64 * 1024;

/** True when arrays and objects in `text` nest more than `max` deep (strings are skipped). */
export function nestsDeeperThan(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return true;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return false;
}

/** Replaces Fastify's JSON parser with one that refuses deep nesting before parsing. */
export function installJsonParser(app: FastifyInstance) {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    if (nestsDeeperThan(body as string, MAX_JSON_DEPTH)) {
      const message = `nests more than ${MAX_JSON_DEPTH} levels deep`;
      done(new DomainError('validation_failed', `The JSON body ${message}`, [{ path: 'body', message }]), undefined);
      return;
    }
    parse(request, body as string, done);
  });
}
