/**
 * Engine snapshots: a JSON-able object (typed arrays as base64 of their float32 bits, so a
 * restore is bit-exact). Maps keep their insertion order, so iteration after a restore matches.
 */
import type { EngineOptions, VideoMeta } from './types.ts';
import type { ForYouEngine } from './engine.ts';
import type { VideoStats } from './catalogue.ts';
import { UserState } from './user-state.ts';
import type { UserSnapshot } from './user-state.ts';
import type { TrendingSnapshot } from './trending.ts';
import type { PoolEntry } from './exploration.ts';
import type { IndexSnapshot } from './vector-index.ts';
import { T } from './ranker.model.ts';
import type { RankerSnapshot } from './ranker.model.ts';

export const SNAPSHOT_VERSION = 1;

export interface EngineSnapshot {
  version: typeof SNAPSHOT_VERSION;
  options: EngineOptions;
  clock: { now: number; nextExpireAt: number; nextIndexAt: number; eventsSinceIndex: number; events: number };
  catalogue: { meta: VideoMeta; stats: VideoStats }[];
  ranker: RankerSnapshot;
  users: [string, UserSnapshot][];
  trending: TrendingSnapshot;
  pool: PoolEntry[];
  index: IndexSnapshot;
}

/** JSON has no infinities: the clock's "never yet" is stored as a very small finite number. */
const finite = (x: number): number => (x === -Infinity ? -1e300 : x);

export function snapshotEngine(engine: ForYouEngine): EngineSnapshot {
  const c = engine.clock;
  return {
    version: SNAPSHOT_VERSION,
    options: { ...engine.options, admitAfter: { ...engine.options.admitAfter } },
    clock: { now: finite(c.now), nextExpireAt: finite(c.nextExpireAt), nextIndexAt: finite(c.nextIndexAt), eventsSinceIndex: c.eventsSinceIndex, events: c.events },
    catalogue: engine.catalogue.snapshot(),
    ranker: engine.ranker.snapshot(),
    users: [...engine.users].map(([id, u]) => [id, u.snapshot()]),
    trending: engine.trending.snapshot(),
    pool: engine.pool.snapshot(),
    index: engine.index.snapshot(),
  };
}

export function restoreEngine(engine: ForYouEngine, s: EngineSnapshot): void {
  if (s.version !== SNAPSHOT_VERSION) throw new Error(`unsupported recommender snapshot version ${String(s.version)}`);
  Object.assign(engine.clock, s.clock);
  engine.catalogue.restore(s.catalogue);
  engine.ranker.restore(s.ranker);
  for (const u of engine.users.values()) u.crosses.clear();
  engine.users.clear();
  for (const [id, u] of s.users) engine.users.set(id, UserState.restore(u, engine.options.dim, T, engine.crossStore));
  engine.trending.restore(s.trending);
  engine.pool.restore(s.pool);
  engine.pool.attachEach((id) => engine.catalogue.get(id));
  engine.index.restore(s.index);
}
