// Follow requests: the people waiting to follow this (private) account; approve or decline each.
import { useState } from 'react';
import type { FollowRequest, Page } from '@cliptide/contract';
import { friendlyMessage } from '../api/error-messages.ts';
import { decideFollowRequest, fetchFollowRequests } from '../api/users.ts';
import { Link } from '../router/link.tsx';
import { Redirect } from '../router/redirect.tsx';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Avatar } from '../ui/avatar.tsx';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { useToast } from '../ui/toast.tsx';
import { useResource } from '../ui/use-resource.ts';

export function FollowRequestsPage() {
  const { user } = useSession();
  const first = useResource('follow-requests', (signal) => fetchFollowRequests(null, signal));
  if (user === undefined) return <Loading />;
  if (user === null) return <Redirect to={paths.login(paths.followRequests())} />;
  if (first.error) return <ErrorState error={first.error} onRetry={first.retry} />;
  if (!first.data) return <Loading label="Loading follow requests" />;
  return <FollowRequests first={first.data} />;
}

function FollowRequests({ first }: { first: Page<FollowRequest> }) {
  const { user, setUser } = useSession();
  const toast = useToast();
  const [items, setItems] = useState(first.items);
  const [cursor, setCursor] = useState(first.nextCursor);
  const [busy, setBusy] = useState<string | null>(null);

  async function decide(username: string, approve: boolean) {
    setBusy(username);
    try {
      const result = await decideFollowRequest(username, approve);
      setItems((list) => list.filter((r) => r.user.username !== username));
      if (user) setUser({ ...user, followRequests: result.pending, counts: { ...user.counts, followers: result.followers } });
      toast(approve ? `@${username} can now see your videos` : `Declined @${username}`);
    } catch (error) {
      toast(friendlyMessage(error));
    } finally {
      setBusy(null);
    }
  }

  async function more() {
    try {
      const next = await fetchFollowRequests(cursor);
      setItems((list) => [...list, ...next.items.filter((r) => !list.some((l) => l.user.id === r.user.id))]);
      setCursor(next.nextCursor);
    } catch (error) {
      toast(friendlyMessage(error));
    }
  }

  return (
    <div className="page auth-page settings-page">
      <h1>Follow requests</h1>
      <p className="field-hint">People you approve follow you and see your videos. Declining doesn’t tell them.</p>
      {items.length === 0 ? (
        <Empty>No one is waiting.</Empty>
      ) : (
        <ul className="request-list" aria-label="Follow requests">
          {items.map((r) => (
            <li key={r.user.id} className="request-item">
              <Link to={paths.profile(r.user.username)} className="request-who">
                <Avatar user={r.user} size={44} />
                <span>
                  <strong>{r.user.displayName}</strong>
                  <span className="muted-text"> @{r.user.username}</span>
                </span>
              </Link>
              <div className="row">
                <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void decide(r.user.username, true)} aria-label={`Approve @${r.user.username}`}>
                  Approve
                </button>
                <button type="button" className="button" disabled={busy !== null} onClick={() => void decide(r.user.username, false)} aria-label={`Decline @${r.user.username}`}>
                  Decline
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" className="button" onClick={() => void more()}>
          Show more
        </button>
      )}
    </div>
  );
}
