// The public transparency page (decision 025): per month, accesses to people's data by role, purpose
// and jurisdiction, and the refusals; the region's latest signed checkpoint (its signature checked
// here) and its published keys; the algorithm's fingerprint.
import type { AlgorithmFingerprint, TransparencyMonth } from '@cliptide/contract';
import { get } from '../api/http.ts';
import { fetchReport } from '../api/transparency.ts';
import { friendlyMessage } from '../api/error-messages.ts';
import { useSession } from '../session/session.tsx';
import { Loading } from '../ui/states.tsx';
import { useResource } from '../ui/use-resource.ts';
import { verifyCheckpointSignature } from './verify.ts';

function Counts({ label, counts }: { label: string; counts: Record<string, number> }) {
  const entries = Object.entries(counts).sort(([a], [b]) => a.localeCompare(b));
  return (
    <div>
      <h4>{label}</h4>
      <ul className="count-list">
        {entries.map(([k, n]) => (
          <li key={k}>
            <span>{k}</span> <strong>{n}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

function Month({ month }: { month: TransparencyMonth }) {
  return (
    <article className="card transparency-month" aria-label={`Accesses in ${month.month}`}>
      <h3>{month.month}</h3>
      <p>
        <strong data-testid={`total-${month.month}`}>{month.total}</strong> requests to read personal data, of which{' '}
        <strong data-testid={`denied-${month.month}`}>{month.denied}</strong> refused by the policy.
      </p>
      <div className="count-grid">
        <Counts label="By role" counts={month.byRole} />
        <Counts label="By purpose" counts={month.byPurpose} />
        <Counts label="By jurisdiction" counts={month.byJurisdiction} />
      </div>
    </article>
  );
}

export function TransparencyPage({ region }: { region: string | null }) {
  const { user } = useSession();
  const name = region ?? user?.homeRegion ?? 'default';
  const report = useResource(`report:${name}`, async (signal) => {
    const r = await fetchReport(name, signal);
    const key = r.checkpoint ? r.keys.find((k) => k.keyId === r.checkpoint!.keyId) : undefined;
    const signature = r.checkpoint && key ? await verifyCheckpointSignature(r.checkpoint.note, r.checkpoint.signature, key.publicKey) : null;
    return { ...r, signature };
  });
  const algorithm = useResource('algorithm', (signal) => get<AlgorithmFingerprint>('/transparency/algorithm', signal));
  if (report.loading && !report.data) return <Loading />;
  return (
    <div className="page settings-page transparency-page">
      <h1>Transparency · {name}</h1>
      <p className="field-hint">
        Personal data of the people of {name} is read by anyone but its owner only through one gateway with a written, public policy. Every request —
        allowed or refused — is appended to this region's log, a Merkle tree (RFC 9162) whose signed checkpoints anyone can check and witness with{' '}
        <code>npm run audit -- monitor</code>.
      </p>
      {report.error !== null && (
        <p className="form-error" role="alert">
          {friendlyMessage(report.error)}
        </p>
      )}
      {report.data && (
        <>
          <section aria-labelledby="months-heading" className="settings-page">
            <h2 id="months-heading">Accesses by month</h2>
            {report.data.months.length === 0 ? <p className="muted-text">No access to anyone's data has been requested yet.</p> : report.data.months.map((m) => <Month key={m.month} month={m} />)}
          </section>
          <section className="card" aria-labelledby="checkpoint-heading">
            <h2 id="checkpoint-heading">Latest signed checkpoint</h2>
            {report.data.checkpoint ? (
              <>
                <pre className="note" data-testid="checkpoint-note">
                  {report.data.checkpoint.note}
                </pre>
                <p className="field-hint">
                  Signature {report.data.checkpoint.signature.slice(0, 24)}… by key {report.data.checkpoint.keyId}:{' '}
                  <strong data-testid="signature-status">
                    {report.data.signature === true ? 'verified in this browser' : report.data.signature === null ? 'not checkable in this browser' : 'does NOT verify'}
                  </strong>
                </p>
              </>
            ) : (
              <p className="muted-text">The log is empty.</p>
            )}
          </section>
          <section className="card" aria-labelledby="keys-heading">
            <h2 id="keys-heading">Published keys</h2>
            <ul className="key-list">
              {report.data.keys.map((k) => (
                <li key={k.keyId}>
                  <code>{k.keyId}</code> {k.algorithm} <code className="wrap">{k.publicKey}</code> since {new Date(k.createdAt).toLocaleDateString()}
                </li>
              ))}
            </ul>
          </section>
        </>
      )}
      {algorithm.data && (
        <section className="card" aria-labelledby="algorithm-heading">
          <h2 id="algorithm-heading">The algorithm</h2>
          <p className="field-hint">
            This server runs commit <code className="wrap">{algorithm.data.commit}</code>; its For You engine's source hashes to{' '}
            <code className="wrap">{algorithm.data.recommender.sha256}</code> ({algorithm.data.recommender.files} files; {algorithm.data.recommender.scope}).
          </p>
          <pre className="note">{JSON.stringify(algorithm.data.model.tasks, null, 1)}</pre>
        </section>
      )}
    </div>
  );
}
