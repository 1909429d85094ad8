// Settings → Security (/settings/security, also /settings/account): the e-mail address (confirm it,
// change it), the password, two-factor sign-in (TOTP, with a QR code and recovery codes), and every
// signed-in device with a way to sign it out. Decision 024.
import { useState, type FormEvent } from 'react';
import type { AccountSession, Me, TotpSetupResponse } from '@cliptide/contract';
import {
  changeEmail,
  changePassword,
  confirmTwoFactor,
  disableTwoFactor,
  fetchSessions,
  fetchTwoFactor,
  resendVerification,
  setupTwoFactor,
  signOutOthers,
  signOutSession,
} from '../api/account-security.ts';
import { fetchMe } from '../api/auth.ts';
import { formErrors, noFormErrors, type FormErrors } from '../api/form-errors.ts';
import { friendlyMessage } from '../api/error-messages.ts';
import { Redirect } from '../router/redirect.tsx';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Field } from '../ui/field.tsx';
import { timeAgo } from '../ui/format.ts';
import { ErrorState, Loading } from '../ui/states.tsx';
import { useResource } from '../ui/use-resource.ts';
import { useToast } from '../ui/toast.tsx';

export function SecuritySettingsPage() {
  const { user } = useSession();
  if (user === undefined) return <Loading />;
  if (user === null) return <Redirect to={paths.login(paths.securitySettings())} />;
  return (
    <div className="page auth-page settings-page">
      <h1>Security</h1>
      <EmailSection user={user} />
      <PasswordSection />
      <TwoFactorSection />
      <SessionsSection />
    </div>
  );
}

function GeneralError({ message }: { message: string | null }) {
  return message ? (
    <p className="form-error" role="alert">
      {message}
    </p>
  ) : null;
}

function EmailSection({ user }: { user: Me }) {
  const { setUser } = useSession();
  const toast = useToast();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors<'email' | 'password'>>(noFormErrors);
  const [resendError, setResendError] = useState<string | null>(null);

  async function resend() {
    setResendError(null);
    try {
      await resendVerification();
      toast(`We sent a new link to ${user.email}`);
    } catch (err) {
      setResendError(friendlyMessage(err));
    }
  }

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors(noFormErrors);
    try {
      const { pendingEmail } = await changeEmail(email.trim(), password);
      setEmail('');
      setPassword('');
      setUser((await fetchMe()).user);
      toast(`Open the link we sent to ${pendingEmail} to finish`);
    } catch (err) {
      setErrors(formErrors(err, ['email', 'password'], { email_taken: 'email', wrong_password: 'password' }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card form" aria-labelledby="email-heading">
      <h2 id="email-heading">Email</h2>
      <p>
        <strong>{user.email}</strong> — {user.emailVerified ? 'confirmed' : 'not confirmed yet'}
      </p>
      {!user.emailVerified && (
        <>
          <p className="field-hint">
            {user.mayPost
              ? 'Open the link we sent you to confirm your address. Until you do, you can post for a few days after signing up.'
              : 'Confirm your address to upload and comment again: open the link we sent you.'}
          </p>
          <button type="button" className="button" onClick={() => void resend()}>
            Send the link again
          </button>
          <GeneralError message={resendError} />
        </>
      )}
      {user.pendingEmail && <p className="field-hint">Waiting for you to open the link sent to {user.pendingEmail}.</p>}
      <form className="form" onSubmit={submit} noValidate>
        <Field label="New email address" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.fields.email} required />
        <Field label="Your password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.fields.password} required />
        <GeneralError message={errors.general} />
        <button type="submit" className="button" disabled={busy || !email.trim() || !password}>
          {busy ? 'Sending…' : 'Change email'}
        </button>
      </form>
    </section>
  );
}

function PasswordSection() {
  const toast = useToast();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors<'currentPassword' | 'newPassword'>>(noFormErrors);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors(noFormErrors);
    try {
      const { signedOut } = await changePassword(current, next);
      setCurrent('');
      setNext('');
      toast(signedOut > 0 ? `Password changed; ${signedOut} other session${signedOut === 1 ? '' : 's'} signed out` : 'Password changed');
    } catch (err) {
      setErrors(formErrors(err, ['currentPassword', 'newPassword'], { wrong_password: 'currentPassword' }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card" aria-labelledby="password-heading">
      <form className="form" onSubmit={submit} noValidate>
        <h2 id="password-heading">Password</h2>
        <Field label="Current password" type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} error={errors.fields.currentPassword} required />
        <Field
          label="New password"
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
          error={errors.fields.newPassword}
          hint="At least 10 characters. Every other device is signed out."
          required
        />
        <GeneralError message={errors.general} />
        <button type="submit" className="button" disabled={busy || !current || !next}>
          {busy ? 'Saving…' : 'Change password'}
        </button>
      </form>
    </section>
  );
}

function TwoFactorSection() {
  const { setUser } = useSession();
  const toast = useToast();
  const status = useResource('two-factor', (signal) => fetchTwoFactor(signal));
  const [setup, setSetup] = useState<TotpSetupResponse | null>(null);
  const [codes, setCodes] = useState<string[] | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors<'code' | 'password'>>(noFormErrors);

  const refresh = async () => {
    status.retry();
    setUser((await fetchMe()).user);
  };

  async function start() {
    setBusy(true);
    setErrors(noFormErrors);
    try {
      setSetup(await setupTwoFactor());
    } catch (err) {
      setErrors(formErrors(err, []));
    } finally {
      setBusy(false);
    }
  }

  async function confirm(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors(noFormErrors);
    try {
      const result = await confirmTwoFactor(code.trim());
      setCodes(result.codes);
      setSetup(null);
      setCode('');
      await refresh();
    } catch (err) {
      setErrors(formErrors(err, ['code'], { invalid_code: 'code' }));
    } finally {
      setBusy(false);
    }
  }

  async function disable(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors(noFormErrors);
    try {
      await disableTwoFactor(password, code.trim());
      setPassword('');
      setCode('');
      toast('Two-factor sign-in is off');
      await refresh();
    } catch (err) {
      setErrors(formErrors(err, ['code', 'password'], { invalid_code: 'code', wrong_password: 'password' }));
    } finally {
      setBusy(false);
    }
  }

  let body;
  if (codes) {
    body = (
      <>
        <p>
          <strong>Two-factor sign-in is on.</strong> Keep these recovery codes somewhere safe: each one signs you in once if you lose your phone. They are shown only now.
        </p>
        <ol className="recovery-codes" aria-label="Recovery codes">
          {codes.map((c) => (
            <li key={c}>
              <code>{c}</code>
            </li>
          ))}
        </ol>
        <button type="button" className="button button-primary" onClick={() => setCodes(null)}>
          I have saved them
        </button>
      </>
    );
  } else if (status.error) {
    body = <ErrorState error={status.error} onRetry={status.retry} />;
  } else if (!status.data) {
    body = <Loading />;
  } else if (setup) {
    body = (
      <form className="form" onSubmit={confirm} noValidate>
        <p>Scan this code with an authenticator app (or type the key into it), then enter the 6-digit code it shows.</p>
        <img className="totp-qr" src={setup.qrCode} alt="QR code for your authenticator app" width={200} height={200} />
        <p className="field-hint">
          Key: <code className="totp-secret">{setup.secret}</code>
        </p>
        <Field label="Code from the app" autoComplete="one-time-code" inputMode="numeric" value={code} onChange={(e) => setCode(e.target.value)} error={errors.fields.code} required />
        <GeneralError message={errors.general} />
        <div className="row">
          <button type="submit" className="button button-primary" disabled={busy || code.trim().length < 6}>
            Turn on
          </button>
          <button type="button" className="button" onClick={() => setSetup(null)}>
            Cancel
          </button>
        </div>
      </form>
    );
  } else if (status.data.enabled) {
    body = (
      <form className="form" onSubmit={disable} noValidate>
        <p>
          <strong>On.</strong> {status.data.recoveryCodesLeft} recovery code{status.data.recoveryCodesLeft === 1 ? '' : 's'} left.
        </p>
        <Field label="Your password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.fields.password} required />
        <Field label="Code from the app, or a recovery code" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} error={errors.fields.code} required />
        <GeneralError message={errors.general} />
        <button type="submit" className="button button-danger" disabled={busy || !password || code.trim().length < 6}>
          Turn off
        </button>
      </form>
    );
  } else {
    body = (
      <>
        <p className="field-hint">Off. With it on, signing in also needs a code from an app on your phone.</p>
        <GeneralError message={errors.general} />
        <button type="button" className="button" onClick={() => void start()} disabled={busy}>
          Set up two-factor sign-in
        </button>
      </>
    );
  }

  return (
    <section className="card form" aria-labelledby="two-factor-heading">
      <h2 id="two-factor-heading">Two-factor sign-in</h2>
      {body}
    </section>
  );
}

function SessionsSection() {
  const toast = useToast();
  const sessions = useResource('sessions', (signal) => fetchSessions(signal));
  const [error, setError] = useState<string | null>(null);

  async function act(work: () => Promise<unknown>, done: string) {
    setError(null);
    try {
      await work();
      toast(done);
      sessions.retry();
    } catch (err) {
      setError(friendlyMessage(err));
    }
  }

  const items: AccountSession[] = sessions.data?.items ?? [];
  return (
    <section className="card form" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">Where you’re signed in</h2>
      {sessions.error ? (
        <ErrorState error={sessions.error} onRetry={sessions.retry} />
      ) : !sessions.data ? (
        <Loading />
      ) : (
        <ul className="session-list">
          {items.map((s) => (
            <li key={s.id} className="session-item">
              <div>
                <strong>{s.device}</strong>
                {s.current && <span className="badge"> This device</span>}
                <p className="muted-text">
                  {s.region} · signed in {timeAgo(s.firstSeenAt)} · last seen {timeAgo(s.lastSeenAt)}
                </p>
              </div>
              {!s.current && (
                <button type="button" className="button" onClick={() => void act(() => signOutSession(s.id), `${s.device} signed out`)}>
                  Sign out
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <GeneralError message={error} />
      {items.length > 1 && (
        <button type="button" className="button" onClick={() => void act(() => signOutOthers(), 'Every other device is signed out')}>
          Sign out all other devices
        </button>
      )}
    </section>
  );
}
