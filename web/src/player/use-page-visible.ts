import { useSyncExternalStore } from 'react';

function subscribe(listener: () => void) {
  document.addEventListener('visibilitychange', listener);
  return () => document.removeEventListener('visibilitychange', listener);
}

/** False while the tab is in the background: nothing should play then. */
export const usePageVisible = () => useSyncExternalStore(subscribe, () => document.visibilityState !== 'hidden');
