// HTTP for accounts: parse, call the service, answer.
import { z } from 'zod';
import type { Router } from '../http/route.ts';
import { SESSION_COOKIE, clearSessionCookie, setSessionCookie, type CookieOptions } from '../http/session.ts';
import { SESSION_TTL_SECONDS, type AccountService } from './account.service.ts';
import { MAX_AVATAR_BYTES } from './avatar.ts';

export const usernameSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.]{2,23}$/, '3–24 letters, digits, _ or ., not starting with .');

const signupBody = z.object({
  username: usernameSchema,
  email: z.email().max(254),
  password: z.string().min(8, 'at least 8 characters').max(200),
  birthdate: z.iso.date('a date as YYYY-MM-DD'),
  displayName: z.string().max(50).optional(),
  region: z.string().optional(),
});
const loginBody = z.object({ login: z.string().trim().min(1).max(254), password: z.string().min(1).max(200) });
const profileBody = z.object({ displayName: z.string().trim().min(1).max(50).optional(), bio: z.string().max(300).optional() });
const usernameParams = z.object({ username: z.string().min(1).max(64) });

export function accountRoutes(route: Router, accounts: AccountService, cookie: CookieOptions, limits: { authPerMinute: number }) {
  route({
    method: 'POST',
    url: '/api/v1/auth/signup',
    summary: 'Create an account (13+) and start a session',
    tag: 'auth',
    auth: 'none',
    body: signupBody,
    status: 201,
    rateLimitPerMinute: limits.authPerMinute,
    handler: async ({ body, reply }) => {
      const { user, token } = await accounts.signup(body);
      setSessionCookie(reply, token, cookie, SESSION_TTL_SECONDS);
      return { user };
    },
  });

  route({
    method: 'POST',
    url: '/api/v1/auth/login',
    summary: 'Log in with username or email',
    tag: 'auth',
    auth: 'none',
    body: loginBody,
    rateLimitPerMinute: limits.authPerMinute,
    handler: async ({ body, reply }) => {
      const { user, token } = await accounts.login(body.login, body.password);
      setSessionCookie(reply, token, cookie, SESSION_TTL_SECONDS);
      return { user };
    },
  });

  route({
    method: 'POST',
    url: '/api/v1/auth/logout',
    summary: 'End the session',
    tag: 'auth',
    auth: 'optional',
    status: 204,
    handler: async ({ request, reply }) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await accounts.logout(token);
      clearSessionCookie(reply, cookie);
    },
  });

  route({
    method: 'GET',
    url: '/api/v1/me',
    summary: 'The logged-in account',
    tag: 'accounts',
    auth: 'required',
    handler: async ({ viewer }) => ({ user: await accounts.me(viewer.id) }),
  });

  route({
    method: 'PATCH',
    url: '/api/v1/me',
    summary: 'Edit display name and bio',
    tag: 'accounts',
    auth: 'required',
    body: profileBody,
    handler: async ({ viewer, body }) => ({ user: await accounts.updateProfile(viewer.id, body) }),
  });

  route({
    method: 'PUT',
    url: '/api/v1/me/avatar',
    summary: `Set the avatar (JPEG, PNG or WebP, at most ${MAX_AVATAR_BYTES / 1024 / 1024} MB, raw body)`,
    tag: 'accounts',
    auth: 'required',
    bodyContentType: 'image/*',
    rateLimitPerMinute: limits.authPerMinute,
    handler: async ({ viewer, request }) => {
      const image = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      return { user: await accounts.setAvatar(viewer.id, image, request.headers['content-type'] ?? '') };
    },
  });

  route({
    method: 'GET',
    url: '/api/v1/users/:username',
    summary: 'A public profile',
    tag: 'accounts',
    auth: 'optional',
    params: usernameParams,
    handler: async ({ params, viewer }) => ({ user: await accounts.profile(params.username, viewer?.id ?? null) }),
  });
}
