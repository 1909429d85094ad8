// Moderation decisions about your videos, comments and account: what, under which rule, and an
// appeal (once) that a different moderator decides for good.
import { useId, useState } from 'react';
import type { Decision } from '@cliptide/contract';
import { friendlyMessage } from '../api/error-messages.ts';
import { appealDecision, fetchMyDecisions } from '../api/moderation.ts';
import { Redirect } from '../router/redirect.tsx';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { useToast } from '../ui/toast.tsx';
import { useResource } from '../ui/use-resource.ts';
import { ACTION_WORDS, POLICY_WORDS } from './words.ts';

export function MyDecisionsPage() {
  const { user } = useSession();
  const list = useResource(`my-decisions:${user?.id ?? ''}`, (signal) => (user ? fetchMyDecisions(signal) : Promise.resolve({ items: [] })));
  if (user === undefined) return <Loading />;
  if (user === null) return <Redirect to={paths.login(paths.myDecisions())} />;
  if (list.error) return <ErrorState error={list.error} onRetry={list.retry} />;
  if (!list.data) return <Loading label="Loading decisions" />;
  return (
    <div className="page auth-page settings-page">
      <h1>Decisions about you</h1>
      <p className="field-hint">If you think a moderator got it wrong, appeal once: a different moderator looks again, and that outcome is final.</p>
      {list.data.items.length === 0 ? (
        <Empty>No moderation decisions concern you.</Empty>
      ) : (
        <ul className="report-list" aria-label="Decisions">
          {list.data.items.map((d) => (
            <DecisionEntry key={d.id} decision={d} onChange={(next) => list.set({ items: list.data!.items.map((x) => (x.id === next.id ? next : x)) })} />
          ))}
        </ul>
      )}
    </div>
  );
}

const APPEAL_WORDS = { pending: 'Appealed — waiting for a different moderator.', upheld: 'Appeal decided: the decision stands.', reversed: 'Appeal decided: the decision was reversed.' };

function DecisionEntry({ decision: d, onChange }: { decision: Decision; onChange: (d: Decision) => void }) {
  const toast = useToast();
  const noteId = useId();
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  async function appeal() {
    setBusy(true);
    try {
      onChange((await appealDecision(d.id, note.trim() || undefined)).decision);
      toast('Appeal sent.');
      setOpen(false);
    } catch (error) {
      toast(friendlyMessage(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <li className="report-item decision-item">
      <p>
        <strong>{ACTION_WORDS[d.action]}</strong>
        {d.days ? ` for ${d.days} days` : ''} — your {d.target.type}
        {d.caption ? <> “{d.caption}”</> : null}, under the rule <strong>{POLICY_WORDS[d.policy]}</strong>, on {new Date(d.createdAt).toLocaleDateString()}.
      </p>
      {d.note && <p className="muted-text">Moderator’s note: {d.note}</p>}
      {d.appeal && <p className="decision-appeal">{APPEAL_WORDS[d.appeal.status]}</p>}
      {d.appealable &&
        (open ? (
          <div className="form">
            <div className="field">
              <label htmlFor={noteId}>Why should it be looked at again? (optional)</label>
              <textarea id={noteId} rows={3} value={note} onChange={(e) => setNote(e.target.value)} />
            </div>
            <div className="row">
              <button type="button" className="button button-primary" disabled={busy} onClick={() => void appeal()}>
                Send appeal
              </button>
              <button type="button" className="button" disabled={busy} onClick={() => setOpen(false)}>
                Cancel
              </button>
            </div>
          </div>
        ) : (
          <button type="button" className="button" onClick={() => setOpen(true)}>
            Appeal
          </button>
        ))}
    </li>
  );
}
