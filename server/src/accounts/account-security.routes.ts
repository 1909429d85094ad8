// HTTP for account security: e-mail verification and change, password reset and change, sessions,
// two-factor sign-in. Decision 024.
import {
  emailChangeBody,
  emailChangeResponse,
  emailVerifiedResponse,
  passwordChangeBody,
  passwordResetBody,
  passwordResetRequestBody,
  recoveryCodesResponse,
  sessionParams,
  sessionsResponse,
  signedOutResponse,
  tokenBody,
  totpCodeBody,
  totpDisableBody,
  totpSetupResponse,
  twoFactorStatus,
} from '@cliptide/contract';
import type { Router } from '../http/route.ts';
import { SESSION_COOKIE } from '../http/session.ts';
import type { AccountSecurityService } from './account-security.service.ts';
import type { AccountService } from './account.service.ts';

export function accountSecurityRoutes(route: Router, security: AccountSecurityService, accounts: AccountService, limits: { authPerMinute: number; writePerMinute: number }) {
  const auth = { perAddress: limits.authPerMinute, perAccount: limits.authPerMinute };

  route({
    method: 'POST',
    url: '/api/v1/auth/verify-email',
    summary: 'Confirm an e-mail address with the token of its link (sign-up or change of address); single use',
    tag: 'auth',
    auth: 'optional',
    body: tokenBody,
    response: emailVerifiedResponse,
    errors: ['invalid_token', 'email_taken'],
    rateLimit: auth,
    handler: async ({ body }) => ({ user: await accounts.me(await security.confirmEmail(body.token)) }),
  });

  route({
    method: 'POST',
    url: '/api/v1/me/email/verification',
    summary: 'Send the verification mail again (once a minute, a few a day)',
    tag: 'accounts',
    auth: 'required',
    status: 204,
    response: null,
    errors: ['conflict'],
    rateLimit: auth,
    handler: async ({ viewer }) => {
      await security.resendVerification(viewer.id);
    },
  });

  route({
    method: 'POST',
    url: '/api/v1/me/email',
    summary: 'Change the e-mail address: a confirmation link goes to the new one, a notice to the current one',
    tag: 'accounts',
    auth: 'required',
    body: emailChangeBody,
    response: emailChangeResponse,
    errors: ['wrong_password', 'email_taken'],
    rateLimit: auth,
    handler: async ({ viewer, body }) => security.requestEmailChange(viewer.id, body.email, body.password),
  });

  route({
    method: 'POST',
    url: '/api/v1/auth/password-reset',
    summary: 'Mail a password-reset link (30 minutes, single use); answers the same whether or not the address is known',
    tag: 'auth',
    auth: 'none',
    body: passwordResetRequestBody,
    status: 204,
    response: null,
    rateLimit: { perAddress: limits.authPerMinute },
    handler: async ({ body }) => {
      security.requestPasswordReset(body.email);
    },
  });

  route({
    method: 'POST',
    url: '/api/v1/auth/password-reset/confirm',
    summary: 'Set a new password with a reset link’s token; every session of the account ends',
    tag: 'auth',
    auth: 'none',
    body: passwordResetBody,
    status: 204,
    response: null,
    errors: ['invalid_token'],
    rateLimit: { perAddress: limits.authPerMinute },
    handler: async ({ body }) => {
      await security.resetPassword(body.token, body.password);
    },
  });

  route({
    method: 'POST',
    url: '/api/v1/me/password',
    summary: 'Change the password (the current one is required); every other session ends',
    tag: 'accounts',
    auth: 'required',
    body: passwordChangeBody,
    response: signedOutResponse,
    errors: ['wrong_password'],
    rateLimit: auth,
    handler: async ({ viewer, body, request }) => ({
      signedOut: await security.changePassword(viewer.id, request.cookies[SESSION_COOKIE], body.currentPassword, body.newPassword),
    }),
  });

  route({
    method: 'GET',
    url: '/api/v1/me/sessions',
    summary: 'Every signed-in device: browser, first and last seen, region',
    tag: 'accounts',
    auth: 'required',
    response: sessionsResponse,
    handler: async ({ viewer, request }) => ({ items: await security.sessions(viewer.id, request.cookies[SESSION_COOKIE]) }),
  });

  route({
    method: 'DELETE',
    url: '/api/v1/me/sessions/:id',
    summary: 'Sign one session out',
    tag: 'accounts',
    auth: 'required',
    params: sessionParams,
    status: 204,
    response: null,
    errors: ['not_found'],
    rateLimit: { perAddress: limits.writePerMinute, perAccount: limits.writePerMinute },
    handler: async ({ viewer, params }) => {
      await security.signOutSession(viewer.id, params.id);
    },
  });

  route({
    method: 'POST',
    url: '/api/v1/me/sessions/sign-out-others',
    summary: 'Sign out every session but this one',
    tag: 'accounts',
    auth: 'required',
    response: signedOutResponse,
    rateLimit: { perAddress: limits.writePerMinute, perAccount: limits.writePerMinute },
    handler: async ({ viewer, request }) => ({ signedOut: await security.signOutOthers(viewer.id, request.cookies[SESSION_COOKIE]) }),
  });

  route({
    method: 'GET',
    url: '/api/v1/me/two-factor',
    summary: 'Whether two-factor sign-in is on, and how many recovery codes are left',
    tag: 'accounts',
    auth: 'required',
    response: twoFactorStatus,
    handler: async ({ viewer }) => security.twoFactorStatus(viewer.id),
  });

  route({
    method: 'POST',
    url: '/api/v1/me/two-factor/setup',
    summary: 'Start turning on TOTP: a new secret, its otpauth URI and QR code (not in force until confirmed)',
    tag: 'accounts',
    auth: 'required',
    response: totpSetupResponse,
    errors: ['conflict'],
    rateLimit: auth,
    handler: async ({ viewer }) => security.setupTotp(viewer.id),
  });

  route({
    method: 'POST',
    url: '/api/v1/me/two-factor/confirm',
    summary: 'Confirm the app with a code: TOTP is on; answers ten recovery codes, shown this once',
    tag: 'accounts',
    auth: 'required',
    body: totpCodeBody,
    response: recoveryCodesResponse,
    errors: ['invalid_code', 'conflict'],
    rateLimit: auth,
    handler: async ({ viewer, body }) => ({ codes: await security.confirmTotp(viewer.id, body.code) }),
  });

  route({
    method: 'POST',
    url: '/api/v1/me/two-factor/disable',
    summary: 'Turn TOTP off (password and a code or recovery code required)',
    tag: 'accounts',
    auth: 'required',
    body: totpDisableBody,
    status: 204,
    response: null,
    errors: ['wrong_password', 'invalid_code', 'conflict'],
    rateLimit: auth,
    handler: async ({ viewer, body }) => {
      await security.disableTotp(viewer.id, body.password, body.code);
    },
  });
}
