// The transparency log of each region (decision 025): appends the gateway's records as RFC 9162
// leaves, signs checkpoints with the region's Ed25519 key (made on first start, kept in the cell's
// database), serves proofs, entries, keys, the monthly report, and a person's own entries.
// Everything is keyed by region name, so each region cell keeps its own log, key and secret.
import { createHmac, randomBytes } from 'node:crypto';
import type { AccessRecord, Checkpoint, LogEntry, SigningKey, TransparencyMonth, TransparencyReport } from '@cliptide/contract';
import { DomainError } from '../shared/errors.ts';
import { canonicalJson } from './canonical.ts';
import { consistencyProof, inclusionProof, treeRoot, type Hash, type SubtreeMemo } from './merkle.ts';
import { checkpointNote, generateSigningKey, parseCheckpointNote, signNote } from './signing.ts';
import { isIndexTaken, type CheckpointRow, type LeafRow, type LogRepository } from './log.repository.ts';
import { leafHash } from './merkle.ts';
import { MAX_TRANSPARENCY_ENTRIES } from '@cliptide/contract';
import { verifyRegionLog } from './audit.ts';

/** What the gateway decided, before it is pseudonymised into a leaf. */
export interface GatewayRecord {
  time: Date;
  actorId: string;
  role: string;
  jurisdiction: string;
  purpose: string;
  dataClasses: readonly string[];
  decision: 'allowed' | 'denied';
  reason: string | null;
  subjectId: string;
}

/** The leaf as stored (canonical JSON with sorted keys). */
export interface LeafRecord {
  v: 1;
  index: number;
  region: string;
  time: string;
  actor: string;
  role: string;
  jurisdiction: string;
  purpose: string;
  dataClasses: string[];
  decision: 'allowed' | 'denied';
  reason: string | null;
  subject: string;
}

const b64 = (h: Uint8Array) => Buffer.from(h).toString('base64');

export interface LogDeps {
  repo: LogRepository;
  region: string;
  /** The log's name in its checkpoints, e.g. `cliptide.example/eu`. */
  origin: string;
  now: () => Date;
}

export function createRegionLog({ repo, region, origin, now }: LogDeps) {
  let secret: Buffer | null = null;
  let signing: { keyId: string; privateKey: string } | null = null;
  const leaves: Hash[] = [];
  const memo: SubtreeMemo = new Map();
  let queue: { record: Omit<LeafRecord, 'index'>; done: (index: number) => void; fail: (e: unknown) => void }[] = [];
  let next = -1;
  let flushing = false;

  async function init() {
    secret = Buffer.from(await repo.secret(region, randomBytes(32).toString('base64')), 'base64');
    if ((await repo.keys(region)).length === 0) await repo.addKey(region, generateSigningKey());
    const [first] = await repo.keys(region);
    signing = { keyId: first!.key_id, privateKey: first!.private_key };
    next = await repo.size(region);
  }
  const ready = () => {
    if (!secret || !signing) throw new Error(`the transparency log of ${region} is not started`);
    return { secret, signing };
  };

  /** A keyed hash: only this region (holding the secret) can link it to an account id. */
  function pseudonym(kind: 'subject' | 'actor', accountId: string): string {
    return createHmac('sha256', ready().secret).update(`${kind}:${accountId}`).digest('hex');
  }

  function toRecord(r: GatewayRecord): Omit<LeafRecord, 'index'> {
    return {
      v: 1,
      region,
      time: r.time.toISOString(),
      actor: `op-${pseudonym('actor', r.actorId).slice(0, 24)}`,
      role: r.role,
      jurisdiction: r.jurisdiction,
      purpose: r.purpose,
      dataClasses: [...r.dataClasses].sort(),
      decision: r.decision,
      reason: r.reason,
      subject: pseudonym('subject', r.subjectId),
    };
  }

  /** Stores a batch at the next indexes; when another process took them first, learns the new end and retries. */
  async function store(batch: Omit<LeafRecord, 'index'>[]): Promise<number> {
    for (let attempt = 0; ; attempt++) {
      if (next < 0) next = await repo.size(region);
      const start = next;
      const leaves = batch.map((record, i) => {
        const entry = canonicalJson({ ...record, index: start + i });
        return { idx: start + i, entry, leafHash: b64(leafHash(entry)), subject: record.subject };
      });
      try {
        await repo.insert(region, leaves);
        next = start + batch.length;
        return start;
      } catch (error) {
        next = -1;
        if (!isIndexTaken(error) || attempt >= 50) throw error;
      }
    }
  }

  // Group commit: appends that arrive while one is being written go together in the next statement.
  async function flush() {
    if (flushing) return;
    flushing = true;
    try {
      while (queue.length > 0) {
        const batch = queue;
        queue = [];
        try {
          const start = await store(batch.map((b) => b.record));
          batch.forEach((b, i) => b.done(start + i));
        } catch (error) {
          for (const b of batch) b.fail(error);
        }
      }
    } finally {
      flushing = false;
    }
  }

  /** Appends the record; resolves with its leaf index once it is stored (committed). */
  function append(record: GatewayRecord): Promise<number> {
    const leaf = toRecord(record);
    return new Promise<number>((resolve, reject) => {
      queue.push({ record: leaf, done: resolve, fail: reject });
      void flush();
    });
  }

  /** Leaf hashes [0, size), cached: the log only grows. */
  async function leafHashes(size: number): Promise<Hash[]> {
    if (leaves.length < size) {
      for (const row of await repo.leafHashes(region, leaves.length, size)) {
        if (row.idx !== leaves.length) throw new Error(`the log of ${region} has no entry ${leaves.length}`);
        leaves.push(Buffer.from(row.leaf_hash, 'base64'));
      }
    }
    return leaves;
  }

  const view = (c: CheckpointRow): Checkpoint => ({
    region,
    origin: parseCheckpointNote(c.note)?.origin ?? origin,
    treeSize: c.tree_size,
    rootHash: c.root_hash,
    timestamp: c.signed_at.toISOString(),
    keyId: c.key_id,
    note: c.note,
    signature: c.signature,
  });

  async function sign(size: number): Promise<Checkpoint> {
    const { signing: key } = ready();
    const body = { origin, treeSize: size, rootHash: b64(treeRoot(await leafHashes(size), size, memo)), timestamp: now().toISOString() };
    const note = checkpointNote(body);
    const row = { tree_size: size, root_hash: body.rootHash, signed_at: body.timestamp, key_id: key.keyId, note, signature: signNote(note, key.privateKey) };
    await repo.addCheckpoint(region, row);
    return view({ ...row, signed_at: new Date(body.timestamp) });
  }

  /** The latest checkpoint; a fresh one is signed first when the log has grown since (on demand). */
  async function checkpoint(): Promise<Checkpoint> {
    const latest = await repo.latestCheckpoint(region);
    const size = await repo.size(region);
    if (latest && latest.tree_size >= size) return view(latest);
    return sign(size);
  }

  async function requireSize(size: number) {
    const current = await repo.size(region);
    if (size > current) throw new DomainError('not_found', `The log of ${region} has ${current} entries, not ${size}`);
  }

  function parseLeaf(row: LeafRow): LeafRecord {
    return JSON.parse(row.entry) as LeafRecord;
  }

  return {
    region,
    init,
    append,
    checkpoint,
    /** Recomputes the tree from the stored rows and checks every stored checkpoint (`audit verify`). */
    verify: () => verifyRegionLog(repo, region),
    /** Signs a checkpoint now if the log grew (the schedule). */
    signIfGrown: checkpoint,
    async inclusion(index: number, size: number) {
      if (index >= size) throw new DomainError('validation_failed', 'index must be below size', [{ path: 'query.index', message: 'below size' }]);
      await requireSize(size);
      const all = await leafHashes(size);
      return { index, treeSize: size, leafHash: b64(all[index]!), proof: inclusionProof(all, index, size, memo).map(b64) };
    },
    async consistency(from: number, to: number) {
      if (from > to) throw new DomainError('validation_failed', 'from must not exceed to', [{ path: 'query.from', message: 'at most to' }]);
      await requireSize(to);
      return { from, to, proof: consistencyProof(await leafHashes(to), from, to, memo).map(b64) };
    },
    async entries(start: number, end: number | undefined): Promise<{ start: number; end: number; items: LogEntry[] }> {
      const size = await repo.size(region);
      const last = Math.min(end ?? start + MAX_TRANSPARENCY_ENTRIES, start + MAX_TRANSPARENCY_ENTRIES, size);
      const rows = last > start ? await repo.entries(region, start, last) : [];
      return { start, end: Math.max(start, last), items: rows.map((r) => ({ index: r.idx, entry: r.entry, leafHash: r.leaf_hash })) };
    },
    async keys(): Promise<SigningKey[]> {
      return (await repo.keys(region)).map((k) => ({ keyId: k.key_id, algorithm: 'Ed25519' as const, publicKey: k.public_key, createdAt: k.created_at.toISOString() }));
    },
    /** Every entry about this account (its pseudonym), newest first. */
    async about(accountId: string): Promise<AccessRecord[]> {
      const rows = await repo.entriesAbout(region, pseudonym('subject', accountId));
      return rows.map((row) => {
        const r = parseLeaf(row);
        return { region, index: row.idx, entry: row.entry, time: r.time, role: r.role as AccessRecord['role'], jurisdiction: r.jurisdiction, purpose: r.purpose, dataClasses: r.dataClasses, decision: r.decision, reason: r.reason };
      });
    },
    async report(): Promise<TransparencyReport> {
      const months = new Map<string, TransparencyMonth>();
      for (const row of await repo.monthlyCounts(region)) {
        const m = months.get(row.month) ?? { month: row.month, total: 0, denied: 0, byRole: {}, byPurpose: {}, byJurisdiction: {} };
        m.total += row.n;
        if (row.decision === 'denied') m.denied += row.n;
        m.byRole[row.role] = (m.byRole[row.role] ?? 0) + row.n;
        m.byPurpose[row.purpose] = (m.byPurpose[row.purpose] ?? 0) + row.n;
        m.byJurisdiction[row.jurisdiction] = (m.byJurisdiction[row.jurisdiction] ?? 0) + row.n;
        months.set(row.month, m);
      }
      const size = await repo.size(region);
      return { region, months: [...months.values()], checkpoint: size > 0 ? await checkpoint() : null, keys: await this.keys() };
    },
  };
}
export type RegionLog = ReturnType<typeof createRegionLog>;

/** The logs of the regions served here, by name. */
export function createTransparency(logs: RegionLog[]) {
  const byName = new Map(logs.map((l) => [l.region, l]));
  return {
    regions: logs.map((l) => l.region),
    of(region: string): RegionLog {
      const log = byName.get(region);
      if (!log) throw new DomainError('not_found', `No transparency log for region "${region}" here`);
      return log;
    },
    async init() {
      for (const l of logs) await l.init();
    },
  };
}
export type Transparency = ReturnType<typeof createTransparency>;
