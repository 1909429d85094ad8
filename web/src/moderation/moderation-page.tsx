// The moderation queue (moderators only): one entry per reported target or appeal, gravest first.
// Claim an item (15 minutes, nobody else can work on it), look at it in place, decide with a policy.
import { useState, type FormEvent } from 'react';
import type { DecisionAction, PolicyReason, QueueItem } from '@cliptide/contract';
import { friendlyMessage } from '../api/error-messages.ts';
import { formErrors, noFormErrors, type FormErrors } from '../api/form-errors.ts';
import { claimItem, decideItem, fetchQueue, releaseItem } from '../api/moderation.ts';
import { Link } from '../router/link.tsx';
import { Redirect } from '../router/redirect.tsx';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { useToast } from '../ui/toast.tsx';
import { useResource } from '../ui/use-resource.ts';
import { VideoPlayer } from '../video/video-player.tsx';
import { ACTION_WORDS, CATEGORY_WORDS, POLICY_WORDS } from './words.ts';

export function ModerationPage() {
  const { user } = useSession();
  const isModerator = !!user?.operator?.some((g) => g.role === 'moderator');
  const queue = useResource(`moderation-queue:${user?.id ?? ''}`, (signal) => (isModerator ? fetchQueue(signal) : Promise.resolve({ items: [] })));
  if (user === undefined) return <Loading />;
  if (user === null) return <Redirect to={paths.login(paths.moderation())} />;
  if (!isModerator) return <ErrorState error={new Error('Only moderators can see the moderation queue.')} />;
  if (queue.error) return <ErrorState error={queue.error} onRetry={queue.retry} />;
  if (!queue.data) return <Loading label="Loading the queue" />;
  return (
    <div className="page settings-page moderation-page">
      <h1>Moderation queue</h1>
      <p className="field-hint">Gravest first, then the most reported, then the widest reach. Claim an item to work on it; a claim lasts 15 minutes.</p>
      <button type="button" className="button" onClick={queue.retry}>
        Refresh
      </button>
      {queue.data.items.length === 0 ? (
        <Empty>The queue is empty.</Empty>
      ) : (
        <ol className="queue-list" aria-label="Queue">
          {queue.data.items.map((item) => (
            <QueueEntry key={item.id} item={item} onDone={queue.retry} />
          ))}
        </ol>
      )}
    </div>
  );
}

const REPORT_ACTIONS: Record<string, DecisionAction[]> = {
  video: ['dismiss', 'label_adult', 'remove', 'restrict', 'suspend', 'ban'],
  comment: ['dismiss', 'remove', 'restrict', 'suspend', 'ban'],
  account: ['dismiss', 'restrict', 'suspend', 'ban'],
  sound: ['dismiss'],
};
const ACTION_CHOICES: Partial<Record<DecisionAction, string>> = {
  dismiss: 'Dismiss (no violation)',
  label_adult: 'Label 18+',
  remove: 'Remove',
  restrict: 'Restrict posting for N days',
  suspend: 'Suspend for N days',
  ban: 'Ban the account',
  appeal_upheld: 'Uphold the decision',
  appeal_reversed: 'Reverse the decision (restores it)',
};

function QueueEntry({ item: initial, onDone }: { item: QueueItem; onDone: () => void }) {
  const toast = useToast();
  const [item, setItem] = useState(initial);
  const [busy, setBusy] = useState(false);
  const mine = item.claim?.mine === true;
  const title = item.kind === 'appeal' ? `Appeal: ${item.target.type}` : `${CATEGORY_WORDS[item.category]}: ${item.target.type}`;

  async function claim() {
    setBusy(true);
    try {
      setItem((await claimItem(item.id)).item);
    } catch (error) {
      toast(friendlyMessage(error));
    } finally {
      setBusy(false);
    }
  }
  async function release() {
    setBusy(true);
    try {
      await releaseItem(item.id);
      setItem({ ...item, claim: null });
    } catch (error) {
      toast(friendlyMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <li className="queue-item" aria-label={title}>
      <header className="queue-item-head">
        <h2>{title}</h2>
        <p className="muted-text">
          {item.kind === 'report' && `${item.reportCount} ${item.reportCount === 1 ? 'report' : 'reports'} · `}
          {item.target.type === 'video' && `${item.reach} ${item.reach === 1 ? 'view' : 'views'} today · `}
          {item.held && 'held from For You · '}
          by <Link to={paths.profile(item.subject.username)}>@{item.subject.username}</Link>
        </p>
        {item.claim && !mine && <p className="muted-text">Another moderator is working on this.</p>}
      </header>
      {item.video && (
        <div className="queue-video">
          <div className="queue-player">
            <VideoPlayer video={item.video} mode={mine ? 'play' : 'poster'} source="link" onDoubleTap={() => {}} />
          </div>
          <p className="queue-caption">{item.video.caption || <span className="muted-text">(no caption)</span>}</p>
        </div>
      )}
      {item.comment && <blockquote className="queue-comment">“{item.comment.body}”</blockquote>}
      {item.categories.length > 0 && <p>Reported for: {item.categories.map((c) => CATEGORY_WORDS[c]).join(', ')}</p>}
      {item.notes.length > 0 && (
        <div>
          <h3>Reporters’ notes</h3>
          <ul className="queue-notes">
            {item.notes.map((n, i) => (
              <li key={i}>{n}</li>
            ))}
          </ul>
        </div>
      )}
      {item.appeal && (
        <div>
          <h3>The appealed decision</h3>
          <p>
            {ACTION_WORDS[item.appeal.decision.action]} under “{POLICY_WORDS[item.appeal.decision.policy]}”
            {item.appeal.decision.days ? ` for ${item.appeal.decision.days} days` : ''}, {new Date(item.appeal.decision.createdAt).toLocaleDateString()}.
          </p>
          {item.appeal.note && <p>The creator says: “{item.appeal.note}”</p>}
        </div>
      )}
      <div>
        <h3>The creator’s record</h3>
        {item.history.length === 0 ? (
          <p className="muted-text">No earlier decisions.</p>
        ) : (
          <ul className="queue-history">
            {item.history.map((h, i) => (
              <li key={i}>
                {new Date(h.createdAt).toLocaleDateString()}: {ACTION_WORDS[h.action]} ({h.targetType}, {POLICY_WORDS[h.policy]})
              </li>
            ))}
          </ul>
        )}
      </div>
      {mine ? (
        <DecisionForm item={item} onRelease={() => void release()} busy={busy} onDecided={onDone} />
      ) : (
        <button type="button" className="button button-primary" disabled={busy || item.claim !== null} onClick={() => void claim()}>
          Claim
        </button>
      )}
    </li>
  );
}

function DecisionForm({ item, onRelease, busy, onDecided }: { item: QueueItem; onRelease: () => void; busy: boolean; onDecided: () => void }) {
  const toast = useToast();
  const actions: DecisionAction[] = item.kind === 'appeal' ? ['appeal_upheld', 'appeal_reversed'] : (REPORT_ACTIONS[item.target.type] ?? ['dismiss']);
  const [action, setAction] = useState<DecisionAction>(actions[0]!);
  const [policy, setPolicy] = useState<PolicyReason>(item.appeal?.decision.policy ?? (item.category === 'other' ? 'no_violation' : item.category));
  const [days, setDays] = useState('7');
  const [note, setNote] = useState('');
  const [sending, setSending] = useState(false);
  const [errors, setErrors] = useState<FormErrors<'action' | 'policy' | 'days' | 'note'>>(noFormErrors);
  const needsDays = action === 'restrict' || action === 'suspend';
  const idBase = `decide-${item.id}`;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSending(true);
    setErrors(noFormErrors);
    try {
      await decideItem(item.id, { action, policy: action === 'dismiss' ? 'no_violation' : policy, ...(needsDays ? { days: Number(days) } : {}), ...(note.trim() ? { note: note.trim() } : {}) });
      toast('Decided.');
      onDecided();
    } catch (error) {
      setErrors(formErrors(error, ['action', 'policy', 'days', 'note']));
      setSending(false);
    }
  }

  return (
    <form className="form decision-form" onSubmit={(e) => void submit(e)} aria-label="Decide this item">
      <div className="field">
        <label htmlFor={`${idBase}-action`}>Decision</label>
        <select id={`${idBase}-action`} value={action} onChange={(e) => setAction(e.target.value as DecisionAction)}>
          {actions.map((a) => (
            <option key={a} value={a}>
              {ACTION_CHOICES[a]}
            </option>
          ))}
        </select>
        {errors.fields.action && <p className="field-error">{errors.fields.action}</p>}
      </div>
      {action !== 'dismiss' && (
        <div className="field">
          <label htmlFor={`${idBase}-policy`}>Policy</label>
          <select id={`${idBase}-policy`} value={policy} onChange={(e) => setPolicy(e.target.value as PolicyReason)}>
            {(Object.keys(POLICY_WORDS) as PolicyReason[]).map((p) => (
              <option key={p} value={p}>
                {POLICY_WORDS[p]}
              </option>
            ))}
          </select>
          {errors.fields.policy && <p className="field-error">{errors.fields.policy}</p>}
        </div>
      )}
      {needsDays && (
        <div className="field">
          <label htmlFor={`${idBase}-days`}>Days</label>
          <input id={`${idBase}-days`} type="number" min={1} max={3650} value={days} onChange={(e) => setDays(e.target.value)} />
          {errors.fields.days && <p className="field-error">{errors.fields.days}</p>}
        </div>
      )}
      <div className="field">
        <label htmlFor={`${idBase}-note`}>Note for the record (optional; the creator sees it)</label>
        <textarea id={`${idBase}-note`} rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </div>
      {errors.general && (
        <p className="form-error" role="alert">
          {errors.general}
        </p>
      )}
      <div className="row">
        <button type="submit" className="button button-primary" disabled={sending || busy}>
          Decide
        </button>
        <button type="button" className="button" disabled={sending || busy} onClick={onRelease}>
          Release
        </button>
      </div>
    </form>
  );
}
