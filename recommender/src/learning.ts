/** Turns events into training labels: which outcome each signal teaches, and how strongly. */
import { T, TASKS } from './ranker.model.ts';
import type { Task } from './ranker.model.ts';
import type { ViewEvent } from './types.ts';

/** The index of a task in the model spec's list (the position of its label and logit). */
function taskIndex(name: Task): number {
  return TASKS.indexOf(name);
}

export const WATCH = taskIndex('watch');
export const COMPLETE = taskIndex('complete');
export const LIKE = taskIndex('like');
export const SHARE = taskIndex('share');
export const FOLLOW = taskIndex('follow');

/** A skip this early (and under this share of the video) is a quick skip. */
export const QUICK_SKIP_MS = 2000;
export const QUICK_SKIP_FRACTION = 0.2;

export const noLabels = (): Float32Array => new Float32Array(T).fill(NaN);

export function watchFraction(e: ViewEvent): number {
  return e.durationMs > 0 ? Math.max(0, e.watchedMs / e.durationMs) : 0;
}

export function isQuickSkip(e: ViewEvent): boolean {
  return e.watchedMs < QUICK_SKIP_MS && watchFraction(e) < QUICK_SKIP_FRACTION && e.replays === 0;
}

export function isWatchedThrough(e: ViewEvent): boolean {
  return e.completed || e.replays > 0 || watchFraction(e) >= 0.9;
}

/**
 * A view teaches watch (the fraction, replays count as a full watch), completion, and a "no"
 * for like/share/follow (a later like event teaches the "yes"). Quick skips weigh double.
 * Fills `labels` and returns the example's weight.
 */
export function viewLabels(e: ViewEvent, labels: Float32Array = new Float32Array(T)): number {
  labels.fill(0);
  labels[WATCH] = Math.min(1, watchFraction(e) + 0.5 * e.replays);
  labels[COMPLETE] = isWatchedThrough(e) ? 1 : 0;
  return isQuickSkip(e) ? 2 : 1;
}

/** Labels with only `task` set (the others NaN), written to `labels` when given. */
export function singleLabel(task: number, value: number, labels: Float32Array = noLabels()): Float32Array {
  labels.fill(NaN);
  labels[task] = value;
  return labels;
}
