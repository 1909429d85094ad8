// Operators look up an account (decision 025). The server reads it through the access gateway, which
// records the request in the region's transparency log first; a refusal is logged too.
import { useState } from 'react';
import type { AccessPurpose, OperatorAccount } from '@cliptide/contract';
import { lookupAccount } from '../api/transparency.ts';
import { formErrors, noFormErrors, type FormErrors } from '../api/form-errors.ts';
import { Redirect } from '../router/redirect.tsx';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Loading } from '../ui/states.tsx';

const PURPOSES: AccessPurpose[] = ['support', 'moderation', 'security', 'legal', 'audit'];

export function OperatorAccountsPage() {
  const { user } = useSession();
  const [username, setUsername] = useState('');
  const [purpose, setPurpose] = useState<AccessPurpose>('support');
  const [busy, setBusy] = useState(false);
  const [account, setAccount] = useState<OperatorAccount | null>(null);
  const [errors, setErrors] = useState<FormErrors<'username' | 'purpose'>>(noFormErrors);
  if (user === undefined) return <Loading />;
  if (user === null) return <Redirect to={paths.login(paths.operatorAccounts())} />;
  if (user.operator.length === 0) {
    return (
      <div className="page auth-page settings-page">
        <h1>Account lookup</h1>
        <p className="muted-text">This page is for operators.</p>
      </div>
    );
  }

  async function submit(e: Event) {
    e.preventDefault();
    setBusy(true);
    setErrors(noFormErrors);
    setAccount(null);
    try {
      setAccount(await lookupAccount(username.trim().replace(/^@/, ''), purpose));
    } catch (err) {
      setErrors(formErrors(err, ['username', 'purpose']));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page auth-page settings-page">
      <h1>Account lookup</h1>
      <form className="card form" onSubmit={(e) => void submit(e as unknown as Event)} aria-labelledby="lookup-heading">
        <h2 id="lookup-heading">Look up a person</h2>
        <p className="field-hint">
          You act as {user.operator.map((g) => `${g.role} for ${g.jurisdiction}`).join(', ')}. Every lookup — allowed or refused — is recorded in the
          person's region's public transparency log, and the person sees it.
        </p>
        <label className="field">
          <span>Username</span>
          <input name="username" value={username} required autoComplete="off" onInput={(e) => setUsername((e.target as HTMLInputElement).value)} />
        </label>
        {errors.fields.username && <p className="field-error">{errors.fields.username}</p>}
        <label className="field">
          <span>Purpose</span>
          <select name="purpose" value={purpose} onChange={(e) => setPurpose((e.target as HTMLSelectElement).value as AccessPurpose)}>
            {PURPOSES.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        {errors.general && (
          <p className="form-error" role="alert">
            {errors.general}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={busy || username.trim() === ''}>
          Look up
        </button>
      </form>
      {account && (
        <section className="card" aria-labelledby="account-heading" data-testid="operator-account">
          <h2 id="account-heading">@{account.username}</h2>
          <dl className="facts">
            <dt>Name</dt>
            <dd>{account.displayName}</dd>
            <dt>E-mail</dt>
            <dd>{account.email}</dd>
            <dt>Birthdate</dt>
            <dd>{account.birthdate}</dd>
            <dt>Region</dt>
            <dd>{account.region}</dd>
            <dt>Created</dt>
            <dd>{new Date(account.createdAt).toLocaleString()}</dd>
            <dt>Counts</dt>
            <dd>
              {account.counts.videos} videos · {account.counts.followers} followers · {account.counts.following} following · {account.counts.likes} likes
            </dd>
          </dl>
          <p className="field-hint">
            Logged as entry #{account.access.index} of {account.access.region}.
          </p>
        </section>
      )}
    </div>
  );
}
