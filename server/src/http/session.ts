// The session cookie: HttpOnly, SameSite=Lax, Secure when configured.
import type { FastifyReply } from 'fastify';

export const SESSION_COOKIE = 'cliptide_session';

export interface CookieOptions {
  secure: boolean;
}

/** `maxAgeSeconds`: how long the session lives (accounts decides). */
export function setSessionCookie(reply: FastifyReply, token: string, opts: CookieOptions, maxAgeSeconds: number) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: opts.secure,
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply, opts: CookieOptions) {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: opts.secure, path: '/' });
}
