// Accounts: sign-up, log-in, sessions, profiles. No HTTP, no SQL here.
import { randomBytes } from 'node:crypto';
import type { TwoFactorChallenge } from '@cliptide/contract';
import { DomainError, notFound } from '../shared/errors.ts';
import type { AccountRepository } from './account.repository.ts';
import { me, publicUser, type Me } from './account.views.ts';
import { MIN_SIGNUP_AGE, ageOn } from './age.ts';
import { ageBandOn, agePolicy, mayGoPublic, type AgeBand } from './age-policy.ts';
import type { PasswordHasher } from './password.ts';
import type { AvatarStore } from './avatar.ts';
import { createLoginThrottle } from './login-throttle.ts';
import { passwordProblem } from './password-policy.ts';
import { hashToken, SESSION_TTL_SECONDS, type AccountSecurityService } from './account-security.service.ts';

export { SESSION_TTL_SECONDS };

export interface AccountDeps {
  accounts: AccountRepository;
  passwords: PasswordHasher;
  avatars: AvatarStore;
  regions: readonly string[];
  defaultRegion: string;
  now: () => Date;
  /** Sessions, verification mail, two-factor sign-in, the posting rule (decision 024). */
  security: AccountSecurityService;
  /** A new account exists (wellbeing gives it its band's defaults). */
  onSignedUp?: (accountId: string, band: AgeBand) => Promise<void>;
}

/** What the client is (its User-Agent, for the sessions page); `verified`: an address known good (the demo seed). */
export interface SessionMeta {
  userAgent?: string | undefined;
  verified?: boolean;
}

export interface SignupInput {
  username: string;
  email: string;
  password: string;
  birthdate: string;
  displayName?: string | undefined;
  region?: string | undefined;
}

export function createAccountService(deps: AccountDeps) {
  const { accounts } = deps;
  const throttle = createLoginThrottle(() => deps.now().getTime());
  // an unknown login is checked against this, so that it takes as long to refuse as a wrong password
  let dummyHash: Promise<string> | null = null;

  const startSession = (accountId: string, meta: SessionMeta) => deps.security.startSession(accountId, meta.userAgent ?? '');
  const view = (row: Parameters<typeof me>[0]) => me(row, deps.now(), deps.security.mayPost(row));

  async function requireMe(id: string): Promise<Me> {
    const row = await accounts.findById(id);
    if (!row) throw notFound('Account');
    return view(row);
  }

  return {
    async signup(input: SignupInput, meta: SessionMeta = {}): Promise<{ user: Me; token: string }> {
      const today = deps.now();
      const age = ageOn(input.birthdate, today);
      if (input.birthdate > today.toISOString().slice(0, 10)) {
        throw new DomainError('validation_failed', 'That birthdate is in the future', [{ path: 'body.birthdate', message: 'is in the future' }]);
      }
      if (age < MIN_SIGNUP_AGE) {
        throw new DomainError('too_young', `You must be at least ${MIN_SIGNUP_AGE} to use Cliptide`, [
          { path: 'body.birthdate', message: `must be at least ${MIN_SIGNUP_AGE} years ago` },
        ]);
      }
      if (age > 130) throw new DomainError('validation_failed', 'That birthdate is not plausible', [{ path: 'body.birthdate', message: 'not plausible' }]);
      const region = input.region ?? deps.defaultRegion;
      if (!deps.regions.includes(region)) {
        throw new DomainError('validation_failed', `Unknown region "${region}"`, [{ path: 'body.region', message: `one of ${deps.regions.join(', ')}` }]);
      }
      const weak = passwordProblem(input.password, input);
      if (weak) throw new DomainError('validation_failed', `That password is not allowed: it ${weak.replace(/^at least/, 'needs at least')}`, [{ path: 'body.password', message: weak }]);
      const taken = await accounts.usernameOrEmailTaken(input.username, input.email);
      if (taken.username_taken) throw new DomainError('username_taken', `The username @${input.username} is taken`);
      if (taken.email_taken) throw new DomainError('email_taken', 'An account with that email already exists');
      if (taken.username_confusable) throw new DomainError('username_taken', `The username @${input.username} looks too much like one that is taken`);
      const row = await accounts.insert({
        username: input.username,
        email: input.email,
        passwordHash: await deps.passwords.hash(input.password),
        birthdate: input.birthdate,
        displayName: input.displayName?.trim() || input.username,
        homeRegion: region,
        private: agePolicy(ageBandOn(input.birthdate, today)).privateByDefault,
      });
      // Lost a race with a concurrent sign-up for the same name or email.
      if (!row) throw new DomainError('username_taken', 'That username or email was just taken');
      await deps.onSignedUp?.(row.id, ageBandOn(input.birthdate, today));
      if (meta.verified) await accounts.markVerified(row.id);
      else await deps.security.sendVerification(row);
      const fresh = (await accounts.findById(row.id)) ?? row;
      return { user: view(fresh), token: await startSession(row.id, meta) };
    },

    /** The password step; with two-factor sign-in on, a challenge for the code step instead of a session. */
    async login(login: string, password: string, meta: SessionMeta = {}): Promise<{ user: Me; token: string } | { twoFactor: TwoFactorChallenge }> {
      const found = await accounts.findCredentials(login);
      // throttled per target account (an unknown name is throttled alike, so the answer tells nothing)
      const key = found ? `account ${found.id}` : `login ${login.toLowerCase()}`;
      const waitMs = throttle.waitMs(key);
      if (waitMs > 0) {
        throw new DomainError('rate_limited', `Too many wrong passwords for this account; try again in ${Math.ceil(waitMs / 1000)} s`);
      }
      const stored = found?.password_hash ?? (await (dummyHash ??= deps.passwords.hash(randomBytes(16).toString('hex'))));
      const ok = await deps.passwords.verify(stored, password);
      if (!found || !ok) {
        throttle.failed(key);
        throw new DomainError('invalid_credentials', 'Wrong username, email or password');
      }
      throttle.succeeded(key);
      // a moderator's suspension or ban (decision 023): the right password, and still no session
      if (found.suspended) throw new DomainError('account_suspended', 'This account is suspended');
      if (await deps.security.twoFactorOn(found.id)) return { twoFactor: await deps.security.loginChallenge(found.id) };
      return { user: await requireMe(found.id), token: await startSession(found.id, meta) };
    },

    /** The code step of a two-factor log-in. */
    async completeLogin(challenge: string, code: string, meta: SessionMeta = {}): Promise<{ user: Me; token: string }> {
      const { accountId, token } = await deps.security.completeLogin(challenge, code, meta.userAgent ?? '');
      return { user: await requireMe(accountId), token };
    },

    logout: (token: string) => accounts.deleteSession(hashToken(token)),

    async viewerForToken(token: string) {
      const tokenHash = hashToken(token);
      const s = await accounts.findSession(tokenHash);
      // last seen: written at most once a minute per session, not on every request
      if (s?.stale) await accounts.touchSession(tokenHash);
      return s ? { id: s.id, username: s.username, homeRegion: s.home_region, grants: s.operator_grants } : null;
    },

    me: requireMe,

    /** The id of the account with this username (any case), or null. */
    idOf: (username: string): Promise<string | null> => accounts.findIdByUsername(username),

    /** The account's id and home region (whose cell holds its data), for the access gateway; null if none. */
    async subjectOf(username: string): Promise<{ id: string; region: string } | null> {
      const row = await accounts.findSubject(username);
      return row ? { id: row.id, region: row.home_region } : null;
    },

    /** Everything about an account, for an operator: call it only inside `gateway.access` (decision 025). */
    personalRecord: (id: string) => accounts.findById(id),

    /** The id of the account with this username, or null when there is none or it blocked the viewer (to them it does not exist). */
    idVisibleTo: (username: string, viewerId: string | null): Promise<string | null> => accounts.findIdVisibleTo(username, viewerId),

    /** The account with this username and whether it is private, or null. */
    followTarget: (username: string) => accounts.findFollowTarget(username),

    async hasAccounts(): Promise<boolean> {
      return (await accounts.count()) > 0;
    },

    setPersonalizedFeed: (id: string, on: boolean) => accounts.setPersonalizedFeed(id, on),

    async profile(username: string, viewerId: string | null) {
      const row = await accounts.findByUsername(username, viewerId);
      if (!row) throw notFound(`User @${username}`);
      return publicUser(row, viewerId);
    },

    async updateProfile(id: string, patch: { displayName?: string | undefined; bio?: string | undefined; private?: boolean | undefined }) {
      if (patch.private === false) {
        const birthdate = await accounts.birthdate(id);
        if (!birthdate) throw notFound('Account');
        if (!mayGoPublic(ageBandOn(birthdate, deps.now()))) {
          throw new DomainError('age_restricted', 'Accounts of people aged 13 to 15 stay private: only followers you approve see your videos', [
            { path: 'body.private', message: 'stays on until you are 16' },
          ]);
        }
      }
      const row = await accounts.updateProfile(id, { displayName: patch.displayName?.trim(), bio: patch.bio?.trim(), private: patch.private });
      if (!row) throw notFound('Account');
      return view(row);
    },

    async setAvatar(id: string, image: Buffer, contentType: string) {
      const key = await deps.avatars.save(id, image, contentType);
      const { previous } = await accounts.setAvatar(id, key);
      if (previous && previous !== key) await deps.avatars.remove(previous);
      return requireMe(id);
    },

    async search(q: string, limit: number, viewerId: string | null) {
      return (await accounts.search(q, limit, viewerId)).map((r) => publicUser(r, viewerId));
    },
  };
}
export type AccountService = ReturnType<typeof createAccountService>;
