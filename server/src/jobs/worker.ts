// Runs queued jobs: in the API process by default, or alone with the `worker` command.
// A job that throws is retried with exponential backoff; after its last attempt the handler's onGiveUp runs.
import { hostname } from 'node:os';
import { randomUUID } from 'node:crypto';
import type { JobRepository, ClaimedJob } from './job.repository.ts';
import type { Job, JobHandler, JobHandlers } from './job.types.ts';

export interface WorkerLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface WorkerOptions {
  jobs: JobRepository;
  handlers: JobHandlers;
  concurrency: number;
  leaseMs: number;
  pollMs?: number;
  retryBaseMs?: number;
  log: WorkerLog;
  onSettled?: (job: Job, outcome: 'done' | 'rejected' | 'retry' | 'failed') => void;
}

export const backoffMs = (attempt: number, baseMs: number) => Math.min(baseMs * 2 ** (attempt - 1), 10 * 60_000);

export function createWorker(opts: WorkerOptions) {
  const workerId = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  const pollMs = opts.pollMs ?? 1000;
  const retryBaseMs = opts.retryBaseMs ?? 5000;
  const running = new Set<Promise<void>>();
  const controllers = new Set<AbortController>();
  let stopped = true;
  let timer: NodeJS.Timeout | null = null;
  let pumping = false;

  async function execute(claimed: ClaimedJob) {
    const job = claimed.payload;
    const controller = new AbortController();
    controllers.add(controller);
    const heartbeat = setInterval(() => {
      opts.jobs.extendLease(claimed.id, workerId, opts.leaseMs).catch(() => undefined);
    }, Math.max(500, opts.leaseMs / 3));
    const handler = opts.handlers[job.type] as JobHandler<typeof job.type>;
    try {
      const outcome = await handler.run(job as never, { jobId: claimed.id, attempt: claimed.attempts, signal: controller.signal });
      await opts.jobs.complete(claimed.id, workerId);
      if (outcome.kind === 'rejected') opts.log.info({ job, reason: outcome.reason }, 'job rejected its input');
      opts.onSettled?.(job, outcome.kind);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (stopped && controller.signal.aborted) {
        // Shutting down: leave the lease to run out so another worker (or the next start) picks it up.
        return;
      }
      if (claimed.attempts < claimed.max_attempts) {
        const delay = backoffMs(claimed.attempts, retryBaseMs);
        opts.log.warn({ job, attempt: claimed.attempts, delayMs: delay, err: message }, 'job failed; will retry');
        await opts.jobs.retryLater(claimed.id, workerId, message, delay);
        opts.onSettled?.(job, 'retry');
      } else {
        opts.log.error({ job, attempt: claimed.attempts, err: message }, 'job failed for good');
        await opts.jobs.fail(claimed.id, workerId, message);
        await handler.onGiveUp?.(job as never, message).catch(() => undefined);
        opts.onSettled?.(job, 'failed');
      }
    } finally {
      clearInterval(heartbeat);
      controllers.delete(controller);
    }
  }

  async function pump() {
    if (pumping || stopped) return;
    pumping = true;
    try {
      while (!stopped && running.size < opts.concurrency) {
        const claimed = await opts.jobs.claim(workerId, opts.leaseMs);
        if (!claimed) break;
        const p: Promise<void> = execute(claimed)
          .catch((error: unknown) => opts.log.error({ err: String(error) }, 'worker bookkeeping failed'))
          .finally(() => {
            running.delete(p);
            void pump();
          });
        running.add(p);
      }
    } catch (error) {
      opts.log.error({ err: String(error) }, 'could not claim a job');
    } finally {
      pumping = false;
    }
  }

  return {
    workerId,
    start() {
      if (!stopped || opts.concurrency === 0) return;
      stopped = false;
      timer = setInterval(() => void pump(), pollMs);
      void pump();
    },
    /** Look for work now (called after enqueueing in the same process). */
    wake() {
      void pump();
    },
    /** Stop claiming; abort what runs (its lease then expires and it is claimed again). */
    async stop(graceMs = 0) {
      stopped = true;
      if (timer) clearInterval(timer);
      if (graceMs > 0) await Promise.race([Promise.all(running), new Promise((r) => setTimeout(r, graceMs))]);
      for (const c of controllers) c.abort();
      await Promise.allSettled([...running]);
    },
    get busy() {
      return running.size;
    },
  };
}
export type Worker = ReturnType<typeof createWorker>;
