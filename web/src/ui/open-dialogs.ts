// How many modal dialogs are open: the feed's keys stay quiet and toasts move out of the way.
import { useSyncExternalStore } from 'react';

let open = 0;
const listeners = new Set<() => void>();

function set(next: number) {
  open = Math.max(0, next);
  for (const listener of listeners) listener();
}

export const dialogOpened = () => set(open + 1);
export const dialogClosed = () => set(open - 1);
export const anyDialogOpen = () => open > 0;

export function useAnyDialogOpen(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    anyDialogOpen,
  );
}
