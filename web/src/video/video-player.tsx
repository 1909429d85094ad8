// One vertical video: attaches its stream when asked to preload or play, plays only while it is
// the current one, tap to pause, double-tap to like (with a heart), a thin progress bar.
import { useEffect, useImperativeHandle, useRef, useState, type MouseEvent, type Ref } from 'react';
import type { Video, ViewSource } from '@cliptide/contract';
import { attachSource, type MediaSourceHandle } from '../player/media-source.ts';
import { useMutedPreference } from '../player/preferences.ts';
import { useWatchTracking } from '../player/use-watch-tracking.ts';
import { usePageVisible } from '../player/use-page-visible.ts';
import { Icon } from '../ui/icons.tsx';
import { HeartBurst, useHearts } from './heart-burst.tsx';
import { ProgressBar } from './progress-bar.tsx';

export type PlayerMode = 'play' | 'preload' | 'poster';

export interface PlayerHandle {
  togglePlay(): void;
}

interface VideoPlayerProps {
  video: Video;
  mode: PlayerMode;
  source: ViewSource;
  onDoubleTap: () => void;
  handle?: Ref<PlayerHandle>;
  index?: number;
  /** Start from here (seconds): the feed came back to a video it had left mid-way. */
  startAt?: number;
}

const DOUBLE_TAP_MS = 280;
const REWIND_DELAY_MS = 500;

export function VideoPlayer({ video, mode, source, onDoubleTap, handle, index, startAt }: VideoPlayerProps) {
  const videoRef = useRef<HTMLVideoElement>(null);
  const stream = useRef<MediaSourceHandle | null>(null);
  const [userPaused, setUserPaused] = useState(false);
  const [soundBlocked, setSoundBlocked] = useState(false);
  const [muted, setMuted] = useMutedPreference();
  const visible = usePageVisible();
  const hearts = useHearts();
  const lastTap = useRef(0);
  const tapTimer = useRef<number | undefined>(undefined);
  const playing = mode === 'play';
  const resumeFrom = useRef(startAt);
  const attached = mode !== 'poster' && video.hls !== null;

  // attach the stream while preloading or playing; detach when scrolled far away
  useEffect(() => {
    const element = videoRef.current;
    if (!element || !attached || !video.hls) return;
    stream.current = attachSource(element, video.hls, 'preload');
    const resume = resumeFrom.current;
    resumeFrom.current = undefined; // once: a later attach starts from the beginning
    const seek = () => {
      if (resume && resume < element.duration) element.currentTime = resume;
    };
    if (resume) element.addEventListener('loadedmetadata', seek, { once: true });
    return () => {
      stream.current?.destroy();
      stream.current = null;
    };
  }, [attached, video.hls]);

  useEffect(() => {
    stream.current?.setPriority(playing ? 'play' : 'preload');
    if (playing) return;
    setUserPaused(false);
    // rewind once the swipe has settled, not while the next video is starting
    const timer = window.setTimeout(() => {
      const element = videoRef.current;
      if (element && element.currentTime > 0) element.currentTime = 0;
    }, REWIND_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [playing]);

  // only the current video plays, and not while the person paused it or the page is hidden
  useEffect(() => {
    const element = videoRef.current;
    if (!element) return;
    if (!playing || userPaused || !visible) {
      element.pause();
      return;
    }
    element.muted = muted || soundBlocked;
    element.play().catch((error: unknown) => {
      if (error instanceof DOMException && error.name === 'NotAllowedError' && !element.muted) {
        // the browser allows only muted autoplay until the person interacts
        setSoundBlocked(true);
        element.muted = true;
        element.play().catch(() => setUserPaused(true));
      } else if (!(error instanceof DOMException && error.name === 'AbortError')) {
        setUserPaused(true);
      }
    });
  }, [playing, userPaused, visible, muted, soundBlocked]);

  useEffect(() => {
    if (videoRef.current) videoRef.current.muted = muted || soundBlocked;
  }, [muted, soundBlocked]);

  useWatchTracking(videoRef, video.id, playing, source);

  const togglePlay = () => {
    setSoundBlocked(false);
    setUserPaused((paused) => !paused);
  };
  useImperativeHandle(handle, () => ({ togglePlay }));

  function handleTap(event: MouseEvent<HTMLDivElement>) {
    const now = performance.now();
    if (now - lastTap.current < DOUBLE_TAP_MS) {
      window.clearTimeout(tapTimer.current);
      lastTap.current = 0;
      const box = event.currentTarget.getBoundingClientRect();
      hearts.add(event.clientX - box.left, event.clientY - box.top);
      onDoubleTap();
      return;
    }
    lastTap.current = now;
    tapTimer.current = window.setTimeout(togglePlay, DOUBLE_TAP_MS);
  }

  useEffect(() => () => window.clearTimeout(tapTimer.current), []);

  const landscape = (video.width ?? 9) > (video.height ?? 16);
  const showPaused = playing && userPaused;
  return (
    // tap to pause and double-tap to like are for pointers; keyboards have Space and l (see use-feed-keys)
    <div className="player" onClick={handleTap}>
      <video
        ref={videoRef}
        className={landscape ? 'player-video player-contain' : 'player-video'}
        poster={video.poster ?? undefined}
        playsInline
        loop
        muted
        preload="none"
        data-feed-index={index}
        data-video-id={video.id}
        aria-label={`Video by @${video.author.username}`}
      />
      {showPaused && (
        <span className="player-paused" aria-hidden="true">
          <Icon name="play" size={64} />
        </span>
      )}
      {playing && (muted || soundBlocked) && (
        <button
          type="button"
          className="unmute-hint"
          onClick={(event) => {
            event.stopPropagation();
            setSoundBlocked(false);
            setMuted(false);
          }}
        >
          <Icon name="mute" size={20} /> Tap to unmute
        </button>
      )}
      <HeartBurst hearts={hearts.list} onDone={hearts.remove} />
      <ProgressBar videoRef={videoRef} running={playing} />
    </div>
  );
}
