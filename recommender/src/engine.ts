/**
 * ForYouEngine: the For You feed as a library. Every state change is an EngineEvent applied by
 * `observe()` (the convenience methods build one); `recommend()` reads the state and then applies
 * the page's impression event. So snapshot() + the events logged after it = the same state.
 */
import type {
  EngineEvent, EngineOptions, FeedItem, FeedPage, FeedRequest, ImpressionEvent, VideoMeta,
} from './types.ts';
import type { Catalogue, VideoRecord } from './catalogue.ts';
import type { Ranker, Viewer } from './ranker.model.ts';
import type { UserState } from './user-state.ts';
import type { Trending } from './trending.ts';
import { MAX_POOL_AGE_MS } from './exploration.ts';
import type { ExplorationPool } from './exploration.ts';
import type { VectorIndex } from './vector-index.ts';
import type { EventClock } from './event-clock.ts';
import { EngineState, contextKeys } from './engine-state.ts';
import type { ResolvedOptions } from './engine-state.ts';
import { eligibility } from './filters.ts';
import type { Eligible } from './filters.ts';
import { SOURCE, buildReasons } from './reasons.ts';
import { arrange } from './rerank.ts';
import type { Scored } from './rerank.ts';
import {
  affinityCandidates, embeddingCandidates, followCandidates, recentCandidates, trendingCandidates,
} from './candidates.ts';
import type { CandidateSet } from './candidates.ts';
import { hash32, mulberry32 } from './rng.ts';
import { applyEvent, refreshIndex } from './event-handlers.ts';
import { snapshotEngine, restoreEngine } from './snapshot.ts';
import type { EngineSnapshot } from './snapshot.ts';

const FOLLOW_BOOST = 0.35;
const TRENDING_BOOST = 0.25;
const EXPLORE_SAMPLE = 48;
const INTEREST_IN_QUERY = 2;

export { resolveOptions } from './engine-state.ts';
export type { ResolvedOptions } from './engine-state.ts';

/** The user tower plus the short-term interest: what the embedding candidates are searched with. */
function embeddingQuery(viewer: Viewer, state: UserState | null): Float32Array {
  const query = new Float32Array(viewer.u);
  if (state) for (let j = 0; j < query.length; j++) query[j] = (query[j] as number) + INTEREST_IN_QUERY * (state.interest[j] as number);
  return query;
}

export class ForYouEngine {
  /** everything the engine holds; events change it (event-handlers.ts), snapshots copy it (snapshot.ts) */
  private readonly state: EngineState;

  constructor(options: EngineOptions = {}) {
    this.state = new EngineState(options);
  }

  get options(): ResolvedOptions {
    return this.state.options;
  }

  get catalogue(): Catalogue {
    return this.state.catalogue;
  }

  get ranker(): Ranker {
    return this.state.ranker;
  }

  /** every user the engine keeps state for (read-only) */
  get users(): ReadonlyMap<string, UserState> {
    return this.state.users;
  }

  get trending(): Trending {
    return this.state.trending;
  }

  get pool(): ExplorationPool {
    return this.state.pool;
  }

  get index(): VectorIndex<VideoRecord> {
    return this.state.index;
  }

  /** event time and the schedule of maintenance (expiry, index refresh); read-only */
  get clock(): EventClock {
    return this.state.clock;
  }

  /** Applies one event: learns from it and updates counters, filters and indexes. */
  observe(e: EngineEvent): void {
    applyEvent(this.state, e);
  }

  /**
   * Runs the index refresh now (what the engine does every 30 min of event time): for
   * benchmarks and tests. Not an event, so a replay of the log would not repeat it: a server
   * must not call it.
   */
  refreshIndexNow(): void {
    refreshIndex(this.state);
  }

  upsertVideo(video: VideoMeta, at: number = Math.max(this.clock.now, video.createdAt)): void {
    this.observe({ type: 'video_upsert', at, video });
  }

  removeVideo(videoId: string, at: number = this.lastEventAt()): void {
    this.observe({ type: 'video_remove', at, videoId });
  }

  /** Forgets what was learned about the user (interests, crosses, embedding); keeps controls. */
  resetUser(userId: string, at: number = this.lastEventAt()): void {
    this.observe({ type: 'reset', userId, at });
  }

  /** Account deletion: forgets the user entirely (controls and seen filter too). */
  deleteUser(userId: string, at: number = this.lastEventAt()): void {
    this.observe({ type: 'user_delete', userId, at });
  }

  /** Time of the latest event applied (0 before any). */
  lastEventAt(): number {
    return this.clock.lastEventAt();
  }

  /** The user's state, made on first use. */
  user(userId: string): UserState {
    return this.state.user(userId);
  }

  /** The viewer side of a user at `at`. */
  viewerFor(userId: string, at: number): Viewer {
    return this.state.viewerFor(userId, at);
  }

  /** The query For You sends to the vector index for a user at `at` (what a personal page searches with). */
  embeddingQueryFor(userId: string, at: number): Float32Array {
    return embeddingQuery(this.viewerFor(userId, at), this.users.get(userId) ?? null);
  }

  /** Probabilities (watch, complete, like, share, follow) of a user on a video; null if unknown. */
  predict(userId: string, videoId: string, at: number): Float32Array | null {
    const rec = this.catalogue.get(videoId);
    return rec ? this.ranker.predict(this.viewerFor(userId, at), rec) : null;
  }

  /** The combined score of a user on a video (the value the feed ranks by, before boosts). */
  scoreOf(userId: string, videoId: string, at: number): number | null {
    const rec = this.catalogue.get(videoId);
    return rec ? this.ranker.score(this.viewerFor(userId, at), rec) : null;
  }

  recommend(req: FeedRequest): FeedPage {
    const count = Math.max(0, Math.min(100, Math.floor(req.count)));
    const state = req.userId === null ? null : (this.users.get(req.userId) ?? null);
    // explicit controls and the seen filter apply in both modes; learned interests only when personalised
    const ok = eligibility(req, state);
    const personal = req.personalized && req.userId !== null;
    const viewer = this.ranker.viewer(
      personal ? req.userId : null,
      contextKeys(req.region, req.accountCreatedAt ?? state?.accountCreatedAt ?? null, req.now),
      personal ? state : null,
    );
    let page = this.rankPage(req, viewer, ok, count, personal, state?.lastCreator ?? null);
    let rewind = false;
    if (page.length < count && state !== null) {
      // The viewer has seen every video they may see: rather than an empty feed, the seen filter
      // starts over (the impression says so, so a replay of the log does the same) and the page
      // is filled with the best of what they saw, except what is already on it.
      const onPage = new Set(page.map((s) => s.rec.meta.id));
      const again = eligibility(req, state, { ignoreSeen: true });
      const more = this.rankPage(
        req, viewer, (rec) => !onPage.has(rec.meta.id) && again(rec), count - page.length, personal, page.at(-1)?.rec.meta.creatorId ?? state.lastCreator,
      );
      if (more.length > 0) {
        rewind = true;
        page = page.concat(more.map((s) => ({ ...s, sources: s.sources | SOURCE.again })));
      }
    }
    const items: FeedItem[] = page.map((s) => ({
      videoId: s.rec.meta.id,
      score: s.score,
      reasons: buildReasons(
        s.rec, s.sources, personal ? this.ranker.contributions(viewer, s.rec) : [], personal ? state : null, req.region, req.names, personal,
      ),
    }));
    let impression: ImpressionEvent | null = null;
    if (req.userId !== null && items.length > 0) {
      impression = {
        type: 'impression', userId: req.userId, at: req.now, videoIds: items.map((i) => i.videoId),
        region: req.region, accountCreatedAt: req.accountCreatedAt ?? null,
        ...(rewind ? { rewind: true } : {}),
      };
      this.observe(impression);
    }
    return { items, impression };
  }

  /** Candidates from every source, scored, then arranged into at most `count` items. */
  private rankPage(req: FeedRequest, viewer: Viewer, ok: Eligible, count: number, personal: boolean, previousCreator: string | null): Scored[] {
    const state = req.userId === null ? null : (this.users.get(req.userId) ?? null);
    const cands: CandidateSet = new Map();
    const src = { catalogue: this.catalogue, index: this.index, trending: this.trending };
    const trendScores = trendingCandidates(src, req.region, ok, cands);
    followCandidates(src, req.follows, req.now, ok, cands);
    if (personal) {
      embeddingCandidates(src, embeddingQuery(viewer, state), ok, cands);
      if (state) affinityCandidates(src, state, ok, cands);
    }
    recentCandidates(src, ok, cands, personal ? 30 : 60);

    const maxTrend = Math.max(1e-9, ...trendScores.values());
    const follows = new Set(req.follows);
    const main: Scored[] = [];
    for (const [rec, sources] of cands) {
      const id = rec.meta.id;
      const trend = (trendScores.get(id) ?? 0) / maxTrend;
      let score: number;
      if (personal) {
        score = this.rankScore(viewer, rec) + TRENDING_BOOST * trend;
        if (sources & SOURCE.follow) score += FOLLOW_BOOST;
      } else {
        score = trend + 0.5 * Math.exp(-(req.now - rec.meta.createdAt) / 86_400_000);
      }
      let flags = follows.has(rec.meta.creatorId) ? sources | SOURCE.follow : sources & ~SOURCE.follow;
      if (rec.poolEntry !== null) flags |= SOURCE.explore;
      main.push({ rec, score, sources: flags });
    }
    const explore = this.explorationCandidates(req, viewer, ok, count, personal);
    return arrange(main, explore, count, previousCreator);
  }

  private explorationCandidates(req: FeedRequest, viewer: Viewer, ok: Eligible, count: number, personal: boolean): Scored[] {
    const slots = Math.round(count * this.options.explorationShare);
    if (slots === 0 || this.pool.size === 0) return [];
    const random = mulberry32(hash32(`${req.userId ?? ''}|${req.now}`, this.options.seed));
    const out: Scored[] = [];
    for (const entry of this.pool.sample(EXPLORE_SAMPLE, random)) {
      const rec = this.catalogue.get(entry.videoId);
      if (!rec || !ok(rec) || req.now - rec.meta.createdAt > MAX_POOL_AGE_MS) continue;
      const fresh = 1 / (1 + entry.impressions / 10);
      const score = (personal ? this.rankScore(viewer, rec) : 0) + 0.3 * fresh + 0.2 * entry.stage;
      out.push({ rec, score, sources: SOURCE.explore });
    }
    out.sort((a, b) => b.score - a.score || (a.rec.meta.id < b.rec.meta.id ? -1 : 1));
    return out.slice(0, slots);
  }

  /** Score from the cached item row (refreshed whenever the video learns, and on a schedule). */
  private rankScore(viewer: Viewer, rec: VideoRecord): number {
    const row = this.index.rowOf(rec.meta.id, rec.indexRow);
    rec.indexRow = row;
    const offset = row < 0 ? -1 : row * this.index.width;
    return offset >= 0 ? this.ranker.scoreRow(viewer, rec, this.index.data, offset) : this.ranker.score(viewer, rec);
  }

  snapshot(): EngineSnapshot {
    return snapshotEngine(this.state);
  }

  static restore(s: EngineSnapshot): ForYouEngine {
    const engine = new ForYouEngine(s.options);
    restoreEngine(engine.state, s);
    return engine;
  }
}

