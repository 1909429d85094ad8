/**
 * Engine snapshots: a JSON-able object (typed arrays as base64 of their float32 bits, so a
 * restore is bit-exact). Maps keep their insertion order, so iteration after a restore matches.
 */
import type { EngineOptions, VideoMeta } from './types.ts';
import type { EngineState } from './engine-state.ts';
import type { ClockSnapshot } from './event-clock.ts';
import type { VideoStats } from './catalogue.ts';
import type { UserSnapshot } from './user-state.ts';
import type { TrendingSnapshot } from './trending.ts';
import type { PoolEntry } from './exploration.ts';
import type { IndexSnapshot } from './vector-index.ts';
import type { RankerSnapshot } from './ranker.model.ts';

export const SNAPSHOT_VERSION = 1;

export interface EngineSnapshot {
  version: typeof SNAPSHOT_VERSION;
  options: EngineOptions;
  clock: ClockSnapshot;
  catalogue: { meta: VideoMeta; stats: VideoStats }[];
  ranker: RankerSnapshot;
  users: [string, UserSnapshot][];
  trending: TrendingSnapshot;
  pool: PoolEntry[];
  index: IndexSnapshot;
}

export function snapshotEngine(state: EngineState): EngineSnapshot {
  return {
    version: SNAPSHOT_VERSION,
    options: { ...state.options, admitAfter: { ...state.options.admitAfter } },
    clock: state.clock.snapshot(),
    catalogue: state.catalogue.snapshot(),
    ranker: state.ranker.snapshot(),
    users: state.snapshotUsers(),
    trending: state.trending.snapshot(),
    pool: state.pool.snapshot(),
    index: state.index.snapshot(),
  };
}

export function restoreEngine(state: EngineState, s: EngineSnapshot): void {
  if (s.version !== SNAPSHOT_VERSION) throw new Error(`unsupported recommender snapshot version ${String(s.version)}`);
  state.clock.restore(s.clock);
  state.catalogue.restore(s.catalogue);
  state.ranker.restore(s.ranker);
  state.restoreUsers(s.users);
  state.trending.restore(s.trending);
  state.pool.restore(s.pool);
  state.pool.attachEach((id) => state.catalogue.get(id));
  state.index.restore(s.index);
}
