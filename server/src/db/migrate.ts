// Forward-only migrations: server/src/db/migrations/NNN-name.sql, applied in order, each in a transaction,
// recorded in schema_migrations. The same files run on PGlite and on PostgreSQL.
import { readdirSync, readFileSync } from 'node:fs';
import type { Database } from './database.ts';

const dir = new URL('./migrations/', import.meta.url);

export function migrationFiles(): { version: string; sql: string }[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}-[a-z0-9-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: f.replace(/\.sql$/, ''), sql: readFileSync(new URL(f, dir), 'utf8') }));
}

export async function migrate(db: Database): Promise<string[]> {
  await db.exec(`create table if not exists schema_migrations (
    version text primary key, applied_at timestamptz not null default now())`);
  const applied = new Set((await db.query<{ version: string }>('select version from schema_migrations')).map((r) => r.version));
  const done: string[] = [];
  for (const m of migrationFiles()) {
    if (applied.has(m.version)) continue;
    await db.transaction(async (tx) => {
      await tx.exec(m.sql);
      await tx.query('insert into schema_migrations (version) values ($1)', [m.version]);
    });
    done.push(m.version);
  }
  return done;
}
