import { useState, type FormEvent } from 'react';
import { loginWithCode, loginWithPassword } from '../api/account-security.ts';
import { formErrors, noFormErrors, type FormErrors } from '../api/form-errors.ts';
import { Link } from '../router/link.tsx';
import { navigate } from '../router/history.ts';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Field } from '../ui/field.tsx';
import { ApiError } from '../api/problem.ts';

export function LoginPage({ next }: { next: string }) {
  const { setUser } = useSession();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<'login' | 'password'>>(noFormErrors);
  const [busy, setBusy] = useState(false);
  // two-factor sign-in: the password step answered a challenge; the code step finishes
  const [challenge, setChallenge] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [codeErrors, setCodeErrors] = useState<FormErrors<'code'>>(noFormErrors);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors(noFormErrors);
    try {
      const result = await loginWithPassword(name.trim(), password);
      if ('twoFactor' in result) {
        setChallenge(result.twoFactor.challenge);
        return;
      }
      setUser(result.user);
      navigate(next, { replace: true });
    } catch (err) {
      setErrors(formErrors(err, ['login', 'password']));
    } finally {
      setBusy(false);
    }
  }

  async function submitCode(event: FormEvent) {
    event.preventDefault();
    if (!challenge) return;
    setBusy(true);
    setCodeErrors(noFormErrors);
    try {
      const { user } = await loginWithCode(challenge, code.trim());
      setUser(user);
      navigate(next, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'invalid_token') {
        // the challenge ran out: back to the password step
        setChallenge(null);
        setCode('');
        setErrors(formErrors(err, ['login', 'password']));
      } else {
        setCodeErrors(formErrors(err, ['code'], { invalid_code: 'code' }));
      }
    } finally {
      setBusy(false);
    }
  }

  if (challenge) {
    return (
      <div className="page auth-page">
        <form className="card form" onSubmit={submitCode} noValidate>
          <h1>Two-factor sign-in</h1>
          <p className="muted-text">Enter the 6-digit code from your authenticator app, or one of your recovery codes.</p>
          <Field
            label="Code"
            autoComplete="one-time-code"
            inputMode="text"
            autoFocus
            value={code}
            onChange={(e) => setCode(e.target.value)}
            error={codeErrors.fields.code}
            required
          />
          {codeErrors.general && (
            <p className="form-error" role="alert">
              {codeErrors.general}
            </p>
          )}
          <button type="submit" className="button button-primary button-wide" disabled={busy || code.trim().length < 6}>
            {busy ? 'Checking…' : 'Log in'}
          </button>
          <button type="button" className="button button-wide" onClick={() => setChallenge(null)}>
            Back
          </button>
        </form>
      </div>
    );
  }

  return (
    <div className="page auth-page">
      <form className="card form" onSubmit={submit} noValidate>
        <h1>Log in</h1>
        <Field label="Username or email" autoComplete="username" value={name} onChange={(e) => setName(e.target.value)} error={errors.fields.login} required />
        <Field label="Password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={errors.fields.password} required />
        {errors.general && (
          <p className="form-error" role="alert">
            {errors.general}
          </p>
        )}
        <button type="submit" className="button button-primary button-wide" disabled={busy || !name || !password}>
          {busy ? 'Logging in…' : 'Log in'}
        </button>
        <p className="muted-text">
          <Link to={paths.forgotPassword()}>Forgot your password?</Link>
        </p>
        <p className="muted-text">
          New here? <Link to={paths.signup(next)}>Sign up</Link>
        </p>
      </form>
    </div>
  );
}
