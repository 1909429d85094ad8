// A grid of video posters (profile, hashtag, search), each linking to the video's page.
import { useEffect, useRef } from 'react';
import type { Video } from '@cliptide/contract';
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { formatCount } from './format.ts';
import { Icon } from './icons.tsx';

interface VideoGridProps {
  videos: Video[];
  onEnd?: () => void;
  /** The author's own grid: a failed upload says why and can be deleted here. */
  onDeleteFailed?: (video: Video) => void;
  /** The author's own grid: a failed upload whose failure was ours can be processed again. */
  onRetryFailed?: (video: Video) => void;
  /** Opens a ready video in a feed of this grid (`/v/:id?from=…`). */
  from?: string;
}

export function VideoGrid({ videos, onEnd, onDeleteFailed, onRetryFailed, from }: VideoGridProps) {
  const sentinel = useRef<HTMLDivElement>(null);
  const onEndRef = useRef(onEnd);
  onEndRef.current = onEnd;
  useEffect(() => {
    const element = sentinel.current;
    if (!element) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) onEndRef.current?.();
    }, { rootMargin: '400px' });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return (
    <>
      <ul className="grid">
        {videos.map((video) =>
          video.status === 'failed' && onDeleteFailed ? (
            <li key={video.id} className="grid-cell grid-failed">
              <p className="grid-failed-text">
                <strong>Upload failed</strong>
                <span>{video.error?.reason ?? 'It could not be processed.'}</span>
              </p>
              <span className="grid-failed-actions">
                {video.error?.retryable && onRetryFailed && (
                  <button type="button" className="button button-primary" aria-label={`Retry failed upload ${gridLabel(video)}`} onClick={() => onRetryFailed(video)}>
                    Retry
                  </button>
                )}
                <button type="button" className="button" aria-label={`Delete failed upload ${gridLabel(video)}`} onClick={() => onDeleteFailed(video)}>
                  Delete
                </button>
              </span>
            </li>
          ) : (
          <li key={video.id} className="grid-cell">
            <Link to={paths.video(video.id, video.status === 'ready' ? from : undefined)} className="grid-link">
              <span className="visually-hidden">{gridLabel(video)}, </span>
              {video.poster ? <img src={video.poster} alt="" loading="lazy" /> : <span className="grid-placeholder" />}
              {video.status !== 'ready' && <span className={`grid-status status-${video.status}`}>{statusText(video)}</span>}
              <span className="grid-views">
                <Icon name="play" size={14} /> {formatCount(video.counts.views)}
                <span className="visually-hidden"> views</span>
              </span>
            </Link>
          </li>
          ),
        )}
      </ul>
      <div ref={sentinel} aria-hidden="true" />
    </>
  );
}

function statusText(video: Video): string {
  if (video.status === 'failed') return 'Failed';
  if (video.status === 'uploading') return 'Uploading';
  return `Processing ${Math.round(video.progress * 100)}%`;
}

function gridLabel(video: Video): string {
  const caption = video.caption.trim() || 'Video';
  return `${caption.length > 60 ? `${caption.slice(0, 60)}…` : caption} by @${video.author.username}`;
}
