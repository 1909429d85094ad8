// "Why this video": the recommender's own explanation of a For You item, and the ways to see less of it.
import { useState } from 'react';
import { friendlyMessage } from '../api/error-messages.ts';
import { notInterested, type NotInterestedTarget } from '../api/feed-controls.ts';
import type { Video } from '@cliptide/contract';
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { useToast } from '../ui/toast.tsx';

interface ReasonsDialogProps {
  video: Video;
  onClose: () => void;
  /** Called after a "show less" choice is saved, so the feed can drop what it names. */
  onDismissed?: (target: NotInterestedTarget) => void;
}

export function ReasonsDialog({ video, onClose, onDismissed }: ReasonsDialogProps) {
  const { requireAuth } = useSession();
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const reasons = video.reasons ?? [];

  async function showLess(target: NotInterestedTarget, done: string) {
    if (!requireAuth('Log in to tell For You what you don’t want to see.')) return;
    setBusy(true);
    try {
      await notInterested(target);
      toast(done);
      onClose();
      onDismissed?.(target);
    } catch (error) {
      toast(friendlyMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Dialog label="Why you’re seeing this video" onClose={onClose} variant="sheet">
      <ul className="reasons">
        {reasons.length === 0 && <li>This video was picked from what’s popular right now.</li>}
        {reasons.map((reason) => (
          <li key={reason.code + reason.text} data-reason={reason.code}>
            {reason.text}
          </li>
        ))}
      </ul>
      <div className="show-less" role="group" aria-label="Show less like this">
        <button type="button" className="button" disabled={busy} onClick={() => void showLess({ videoId: video.id }, 'Got it — this video won’t come back.')}>
          Not interested
        </button>
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => void showLess({ username: video.author.username }, `You’ll see less from @${video.author.username}.`)}
        >
          Less from @{video.author.username}
        </button>
        {video.hashtags.slice(0, 3).map((tag) => (
          <button key={tag} type="button" className="button" disabled={busy} onClick={() => void showLess({ hashtag: tag }, `You’ll see less of #${tag}.`)}>
            Less #{tag}
          </button>
        ))}
      </div>
      <p className="muted-text">
        Cliptide’s recommender is open source: every item says why it was shown.{' '}
        <Link to={paths.feedSettings()} onClick={onClose}>
          For You settings
        </Link>
      </p>
    </Dialog>
  );
}
