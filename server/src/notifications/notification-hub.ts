// Live delivery: the streams open in this process, per recipient. Any process that records a
// notification NOTIFYs the channel with the recipient's id; every process's hub then reads what
// its streams for that recipient have not delivered yet (by number, so nothing is lost or sent
// twice, whichever process recorded it and however many messages arrive).
import type { Notification } from '@cliptide/contract';
import type { NotificationRepository } from './notification.repository.ts';
import { notificationView } from './notification.views.ts';

export interface LiveStream {
  /** The last number this stream has delivered (or the client had, from Last-Event-ID). */
  lastSeq: number;
  send: (notification: Notification) => void;
  /** Ends the stream (the process is stopping). */
  end: () => void;
}

const BATCH = 100;

export function createNotificationHub(deps: { repo: NotificationRepository; channel: string; onError: (error: unknown) => void }) {
  const streams = new Map<string, Set<LiveStream>>();
  // one catch-up at a time per recipient; a message during one asks for another after it
  const running = new Map<string, Promise<void>>();
  const again = new Set<string>();
  let stopListening: (() => Promise<void>) | null = null;

  async function catchUp(recipientId: string) {
    for (const stream of streams.get(recipientId) ?? []) {
      for (;;) {
        const rows = await deps.repo.since(recipientId, stream.lastSeq, BATCH);
        for (const row of rows) {
          stream.lastSeq = row.seq;
          stream.send(notificationView(row));
        }
        if (rows.length < BATCH) break;
      }
    }
  }

  function wake(recipientId: string): Promise<void> {
    if (!streams.has(recipientId)) return Promise.resolve();
    const current = running.get(recipientId);
    if (current) {
      again.add(recipientId);
      return current;
    }
    const run = (async () => {
      try {
        do {
          again.delete(recipientId);
          await catchUp(recipientId);
        } while (again.has(recipientId));
      } catch (error) {
        deps.onError(error);
      } finally {
        running.delete(recipientId);
      }
    })();
    running.set(recipientId, run);
    return run;
  }

  return {
    async start() {
      // an empty message (a listener reconnected) means: look again for everyone
      stopListening = await deps.repo.listen(deps.channel, (recipientId) => {
        if (recipientId) void wake(recipientId);
        else for (const id of streams.keys()) void wake(id);
      });
    },

    /** Adds a stream; it first gets everything after its lastSeq. Returns how to remove it. */
    subscribe(recipientId: string, stream: LiveStream): { ready: Promise<void>; unsubscribe: () => void } {
      let set = streams.get(recipientId);
      if (!set) streams.set(recipientId, (set = new Set()));
      set.add(stream);
      return {
        ready: wake(recipientId),
        unsubscribe: () => {
          set.delete(stream);
          if (set.size === 0 && streams.get(recipientId) === set) streams.delete(recipientId);
        },
      };
    },

    openStreams: () => [...streams.values()].reduce((n, s) => n + s.size, 0),

    /** Stops listening and ends every open stream (their clients reconnect to another process). */
    async stop() {
      await stopListening?.();
      stopListening = null;
      await Promise.all(running.values());
      for (const set of streams.values()) for (const stream of set) stream.end();
      streams.clear();
    },
  };
}
export type NotificationHub = ReturnType<typeof createNotificationHub>;
