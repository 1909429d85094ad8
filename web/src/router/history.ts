// A tiny router on the History API: one subscribable location, navigate(), and a <Link>.
import { useSyncExternalStore } from 'react';

const listeners = new Set<() => void>();

function notify() {
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener('popstate', listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('popstate', listener);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

export function navigate(to: string, options: { replace?: boolean } = {}) {
  if (to === snapshot()) return;
  // entries made in the app say so: a "Back" control can then go back instead of away
  if (options.replace) window.history.replaceState(window.history.state, '', to);
  else window.history.pushState({ inApp: true }, '', to);
  window.scrollTo(0, 0);
  notify();
}

/** The current path plus query string ("/search?q=cats"); re-renders on every navigation. */
export function useLocation(): URL {
  const href = useSyncExternalStore(subscribe, snapshot);
  return new URL(href, window.location.origin);
}

/** True when the previous history entry is a page of this app (so Back stays in the app). */
export function canGoBack(): boolean {
  const state: unknown = window.history.state;
  return typeof state === 'object' && state !== null && 'inApp' in state;
}
