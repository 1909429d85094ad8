import { useState, type FormEvent } from 'react';
import { login } from '../api/auth.ts';
import { formErrors, noFormErrors, type FormErrors } from '../api/form-errors.ts';
import { Link } from '../router/link.tsx';
import { navigate } from '../router/history.ts';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Field } from '../ui/field.tsx';

export function LoginPage({ next }: { next: string }) {
  const { setUser } = useSession();
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<'login' | 'password'>>(noFormErrors);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors(noFormErrors);
    try {
      const { user } = await login(name.trim(), password);
      setUser(user);
      navigate(next, { replace: true });
    } catch (err) {
      setErrors(formErrors(err, ['login', 'password']));
    } finally {
      setBusy(false);
    }
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
          New here? <Link to={paths.signup(next)}>Sign up</Link>
        </p>
      </form>
    </div>
  );
}
