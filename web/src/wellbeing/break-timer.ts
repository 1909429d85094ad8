// The take-a-break count as a pure step: each tick adds to the continuous watching while a video
// plays, a long enough pause starts it over, and reaching the reminder says "due" and starts again.

export interface BreakTimer {
  watchedMs: number;
  idleMs: number;
}

/** Five minutes without a playing video end a stretch of continuous watching. */
export const PAUSE_RESETS_MS = 5 * 60_000;
export const START: BreakTimer = { watchedMs: 0, idleMs: 0 };

/** One tick of `tickMs`: returns the new count, and the minutes watched when a reminder is due. */
export function tick(timer: BreakTimer, playing: boolean, tickMs: number, reminderMinutes: number): { timer: BreakTimer; dueAfterMinutes: number | null } {
  if (!playing) {
    const idleMs = timer.idleMs + tickMs;
    return { timer: idleMs >= PAUSE_RESETS_MS ? { watchedMs: 0, idleMs } : { ...timer, idleMs }, dueAfterMinutes: null };
  }
  const watchedMs = timer.watchedMs + tickMs;
  if (watchedMs >= reminderMinutes * 60_000) return { timer: START, dueAfterMinutes: Math.round(watchedMs / 60_000) };
  return { timer: { watchedMs, idleMs: 0 }, dueAfterMinutes: null };
}
