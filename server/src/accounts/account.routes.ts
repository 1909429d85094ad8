// HTTP for accounts: parse, call the service, answer.
import { MAX_AVATAR_BYTES, loginBody, loginResponse, loginTotpBody, meResponse, profileBody, publicUserResponse, signupBody, usernameParams } from '@cliptide/contract';
import type { Router } from '../http/route.ts';
import { SESSION_COOKIE, clearSessionCookie, setSessionCookie, type CookieOptions } from '../http/session.ts';
import { SESSION_TTL_SECONDS, type AccountService } from './account.service.ts';

export function accountRoutes(route: Router, accounts: AccountService, cookie: CookieOptions, limits: { authPerMinute: number }) {
  route({
    method: 'POST',
    url: '/api/v1/auth/signup',
    summary: 'Create an account (13+) and start a session',
    tag: 'auth',
    auth: 'none',
    body: signupBody,
    status: 201,
    response: meResponse,
    errors: ['username_taken', 'email_taken', 'too_young'],
    rateLimit: { perAddress: limits.authPerMinute, perAccount: limits.authPerMinute },
    handler: async ({ body, request, reply }) => {
      const { user, token } = await accounts.signup(body, { userAgent: request.headers['user-agent'] });
      setSessionCookie(reply, token, cookie, SESSION_TTL_SECONDS);
      return { user };
    },
  });

  route({
    method: 'POST',
    url: '/api/v1/auth/login',
    summary: 'Log in with username or email; with two-factor sign-in on, answers a challenge for /auth/login/totp instead',
    tag: 'auth',
    auth: 'none',
    body: loginBody,
    response: loginResponse,
    errors: ['invalid_credentials'],
    rateLimit: { perAddress: limits.authPerMinute, perAccount: limits.authPerMinute },
    handler: async ({ body, request, reply }) => {
      const result = await accounts.login(body.login, body.password, { userAgent: request.headers['user-agent'] });
      if ('twoFactor' in result) return { twoFactor: result.twoFactor };
      setSessionCookie(reply, result.token, cookie, SESSION_TTL_SECONDS);
      return { user: result.user };
    },
  });

  route({
    method: 'POST',
    url: '/api/v1/auth/login/totp',
    summary: 'The code step of a two-factor log-in: the challenge and a TOTP or recovery code start the session',
    tag: 'auth',
    auth: 'none',
    body: loginTotpBody,
    response: meResponse,
    errors: ['invalid_code', 'invalid_token'],
    rateLimit: { perAddress: limits.authPerMinute, perAccount: limits.authPerMinute },
    handler: async ({ body, request, reply }) => {
      const { user, token } = await accounts.completeLogin(body.challenge, body.code, { userAgent: request.headers['user-agent'] });
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
    response: null,
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
    response: meResponse,
    handler: async ({ viewer }) => ({ user: await accounts.me(viewer.id) }),
  });

  route({
    method: 'PATCH',
    url: '/api/v1/me',
    summary: 'Edit display name, bio and whether the account is private',
    tag: 'accounts',
    auth: 'required',
    body: profileBody,
    response: meResponse,
    errors: ['age_restricted'],
    handler: async ({ viewer, body }) => ({ user: await accounts.updateProfile(viewer.id, body) }),
  });

  route({
    method: 'PUT',
    url: '/api/v1/me/avatar',
    summary: `Set the avatar (JPEG, PNG or WebP, at most ${MAX_AVATAR_BYTES / 1024 / 1024} MB, raw body)`,
    tag: 'accounts',
    auth: 'required',
    bodyContentType: 'image/*',
    bodyLimit: MAX_AVATAR_BYTES,
    response: meResponse,
    rateLimit: { perAddress: limits.authPerMinute, perAccount: limits.authPerMinute },
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
    response: publicUserResponse,
    errors: ['not_found'],
    handler: async ({ params, viewer }) => ({ user: await accounts.profile(params.username, viewer?.id ?? null) }),
  });
}
