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
}

export function VideoGrid({ videos, onEnd }: VideoGridProps) {
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
        {videos.map((video) => (
          <li key={video.id} className="grid-cell">
            <Link to={paths.video(video.id)} aria-label={gridLabel(video)} className="grid-link">
              {video.poster ? <img src={video.poster} alt="" loading="lazy" /> : <span className="grid-placeholder" />}
              {video.status !== 'ready' && <span className={`grid-status status-${video.status}`}>{statusText(video)}</span>}
              <span className="grid-views" aria-hidden="true">
                <Icon name="play" size={14} /> {formatCount(video.counts.views)}
              </span>
            </Link>
          </li>
        ))}
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
