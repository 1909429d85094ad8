// `audit verify`: recomputes a region's tree from its stored entries and checks every stored
// checkpoint (signature by a published key, and root at its size). Names the first bad entry.
import { leafHash, treeRoot, type Hash } from './merkle.ts';
import { parseCheckpointNote, verifyNote } from './signing.ts';
import type { LogRepository } from './log.repository.ts';

export interface VerifyReport {
  region: string;
  entries: number;
  checkpoints: number;
  /** Empty when the log is intact; otherwise the problems, the first bad entry first. */
  problems: string[];
}

export async function verifyRegionLog(repo: Pick<LogRepository, 'allEntries' | 'checkpoints' | 'keys'>, region: string): Promise<VerifyReport> {
  const problems: string[] = [];
  const rows = await repo.allEntries(region);
  const leaves: Hash[] = [];
  for (const [position, row] of rows.entries()) {
    if (row.idx !== position) {
      problems.push(`entry #${position} is missing: the next stored entry is #${row.idx} (a row was deleted)`);
      break;
    }
    let recorded: unknown;
    try {
      recorded = (JSON.parse(row.entry) as { index?: unknown }).index;
    } catch {
      recorded = undefined;
    }
    if (recorded !== row.idx) {
      problems.push(`entry #${row.idx} holds the record of entry #${String(recorded)} (rows were reordered or renumbered)`);
      break;
    }
    const hash = leafHash(row.entry);
    if (Buffer.from(hash).toString('base64') !== row.leaf_hash) {
      problems.push(`entry #${row.idx} was altered: its content no longer hashes to its leaf hash`);
      break;
    }
    leaves.push(hash);
  }

  const keys = new Map((await repo.keys(region)).map((k) => [k.key_id, k.public_key]));
  const checkpoints = await repo.checkpoints(region);
  let lastGood = 0;
  for (const c of checkpoints) {
    const body = parseCheckpointNote(c.note);
    const key = keys.get(c.key_id);
    if (!key || !verifyNote(c.note, c.signature, key)) {
      problems.push(`the checkpoint of size ${c.tree_size} signed ${c.signed_at.toISOString()} has no valid signature by a published key`);
      continue;
    }
    if (!body || body.treeSize !== c.tree_size || body.rootHash !== c.root_hash) {
      problems.push(`the checkpoint of size ${c.tree_size} does not match its signed note`);
      continue;
    }
    if (c.tree_size > leaves.length) {
      problems.push(`the checkpoint of size ${c.tree_size} covers more entries than the ${leaves.length} verified (entries were deleted or altered after #${leaves.length - 1})`);
      continue;
    }
    const root = Buffer.from(treeRoot(leaves, c.tree_size)).toString('base64');
    if (root !== c.root_hash) {
      problems.push(`the entries #${lastGood}..#${c.tree_size - 1} differ from what the checkpoint of size ${c.tree_size} signed: the first bad entry is at or after #${lastGood}`);
      continue;
    }
    lastGood = c.tree_size;
  }
  return { region, entries: rows.length, checkpoints: checkpoints.length, problems };
}
