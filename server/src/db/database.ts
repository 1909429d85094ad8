// The one database interface repositories use. Adapters: PGlite (embedded) and PostgreSQL (pg).
// Both speak the PostgreSQL dialect; SQL is written once.

export type SqlParam = string | number | boolean | null | Date | string[] | Record<string, unknown> | unknown[];

export interface Queryable {
  /** Run one statement with $1.. parameters and return its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: readonly SqlParam[]): Promise<Row[]>;
}

export interface Transaction extends Queryable {
  /** Run a script of several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface Database extends Transaction {
  readonly driver: 'pglite' | 'postgres';
  /** Run `work` in one transaction; it commits when `work` resolves and rolls back when it throws. */
  transaction<T>(work: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * LISTEN on a channel: `onMessage` gets each NOTIFY payload sent by any process on this database.
   * Resolves once listening; the returned function stops. (Send with `select pg_notify($1, $2)`.)
   */
  listen(channel: string, onMessage: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/**
 * A value for a jsonb column, written as `$n::text::jsonb`. Both drivers then send the same text:
 * left to themselves, pg turns a top-level array into a PostgreSQL array literal and PGlite does not.
 */
export const jsonb = (value: unknown): string => JSON.stringify(value);

/** The first row, or null. */
export async function maybeOne<Row>(q: Queryable, sql: string, params?: readonly SqlParam[]): Promise<Row | null> {
  const rows = await q.query<Row>(sql, params);
  return rows[0] ?? null;
}

/** The first row; throws when there is none (a programming error, not a user error). */
export async function one<Row>(q: Queryable, sql: string, params?: readonly SqlParam[]): Promise<Row> {
  const row = await maybeOne<Row>(q, sql, params);
  if (row === null) throw new Error(`expected a row from: ${sql.slice(0, 80)}`);
  return row;
}
