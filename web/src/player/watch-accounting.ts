// Watch accounting: turns what the <video> element reports into the signals the recommender
// learns from — real playing time, replays (a loop back to the start) and completion.
// Pure functions over a plain state; the player feeds it events, the reporter sends the result.
import type { WatchReport } from '@cliptide/contract';

export interface WatchState {
  /** Media time actually played, in ms (pauses, stalls and seeks excluded). */
  watchedMs: number;
  completed: boolean;
  replays: number;
  /** Where playback was at the last observation while playing; null when not playing. */
  anchor: { positionMs: number; wallMs: number } | null;
  /** The end was reached without looping: playing again from the start is a replay. */
  endedAtEnd: boolean;
}

export interface Observation {
  positionMs: number;
  wallMs: number;
  durationMs: number | null;
}

/** How far from the end still counts as "reached the end" (timeupdate fires about every 250 ms). */
export const END_TOLERANCE_MS = 350;
/** A jump back to the start from this close to the end is a loop, not a seek. */
const LOOP_WINDOW_MS = 1000;
/** Media time may run a little ahead of the wall clock between two observations; more is a jump. */
const JUMP_SLACK_MS = 400;

export const startWatch = (): WatchState => ({ watchedMs: 0, completed: false, replays: 0, anchor: null, endedAtEnd: false });

function isNearEnd(positionMs: number, durationMs: number | null, tolerance = END_TOLERANCE_MS): boolean {
  return durationMs !== null && durationMs > 0 && positionMs >= durationMs - tolerance;
}

/** Playback is (still) running at this position: count the media time played since the last observation. */
export function observePlaying(state: WatchState, at: Observation): WatchState {
  let { watchedMs, completed, replays, endedAtEnd } = state;
  if (endedAtEnd && at.positionMs < LOOP_WINDOW_MS) {
    replays += 1;
    endedAtEnd = false;
  }
  const anchor = state.anchor;
  if (anchor) {
    const played = at.positionMs - anchor.positionMs;
    const wall = Math.max(0, at.wallMs - anchor.wallMs);
    if (played >= 0) {
      // forward: real playback advances no faster than the clock (plus jitter); more is a jump
      if (played <= wall * 2 + JUMP_SLACK_MS) watchedMs += played;
    } else if (
      isNearEnd(anchor.positionMs, at.durationMs, LOOP_WINDOW_MS) &&
      at.positionMs < LOOP_WINDOW_MS &&
      at.durationMs !== null
    ) {
      // looped: the rest of the previous pass plus the start of the new one
      const looped = at.durationMs - anchor.positionMs + at.positionMs;
      if (looped <= wall * 2 + JUMP_SLACK_MS) watchedMs += looped;
      replays += 1;
      completed = true;
    }
    // any other backward move is a seek: nothing counted, re-anchored below
  }
  if (isNearEnd(at.positionMs, at.durationMs)) completed = true;
  return { watchedMs, completed, replays, endedAtEnd, anchor: { positionMs: at.positionMs, wallMs: at.wallMs } };
}

/** Playback stopped (pause, stall, hidden page): count up to here, then stop counting. */
export function observeStopped(state: WatchState, at: Observation): WatchState {
  const counted = state.anchor ? observePlaying(state, at) : state;
  return { ...counted, anchor: null };
}

/** The user moved the playhead: whatever happens across the jump is not watching. */
export function observeSeeking(state: WatchState): WatchState {
  return { ...state, anchor: null, endedAtEnd: false };
}

/** The media reached its end (no loop): the video was completed, and playing it again is a replay. */
export function observeEnded(state: WatchState, at: Observation): WatchState {
  const counted = observeStopped(state, at);
  return { ...counted, completed: true, endedAtEnd: true };
}

/** The report for this view, or null when nothing was watched (e.g. autoplay was blocked). */
export function toReport(state: WatchState): WatchReport | null {
  const watchedMs = Math.round(state.watchedMs);
  if (watchedMs <= 0 && !state.completed) return null;
  return { watchedMs, completed: state.completed, replays: state.replays };
}
