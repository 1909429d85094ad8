// "Who accessed your data" (decision 025): every gateway decision about the person, each with its
// inclusion proof checked here in the browser against the region's latest signed checkpoint, whose
// Ed25519 signature is checked with the published key (WebCrypto).
import type { AccessRecord } from '@cliptide/contract';
import { fetchCheckpoint, fetchInclusionProof, fetchKeys, fetchMyAccessLog } from '../api/transparency.ts';
import { friendlyMessage } from '../api/error-messages.ts';
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { useResource } from '../ui/use-resource.ts';
import { verifyCheckpointSignature, verifyInclusion } from './verify.ts';

type Checked = AccessRecord & { proof: 'verified' | 'failed' | 'pending' };
interface Verified {
  items: Checked[];
  signature: boolean | null;
  treeSize: number;
  keyId: string;
}

async function loadVerified(region: string, signal: AbortSignal): Promise<Verified> {
  const { items } = await fetchMyAccessLog(signal);
  const [checkpoint, { keys }] = await Promise.all([fetchCheckpoint(region, signal), fetchKeys(region, signal)]);
  const key = keys.find((k) => k.keyId === checkpoint.keyId);
  const signature = key ? await verifyCheckpointSignature(checkpoint.note, checkpoint.signature, key.publicKey) : false;
  const checked = await Promise.all(
    items.map(async (item): Promise<Checked> => {
      if (item.region !== region || item.index >= checkpoint.treeSize) return { ...item, proof: 'pending' };
      const proof = await fetchInclusionProof(region, item.index, checkpoint.treeSize, signal);
      const ok = await verifyInclusion(item.entry, item.index, checkpoint.treeSize, proof.proof, checkpoint.rootHash);
      return { ...item, proof: ok ? 'verified' : 'failed' };
    }),
  );
  return { items: checked, signature, treeSize: checkpoint.treeSize, keyId: checkpoint.keyId };
}

const when = (iso: string) => new Date(iso).toLocaleString();

export function AccessLogSection({ region }: { region: string }) {
  const { data, error, loading, retry } = useResource(`access-log:${region}`, (signal) => loadVerified(region, signal));
  return (
    <section className="card form" aria-labelledby="access-log-heading">
      <h2 id="access-log-heading">Who accessed your data</h2>
      <p className="field-hint">
        Every time anyone but you asks to read your personal data — support, moderation, an audit — the request goes through one gateway with a
        written policy and is recorded, allowed or refused, in {region}'s public transparency log. Each line below is checked here, in your browser,
        against the log's latest signed checkpoint. <Link to={paths.transparency()}>How this works</Link>
      </p>
      {loading && <p className="muted-text">Checking the log…</p>}
      {error !== null && !loading && (
        <p className="form-error" role="alert">
          {friendlyMessage(error)}{' '}
          <button type="button" className="button" onClick={retry}>
            Try again
          </button>
        </p>
      )}
      {data && (
        <>
          <p className="field-hint" data-testid="checkpoint-status">
            {data.signature === true
              ? `Checkpoint of ${data.treeSize} entries: signature verified (Ed25519 key ${data.keyId}).`
              : data.signature === null
                ? `Checkpoint of ${data.treeSize} entries: this browser cannot check Ed25519 signatures; the proofs below are still checked against its root.`
                : `Checkpoint of ${data.treeSize} entries: its signature does NOT verify with the published key.`}
          </p>
          {data.items.length === 0 ? (
            <p className="muted-text">Nobody has accessed your data.</p>
          ) : (
            <ul className="access-log" aria-label="Accesses to your data">
              {data.items.map((item) => (
                <li key={item.index} className="access-log-item">
                  <div>
                    <strong>{item.decision === 'allowed' ? 'Read' : 'Refused'}</strong> by a {item.role} operator in {item.jurisdiction}, for {item.purpose}
                  </div>
                  <div className="field-hint">
                    {when(item.time)} · {item.dataClasses.join(', ')} · entry #{item.index}
                    {item.reason ? ` · ${item.reason}` : ''}
                  </div>
                  <div className={`proof proof-${item.proof}`}>
                    {item.proof === 'verified' ? '✓ proof verified' : item.proof === 'failed' ? '✗ proof FAILED' : 'awaiting the next checkpoint'}
                  </div>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}
