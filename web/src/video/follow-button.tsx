// Follow / unfollow a creator, optimistic, rolled back on error.
import { useEffect, useState } from 'react';
import { friendlyMessage } from '../api/error-messages.ts';
import { follow, unfollow } from '../api/users.ts';
import { takeAction } from '../session/pending-action.ts';
import { useSession } from '../session/session.tsx';
import { useToast } from '../ui/toast.tsx';

interface FollowButtonProps {
  username: string;
  following: boolean;
  /** Called with the server's answer. */
  onChange?: (following: boolean, followers: number) => void;
  compact?: boolean;
}

export function FollowButton({ username, following: initial, onChange, compact }: FollowButtonProps) {
  const { user, requireAuth } = useSession();
  const toast = useToast();
  const [following, setFollowing] = useState(initial);
  const [busy, setBusy] = useState(false);
  // back from logging in: finish the follow that asked for it
  useEffect(() => {
    if (user && user.username !== username && takeAction((a) => a.kind === 'follow' && a.username === username) && !following) void toggle();
  }, [user, username]);
  if (user?.username === username) return null;

  async function toggle() {
    if (!requireAuth('Log in to follow creators.', { kind: 'follow', username }) || busy) return;
    const next = !following;
    setFollowing(next);
    setBusy(true);
    try {
      const r = await (next ? follow(username) : unfollow(username));
      setFollowing(r.following);
      onChange?.(r.following, r.followers);
    } catch (error) {
      setFollowing(!next);
      toast(friendlyMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const label = following ? `Unfollow @${username}` : `Follow @${username}`;
  if (compact) {
    return following ? null : (
      <button type="button" className="follow-plus" aria-label={label} onClick={toggle} data-roving="">
        +
      </button>
    );
  }
  return (
    <button
      type="button"
      className={following ? 'button' : 'button button-primary'}
      aria-label={label}
      aria-pressed={following}
      onClick={toggle}
    >
      {following ? 'Following' : 'Follow'}
    </button>
  );
}
