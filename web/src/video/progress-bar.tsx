import { useEffect, useRef, type RefObject } from 'react';

/** A thin bar along the bottom of the video, drawn every frame without re-rendering React. */
export function ProgressBar({ videoRef, running }: { videoRef: RefObject<HTMLVideoElement | null>; running: boolean }) {
  const bar = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!running) {
      if (bar.current) bar.current.style.transform = 'scaleX(0)';
      return;
    }
    let frame = 0;
    const draw = () => {
      const video = videoRef.current;
      if (video && bar.current && video.duration > 0) {
        bar.current.style.transform = `scaleX(${Math.min(1, video.currentTime / video.duration)})`;
      }
      frame = requestAnimationFrame(draw);
    };
    frame = requestAnimationFrame(draw);
    return () => cancelAnimationFrame(frame);
  }, [running, videoRef]);
  return (
    <div className="progress" aria-hidden="true">
      <div ref={bar} className="progress-fill" />
    </div>
  );
}
