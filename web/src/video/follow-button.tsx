// Follow / unfollow a creator, optimistic, rolled back on error. Following a private account asks
// to: the button says "Requested" until the owner approves, and a second tap withdraws the request.
// A follow that needed a log-in is finished once the person is back.
import { useEffect, useState } from 'react';
import { friendlyMessage } from '../api/error-messages.ts';
import { follow, unfollow } from '../api/users.ts';
import { takeAction } from '../session/pending-action.ts';
import { useSession } from '../session/session.tsx';
import { useToast } from '../ui/toast.tsx';

type Standing = 'none' | 'requested' | 'following';

interface FollowButtonProps {
  username: string;
  following: boolean;
  /** The viewer asked to follow this private account and awaits approval. */
  requested?: boolean;
  /** The account is private: a follow is a request. */
  isPrivate?: boolean;
  /** Called with the server's answer. */
  onChange?: (following: boolean, followers: number, requested: boolean) => void;
  compact?: boolean;
}

export function FollowButton({ username, following: initial, requested = false, isPrivate = false, onChange, compact }: FollowButtonProps) {
  const { user, requireAuth } = useSession();
  const toast = useToast();
  const [standing, setStanding] = useState<Standing>(initial ? 'following' : requested ? 'requested' : 'none');
  const [busy, setBusy] = useState(false);
  // back from logging in: finish the follow that asked for it
  useEffect(() => {
    if (user && user.username !== username && takeAction((a) => a.kind === 'follow' && a.username === username) && standing === 'none') void toggle();
  }, [user, username]);
  if (user?.username === username) return null;

  async function toggle() {
    if (!requireAuth('Log in to follow creators.', { kind: 'follow', username }) || busy) return;
    const previous = standing;
    const asking = previous === 'none';
    setStanding(asking ? (isPrivate ? 'requested' : 'following') : 'none');
    setBusy(true);
    try {
      const r = await (asking ? follow(username) : unfollow(username));
      setStanding(r.following ? 'following' : r.requested ? 'requested' : 'none');
      onChange?.(r.following, r.followers, r.requested);
    } catch (error) {
      setStanding(previous);
      toast(friendlyMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const label =
    standing === 'following' ? `Unfollow @${username}` : standing === 'requested' ? `Withdraw the follow request to @${username}` : isPrivate ? `Request to follow @${username}` : `Follow @${username}`;
  if (compact) {
    return standing !== 'none' ? null : (
      <button type="button" className="follow-plus" aria-label={label} onClick={toggle} data-roving="">
        +
      </button>
    );
  }
  return (
    <button
      type="button"
      className={standing === 'none' ? 'button button-primary' : 'button'}
      aria-label={label}
      aria-pressed={standing !== 'none'}
      onClick={toggle}
    >
      {standing === 'following' ? 'Following' : standing === 'requested' ? 'Requested' : isPrivate ? 'Request to follow' : 'Follow'}
    </button>
  );
}
