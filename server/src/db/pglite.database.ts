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

/** Claims `<dir>.lock` for this process; refuses while another live process holds it (a stale one is taken over). */
function lock(dir: string): () => void {
  const path = `${dir}.lock`;
  let holder = NaN;
  try {
    holder = Number(readFileSync(path, 'utf8').trim());
  } catch {
    // no lock yet
  }
  if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isRunning(holder)) throw new DatabaseInUseError(dir, holder);
  writeFileSync(path, String(process.pid));
  return () => rmSync(path, { force: true });
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
