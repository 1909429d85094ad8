// One screen of the feed: the player, who made it and what it says, and the actions beside it.
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { NotInterestedTarget } from '../api/feed-controls.ts';
import type { Video, ViewSource } from '@cliptide/contract';
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { Icon } from '../ui/icons.tsx';
import { ActionRail } from '../video/action-rail.tsx';
import { Caption } from '../video/caption.tsx';
import { CommentsDrawer } from '../video/comments-drawer.tsx';
import { ManageVideoDialog } from '../video/manage-video-dialog.tsx';
import { ReasonsDialog } from '../video/reasons-dialog.tsx';
import { ReportDialog } from '../moderation/report-dialog.tsx';
import { takeAction } from '../session/pending-action.ts';
import { useSession } from '../session/session.tsx';
import { useVideoActions } from '../video/use-video-actions.ts';
import { VideoPlayer, type PlayerHandle, type PlayerMode } from '../video/video-player.tsx';

interface FeedItemProps {
  video: Video;
  index: number;
  mode: PlayerMode;
  /** Only the current video's controls can be reached (Tab, screen readers); the others are inert. */
  current?: boolean;
  source: ViewSource;
  handle?: Ref<FeedItemHandle>;
  /** The viewer said "not interested" in this video, its creator or a hashtag: the feed drops them. */
  onDismissed?: (target: NotInterestedTarget) => void;
  /** Where playback resumes (seconds), for a feed come back to. */
  startAt?: number;
  /** Offers the author "edit or delete": the saved video after an edit, null once deleted. */
  onChanged?: (video: Video | null) => void;
}

export interface FeedItemHandle {
  togglePlay(): void;
  toggleLike(): void;
}

export function FeedItem({ video, index, mode, current = true, source, handle, startAt, onDismissed, onChanged }: FeedItemProps) {
  const actions = useVideoActions(video);
  const { user, requireAuth } = useSession();
  const [panel, setPanel] = useState<'comments' | 'reasons' | 'manage' | 'report' | null>(null);
  const player = useRef<PlayerHandle>(null);
  useImperativeHandle(handle, () => ({ togglePlay: () => player.current?.togglePlay(), toggleLike: actions.toggleLike }));
  const author = video.author;
  // back from logging in to comment: the comments open again on this video
  useEffect(() => {
    if (user && takeAction((a) => a.kind === 'comment' && a.videoId === video.id)) setPanel('comments');
  }, [user, video.id]);
  return (
    <section
      className={current ? 'feed-item is-current' : 'feed-item'}
      data-index={index}
      aria-label={`Video by @${author.username}`}
      tabIndex={-1}
      inert={!current}
    >
      <div className="stage">
        <VideoPlayer video={video} mode={mode} source={source} onDoubleTap={actions.likeOnce} handle={player} index={index} {...(startAt ? { startAt } : {})} />
        <div className="info">
          <Link className="info-author" to={paths.profile(author.username)}>
            @{author.username}
          </Link>
          <Caption text={video.caption} />
          {video.reasons && (
            <button type="button" className="why-button" onClick={() => setPanel('reasons')}>
              <Icon name="info" size={16} /> Why this video
            </button>
          )}
          {onChanged && user?.id === author.id && (
            <button type="button" className="why-button manage-button" onClick={() => setPanel('manage')}>
              Edit or delete
            </button>
          )}
          {user?.id !== author.id && (
            <button type="button" className="why-button report-button" onClick={() => requireAuth('Log in to report a video.') && setPanel('report')}>
              Report
            </button>
          )}
        </div>
      </div>
      <ActionRail video={video} actions={actions} onComments={() => setPanel('comments')} />
      {panel === 'comments' && (
        <CommentsDrawer
          video={video}
          onClose={() => setPanel(null)}
          onCountChange={(change) => actions.setComments((n) => Math.max(0, n + change))}
        />
      )}
      {panel === 'manage' && onChanged && <ManageVideoDialog video={video} onClose={() => setPanel(null)} onChanged={onChanged} />}
      {panel === 'report' && <ReportDialog target={{ type: 'video', id: video.id }} onClose={() => setPanel(null)} />}
      {panel === 'reasons' && <ReasonsDialog video={video} onClose={() => setPanel(null)} {...(onDismissed ? { onDismissed } : {})} />}
    </section>
  );
}
