// The signed-in person's wellbeing settings and today's screen time, kept outside React so the feeds,
// the pause screen, the break reminder and the settings page share one copy. The server decides:
// it counts watch time from the view reports and answers the feeds `screen_time_limit` when the
// limit is reached; this store only mirrors that (and tells the server the browser's time zone).
import { useSyncExternalStore } from 'react';
import type { WellbeingSettings } from '@cliptide/contract';
import { fetchWellbeing, saveWellbeing } from '../api/wellbeing.ts';
import { ApiError } from '../api/problem.ts';

export interface WellbeingState {
  settings: WellbeingSettings | null;
  /** A feed was refused (or the count says the limit is reached): the pause screen shows. */
  paused: boolean;
}

let state: WellbeingState = { settings: null, paused: false };
const listeners = new Set<() => void>();
let active = false;
let refreshTimer: number | undefined;

function set(next: WellbeingState) {
  state = next;
  for (const listener of listeners) listener();
}

export function useWellbeing(): WellbeingState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

/** New settings from the server (a fetch, a save, an extension). */
export function wellbeingLoaded(settings: WellbeingSettings) {
  set({ settings, paused: settings.locked });
}

/** The browser's IANA time zone, if it says. */
const browserTimeZone = (): string | null => {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || null;
  } catch {
    return null;
  }
};

export async function refreshWellbeing(): Promise<void> {
  if (!active) return;
  try {
    wellbeingLoaded((await fetchWellbeing()).wellbeing);
  } catch {
    // the feeds themselves answer screen_time_limit: a failed look here changes nothing
  }
}

/** Starts for the signed-in person: loads the settings and keeps the server's time zone the browser's. */
export async function startWellbeing() {
  active = true;
  await refreshWellbeing();
  const zone = browserTimeZone();
  if (zone && state.settings && state.settings.timeZone !== zone) {
    try {
      wellbeingLoaded((await saveWellbeing({ timeZone: zone })).wellbeing);
    } catch {
      // an unusual zone name the server does not know: the day stays counted in the stored zone
    }
  }
}

export function stopWellbeing() {
  active = false;
  set({ settings: null, paused: false });
}

/** A view was reported: look at the count again shortly (the pause comes while watching, not only on the next page). */
export function watchReported() {
  if (!active || !state.settings?.dailyLimitMinutes) return;
  window.clearTimeout(refreshTimer);
  refreshTimer = window.setTimeout(() => void refreshWellbeing(), 1500);
}

/** A feed answered: if it was the limit, pause. */
export function feedFailed(error: unknown) {
  if (error instanceof ApiError && error.code === 'screen_time_limit') set({ ...state, paused: true });
}

export const isScreenTimeLimit = (error: unknown) => error instanceof ApiError && error.code === 'screen_time_limit';
