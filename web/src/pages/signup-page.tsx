import { useState, type FormEvent } from 'react';
import { signup, type SignupInput } from '../api/auth.ts';
import { fieldMessages, friendlyMessage } from '../api/error-messages.ts';
import { ApiError } from '../api/problem.ts';
import { Link } from '../router/link.tsx';
import { navigate } from '../router/history.ts';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Field } from '../ui/field.tsx';

const empty: SignupInput = { username: '', email: '', password: '', birthdate: '' };

export function SignupPage({ next }: { next: string }) {
  const { setUser } = useSession();
  const [form, setForm] = useState<SignupInput>(empty);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (key: keyof SignupInput) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setFields({});
    try {
      const { user } = await signup({ ...form, username: form.username.trim(), email: form.email.trim() });
      setUser(user);
      navigate(next, { replace: true });
    } catch (err) {
      const byField = fieldMessages(err);
      if (err instanceof ApiError && err.code === 'username_taken') byField.username = friendlyMessage(err);
      if (err instanceof ApiError && err.code === 'email_taken') byField.email = friendlyMessage(err);
      if (err instanceof ApiError && err.code === 'too_young') byField.birthdate = friendlyMessage(err);
      setFields(byField);
      // a problem with a field is said once, next to the field
      setError(Object.keys(byField).length > 0 ? null : friendlyMessage(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page auth-page">
      <form className="card form" onSubmit={submit} noValidate>
        <h1>Sign up</h1>
        <Field label="Username" autoComplete="username" value={form.username} onChange={set('username')} error={fields.username} hint="Letters, numbers, _ and ." required />
        <Field label="Email" type="email" autoComplete="email" value={form.email} onChange={set('email')} error={fields.email} required />
        <Field label="Password" type="password" autoComplete="new-password" value={form.password} onChange={set('password')} error={fields.password} hint="At least 8 characters" required />
        <Field label="Birthdate" type="date" value={form.birthdate} onChange={set('birthdate')} error={fields.birthdate} hint="You need to be 13 or older" required />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button-primary button-wide" disabled={busy}>
          {busy ? 'Creating account…' : 'Sign up'}
        </button>
        <p className="muted-text">
          Have an account? <Link to={paths.login(next)}>Log in</Link>
        </p>
      </form>
    </div>
  );
}
