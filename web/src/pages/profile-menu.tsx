// The "…" menu on someone else's profile: mute or block them (decision 022), and undo either.
// Blocking asks once more, saying what it does; neither is told to the other person.
import { useState } from 'react';
import type { PublicUser } from '@cliptide/contract';
import { friendlyMessage } from '../api/error-messages.ts';
import { setBlocked, setMuted } from '../api/safety.ts';
import { fetchUser } from '../api/users.ts';
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { Dialog } from '../ui/dialog.tsx';
import { Icon } from '../ui/icons.tsx';
import { useToast } from '../ui/toast.tsx';
import { forgetCachedLists } from '../ui/use-paged-list.ts';

interface ProfileMenuProps {
  user: PublicUser;
  /** The profile as the server now sees it, after a change. */
  onChange: (user: PublicUser) => void;
}

/** Blocks or unblocks, then reads the profile again (a block ends follows both ways). */
export function useBlock(user: PublicUser, onChange: (user: PublicUser) => void) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  async function run(on: boolean): Promise<boolean> {
    setBusy(true);
    try {
      await setBlocked(user.username, on);
      forgetCachedLists(''); // no kept feed or grid may still show their videos
      toast(on ? `You blocked @${user.username}` : `@${user.username} is unblocked`);
      onChange((await fetchUser(user.username)).user);
      return true;
    } catch (error) {
      toast(friendlyMessage(error));
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, run };
}

export function ProfileMenu({ user, onChange }: ProfileMenuProps) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="icon-button profile-more" aria-label={`More actions for @${user.username}`} aria-haspopup="dialog" onClick={() => setOpen(true)}>
        <Icon name="more" />
      </button>
      {open && <ProfileMenuDialog user={user} onChange={onChange} onClose={() => setOpen(false)} />}
    </>
  );
}

function ProfileMenuDialog({ user, onChange, onClose }: ProfileMenuProps & { onClose: () => void }) {
  const toast = useToast();
  const block = useBlock(user, onChange);
  const [confirmBlock, setConfirmBlock] = useState(false);
  const [busy, setBusy] = useState(false);
  const name = `@${user.username}`;

  async function mute(on: boolean) {
    setBusy(true);
    try {
      await setMuted(user.username, on);
      forgetCachedLists('');
      onChange({ ...user, viewer: { ...user.viewer, muting: on } });
      toast(on ? `${name} is muted: their videos stay out of your feeds` : `${name} is unmuted`);
      onClose();
    } catch (error) {
      toast(friendlyMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const disabled = busy || block.busy;
  return (
    <Dialog label={name} onClose={onClose} variant="sheet">
      <div className="form profile-menu">
        <div className="menu-action">
          <button type="button" className="button" disabled={disabled} onClick={() => void mute(!user.viewer.muting)}>
            {user.viewer.muting ? `Unmute ${name}` : `Mute ${name}`}
          </button>
          <p className="field-hint">
            {user.viewer.muting
              ? 'Their videos come back to your For You and Following feeds.'
              : 'Their videos stay out of your For You and Following feeds. They aren’t told.'}
          </p>
        </div>
        <div className="menu-action danger-zone" role="group" aria-label={user.viewer.blocking ? `Unblock ${name}` : `Block ${name}`}>
          {user.viewer.blocking ? (
            <button type="button" className="button" disabled={disabled} onClick={() => void block.run(false).then((ok) => ok && onClose())}>
              Unblock {name}
            </button>
          ) : confirmBlock ? (
            <>
              <p>
                Block {name}? You won’t see each other’s videos, comments or profiles, and neither of you can follow, comment on or mention the
                other. Follows between you end. They aren’t told.
              </p>
              <div className="row">
                <button type="button" className="button button-danger" disabled={disabled} onClick={() => void block.run(true).then((ok) => ok && onClose())}>
                  Block
                </button>
                <button type="button" className="button" disabled={disabled} onClick={() => setConfirmBlock(false)}>
                  Cancel
                </button>
              </div>
            </>
          ) : (
            <button type="button" className="button" disabled={disabled} onClick={() => setConfirmBlock(true)}>
              Block {name}…
            </button>
          )}
        </div>
        <Link to={paths.blockedSettings()}>Blocked and muted accounts</Link>
      </div>
    </Dialog>
  );
}
