/**
 * What a For You engine holds: the catalogue, the ranker, the users, trending, the exploration
 * pool, the vector index and the event clock. The event handlers (event-handlers.ts) and
 * snapshots (snapshot.ts) change it through these parts and methods; the engine (engine.ts)
 * owns one and reads it. Nothing here imports the engine, so engine → handlers / snapshot →
 * state has no cycle.
 */
import type { EngineOptions } from './types.ts';
import { Catalogue } from './catalogue.ts';
import type { VideoRecord } from './catalogue.ts';
import { Ranker, T } from './ranker.model.ts';
import type { Viewer } from './ranker.model.ts';
import { UserState } from './user-state.ts';
import type { UserSnapshot } from './user-state.ts';
import { CrossStore } from './crosses.ts';
import { Trending } from './trending.ts';
import { ExplorationPool } from './exploration.ts';
import { VectorIndex } from './vector-index.ts';
import { EventClock } from './event-clock.ts';
import { accountAgeBucket, regionKey, timeOfDayBucket } from './features.ts';

export type ResolvedOptions = Required<Omit<EngineOptions, 'admitAfter'>> & {
  admitAfter: { user: number; video: number; feature: number };
};

export function resolveOptions(o: EngineOptions = {}): ResolvedOptions {
  return {
    seed: o.seed ?? 1,
    dim: o.dim ?? 16,
    admitAfter: { user: o.admitAfter?.user ?? 2, video: o.admitAfter?.video ?? 2, feature: o.admitAfter?.feature ?? 2 },
    expireAfterMs: o.expireAfterMs ?? 30 * 86_400_000,
    explorationShare: o.explorationShare ?? 0.1,
    annThreshold: o.annThreshold ?? 20_000,
  };
}

/** The context keys of the viewer tower (region, account-age bucket, time of day), written into `out`. */
export function contextKeys(region: string | null, accountCreatedAt: number | null, at: number, out: string[] = []): string[] {
  out[0] = regionKey(region);
  out[1] = accountAgeBucket(accountCreatedAt, at);
  out[2] = timeOfDayBucket(at);
  return out;
}

/** a training step's context keys (reused: a step reads them only while it builds its viewer) */
const trainingContext: string[] = [];

export class EngineState {
  readonly options: ResolvedOptions;
  readonly catalogue = new Catalogue();
  readonly ranker: Ranker;
  /** the slots of every user's crosses */
  private readonly crossStore = new CrossStore(T, this.catalogue.featureIds);
  readonly trending = new Trending();
  readonly pool = new ExplorationPool();
  readonly index: VectorIndex<VideoRecord>;
  /** event time and the schedule of the periodic passes */
  readonly clock = new EventClock();
  private readonly userStates = new Map<string, UserState>();

  constructor(options: EngineOptions = {}) {
    this.options = resolveOptions(options);
    this.ranker = new Ranker(this.options.dim, this.options.seed, this.options.admitAfter, this.catalogue.featureIds);
    this.index = new VectorIndex<VideoRecord>(this.options.dim, this.options.annThreshold, 8, T);
  }

  /** Every user the engine keeps state for (read-only: change them through the methods below). */
  get users(): ReadonlyMap<string, UserState> {
    return this.userStates;
  }

  /** The user's state, made on first use. */
  user(userId: string): UserState {
    let u = this.userStates.get(userId);
    if (!u) {
      u = new UserState(this.options.dim, T, this.crossStore);
      this.userStates.set(userId, u);
    }
    return u;
  }

  /** "Refresh For You": forgets what was learned about the user (interests, crosses, embedding); keeps controls. */
  forgetInterests(userId: string): void {
    this.userStates.get(userId)?.forgetInterests();
    this.ranker.users.delete(userId);
  }

  /** Account deletion: everything about the user goes. */
  deleteUser(userId: string): void {
    this.userStates.get(userId)?.crosses.clear();
    this.userStates.delete(userId);
    this.ranker.users.delete(userId);
  }

  /** The viewer side of a user at `at`. */
  viewerFor(userId: string, at: number): Viewer {
    const state = this.userStates.get(userId) ?? null;
    return this.ranker.viewer(userId, contextKeys(state?.region ?? null, state?.accountCreatedAt ?? null, at), state);
  }

  /** As `viewerFor()`, for a user whose state the caller holds, into the ranker's reused training viewer. */
  trainingViewer(userId: string, user: UserState, at: number): Viewer {
    contextKeys(user.region, user.accountCreatedAt, at, trainingContext);
    return this.ranker.viewer(userId, trainingContext, user, this.ranker.trainingViewer);
  }

  snapshotUsers(): [string, UserSnapshot][] {
    return [...this.userStates].map(([id, u]) => [id, u.snapshot()]);
  }

  /** Replaces every user with those of a snapshot. */
  restoreUsers(users: [string, UserSnapshot][]): void {
    for (const u of this.userStates.values()) u.crosses.clear();
    this.userStates.clear();
    for (const [id, u] of users) this.userStates.set(id, UserState.restore(u, this.options.dim, T, this.crossStore));
  }
}
