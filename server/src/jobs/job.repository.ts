// The job queue in PostgreSQL (PGlite or server): FOR UPDATE SKIP LOCKED claims, leases that expire,
// retries with exponential backoff.
import { jsonb, type Queryable } from '../db/database.ts';
import type { Job } from './job.types.ts';

export interface ClaimedJob {
  id: number;
  payload: Job;
  attempts: number;
  max_attempts: number;
}

export function createJobRepository(db: Queryable) {
  return {
    /** `delayMs`: run no sooner than this long from now. */
    async enqueue(job: Job, opts: { maxAttempts?: number; q?: Queryable; delayMs?: number } = {}): Promise<number> {
      const [row] = await (opts.q ?? db).query<{ id: number }>(
        `insert into jobs (type, payload, max_attempts, run_at) values ($1, $2::text::jsonb, $3, now() + $4 * interval '1 millisecond') returning id`,
        [job.type, jsonb(job), opts.maxAttempts ?? 5, Math.max(0, Math.round(opts.delayMs ?? 0))],
      );
      return Number(row!.id);
    },

    /** Claims the next due job (or one whose worker's lease ran out) for `leaseMs`. */
    async claim(workerId: string, leaseMs: number): Promise<ClaimedJob | null> {
      const rows = await db.query<ClaimedJob>(
        `update jobs set status = 'running', attempts = attempts + 1, locked_by = $1,
           lease_until = now() + make_interval(secs => $2)
         where id = (
           select id from jobs
           where (status = 'queued' and run_at <= now()) or (status = 'running' and lease_until < now())
           order by run_at, id limit 1 for update skip locked)
         returning id, payload, attempts, max_attempts`,
        [workerId, leaseMs / 1000],
      );
      const row = rows[0];
      return row ? { ...row, id: Number(row.id) } : null;
    },

    async extendLease(id: number, workerId: string, leaseMs: number): Promise<boolean> {
      const rows = await db.query(
        `update jobs set lease_until = now() + make_interval(secs => $3) where id = $1 and locked_by = $2 and status = 'running' returning id`,
        [id, workerId, leaseMs / 1000],
      );
      return rows.length === 1;
    },

    async complete(id: number, workerId: string): Promise<void> {
      await db.query(`update jobs set status = 'done', finished_at = now(), lease_until = null where id = $1 and locked_by = $2`, [id, workerId]);
    },

    async retryLater(id: number, workerId: string, error: string, delayMs: number): Promise<void> {
      await db.query(
        `update jobs set status = 'queued', last_error = $3, lease_until = null, locked_by = null,
           run_at = now() + make_interval(secs => $4)
         where id = $1 and locked_by = $2`,
        [id, workerId, error.slice(0, 4000), delayMs / 1000],
      );
    },

    async fail(id: number, workerId: string, error: string): Promise<void> {
      await db.query(
        `update jobs set status = 'failed', last_error = $3, finished_at = now(), lease_until = null where id = $1 and locked_by = $2`,
        [id, workerId, error.slice(0, 4000)],
      );
    },

    async counts(): Promise<Record<string, number>> {
      const rows = await db.query<{ status: string; n: number }>('select status, count(*)::int as n from jobs group by status');
      return Object.fromEntries(rows.map((r) => [r.status, r.n]));
    },
  };
}
export type JobRepository = ReturnType<typeof createJobRepository>;
