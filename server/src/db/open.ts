import type { Config } from '../config/config.ts';
import type { Database } from './database.ts';
import { migrate } from './migrate.ts';
import { openPglite } from './pglite.database.ts';
import { openPostgres } from './postgres.database.ts';

/** Open the configured database and bring its schema up to date. */
export async function openDatabase(config: Pick<Config, 'database'>): Promise<Database> {
  const db = config.database.kind === 'postgres' ? await openPostgres({ url: config.database.url }) : await openPglite(config.database.dir);
  await migrate(db);
  return db;
}
