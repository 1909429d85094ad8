// Account security: e-mail verification and change, password reset and change, sessions (devices),
// TOTP two-factor sign-in, and the operator's mail outbox. Decision 024.
import { z } from 'zod';
import { page, timestamp } from './common.ts';
import { me } from './accounts.ts';
import { MIN_PASSWORD_LENGTH } from './limits.ts';

/** A TOTP code lasts this long (RFC 6238's default step). */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
export const RECOVERY_CODE_COUNT = 10;
/** How long a password-reset link works. */
export const PASSWORD_RESET_MINUTES = 30;
/** How long an e-mail verification (or change) link works. */
export const EMAIL_LINK_HOURS = 48;
/** How long the code step of a two-factor log-in may follow its password step. */
export const LOGIN_CHALLENGE_MINUTES = 5;

const newPassword = z
  .string()
  .min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
  .max(200)
  .meta({ description: `at least ${MIN_PASSWORD_LENGTH} characters, not one of the 10,000 most common passwords` });
const linkToken = z.string().min(10).max(300).meta({ description: 'the token from the e-mailed link' });
const otpCode = z
  .string()
  .trim()
  .min(6)
  .max(32)
  .meta({ description: `a ${TOTP_DIGITS}-digit code from the authenticator app, or one of the recovery codes` });

export const tokenBody = z.object({ token: linkToken });
export const emailChangeBody = z.object({ email: z.email().max(254), password: z.string().min(1).max(200) });
export const passwordResetRequestBody = z.object({ email: z.email().max(254) });
export const passwordResetBody = z.object({ token: linkToken, password: newPassword });
export const passwordChangeBody = z.object({ currentPassword: z.string().min(1).max(200), newPassword });

export const emailChangeResponse = z.object({ pendingEmail: z.string().meta({ description: 'confirmed once the link sent there is opened' }) });
export const emailVerifiedResponse = z.object({ user: me });

export const accountSession = z
  .object({
    id: z.uuid(),
    device: z.string().meta({ description: 'the browser and system, from its user agent (e.g. "Firefox on Android")' }),
    current: z.boolean().meta({ description: 'the session making this request' }),
    region: z.string().meta({ description: 'the region that signed it in' }),
    firstSeenAt: timestamp,
    lastSeenAt: timestamp.meta({ description: 'updated at most once a minute' }),
  })
  .meta({ id: 'AccountSession' });
export const sessionsResponse = z.object({ items: z.array(accountSession) });
export const sessionParams = z.object({ id: z.uuid() });
export const signedOutResponse = z.object({ signedOut: z.number().int().meta({ description: 'sessions ended' }) });

export const twoFactorStatus = z.object({
  enabled: z.boolean(),
  recoveryCodesLeft: z.number().int(),
});
export const totpSetupResponse = z.object({
  secret: z.string().meta({ description: 'base32, to type into an authenticator app' }),
  otpauthUrl: z.string().meta({ description: 'the otpauth:// URI the QR code holds' }),
  qrCode: z.string().meta({ description: 'the QR code of otpauthUrl as an SVG data: URL' }),
});
export const totpCodeBody = z.object({ code: otpCode });
export const totpDisableBody = z.object({ password: z.string().min(1).max(200), code: otpCode });
export const recoveryCodesResponse = z.object({
  codes: z.array(z.string()).length(RECOVERY_CODE_COUNT).meta({ description: 'shown this once; each signs in once in place of a code' }),
});

export const twoFactorChallenge = z
  .object({
    challenge: z.string().meta({ description: 'signed, short-lived; send it with a code to /auth/login/totp' }),
    expiresAt: timestamp,
  })
  .meta({ id: 'TwoFactorChallenge' });
export const loginResponse = z.union([z.object({ user: me }), z.object({ twoFactor: twoFactorChallenge })]);
export const loginTotpBody = z.object({ challenge: z.string().min(10).max(1000), code: otpCode });

export const outboxMail = z
  .object({
    id: z.string(),
    to: z.string(),
    subject: z.string(),
    text: z.string(),
    html: z.string(),
    template: z.string(),
    createdAt: timestamp,
  })
  .meta({ id: 'OutboxMail' });
export const outboxQuery = z.object({ cursor: z.string().max(100).optional(), to: z.string().max(254).optional() });
export const outboxResponse = page(outboxMail);

export type TokenInput = z.input<typeof tokenBody>;
export type EmailChangeInput = z.input<typeof emailChangeBody>;
export type PasswordResetRequestInput = z.input<typeof passwordResetRequestBody>;
export type PasswordResetInput = z.input<typeof passwordResetBody>;
export type PasswordChangeInput = z.input<typeof passwordChangeBody>;
export type EmailChangeResponse = z.output<typeof emailChangeResponse>;
export type AccountSession = z.output<typeof accountSession>;
export type SessionsResponse = z.output<typeof sessionsResponse>;
export type SignedOutResponse = z.output<typeof signedOutResponse>;
export type TwoFactorStatus = z.output<typeof twoFactorStatus>;
export type TotpSetupResponse = z.output<typeof totpSetupResponse>;
export type RecoveryCodesResponse = z.output<typeof recoveryCodesResponse>;
export type TwoFactorChallenge = z.output<typeof twoFactorChallenge>;
export type LoginResponse = z.output<typeof loginResponse>;
export type LoginTotpInput = z.input<typeof loginTotpBody>;
export type OutboxMail = z.output<typeof outboxMail>;
export type OutboxResponse = z.output<typeof outboxResponse>;
