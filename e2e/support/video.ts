import type { Locator } from 'playwright-core';
import type { MediaElementLike } from './dom.ts';

/** Playback position of a <video>, in seconds. */
export const currentTime = (video: Locator) => video.evaluate((v: MediaElementLike) => v.currentTime);

/** Resolves once the video is playing and has really decoded past `seconds`. */
export async function waitForPlayback(video: Locator, seconds = 0.5, timeoutMs = 15_000) {
  const deadline = Date.now() + timeoutMs;
  let last = { time: 0, paused: true, readyState: 0 };
  // polled from here: functions sent into the page must not declare named helpers (tsx adds __name)
  while (Date.now() < deadline) {
    last = await video.evaluate((v: MediaElementLike) => ({ time: v.currentTime, paused: v.paused, readyState: v.readyState }));
    if (last.time > seconds && !last.paused) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`playback did not advance: currentTime ${last.time}, paused ${last.paused}, readyState ${last.readyState}`);
}
