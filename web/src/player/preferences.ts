// Playback preferences kept across visits: sound on/off, and whether neighbours preload.
import { useSyncExternalStore } from 'react';

const MUTED_KEY = 'cliptide:muted';
const PRELOAD_KEY = 'cliptide:preload';

const listeners = new Set<() => void>();

function readMuted(): boolean {
  try {
    return window.localStorage.getItem(MUTED_KEY) !== 'false';
  } catch {
    return true;
  }
}

let muted = readMuted();

export function setMutedPreference(value: boolean) {
  muted = value;
  try {
    window.localStorage.setItem(MUTED_KEY, String(value));
  } catch {
    // storage unavailable (private mode): remembered for this page only
  }
  for (const listener of listeners) listener();
}

/** Muted until the person unmutes once; then sound stays on, on every video and visit. */
export function useMutedPreference(): [boolean, (muted: boolean) => void] {
  const value = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => muted,
  );
  return [value, setMutedPreference];
}

/**
 * Preloading of the next videos is on unless turned off with `?preload=0` in the URL (remembered for
 * the tab) or `localStorage['cliptide:preload'] = 'off'`. The playback benchmark compares both.
 */
export function preloadEnabled(): boolean {
  const param = new URLSearchParams(window.location.search).get('preload');
  try {
    if (param !== null) window.sessionStorage.setItem(PRELOAD_KEY, param === '0' || param === 'off' ? 'off' : 'on');
    const flag = window.sessionStorage.getItem(PRELOAD_KEY) ?? window.localStorage.getItem(PRELOAD_KEY);
    return flag !== 'off';
  } catch {
    return param !== '0' && param !== 'off';
  }
}
