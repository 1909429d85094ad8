// Feeds a <video>'s events into the watch accounting and reports each view when it ends:
// when the video stops being the current one, when the page is hidden, or on unmount.
import { useEffect, type RefObject } from 'react';
import type { ViewSource } from '@cliptide/contract';
import { observeEnded, observePlaying, observeSeeking, observeStopped, startWatch, toReport, type Observation } from './watch-accounting.ts';
import { enqueueView, onBeforeFlush } from './watch-reporter.ts';

export function useWatchTracking(videoRef: RefObject<HTMLVideoElement | null>, videoId: string, active: boolean, source: ViewSource) {
  useEffect(() => {
    const video = videoRef.current;
    if (!video || !active) return;
    let state = startWatch();
    const observe = (): Observation => ({
      positionMs: video.currentTime * 1000,
      wallMs: performance.now(),
      durationMs: Number.isFinite(video.duration) ? video.duration * 1000 : null,
    });
    const onProgress = () => {
      if (!video.paused && !video.seeking) state = observePlaying(state, observe());
    };
    const onStopped = () => {
      state = observeStopped(state, observe());
    };
    const onSeeking = () => {
      state = observeSeeking(state);
    };
    const onEnded = () => {
      state = observeEnded(state, observe());
    };
    const finish = () => {
      const report = toReport(observeStopped(state, observe()));
      state = startWatch();
      if (report) enqueueView(videoId, report, source);
    };
    const events: [string, () => void][] = [
      ['playing', onProgress],
      ['timeupdate', onProgress],
      ['pause', onStopped],
      ['waiting', onStopped],
      ['seeking', onSeeking],
      ['ended', onEnded],
    ];
    for (const [name, handler] of events) video.addEventListener(name, handler);
    const unhook = onBeforeFlush(finish);
    return () => {
      for (const [name, handler] of events) video.removeEventListener(name, handler);
      unhook();
      finish();
    };
  }, [videoRef, videoId, active, source]);
}
