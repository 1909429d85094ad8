// The session cookie: HttpOnly, SameSite=Lax, Secure when configured.
import type { FastifyReply } from 'fastify';
import { SESSION_TTL_SECONDS } from '../accounts/account.service.ts';

export const SESSION_COOKIE = 'cliptide_session';

export interface CookieOptions {
  secure: boolean;
}

export function setSessionCookie(reply: FastifyReply, token: string, opts: CookieOptions) {
  reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: opts.secure,
    path: '/',
    maxAge: SESSION_TTL_SECONDS,
  });
}

export function clearSessionCookie(reply: FastifyReply, opts: CookieOptions) {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'lax', secure: opts.secure, path: '/' });
}
