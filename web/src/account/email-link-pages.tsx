// The pages e-mailed links open (/verify-email, /reset-password) and the one that asks for a reset
// link (/forgot-password). Decision 024.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { requestPasswordReset, resetPassword, verifyEmail } from '../api/account-security.ts';
import { formErrors, noFormErrors, type FormErrors } from '../api/form-errors.ts';
import { friendlyMessage } from '../api/error-messages.ts';
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Field } from '../ui/field.tsx';
import { Loading } from '../ui/states.tsx';

/** Opens a verification (or change-of-address) link: confirmed once, then says so. */
export function VerifyEmailPage({ token }: { token: string }) {
  const { user, setUser } = useSession();
  const [state, setState] = useState<{ kind: 'working' } | { kind: 'done'; email: string } | { kind: 'failed'; message: string }>({ kind: 'working' });
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    verifyEmail(token).then(
      ({ user: confirmed }) => {
        setState({ kind: 'done', email: confirmed.email });
        if (user && user.id === confirmed.id) setUser(confirmed);
      },
      (err: unknown) => setState({ kind: 'failed', message: friendlyMessage(err) }),
    );
  }, [token, user, setUser]);

  return (
    <div className="page auth-page">
      <div className="card form" role="status">
        <h1>Confirm email</h1>
        {state.kind === 'working' && <Loading label="Confirming your address" />}
        {state.kind === 'done' && (
          <>
            <p>
              Thanks: <strong>{state.email}</strong> is confirmed.
            </p>
            <Link className="button button-primary button-wide" to={user ? paths.foryou() : paths.login()}>
              {user ? 'Continue' : 'Log in'}
            </Link>
          </>
        )}
        {state.kind === 'failed' && (
          <>
            <p className="form-error" role="alert">
              {state.message}
            </p>
            <Link className="button button-wide" to={paths.securitySettings()}>
              Send a new link
            </Link>
          </>
        )}
      </div>
    </div>
  );
}

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState(false);
  const [errors, setErrors] = useState<FormErrors<'email'>>(noFormErrors);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors(noFormErrors);
    try {
      await requestPasswordReset(email.trim());
      setSent(true);
    } catch (err) {
      setErrors(formErrors(err, ['email']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page auth-page">
      <form className="card form" onSubmit={submit} noValidate>
        <h1>Forgot your password?</h1>
        {sent ? (
          <p role="status">If an account uses {email.trim()}, we have sent it a link to choose a new password. The link works for 30 minutes.</p>
        ) : (
          <>
            <p className="muted-text">Enter your account’s email address and we’ll send you a link to choose a new password.</p>
            <Field label="Email" type="email" autoComplete="email" value={email} onChange={(e) => setEmail(e.target.value)} error={errors.fields.email} required />
            {errors.general && (
              <p className="form-error" role="alert">
                {errors.general}
              </p>
            )}
            <button type="submit" className="button button-primary button-wide" disabled={busy || !email.trim()}>
              {busy ? 'Sending…' : 'Send the link'}
            </button>
          </>
        )}
        <p className="muted-text">
          <Link to={paths.login()}>Back to log in</Link>
        </p>
      </form>
    </div>
  );
}

export function ResetPasswordPage({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState(false);
  const [errors, setErrors] = useState<FormErrors<'password'>>(noFormErrors);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors(noFormErrors);
    try {
      await resetPassword(token, password);
      setDone(true);
    } catch (err) {
      setErrors(formErrors(err, ['password']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page auth-page">
      <form className="card form" onSubmit={submit} noValidate>
        <h1>Choose a new password</h1>
        {done ? (
          <>
            <p role="status">Your password is changed, and every device that was signed in has been signed out.</p>
            <Link className="button button-primary button-wide" to={paths.login()}>
              Log in
            </Link>
          </>
        ) : (
          <>
            <Field
              label="New password"
              type="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              error={errors.fields.password}
              hint="At least 10 characters; not a common password."
              required
            />
            {errors.general && (
              <p className="form-error" role="alert">
                {errors.general}
              </p>
            )}
            <button type="submit" className="button button-primary button-wide" disabled={busy || !password}>
              {busy ? 'Saving…' : 'Set the new password'}
            </button>
          </>
        )}
      </form>
    </div>
  );
}
