// Blocked and muted accounts: the two lists, each with a way to undo (decision 022). Blocking and
// muting are done from a profile's "…" menu.
import { useState } from 'react';
import type { Page, RelatedUser } from '@cliptide/contract';
import { friendlyMessage } from '../api/error-messages.ts';
import { fetchBlocks, fetchMutes, setBlocked, setMuted } from '../api/safety.ts';
import { Link } from '../router/link.tsx';
import { Redirect } from '../router/redirect.tsx';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Avatar } from '../ui/avatar.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';
import { useToast } from '../ui/toast.tsx';
import { useResource } from '../ui/use-resource.ts';

export function BlockedSettingsPage() {
  const { user } = useSession();
  const lists = useResource('blocks-and-mutes', async (signal) => {
    const [blocks, mutes] = await Promise.all([fetchBlocks(null, signal), fetchMutes(null, signal)]);
    return { blocks, mutes };
  });
  if (user === undefined) return <Loading />;
  if (user === null) return <Redirect to={paths.login(paths.blockedSettings())} />;
  if (lists.error) return <ErrorState error={lists.error} onRetry={lists.retry} />;
  if (!lists.data) return <Loading label="Loading blocked and muted accounts" />;
  return (
    <div className="page auth-page settings-page">
      <h1>Blocked and muted</h1>
      <RelatedList
        kind="blocked"
        first={lists.data.blocks}
        hint="You and the people you block don’t see each other’s videos, comments or profiles, and can’t follow, comment on or mention each other. They aren’t told; to them your account looks unavailable."
        load={fetchBlocks}
        undo={(username) => setBlocked(username, false)}
      />
      <RelatedList
        kind="muted"
        first={lists.data.mutes}
        hint="The videos of people you mute stay out of your For You and Following feeds. They aren’t told, and nothing changes for them."
        load={fetchMutes}
        undo={(username) => setMuted(username, false)}
      />
    </div>
  );
}

interface RelatedListProps {
  kind: 'blocked' | 'muted';
  first: Page<RelatedUser>;
  hint: string;
  load: (cursor: string | null) => Promise<Page<RelatedUser>>;
  undo: (username: string) => Promise<unknown>;
}

function RelatedList({ kind, first, hint, load, undo }: RelatedListProps) {
  const toast = useToast();
  const [items, setItems] = useState(first.items);
  const [cursor, setCursor] = useState(first.nextCursor);
  const [busy, setBusy] = useState<string | null>(null);
  const verb = kind === 'blocked' ? 'Unblock' : 'Unmute';
  const heading = kind === 'blocked' ? 'Blocked accounts' : 'Muted accounts';

  async function remove(username: string) {
    setBusy(username);
    try {
      await undo(username);
      setItems((list) => list.filter((r) => r.user.username !== username));
      toast(kind === 'blocked' ? `@${username} is unblocked` : `@${username} is unmuted`);
    } catch (error) {
      toast(friendlyMessage(error));
    } finally {
      setBusy(null);
    }
  }

  async function more() {
    try {
      const next = await load(cursor);
      setItems((list) => [...list, ...next.items.filter((r) => !list.some((l) => l.user.id === r.user.id))]);
      setCursor(next.nextCursor);
    } catch (error) {
      toast(friendlyMessage(error));
    }
  }

  return (
    <section className="card form" aria-labelledby={`${kind}-heading`}>
      <h2 id={`${kind}-heading`}>{heading}</h2>
      <p className="field-hint">{hint}</p>
      {items.length === 0 ? (
        <p className="muted-text">{kind === 'blocked' ? 'You haven’t blocked anyone.' : 'You haven’t muted anyone.'}</p>
      ) : (
        <ul className="request-list" aria-label={heading}>
          {items.map((r) => (
            <li key={r.user.id} className="request-item">
              {kind === 'blocked' ? (
                <span className="request-who">
                  <Who user={r.user} />
                </span>
              ) : (
                <Link to={paths.profile(r.user.username)} className="request-who">
                  <Who user={r.user} />
                </Link>
              )}
              <button type="button" className="button" disabled={busy !== null} onClick={() => void remove(r.user.username)} aria-label={`${verb} @${r.user.username}`}>
                {verb}
              </button>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" className="button" onClick={() => void more()}>
          Show more
        </button>
      )}
    </section>
  );
}

function Who({ user }: { user: RelatedUser['user'] }) {
  return (
    <>
      <Avatar user={user} size={44} />
      <span>
        <strong>{user.displayName}</strong>
        <span className="muted-text"> @{user.username}</span>
      </span>
    </>
  );
}
