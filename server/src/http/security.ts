// Security headers and the cross-site request rule.
//
// - Every answer carries a strict Content-Security-Policy (the web app is built by Vite into files:
//   no inline script), frame-ancestors 'none' (no page may frame Cliptide), nosniff, a
//   same-origin Referrer-Policy, and HSTS when the cookie is Secure (the site is served over HTTPS).
//   The API reference (/api/docs) has one inline script: its policy allows exactly that script by hash.
// - State-changing requests (POST, PUT, PATCH, DELETE) must send a body type a form cannot
//   (application/json, tus's application/offset+octet-stream, an image), and an Origin, when they
//   send one, equal to PUBLIC_URL's (or, without PUBLIC_URL, naming the host they were sent to).
//   Defence in depth: the session cookie is SameSite=Lax already.
import { createHash } from 'node:crypto';
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError } from '../shared/errors.ts';

export interface SecurityOptions {
  /** The site's public origin (PUBLIC_URL); null: the Host a request was sent to. */
  publicOrigin: string | null;
  /** Send Strict-Transport-Security (the site is served over HTTPS). */
  hsts: boolean;
}

const common = {
  defaultSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:'],
  mediaSrc: ["'self'", 'blob:'],
  connectSrc: ["'self'"],
  workerSrc: ["'self'", 'blob:'],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The web app's policy: scripts and styles only from this server's files. */
export const APP_CSP = { ...common, scriptSrc: ["'self'"], styleSrc: ["'self'"] };

const toHeader = (directives: Record<string, string[]>) =>
  Object.entries(directives)
    .map(([name, values]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${values.join(' ')}`)
    .join('; ');

/** The embeddable player's policy: the app's, except that any site may frame it. */
export const frameableCsp = () => toHeader({ ...APP_CSP, frameAncestors: ['*'] });

/** The API reference's policy: its own inline script by hash, and the inline styles its renderer sets. */
export function docsCsp(html: string): string {
  const hashes = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map(
    (m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`,
  );
  return toHeader({ ...common, scriptSrc: ["'self'", ...hashes], styleSrc: ["'self'", "'unsafe-inline'"], fontSrc: ["'self'", 'data:'] });
}

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Body types no HTML form can send. */
const ALLOWED_BODY = /^(application\/json|application\/offset\+octet-stream|image\/[a-z0-9.+-]+)\s*(;|$)/i;

export async function installSecurity(app: FastifyInstance, opts: SecurityOptions) {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: APP_CSP },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'same-origin' },
    strictTransportSecurity: opts.hsts ? { maxAge: 31_536_000, includeSubDomains: true } : false,
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onSend', async (request, reply, payload) => {
    if (request.url.startsWith('/api/docs') && typeof payload === 'string' && String(reply.getHeader('content-type')).startsWith('text/html')) {
      reply.header('content-security-policy', docsCsp(payload));
    }
    return payload;
  });
  app.addHook('onRequest', async (request) => {
    if (!STATE_CHANGING.has(request.method)) return;
    const type = request.headers['content-type'];
    if (type !== undefined && !ALLOWED_BODY.test(type)) {
      throw new DomainError('unsupported_media_type', `A ${request.method} body must be application/json (or a tus upload chunk, or an image), not ${type.split(';')[0]}`);
    }
    const origin = request.headers.origin;
    if (origin !== undefined && !sameSite(origin, request, opts.publicOrigin)) {
      throw new DomainError('forbidden', 'A request from another site may not change anything here');
    }
  });
}

function sameSite(origin: string, request: FastifyRequest, publicOrigin: string | null): boolean {
  if (publicOrigin) return origin === publicOrigin;
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
