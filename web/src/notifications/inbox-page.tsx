// The inbox: what happened to you, grouped by day, new ones arriving live at the top; opening it
// marks everything read. Below, which kinds you want to hear about.
import { useEffect, useState } from 'react';
import type { DecisionAction, Notification, NotificationPage, NotificationSettings, PolicyReason } from '@cliptide/contract';
import { ACTION_WORDS, POLICY_WORDS } from '../moderation/words.ts';
import { Icon } from '../ui/icons.tsx';
import { friendlyMessage } from '../api/error-messages.ts';
import { fetchNotifications, fetchNotificationSettings, markNotificationsRead, saveNotificationSettings } from '../api/notifications.ts';
import { Link } from '../router/link.tsx';
import { Redirect } from '../router/redirect.tsx';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Avatar } from '../ui/avatar.tsx';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { useToast } from '../ui/toast.tsx';
import { useResource } from '../ui/use-resource.ts';
import { groupInbox, whatHappened, whoDidIt, type InboxEntry } from './group.ts';
import { inboxCaughtUp, useLiveNotifications } from './live-notifications.ts';

export function InboxPage() {
  const { user } = useSession();
  const first = useResource('inbox', (signal) => fetchNotifications(null, signal));
  if (user === undefined) return <Loading />;
  if (user === null) return <Redirect to={paths.login(paths.inbox())} />;
  if (first.error) return <ErrorState error={first.error} onRetry={first.retry} />;
  if (!first.data) return <Loading label="Loading your notifications" />;
  return (
    <div className="page auth-page settings-page inbox-page">
      <h1>Inbox</h1>
      <Inbox first={first.data} />
      <KindSettings />
    </div>
  );
}

function Inbox({ first }: { first: NotificationPage }) {
  const toast = useToast();
  const live = useLiveNotifications();
  const [items, setItems] = useState(first.items);
  const [cursor, setCursor] = useState(first.nextCursor);
  // what arrives live joins the list at the top (the shared store forgets it once read)
  useEffect(() => {
    if (live.arrived.length > 0) setItems((list) => [...live.arrived.filter((n) => !list.some((l) => l.id === n.id)), ...list]);
  }, [live.arrived]);
  const newest = items[0]?.id;

  useEffect(() => {
    if (!newest) return inboxCaughtUp(0);
    // seen here: everything up to the newest is read (the page keeps showing which were new)
    markNotificationsRead(newest).then(({ unreadCount }) => inboxCaughtUp(unreadCount), () => undefined);
  }, [newest]);

  async function more() {
    try {
      const next = await fetchNotifications(cursor);
      setItems((list) => [...list, ...next.items.filter((n) => !list.some((l) => l.id === n.id))]);
      setCursor(next.nextCursor);
    } catch (error) {
      toast(friendlyMessage(error));
    }
  }

  const days = groupInbox(items, new Date());
  if (days.length === 0) return <Empty>Nothing yet. When people like, comment on or follow you, you’ll see it here.</Empty>;
  return (
    <>
      {days.map((day) => (
        <section key={day.label} aria-label={day.label} className="inbox-day">
          <h2 className="inbox-day-label">{day.label}</h2>
          <ul className="inbox-list">
            {day.entries.map((entry) => (
              <InboxItem key={entry.key} entry={entry} />
            ))}
          </ul>
        </section>
      ))}
      {cursor && (
        <button type="button" className="button" onClick={() => void more()}>
          Show older
        </button>
      )}
    </>
  );
}

function InboxItem({ entry }: { entry: InboxEntry }) {
  if (entry.kind === 'moderation_decision') return <DecisionItem entry={entry} />;
  const { named, others } = whoDidIt(entry);
  const target = entry.kind === 'follow_request' ? paths.followRequests() : entry.video ? paths.video(entry.video.id) : paths.profile(entry.actors[0]!.username);
  return (
    <li className={entry.read ? 'inbox-item' : 'inbox-item is-unread'}>
      <Avatar user={entry.actors[0]!} size={40} />
      <p className="inbox-text">
        {named.map((actor, i) => (
          <span key={actor.id}>
            {i > 0 && ' and '}
            <Link to={paths.profile(actor.username)} className="inbox-actor">
              {actor.displayName}
            </Link>
          </span>
        ))}
        {others > 0 && ` and ${others} ${others === 1 ? 'other' : 'others'}`} <Link to={target}>{whatHappened(entry)}</Link>
        {entry.comment && <span className="inbox-quote">“{entry.comment.body}”</span>}
        <time className="muted-text" dateTime={entry.createdAt}>
          {new Date(entry.createdAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })}
        </time>
      </p>
      {entry.video?.poster && (
        <Link to={paths.video(entry.video.id)} className="inbox-thumb" aria-label="Open the video">
          <img src={entry.video.poster} alt="" />
        </Link>
      )}
      {!entry.read && <span className="visually-hidden">(new)</span>}
    </li>
  );
}

/** Told by Cliptide, not by a person: what was decided and under which rule; the details and the appeal are a link away. */
function DecisionItem({ entry }: { entry: InboxEntry }) {
  const d = entry.decision;
  const action = d && d.action in ACTION_WORDS ? ACTION_WORDS[d.action as DecisionAction] : null;
  const policy = d && d.policy in POLICY_WORDS ? POLICY_WORDS[d.policy as PolicyReason] : null;
  return (
    <li className={entry.read ? 'inbox-item' : 'inbox-item is-unread'}>
      <span className="inbox-system" aria-hidden="true">
        <Icon name="info" size={24} />
      </span>
      <p className="inbox-text">
        <strong>Cliptide moderation:</strong>{' '}
        {action && policy ? `${action} — your ${d!.targetType} (rule: ${policy}).` : whatHappened(entry)}{' '}
        <Link to={paths.myDecisions()}>See the decision and appeal</Link>
      </p>
      {!entry.read && <span className="visually-hidden">(new)</span>}
    </li>
  );
}

const KIND_LABELS: Record<Notification['kind'], string> = {
  like: 'Likes on your videos',
  comment: 'Comments on your videos',
  reply: 'Replies to your comments',
  mention: 'Mentions of you',
  follow: 'New followers',
  follow_request: 'Requests to follow you',
  moderation_decision: 'Moderation decisions about your content',
};

function KindSettings() {
  const toast = useToast();
  const settings = useResource('notification-settings', async (signal) => (await fetchNotificationSettings(signal)).settings);
  const [busy, setBusy] = useState(false);
  if (!settings.data) return null;
  const kinds = settings.data.kinds;

  async function toggle(kind: keyof NotificationSettings['kinds'], on: boolean) {
    const before = settings.data!;
    settings.set({ kinds: { ...before.kinds, [kind]: on } }); // the switch moves at once
    setBusy(true);
    try {
      settings.set((await saveNotificationSettings({ [kind]: on })).settings);
    } catch (error) {
      settings.set(before);
      toast(friendlyMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="card form" aria-labelledby="notification-settings-heading">
      <h2 id="notification-settings-heading">Tell me about</h2>
      {(Object.keys(KIND_LABELS) as (keyof typeof KIND_LABELS)[]).map((kind) => (
        <label key={kind} className="switch-row">
          <input type="checkbox" role="switch" checked={kinds[kind]} disabled={busy} onChange={(e) => void toggle(kind, e.target.checked)} />
          <span>{KIND_LABELS[kind]}</span>
        </label>
      ))}
    </section>
  );
}
