// The column of actions beside a video: creator, like, comment, save, share, sound.
import { useRef, useState } from 'react';
import type { Video } from '@cliptide/contract';
import { useMutedPreference } from '../player/preferences.ts';
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { Avatar } from '../ui/avatar.tsx';
import { formatCount } from '../ui/format.ts';
import { Icon, type IconName } from '../ui/icons.tsx';
import { useRovingFocus } from '../ui/use-roving-focus.ts';
import { FollowButton } from './follow-button.tsx';
import { ShareSheet } from './share-sheet.tsx';
import type { VideoActions } from './use-video-actions.ts';

interface ActionRailProps {
  video: Video;
  actions: VideoActions;
  onComments: () => void;
}

export function ActionRail({ video, actions, onComments }: ActionRailProps) {
  const [muted, setMuted] = useMutedPreference();
  const author = video.author;
  const rail = useRef<HTMLDivElement>(null);
  const roving = useRovingFocus(rail);
  const [sharing, setSharing] = useState(false);
  return (
    <div className="rail" ref={rail} role="toolbar" aria-orientation="vertical" aria-label="Video actions" {...roving}>
      <div className="rail-creator">
        <Link to={paths.profile(author.username)} aria-label={`@${author.username} profile`} data-roving="">
          <Avatar user={author} size={48} />
        </Link>
        <FollowButton username={author.username} following={video.viewer.followingAuthor} compact />
      </div>
      <RailButton
        icon="heart"
        label={actions.liked ? 'Unlike' : 'Like'}
        pressed={actions.liked}
        count={actions.likes}
        onClick={actions.toggleLike}
        className={actions.liked ? 'is-liked' : ''}
        first
      />
      <RailButton
        icon="comment"
        label={video.allowComments ? 'Comments' : 'Comments are off'}
        count={actions.comments}
        onClick={onComments}
      />
      <RailButton
        icon="bookmark"
        label={actions.saved ? 'Remove from saved' : 'Save'}
        pressed={actions.saved}
        count={actions.saves}
        onClick={actions.toggleSave}
        className={actions.saved ? 'is-saved' : ''}
      />
      <RailButton icon="share" label="Share" count={actions.shares} onClick={() => setSharing(true)} />
      {sharing && <ShareSheet video={video} actions={actions} onClose={() => setSharing(false)} />}
      <button
        type="button"
        className="rail-button rail-sound"
        data-roving=""
        aria-label={muted ? 'Unmute' : 'Mute'}
        aria-pressed={!muted}
        onClick={() => setMuted(!muted)}
      >
        <Icon name={muted ? 'mute' : 'volume'} size={26} />
      </button>
    </div>
  );
}

interface RailButtonProps {
  icon: IconName;
  label: string;
  count: number;
  onClick: () => void;
  pressed?: boolean;
  className?: string;
  /** Where Tab enters the rail. */
  first?: boolean;
}

function RailButton({ icon, label, count, onClick, pressed, className = '', first }: RailButtonProps) {
  return (
    <button
      type="button"
      className={`rail-button ${className}`}
      data-roving=""
      data-roving-default={first ? '' : undefined}
      // the visible count is a word of the name ("Like, 1.2K"), as WCAG 2.5.3 asks
      aria-label={`${label}, ${formatCount(count)}`}
      aria-pressed={pressed}
      onClick={onClick}
    >
      <span className="rail-icon">
        <Icon name={icon} size={30} />
      </span>
      <span className="rail-count">{formatCount(count)}</span>
    </button>
  );
}
