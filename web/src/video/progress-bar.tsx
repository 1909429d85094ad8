// The seek bar along the bottom of the video: drawn every frame without re-rendering React;
// tap or drag to seek (a tall, invisible hit area for fingers), the time shown while scrubbing,
// and ←/→ seek 5 s when it has the focus. It is a slider for assistive technology.
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent, type RefObject } from 'react';
import { formatDuration } from '../ui/format.ts';

const KEY_STEP_S = 5;

interface SeekBarProps {
  videoRef: RefObject<HTMLVideoElement | null>;
  running: boolean;
}

export function ProgressBar({ videoRef, running }: SeekBarProps) {
  const bar = useRef<HTMLDivElement>(null);
  const track = useRef<HTMLDivElement>(null);
  const [scrub, setScrub] = useState<number | null>(null); // the fraction under the finger while scrubbing
  const [times, setTimes] = useState({ now: 0, total: 0 });
  const scrubbing = scrub !== null;

  useEffect(() => {
    if (!running) {
      if (bar.current) bar.current.style.transform = 'scaleX(0)';
      return;
    }
    let frame = 0;
    let lastSecond = -1;
    const draw = () => {
      const video = videoRef.current;
      if (video && bar.current && video.duration > 0 && !scrubbing) {
        bar.current.style.transform = `scaleX(${Math.min(1, video.currentTime / video.duration)})`;
        const second = Math.floor(video.currentTime);
        if (second !== lastSecond) {
          lastSecond = second;
          setTimes({ now: video.currentTime, total: video.duration });
        }
      }
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [running, videoRef, scrubbing]);

  function fractionAt(clientX: number): number {
    const box = track.current?.getBoundingClientRect();
    if (!box || box.width === 0) return 0;
    return Math.min(1, Math.max(0, (clientX - box.left) / box.width));
  }

  function show(fraction: number) {
    setScrub(fraction);
    if (bar.current) bar.current.style.transform = `scaleX(${fraction})`;
  }

  function seekTo(seconds: number) {
    const video = videoRef.current;
    if (!video || !(video.duration > 0)) return;
    video.currentTime = Math.min(Math.max(0, seconds), Math.max(0, video.duration - 0.05));
    setTimes({ now: video.currentTime, total: video.duration });
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (!running || !(videoRef.current?.duration ?? 0)) return;
    event.stopPropagation();
    event.currentTarget.setPointerCapture(event.pointerId);
    show(fractionAt(event.clientX));
  }
  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    if (scrubbing) show(fractionAt(event.clientX));
  }
  function onPointerUp(event: PointerEvent<HTMLDivElement>) {
    if (!scrubbing) return;
    const fraction = fractionAt(event.clientX);
    setScrub(null);
    seekTo(fraction * (videoRef.current?.duration ?? 0));
  }
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const video = videoRef.current;
    if (!video) return;
    const step = { ArrowLeft: -KEY_STEP_S, ArrowRight: KEY_STEP_S }[event.key];
    const jump = event.key === 'Home' ? 0 : event.key === 'End' ? video.duration : undefined;
    if (step === undefined && jump === undefined) return;
    event.preventDefault();
    seekTo(jump ?? video.currentTime + (step ?? 0));
  }

  const shownNow = scrub !== null ? scrub * times.total : times.now;
  return (
    <div
      className={scrubbing ? 'seek is-scrubbing' : 'seek'}
      role="slider"
      tabIndex={running ? 0 : -1}
      aria-label="Seek"
      aria-valuemin={0}
      aria-valuemax={Math.round(times.total)}
      aria-valuenow={Math.round(shownNow)}
      aria-valuetext={`${formatDuration(shownNow)} of ${formatDuration(times.total)}`}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={() => setScrub(null)}
      onClick={(event) => event.stopPropagation()}
      onKeyDown={onKeyDown}
    >
      {scrubbing && (
        <span className="seek-time" aria-hidden="true">
          {formatDuration(shownNow)} / {formatDuration(times.total)}
        </span>
      )}
      <div ref={track} className="progress">
        <div ref={bar} className="progress-fill" />
      </div>
    </div>
  );
}
