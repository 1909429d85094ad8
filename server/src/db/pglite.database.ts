import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
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

/** Embedded PostgreSQL (WASM). `dir` undefined: in memory (tests). */
export async function openPglite(dir?: string): Promise<Database> {
  if (dir) mkdirSync(dir, { recursive: true });
  const pg = dir ? new PGlite(dir) : new PGlite();
  await pg.waitReady;
  return {
    driver: 'pglite',
    ...wrap(pg),
    transaction: (work) => pg.transaction((tx) => work(wrap(tx))),
    listen: (channel, onMessage) => pg.listen(channel, onMessage),
    close: () => pg.close(),
  };
}
