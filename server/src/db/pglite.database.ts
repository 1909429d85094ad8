import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { DatabaseInUseError } from '../shared/errors.ts';
import type { Database, SqlParam, Transaction } from './database.ts';

const wrap = (q: Pick<PGlite, 'query' | 'exec'>): Transaction => ({
  async query<Row>(sql: string, params: readonly SqlParam[] = []) {
    const result = await q.query<Row>(sql, params as unknown[]);
    return result.rows;
  },
  async exec(sql: string) {
    await q.exec(sql);
  },
});

const isRunning = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Claims `<dir>.lock` for this process: created exclusively, so two processes starting together cannot
 * both pass; a lock left by a process that is gone is taken over. Released only while it is still ours.
 */
function lock(dir: string): () => void {
  const path = `${dir}.lock`;
  for (let attempt = 0; ; attempt++) {
    try {
      writeFileSync(path, String(process.pid), { flag: 'wx' });
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || attempt > 2) throw error;
      let holder: number;
      try {
        holder = Number(readFileSync(path, 'utf8').trim());
      } catch {
        continue; // removed meanwhile: try again
      }
      if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) throw new DatabaseInUseError(dir, holder);
      rmSync(path, { force: true }); // stale (or our own from an earlier open): claim it afresh
    }
  }
  return () => {
    try {
      if (readFileSync(path, 'utf8').trim() === String(process.pid)) rmSync(path, { force: true });
    } catch {
      // already gone
    }
  };
}

/** Embedded PostgreSQL (WASM). `dir` undefined: in memory (tests). */
export async function openPglite(dir?: string): Promise<Database> {
  if (dir) mkdirSync(dir, { recursive: true });
  const unlock = dir ? lock(dir) : () => {};
  const pg = dir ? new PGlite(dir) : new PGlite();
  try {
    await pg.waitReady;
  } catch (error) {
    unlock();
    throw error;
  }
  return {
    driver: 'pglite',
    ...wrap(pg),
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    listen: (channel, onMessage) => pg.listen(channel, onMessage),
    close: async () => {
      await pg.close();
      unlock();
    },
  };
}
