// SQL for the transparency log of each region: leaves (append-only), signing keys, the pseudonym
// secret and the signed checkpoints. Every query is keyed by region.
import { maybeOne, type Queryable } from '../db/database.ts';

/** The insert lost a race for an index to another process (PostgreSQL unique_violation). */
export const isIndexTaken = (error: unknown): boolean => (error as { code?: string } | null)?.code === '23505';

export interface LeafRow {
  idx: number;
  entry: string;
  leaf_hash: string;
}
export interface KeyRow {
  key_id: string;
  public_key: string;
  private_key: string;
  created_at: Date;
}
export interface CheckpointRow {
  tree_size: number;
  root_hash: string;
  signed_at: Date;
  key_id: string;
  note: string;
  signature: string;
}
export interface MonthCountRow {
  month: string;
  role: string;
  purpose: string;
  jurisdiction: string;
  decision: string;
  n: number;
}

const CHECKPOINT = `tree_size::int as tree_size, root_hash, signed_at, key_id, note, signature`;

export function createLogRepository(db: Queryable) {
  return {
    /**
     * Stores leaves at the indexes the caller chose (the next ones it believes free). Another process
     * that appended meanwhile makes this fail with a key conflict (`isIndexTaken`): re-read `size`, retry.
     */
    async insert(region: string, leaves: readonly { idx: number; entry: string; leafHash: string; subject: string }[]): Promise<void> {
      const values = leaves.map((_, i) => `($1, $${i * 4 + 2}, $${i * 4 + 3}, $${i * 4 + 4}, $${i * 4 + 5})`).join(', ');
      await db.query(
        `insert into access_log (region, idx, entry, leaf_hash, subject) values ${values}`,
        [region, ...leaves.flatMap((l) => [l.idx, l.entry, l.leafHash, l.subject])],
      );
    },

    /** The number of leaves: the next index. */
    async size(region: string): Promise<number> {
      const row = await maybeOne<{ size: number }>(db, 'select coalesce(max(idx) + 1, 0)::int as size from access_log where region = $1', [region]);
      return row?.size ?? 0;
    },

    leafHashes(region: string, start: number, end: number): Promise<{ idx: number; leaf_hash: string }[]> {
      return db.query(`select idx::int as idx, leaf_hash from access_log where region = $1 and idx >= $2 and idx < $3 order by idx`, [region, start, end]);
    },

    entries(region: string, start: number, end: number): Promise<LeafRow[]> {
      return db.query<LeafRow>(`select idx::int as idx, entry, leaf_hash from access_log where region = $1 and idx >= $2 and idx < $3 order by idx`, [
        region,
        start,
        end,
      ]);
    },

    /** Every stored row in index order, as it is (for `audit verify`). */
    allEntries(region: string): Promise<LeafRow[]> {
      return db.query<LeafRow>(`select idx::int as idx, entry, leaf_hash from access_log where region = $1 order by idx`, [region]);
    },

    entriesAbout(region: string, subject: string): Promise<LeafRow[]> {
      return db.query<LeafRow>(`select idx::int as idx, entry, leaf_hash from access_log where region = $1 and subject = $2 order by idx desc limit 500`, [
        region,
        subject,
      ]);
    },

    monthlyCounts(region: string): Promise<MonthCountRow[]> {
      return db.query<MonthCountRow>(
        `select substr(e->>'time', 1, 7) as month, e->>'role' as role, e->>'purpose' as purpose, e->>'jurisdiction' as jurisdiction,
                e->>'decision' as decision, count(*)::int as n
         from (select entry::jsonb as e from access_log where region = $1) l
         group by 1, 2, 3, 4, 5 order by 1 desc`,
        [region],
      );
    },

    keys(region: string): Promise<KeyRow[]> {
      return db.query<KeyRow>(`select key_id, public_key, private_key, created_at from transparency_keys where region = $1 order by created_at, key_id`, [region]);
    },

    async addKey(region: string, key: { keyId: string; publicKey: string; privateKey: string }): Promise<void> {
      await db.query(
        `insert into transparency_keys (region, key_id, public_key, private_key)
         select $1, $2, $3, $4 where not exists (select 1 from transparency_keys where region = $1) on conflict do nothing`,
        [region, key.keyId, key.publicKey, key.privateKey],
      );
    },

    /** The region's pseudonym secret, made once (the first process to start wins). */
    async secret(region: string, fresh: string): Promise<string> {
      await db.query(`insert into transparency_secrets (region, secret) values ($1, $2) on conflict do nothing`, [region, fresh]);
      const row = await maybeOne<{ secret: string }>(db, 'select secret from transparency_secrets where region = $1', [region]);
      return row!.secret;
    },

    latestCheckpoint(region: string): Promise<CheckpointRow | null> {
      return maybeOne<CheckpointRow>(db, `select ${CHECKPOINT} from transparency_checkpoints where region = $1 order by tree_size desc, signed_at desc limit 1`, [
        region,
      ]);
    },

    checkpoints(region: string): Promise<CheckpointRow[]> {
      return db.query<CheckpointRow>(`select ${CHECKPOINT} from transparency_checkpoints where region = $1 order by tree_size, signed_at`, [region]);
    },

    async addCheckpoint(region: string, c: Omit<CheckpointRow, 'signed_at'> & { signed_at: string }): Promise<void> {
      await db.query(
        `insert into transparency_checkpoints (region, tree_size, root_hash, signed_at, key_id, note, signature)
         values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing`,
        [region, c.tree_size, c.root_hash, c.signed_at, c.key_id, c.note, c.signature],
      );
    },
  };
}
export type LogRepository = ReturnType<typeof createLogRepository>;
