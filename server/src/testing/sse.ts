// A Server-Sent Events client for tests: reads a real HTTP stream, parses events, and lets a
// test wait for the next ones. (Browsers use EventSource; this speaks the same format.)
export interface SseEvent {
  id: string | null;
  data: string;
}

export interface SseClient {
  status: number;
  /** Resolves with the next `count` events (rejects after `timeoutMs` with what did arrive). */
  next(count?: number, timeoutMs?: number): Promise<SseEvent[]>;
  /** Events received and not yet taken by next(). */
  pending(): SseEvent[];
  close(): void;
}

export async function openSse(url: string, headers: Record<string, string>): Promise<SseClient> {
  const controller = new AbortController();
  const response = await fetch(url, { headers: { accept: 'text/event-stream', ...headers }, signal: controller.signal });
  const queue: SseEvent[] = [];
  const waiters: (() => void)[] = [];
  const notify = () => waiters.splice(0).forEach((w) => w());
  let ended = false;
  if (response.ok && response.body) {
    void (async () => {
      const decoder = new TextDecoder();
      let buffer = '';
      try {
        for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
          buffer += decoder.decode(chunk, { stream: true });
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            let id: string | null = null;
            const data: string[] = [];
            for (const line of block.split('\n')) {
              if (line.startsWith('id: ')) id = line.slice(4);
              else if (line.startsWith('data: ')) data.push(line.slice(6));
            }
            if (data.length > 0) queue.push({ id, data: data.join('\n') });
          }
          notify();
        }
      } catch {
        // aborted by close()
      } finally {
        ended = true;
        notify();
      }
    })();
  }
  return {
    status: response.status,
    pending: () => [...queue],
    async next(count = 1, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (queue.length < count) {
        if (ended) throw new Error(`the stream ended after ${queue.length} of ${count} events`);
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`${queue.length} of ${count} events after ${timeoutMs} ms: ${JSON.stringify(queue)}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
      return queue.splice(0, count);
    },
    close: () => controller.abort(),
  };
}
