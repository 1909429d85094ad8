// SQL for the transparency log of each region: leaves (append-only), signing keys, the pseudonym
// secret and the signed checkpoints. Every query is keyed by region.
import { maybeOne, type Queryable } from '../db/database.ts';

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
     * Appends leaves at the end of the region's log in one statement: the head moves by their count and
     * each leaf takes the next index. A leaf records its own index, so the entry text is spliced here:
     * `prefix || index || suffix` (canonical JSON whose "index" value the database fills in), and its
     * hash H(0x00 || entry) is computed in the same statement. Answers the stored leaves, in order.
     */
    async append(region: string, leaves: readonly { prefix: string; suffix: string; subject: string }[]): Promise<LeafRow[]> {
      if (leaves.length === 1) {
        // the common case (one gateway decision at a time): a statement without unnest, cheaper to plan
        const [leaf] = leaves as [{ prefix: string; suffix: string; subject: string }];
        return db.query<LeafRow>(
          `with head as (
             insert into access_log_heads (region, size) values ($1, 1)
             on conflict (region) do update set size = access_log_heads.size + 1
             returning size - 1 as idx),
           row as (select head.idx, $2 || head.idx::text || $3 as entry from head)
           insert into access_log (region, idx, entry, leaf_hash, subject)
           select $1, row.idx, row.entry, encode(sha256('\\x00'::bytea || convert_to(row.entry, 'UTF8')), 'base64'), $4 from row
           returning idx::int as idx, entry, leaf_hash`,
          [region, leaf.prefix, leaf.suffix, leaf.subject],
        );
      }
      return db
        .query<LeafRow>(
          `with head as (
             insert into access_log_heads (region, size) values ($1, $5)
             on conflict (region) do update set size = access_log_heads.size + $5
             returning size - $5 as start),
           input as (select * from unnest($2::text[], $3::text[], $4::text[]) with ordinality as t(prefix, suffix, subject, ord)),
           rows as (select head.start + input.ord - 1 as idx, input.prefix || (head.start + input.ord - 1)::text || input.suffix as entry, input.subject
                    from head, input)
           insert into access_log (region, idx, entry, leaf_hash, subject)
           select $1, idx, entry, encode(sha256('\\x00'::bytea || convert_to(entry, 'UTF8')), 'base64'), subject from rows
           returning idx::int as idx, entry, leaf_hash`,
          [region, leaves.map((l) => l.prefix), leaves.map((l) => l.suffix), leaves.map((l) => l.subject), leaves.length],
        )
        .then((rows) => rows.sort((a, b) => a.idx - b.idx));
    },

    /** The next index (the head); the records are committed with it. */
    async size(region: string): Promise<number> {
      const row = await maybeOne<{ size: number }>(db, 'select size::int as size from access_log_heads where region = $1', [region]);
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
