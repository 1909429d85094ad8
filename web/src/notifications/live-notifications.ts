// Live notifications for the signed-in person, kept outside React so every page shares them:
// the unread count (the nav's badge) and what arrived over the server's event stream since
// the inbox last loaded. EventSource reconnects by itself and resumes with Last-Event-ID.
import { useSyncExternalStore } from 'react';
import type { Notification } from '@cliptide/contract';
import { fetchUnreadCount, STREAM_URL } from '../api/notifications.ts';

export interface LiveNotifications {
  unread: number;
  /** Arrived live, newest first. */
  arrived: Notification[];
}

let state: LiveNotifications = { unread: 0, arrived: [] };
let source: EventSource | null = null;
const listeners = new Set<() => void>();

function set(next: LiveNotifications) {
  state = next;
  for (const listener of listeners) listener();
}

export function useLiveNotifications(): LiveNotifications {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

/** Starts listening for the signed-in person (idempotent); stop() when they log out. */
export function startLiveNotifications() {
  if (source) return;
  source = new EventSource(STREAM_URL);
  source.onmessage = (event: MessageEvent<string>) => {
    const notification = JSON.parse(event.data) as Notification;
    if (state.arrived.some((n) => n.id === notification.id)) return;
    set({ unread: state.unread + 1, arrived: [notification, ...state.arrived].slice(0, 200) });
  };
  // the count at the moment the stream opened; anything later arrives as events
  source.onopen = () => {
    fetchUnreadCount()
      .then(({ unreadCount }) => set({ ...state, unread: unreadCount }))
      .catch(() => undefined);
  };
}

export function stopLiveNotifications() {
  source?.close();
  source = null;
  set({ unread: 0, arrived: [] });
}

/** The inbox loaded (or marked read): it now holds everything that arrived; the count is the server's. */
export function inboxCaughtUp(unread: number) {
  set({ unread, arrived: [] });
}
