// Account security: sessions as devices, e-mail verification and change, password reset and change,
// TOTP two-factor sign-in with recovery codes, and the posting rule for unverified addresses.
// No HTTP, no SQL here. Decision 024.
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import {
  EMAIL_LINK_HOURS,
  LOGIN_CHALLENGE_MINUTES,
  PASSWORD_RESET_MINUTES,
  RECOVERY_CODE_COUNT,
  type AccountSession,
  type TotpSetupResponse,
  type TwoFactorChallenge,
} from '@cliptide/contract';
import { DomainError, notFound } from '../shared/errors.ts';
import type { Mail } from '../mail/mail.types.ts';
import { mailTemplates } from '../mail/templates.ts';
import type { AccountSecurityRepository, TokenPurpose } from './account-security.repository.ts';
import type { PasswordHasher } from './password.ts';
import { passwordProblem } from './password-policy.ts';
import { createLoginThrottle } from './login-throttle.ts';
import { matchTotp, newTotpSecret, otpauthUrl, qrCodeDataUrl } from './totp.ts';
import { deviceLabel } from './user-agent.ts';

export const SESSION_TTL_SECONDS = 30 * 24 * 3600;
/** Verification mails one account may ask for: one a minute, this many a day. */
const RESENDS_PER_DAY = 5;
/** Reset mails for one address per hour (more requests are answered alike and dropped). */
const RESETS_PER_HOUR = 3;

export interface SecurityDeps {
  repo: AccountSecurityRepository;
  passwords: PasswordHasher;
  mail: { send(mail: Mail): Promise<void> };
  /** The site's origin, for links in mails (PUBLIC_URL; never a request's Host). */
  linkOrigin: string;
  /** The region whose cell signs people in here (shown per session). */
  region: string;
  unverifiedPostingDays: number;
  now: () => Date;
  /** Runs work after the answer (so an answer's timing tells nothing); failures are logged. */
  background: (work: () => Promise<unknown>) => void;
}

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

const TAGS: Record<TokenPurpose, string> = { verify_email: 've', change_email: 'ce', reset_password: 'rp' };
const PURPOSE_OF: Record<string, TokenPurpose> = { ve: 'verify_email', ce: 'change_email', rp: 'reset_password' };

const invalidToken = () => new DomainError('invalid_token', 'That link is invalid, has expired or was already used');
const invalidCode = () => new DomainError('invalid_code', 'That code is not valid (or was already used)', [{ path: 'body.code', message: 'wrong or used code' }]);
const wrongPassword = (path: string) => new DomainError('wrong_password', 'That password is wrong', [{ path, message: 'wrong password' }]);

export function createAccountSecurityService(deps: SecurityDeps) {
  const { repo } = deps;
  // wrong two-factor codes, per account, in this process: a few free, then each try waits longer
  const codeThrottle = createLoginThrottle(() => deps.now().getTime());
  let key: Promise<string> | null = null;
  const signingKey = () => (key ??= repo.signingKey('links', randomBytes(32).toString('base64url')));
  const mac = async (data: string) => createHmac('sha256', await signingKey()).update(data).digest('base64url').slice(0, 32);
  const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

  /** `tag.random.mac`: the MAC refuses a made-up or altered token before the database is asked. */
  async function newLinkToken(purpose: TokenPurpose): Promise<string> {
    const body = `${TAGS[purpose]}.${randomBytes(32).toString('base64url')}`;
    return `${body}.${await mac(body)}`;
  }
  async function purposeOf(token: string): Promise<TokenPurpose | null> {
    const parts = token.split('.');
    if (parts.length !== 3) return null;
    const body = `${parts[0]}.${parts[1]}`;
    if (!sameText(parts[2]!, await mac(body))) return null;
    return PURPOSE_OF[parts[0]!] ?? null;
  }
  const link = (path: string, token: string) => `${deps.linkOrigin}${path}?token=${encodeURIComponent(token)}`;

  async function requireAccount(id: string) {
    const account = await repo.account(id);
    if (!account) throw notFound('Account');
    return account;
  }

  async function sendVerification(account: { id: string; username: string; email: string }) {
    const token = await newLinkToken('verify_email');
    await repo.insertToken(hashToken(token), account.id, 'verify_email', account.email, EMAIL_LINK_HOURS * 3600);
    await deps.mail.send({ to: account.email, ...mailTemplates.verifyEmail(account.username, link('/verify-email', token), EMAIL_LINK_HOURS) });
  }

  async function checkPassword(hash: string, password: string, path: string) {
    if (!(await deps.passwords.verify(hash, password))) throw wrongPassword(path);
  }

  function newRecoveryCodes(): string[] {
    const alphabet = 'abcdefghjkmnpqrstuvwxyz23456789';
    return Array.from({ length: RECOVERY_CODE_COUNT }, () => {
      const bytes = randomBytes(12);
      const chars = [...bytes].map((b) => alphabet[b % alphabet.length]).join('');
      return `${chars.slice(0, 6)}-${chars.slice(6)}`;
    });
  }
  const recoveryHash = async (code: string) => createHmac('sha256', await signingKey()).update(`recovery:${code.toLowerCase().replace(/[^a-z0-9]/g, '')}`).digest('hex');

  /** A TOTP code (each accepted once) or an unused recovery code; wrong guesses are throttled. */
  async function checkSecondFactor(accountId: string, secret: string, code: string) {
    const throttleKey = `totp ${accountId}`;
    const waitMs = codeThrottle.waitMs(throttleKey);
    if (waitMs > 0) throw new DomainError('rate_limited', `Too many wrong codes; try again in ${Math.ceil(waitMs / 1000)} s`);
    const step = matchTotp(secret, code, deps.now().getTime());
    const ok = step !== null ? await repo.takeTotpStep(accountId, step) : /^\d+$/.test(code.trim()) ? false : await repo.useRecoveryCode(accountId, await recoveryHash(code));
    if (!ok) {
      codeThrottle.failed(throttleKey);
      throw invalidCode();
    }
    codeThrottle.succeeded(throttleKey);
  }

  async function startSession(accountId: string, userAgent: string): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await repo.createSession({ tokenHash: hashToken(token), accountId, ttlSeconds: SESSION_TTL_SECONDS, userAgent, region: deps.region });
    return token;
  }

  const mayPost = (a: { email_verified_at: Date | null; created_at: Date }) =>
    a.email_verified_at !== null || deps.now().getTime() - a.created_at.getTime() < deps.unverifiedPostingDays * 86_400_000;

  return {
    startSession,
    mayPost,

    /** Refuses an upload or a comment from an account whose address is still unconfirmed after the grace days. */
    async assertMayPost(accountId: string): Promise<void> {
      const account = await requireAccount(accountId);
      if (!mayPost(account)) {
        throw new DomainError(
          'email_unverified',
          `Confirm your email address to post: accounts may post without it for ${deps.unverifiedPostingDays} days. We can send the link again from Settings → Security.`,
        );
      }
    },

    /** After sign-up: the verification mail. */
    sendVerification,

    async resendVerification(accountId: string): Promise<void> {
      const account = await requireAccount(accountId);
      if (account.email_verified_at) throw new DomainError('conflict', 'Your email address is already confirmed');
      const recent = await repo.tokensSince(accountId, 'verify_email', 86_400);
      if (recent.newest && deps.now().getTime() - recent.newest.getTime() < 60_000) throw new DomainError('rate_limited', 'We just sent it; wait a minute before asking again');
      if (recent.count >= RESENDS_PER_DAY) throw new DomainError('rate_limited', `At most ${RESENDS_PER_DAY} mails a day; check your spam folder, or try tomorrow`);
      await sendVerification(account);
    },

    /** Opens a verification or change-of-address link; returns the account it confirmed. */
    async confirmEmail(token: string): Promise<string> {
      const purpose = await purposeOf(token);
      if (purpose !== 'verify_email' && purpose !== 'change_email') throw invalidToken();
      const used = await repo.useToken(hashToken(token), purpose);
      if (!used) throw invalidToken();
      if (purpose === 'verify_email') {
        if (!(await repo.markEmailVerified(used.account_id, used.email))) throw invalidToken();
        return used.account_id;
      }
      if (!(await repo.switchEmail(used.account_id, used.email))) throw new DomainError('email_taken', 'Another account uses that address now');
      return used.account_id;
    },

    async requestEmailChange(accountId: string, email: string, password: string): Promise<{ pendingEmail: string }> {
      const account = await requireAccount(accountId);
      await checkPassword(account.password_hash, password, 'body.password');
      if (email.toLowerCase() === account.email.toLowerCase()) {
        throw new DomainError('validation_failed', 'That is already your address', [{ path: 'body.email', message: 'is your current address' }]);
      }
      if (await repo.emailTaken(email, accountId)) throw new DomainError('email_taken', 'An account with that email already exists');
      const recent = await repo.tokensSince(accountId, 'change_email', 3600);
      if (recent.count >= RESENDS_PER_DAY) throw new DomainError('rate_limited', 'Too many address changes asked for; try again in an hour');
      await repo.revokeTokens(accountId, 'change_email');
      await repo.setPendingEmail(accountId, email);
      const token = await newLinkToken('change_email');
      await repo.insertToken(hashToken(token), accountId, 'change_email', email, EMAIL_LINK_HOURS * 3600);
      await deps.mail.send({ to: email, ...mailTemplates.changeEmailConfirm(account.username, link('/verify-email', token), EMAIL_LINK_HOURS) });
      await deps.mail.send({ to: account.email, ...mailTemplates.changeEmailNotice(account.username, email) });
      return { pendingEmail: email };
    },

    /** Answers alike whether or not the address is known: the work happens after the answer. */
    requestPasswordReset(email: string): void {
      deps.background(async () => {
        const account = await repo.findByEmail(email);
        if (!account) return;
        const token = await newLinkToken('reset_password');
        // at most RESETS_PER_HOUR links an hour, also when requests race (the count and insert are one step)
        const made = await repo.insertTokenWithin({ max: RESETS_PER_HOUR, seconds: 3600 }, hashToken(token), account.id, 'reset_password', account.email, PASSWORD_RESET_MINUTES * 60);
        if (!made) return;
        await deps.mail.send({ to: account.email, ...mailTemplates.passwordReset(account.username, link('/reset-password', token), PASSWORD_RESET_MINUTES) });
      });
    },

    /** Sets a new password from a reset link, and ends every session of the account. */
    async resetPassword(token: string, password: string): Promise<void> {
      if ((await purposeOf(token)) !== 'reset_password') throw invalidToken();
      const tokenHash = hashToken(token);
      // the policy is checked before the link is used up, so that a refused password can be retried with it
      const pending = await repo.peekToken(tokenHash, 'reset_password');
      if (!pending) throw invalidToken();
      const account = await requireAccount(pending.account_id);
      const weak = passwordProblem(password, account);
      if (weak) throw new DomainError('validation_failed', `That password is not allowed: it ${weak.replace(/^at least/, 'needs at least')}`, [{ path: 'body.password', message: weak }]);
      const peek = await repo.useToken(tokenHash, 'reset_password');
      if (!peek) throw invalidToken();
      await repo.setPasswordHash(account.id, await deps.passwords.hash(password));
      await repo.revokeTokens(account.id, 'reset_password');
      await repo.deleteOtherSessions(account.id, null);
      // the link reached the account's address: that confirms it
      await repo.markEmailVerified(account.id, peek.email);
      await deps.mail.send({ to: account.email, ...mailTemplates.passwordChanged(account.username) });
    },

    async changePassword(accountId: string, currentToken: string | undefined, current: string, next: string): Promise<number> {
      const account = await requireAccount(accountId);
      await checkPassword(account.password_hash, current, 'body.currentPassword');
      const weak = passwordProblem(next, account);
      if (weak) throw new DomainError('validation_failed', `That password is not allowed: it ${weak.replace(/^at least/, 'needs at least')}`, [{ path: 'body.newPassword', message: weak }]);
      await repo.setPasswordHash(accountId, await deps.passwords.hash(next));
      await repo.revokeTokens(accountId, 'reset_password');
      const ended = await repo.deleteOtherSessions(accountId, currentToken ? hashToken(currentToken) : null);
      await deps.mail.send({ to: account.email, ...mailTemplates.passwordChanged(account.username) });
      return ended;
    },

    async sessions(accountId: string, currentToken: string | undefined): Promise<AccountSession[]> {
      const current = currentToken ? hashToken(currentToken) : null;
      return (await repo.sessions(accountId)).map((s) => ({
        id: s.id,
        device: deviceLabel(s.user_agent),
        current: s.token_hash === current,
        region: s.region || deps.region,
        firstSeenAt: s.created_at.toISOString(),
        lastSeenAt: s.last_seen_at.toISOString(),
      }));
    },

    async signOutSession(accountId: string, id: string): Promise<void> {
      if ((await repo.deleteSessionById(accountId, id)) === 0) throw notFound('Session');
    },

    signOutOthers: (accountId: string, currentToken: string | undefined) => repo.deleteOtherSessions(accountId, currentToken ? hashToken(currentToken) : null),

    async twoFactorStatus(accountId: string) {
      const account = await requireAccount(accountId);
      return { enabled: account.totp_enabled_at !== null, recoveryCodesLeft: account.totp_enabled_at ? await repo.recoveryCodesLeft(accountId) : 0 };
    },

    /** Step 1 of turning TOTP on: a new secret (not in force until a code confirms it). */
    async setupTotp(accountId: string): Promise<TotpSetupResponse> {
      const account = await requireAccount(accountId);
      if (account.totp_enabled_at) throw new DomainError('conflict', 'Two-factor sign-in is already on; turn it off first to use another app');
      const secret = newTotpSecret();
      await repo.setTotpSecret(accountId, secret);
      const url = otpauthUrl(secret, account.username);
      return { secret, otpauthUrl: url, qrCode: await qrCodeDataUrl(url) };
    },

    /** Step 2: a code from the app proves it holds the secret; TOTP is on; ten recovery codes, shown once. */
    async confirmTotp(accountId: string, code: string): Promise<string[]> {
      const account = await requireAccount(accountId);
      if (account.totp_enabled_at) throw new DomainError('conflict', 'Two-factor sign-in is already on');
      if (!account.totp_secret) throw new DomainError('conflict', 'Start setting up two-factor sign-in first');
      if (!/^\d{6}$/.test(code.trim())) throw invalidCode();
      await checkSecondFactor(accountId, account.totp_secret, code);
      const codes = newRecoveryCodes();
      await repo.replaceRecoveryCodes(accountId, await Promise.all(codes.map(recoveryHash)));
      await repo.enableTotp(accountId);
      await deps.mail.send({ to: account.email, ...mailTemplates.twoFactorChanged(account.username, true) });
      return codes;
    },

    async disableTotp(accountId: string, password: string, code: string): Promise<void> {
      const account = await requireAccount(accountId);
      if (!account.totp_enabled_at || !account.totp_secret) throw new DomainError('conflict', 'Two-factor sign-in is off');
      await checkPassword(account.password_hash, password, 'body.password');
      await checkSecondFactor(accountId, account.totp_secret, code);
      await repo.setTotpSecret(accountId, null);
      await repo.replaceRecoveryCodes(accountId, []);
      await deps.mail.send({ to: account.email, ...mailTemplates.twoFactorChanged(account.username, false) });
    },

    /** Whether log-in needs a second step for this account. */
    twoFactorOn: async (accountId: string) => (await repo.account(accountId))?.totp_enabled_at != null,

    /** After a right password, when TOTP is on: a signed, short-lived challenge (not a session). */
    async loginChallenge(accountId: string): Promise<TwoFactorChallenge> {
      const expires = deps.now().getTime() + LOGIN_CHALLENGE_MINUTES * 60_000;
      const body = `lc.${Buffer.from(JSON.stringify({ a: accountId, e: expires, n: randomBytes(8).toString('base64url') })).toString('base64url')}`;
      return { challenge: `${body}.${await mac(body)}`, expiresAt: new Date(expires).toISOString() };
    },

    /** The code step: a valid challenge and a right code start a session. */
    async completeLogin(challenge: string, code: string, userAgent: string): Promise<{ accountId: string; token: string }> {
      const parts = challenge.split('.');
      const expired = () => new DomainError('invalid_token', 'That sign-in took too long; enter your password again');
      if (parts.length !== 3 || parts[0] !== 'lc' || !sameText(parts[2]!, await mac(`${parts[0]}.${parts[1]}`))) throw expired();
      let claim: { a: string; e: number };
      try {
        claim = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString()) as { a: string; e: number };
      } catch {
        throw expired();
      }
      if (typeof claim.e !== 'number' || claim.e < deps.now().getTime()) throw expired();
      const account = await repo.account(claim.a);
      if (!account?.totp_enabled_at || !account.totp_secret) throw expired();
      await checkSecondFactor(account.id, account.totp_secret, code);
      return { accountId: account.id, token: await startSession(account.id, userAgent) };
    },
  };
}
export type AccountSecurityService = ReturnType<typeof createAccountSecurityService>;
