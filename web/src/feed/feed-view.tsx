// The vertical feed: one full-height video at a time, scroll-snap and swipe, wheel and keyboard,
// the current video plays, its neighbours preload, the next page loads before the end.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';
import type { NotInterestedTarget } from '../api/feed-controls.ts';
import type { Video, ViewSource } from '@cliptide/contract';
import { preloadEnabled, useMutedPreference } from '../player/preferences.ts';
import { ErrorState, Loading } from '../ui/states.tsx';
import type { PlayerMode } from '../video/video-player.tsx';
import { FeedItem, type FeedItemHandle } from './feed-item.tsx';
import { useFeedKeys } from './use-feed-keys.ts';

interface FeedViewProps {
  items: Video[];
  loading: boolean;
  done: boolean;
  error: unknown;
  loadMore: () => void;
  retry: () => void;
  empty: ReactNode;
  source: ViewSource;
  /** Start at this video (a feed opened from a grid, or a feed come back to). */
  initialIndex?: number;
  /** Where the video at initialIndex resumes (seconds). */
  initialTime?: number;
  /** Told which video is current and, when the feed is left, how far it had played. */
  onActiveChange?: (index: number, time?: number) => void;
}

/** A touch swipe this fast (px/ms) and this long moves on, even when short of half a screen. */
const FLICK_VELOCITY = 0.4;
const FLICK_MIN_PX = 24;

/** How many videos ahead (and behind) keep their stream attached. */
const PRELOAD_AHEAD = 2;
const PRELOAD_BEHIND = 1;
/** Start loading the next page this many videos before the end. */
const PREFETCH_PAGE_AT = 3;
/**
 * The preload window moves this long after a swipe, so that attaching and decoding the newly
 * preloaded videos does not compete with the first frames of the one that just became current.
 */
const PRELOAD_SETTLE_MS = 350;

const reducedMotion = () => window.matchMedia('(prefers-reduced-motion: reduce)').matches;

function matches(target: NotInterestedTarget, video: Video): boolean {
  if ('videoId' in target) return video.id === target.videoId;
  if ('username' in target) return video.author.username === target.username;
  return video.hashtags.includes(target.hashtag);
}

export function FeedView({ items: loaded, loading, done, error, loadMore, retry, empty, source, initialIndex = 0, initialTime, onActiveChange }: FeedViewProps) {
  // "Not interested" takes what it names out of the loaded feed at once; the next video moves into its place.
  const [dismissed, setDismissed] = useState<readonly NotInterestedTarget[]>([]);
  const items = dismissed.length === 0 ? loaded : loaded.filter((video) => !dismissed.some((target) => matches(target, video)));
  const scroller = useRef<HTMLDivElement>(null);
  const [active, setActive] = useState(initialIndex);
  const players = useRef(new Map<number, FeedItemHandle>());
  const [preload] = useState(preloadEnabled);
  const [muted, setMuted] = useMutedPreference();
  const [settled, setSettled] = useState(initialIndex);

  // put the feed back at its starting video before the first paint (no scroll animation)
  const placed = useRef(false);
  useLayoutEffect(() => {
    const root = scroller.current;
    if (placed.current || !root || items.length === 0) return;
    placed.current = true;
    if (initialIndex > 0) root.scrollTop = initialIndex * root.clientHeight;
  }, [items.length, initialIndex]);

  const reportActive = useRef(onActiveChange);
  reportActive.current = onActiveChange;
  useEffect(() => {
    reportActive.current?.(active);
  }, [active]);
  const activeNow = useRef(active);
  activeNow.current = active;
  // leaving the feed: remember how far the current video had played
  const hasItems = items.length > 0;
  useEffect(() => {
    const root = scroller.current;
    if (!root) return;
    return () => {
      const video = root.querySelector<HTMLVideoElement>(`video[data-feed-index="${activeNow.current}"]`);
      if (video) reportActive.current?.(activeNow.current, video.currentTime);
    };
  }, [hasItems]);

  useEffect(() => {
    const timer = window.setTimeout(() => setSettled(active), PRELOAD_SETTLE_MS);
    return () => window.clearTimeout(timer);
  }, [active]);

  // the item most in view is the current one
  useEffect(() => {
    const root = scroller.current;
    if (!root) return;
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.intersectionRatio >= 0.6) setActive(Number((entry.target as HTMLElement).dataset.index));
        }
      },
      { root, threshold: 0.6 },
    );
    for (const child of root.querySelectorAll('.feed-item')) observer.observe(child);
    return () => observer.disconnect();
  }, [items.length]);

  useEffect(() => {
    if (!done && !loading && !error && items.length > 0 && active >= items.length - PREFETCH_PAGE_AT) loadMore();
  }, [active, items.length, done, loading, error, loadMore]);

  const goTo = useCallback(
    (index: number) => {
      const root = scroller.current;
      if (!root || index < 0 || index >= items.length) return;
      setActive(index); // start playing at once; the scroll catches up
      root.scrollTo({ top: index * root.clientHeight, behavior: reducedMotion() ? 'instant' : 'smooth' });
    },
    [items.length],
  );

  // a quick flick moves on even when short; a long drag is left to scroll snapping
  const touch = useRef<{ y: number; t: number; index: number } | null>(null);
  useEffect(() => {
    const root = scroller.current;
    if (!root) return;
    const onStart = (event: TouchEvent) => {
      const t = event.touches[0];
      touch.current = event.touches.length === 1 && t ? { y: t.clientY, t: performance.now(), index: activeRef.current } : null;
    };
    const onEnd = (event: TouchEvent) => {
      const start = touch.current;
      const t = event.changedTouches[0];
      touch.current = null;
      if (!start || !t) return;
      const dy = start.y - t.clientY;
      const velocity = Math.abs(dy) / Math.max(1, performance.now() - start.t);
      if (Math.abs(dy) < FLICK_MIN_PX || velocity < FLICK_VELOCITY || Math.abs(dy) > root.clientHeight / 2) return;
      const target = start.index + (dy > 0 ? 1 : -1);
      if (activeRef.current === start.index) goToRef.current(target);
    };
    root.addEventListener('touchstart', onStart, { passive: true });
    root.addEventListener('touchend', onEnd, { passive: true });
    return () => {
      root.removeEventListener('touchstart', onStart);
      root.removeEventListener('touchend', onEnd);
    };
  }, [items.length > 0]);
  const activeRef = useRef(active);
  activeRef.current = active;
  const goToRef = useRef(goTo);
  goToRef.current = goTo;

  useFeedKeys(scroller, {
    next: () => goTo(active + 1),
    previous: () => goTo(active - 1),
    togglePlay: () => players.current.get(active)?.togglePlay(),
    toggleMute: () => setMuted(!muted),
    like: () => players.current.get(active)?.toggleLike(),
  });

  function modeOf(index: number): PlayerMode {
    if (index === active) return 'play';
    if (preload && index >= settled - PRELOAD_BEHIND && index <= settled + PRELOAD_AHEAD) return 'preload';
    return 'poster';
  }

  // For You may show a video again after everything was seen: key each appearance, not the video
  const appearances = new Map<string, number>();
  const keyOf = (video: Video): string => {
    const n = appearances.get(video.id) ?? 0;
    appearances.set(video.id, n + 1);
    return n === 0 ? video.id : `${video.id}#${n}`;
  };

  if (items.length === 0) {
    if (loading) return <div className="feed"><Loading label="Loading videos" /></div>;
    if (error) return <div className="feed"><ErrorState error={error} onRetry={retry} /></div>;
    return <div className="feed">{empty}</div>;
  }

  return (
    <div className="feed" ref={scroller} data-active-index={active}>
      {items.map((video, index) => (
        <FeedItem
          key={keyOf(video)}
          video={video}
          index={index}
          mode={modeOf(index)}
          current={index === active}
          {...(index === initialIndex && initialTime ? { startAt: initialTime } : {})}
          source={source}
          onDismissed={(target) => setDismissed((list) => [...list, target])}
          handle={(handle: FeedItemHandle | null) => {
            if (handle) players.current.set(index, handle);
            else players.current.delete(index);
          }}
        />
      ))}
      {(loading || error !== null || done) && (
        <div className="feed-end">
          {loading && <Loading label="Loading more videos" />}
          {error !== null && <ErrorState error={error} onRetry={retry} />}
          {done && !loading && !error && <p className="muted-text">You’re all caught up.</p>}
        </div>
      )}
    </div>
  );
}
