/**
 * Offline replay of an interaction log, in time order, test-then-train: every event is first
 * predicted by each method, then learned. Reports AUC, GAUC and log loss of the predictions and,
 * on a sample of positive events, Recall@50 and NDCG@10 of the held-out item when ranking the
 * whole catalogue seen so far (excluding what the user already interacted with).
 */
import { ForYouEngine } from '../engine.ts';
import type { EngineOptions } from '../types.ts';
import { COMPLETE } from '../learning.ts';
import { Calibrator, ItemKnn, Popularity } from './baselines.ts';
import type { Baseline } from './baselines.ts';
import type { LogRow } from './csv.ts';
import { auc, gauc, logloss, ndcgAt, rankOf, recallAt } from './metrics.ts';

export const METHODS = ['engine', 'popularity', 'itemknn'] as const;
export type Method = (typeof METHODS)[number];

export interface MethodResult {
  auc: number;
  gauc: number;
  logloss: number;
  recall50: number;
  ndcg10: number;
}

export interface ReplayReport {
  results: Record<Method, MethodResult>;
  meta: { rows: number; users: number; items: number; positiveRate: number; rankedEvents: number; seconds: number };
}

export interface ReplayOptions {
  /** at most this many positive events are ranked against the whole catalogue (default 500) */
  rankSample?: number;
  engine?: EngineOptions;
  /** monotonic clock for the report's timing (the caller's; the library reads none) */
  clock?: () => number;
}

const DEFAULT_DURATION_MS = 15_000;

export function runReplay(rows: LogRow[], options: ReplayOptions = {}): ReplayReport {
  const started = options.clock?.() ?? 0;
  const engine = new ForYouEngine({ seed: 1, ...options.engine });
  const baselines: Record<Exclude<Method, 'engine'>, Baseline> = { popularity: new Popularity(), itemknn: new ItemKnn() };
  const calibrators = { popularity: new Calibrator(), itemknn: new Calibrator() };
  const preds: Record<Method, number[]> = { engine: [], popularity: [], itemknn: [] };
  const rankHits: Record<Method, { recall: number; ndcg: number }> = {
    engine: { recall: 0, ndcg: 0 }, popularity: { recall: 0, ndcg: 0 }, itemknn: { recall: 0, ndcg: 0 },
  };
  const labels: boolean[] = [];
  const users: string[] = [];
  const history = new Map<string, Set<string>>();

  // which positive events are ranked: every k-th of those whose item is new to the user
  let eligible = 0;
  {
    const seen = new Map<string, Set<string>>();
    for (const r of rows) {
      const h = seen.get(r.userId) ?? new Set<string>();
      seen.set(r.userId, h);
      if (r.positive && !h.has(r.itemId)) eligible++;
      h.add(r.itemId);
    }
  }
  const every = Math.max(1, Math.ceil(eligible / (options.rankSample ?? 500)));
  let eligibleIndex = 0;
  let ranked = 0;

  for (const r of rows) {
    if (!engine.catalogue.get(r.itemId)) {
      engine.upsertVideo({
        id: r.itemId, creatorId: r.creatorId ?? `item:${r.itemId}`, hashtags: r.tags, soundId: null, captionTerms: [],
        language: null, durationMs: r.durationMs ?? DEFAULT_DURATION_MS, createdAt: r.at, region: 'default',
      }, r.at);
    }
    const h = history.get(r.userId) ?? new Set<string>();
    history.set(r.userId, h);
    if (r.positive && !h.has(r.itemId)) {
      if (eligibleIndex % every === 0) {
        rankEvent(engine, baselines, r, h, rankHits);
        ranked++;
      }
      eligibleIndex++;
    }
    preds.engine.push((engine.predict(r.userId, r.itemId, r.at) as Float32Array)[COMPLETE] as number);
    for (const m of ['popularity', 'itemknn'] as const) {
      const x = baselines[m].score(r.userId, r.itemId);
      preds[m].push(calibrators[m].predict(x));
      calibrators[m].learn(x, r.positive);
      baselines[m].learn(r.userId, r.itemId, r.positive);
    }
    labels.push(r.positive);
    users.push(r.userId);
    h.add(r.itemId);
    const durationMs = r.durationMs ?? DEFAULT_DURATION_MS;
    // the engine is told completed = positive, so its completion head learns the log's label
    const fraction = r.positive ? Math.max(r.watchRatio, 0.9) : Math.min(r.watchRatio, 0.85);
    engine.observe({
      type: 'view', userId: r.userId, videoId: r.itemId, at: r.at, watchedMs: Math.round(fraction * durationMs), durationMs,
      completed: r.positive, replays: r.positive ? Math.min(3, Math.max(0, Math.floor(r.watchRatio) - 1)) : 0,
    });
  }

  const results = {} as Record<Method, MethodResult>;
  for (const m of METHODS) {
    results[m] = {
      auc: auc(preds[m], labels),
      gauc: gauc(users, preds[m], labels),
      logloss: logloss(preds[m], labels),
      recall50: ranked === 0 ? NaN : rankHits[m].recall / ranked,
      ndcg10: ranked === 0 ? NaN : rankHits[m].ndcg / ranked,
    };
  }
  return {
    results,
    meta: {
      rows: rows.length, users: history.size, items: engine.catalogue.videos.size,
      positiveRate: labels.filter(Boolean).length / Math.max(1, labels.length), rankedEvents: ranked,
      seconds: ((options.clock?.() ?? 0) - started) / 1000,
    },
  };
}

function rankEvent(
  engine: ForYouEngine,
  baselines: Record<'popularity' | 'itemknn', Baseline>,
  r: LogRow,
  history: Set<string>,
  hits: Record<Method, { recall: number; ndcg: number }>,
): void {
  const viewer = engine.viewerFor(r.userId, r.at);
  const scores: Record<Method, number[]> = { engine: [], popularity: [], itemknn: [] };
  const target: Record<Method, number> = { engine: 0, popularity: 0, itemknn: 0 };
  for (const rec of engine.catalogue.videos.values()) {
    const id = rec.meta.id;
    if (history.has(id)) continue;
    const s = {
      engine: engine.ranker.score(viewer, rec),
      popularity: baselines.popularity.score(r.userId, id),
      itemknn: baselines.itemknn.score(r.userId, id),
    };
    for (const m of METHODS) {
      scores[m].push(s[m]);
      if (id === r.itemId) target[m] = s[m];
    }
  }
  for (const m of METHODS) {
    const rank = rankOf(target[m], scores[m]);
    hits[m].recall += recallAt(rank, 50);
    hits[m].ndcg += ndcgAt(rank, 10);
  }
}
