import { useState, type FormEvent } from 'react';
import { MIN_PASSWORD_LENGTH } from '@cliptide/contract/limits';
import { signup, type SignupInput } from '../api/auth.ts';
import { formErrors, noFormErrors, type FormErrors } from '../api/form-errors.ts';
import { Link } from '../router/link.tsx';
import { navigate } from '../router/history.ts';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Field } from '../ui/field.tsx';

type SignupField = 'username' | 'email' | 'password' | 'birthdate';
const FIELDS: SignupField[] = ['username', 'email', 'password', 'birthdate'];
const empty: SignupInput = { username: '', email: '', password: '', birthdate: '' };

export function SignupPage({ next }: { next: string }) {
  const { setUser } = useSession();
  const [form, setForm] = useState<SignupInput>(empty);
  const [errors, setErrors] = useState<FormErrors<SignupField>>(noFormErrors);
  const [busy, setBusy] = useState(false);
  const set = (key: SignupField) => (event: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: event.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors(noFormErrors);
    try {
      const { user } = await signup({ ...form, username: form.username.trim(), email: form.email.trim() });
      setUser(user);
      navigate(next, { replace: true });
    } catch (err) {
      // a problem with a field is said once, next to the field
      setErrors(formErrors(err, FIELDS, { username_taken: 'username', email_taken: 'email', too_young: 'birthdate' }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page auth-page">
      <form className="card form" onSubmit={submit} noValidate>
        <h1>Sign up</h1>
        <Field label="Username" autoComplete="username" value={form.username} onChange={set('username')} error={errors.fields.username} hint="Letters, numbers, _ and ." required />
        <Field label="Email" type="email" autoComplete="email" value={form.email} onChange={set('email')} error={errors.fields.email} required />
        <Field label="Password" type="password" autoComplete="new-password" value={form.password} onChange={set('password')} error={errors.fields.password} hint={`At least ${MIN_PASSWORD_LENGTH} characters, not a common password`} required />
        <Field label="Birthdate" type="date" value={form.birthdate} onChange={set('birthdate')} error={errors.fields.birthdate} hint="You need to be 13 or older" required />
        {errors.general && (
          <p className="form-error" role="alert">
            {errors.general}
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
