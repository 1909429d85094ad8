/**
 * Quality bench on the simulator: every policy serves the same users, sessions and (common random)
 * reactions. Reports expected watch time per session as a fraction of the oracle's, cold start of
 * brand-new users, how fast high-quality new uploads reach their audience, and diversity.
 */
import { World, START, DAY, rng } from './simulator.ts';
import type { SimUser, SimVideo } from './simulator.ts';
import { EnginePolicy, OraclePolicy, PopularPolicy, RandomPolicy } from './policies.ts';
import type { Policy } from './policies.ts';

export interface QualityOptions {
  users: number;
  videos: number;
  rounds: number;
  pagesPerSession: number;
  newUsers: number;
  newUserSwipes: number;
  uploads: number;
  seed: number;
}

export const DEFAULT_QUALITY: QualityOptions = {
  users: 1500, videos: 3000, rounds: 4, pagesPerSession: 2, newUsers: 150, newUserSwipes: 60, uploads: 20, seed: 7,
};

const PAGE = 10;
const FANS_NEEDED = 10;

interface Tracker {
  seconds: number;
  sessions: number;
  pageTopics: number;
  pages: number;
  creators: Set<string>;
  impressions: Map<string, { total: number; fans: number; reachedAt: number | null }>;
}

export interface QualityReport {
  options: QualityOptions;
  watchPerSession: Record<string, number>;
  ofOracle: Record<string, number>;
  coldStart: { swipesTo50: Record<string, number | null>; swipesTo70: Record<string, number | null>; curve: Record<string, number[]> };
  uploads: Record<string, { reached: number; medianImpressions: number | null; hqImpressions: number; lqImpressions: number; fanShare: number }>;
  diversity: Record<string, { topicsPerPage: number; creatorCoverage: number }>;
  seconds: number;
}

export function runQuality(o: QualityOptions, clock: () => number): QualityReport {
  const started = clock();
  const world = new World({ users: o.users, videos: o.videos, seed: o.seed });
  const policies: Policy[] = [
    new RandomPolicy(world, rng(o.seed + 1)), new PopularPolicy(world), new EnginePolicy(world, o.seed), new OraclePolicy(world),
  ];
  const trackers = new Map<string, Tracker>(policies.map((p) => [p.name, {
    seconds: 0, sessions: 0, pageTopics: 0, pages: 0, creators: new Set<string>(), impressions: new Map(),
  }]));
  const uploadsHq = new Set<string>();
  const uploadsLq = new Set<string>();

  const session = (p: Policy, user: SimUser, at: number, pages: number, key: number, perSwipe?: number[]): void => {
    const t = trackers.get(p.name) as Tracker;
    const random = rng(key);
    let swipe = 0;
    for (let pg = 0; pg < pages; pg++) {
      const ids = p.page(user, at, PAGE);
      const topics = new Set<number>();
      for (const id of ids) {
        const v = world.byId.get(id) as SimVideo;
        const w = world.watch(user, v, random);
        const expected = world.expectedSeconds(user, v);
        t.seconds += expected;
        if (perSwipe) perSwipe[swipe] = (perSwipe[swipe] ?? 0) + expected;
        swipe++;
        topics.add(v.topic);
        t.creators.add(v.meta.creatorId);
        if (uploadsHq.has(id) || uploadsLq.has(id)) {
          const imp = t.impressions.get(id) ?? { total: 0, fans: 0, reachedAt: null };
          imp.total++;
          if (world.isFan(user, v.topic)) imp.fans++;
          if (imp.fans >= FANS_NEEDED && imp.reachedAt === null) imp.reachedAt = imp.total;
          t.impressions.set(id, imp);
        }
        at += Math.round(w.fraction * v.meta.durationMs) + 1000;
        p.feedback(user, id, w, at, v.meta.durationMs);
      }
      t.pageTopics += topics.size;
      t.pages++;
    }
    t.sessions++;
  };

  for (let round = 0; round < o.rounds; round++) {
    const roundStart = START + round * DAY;
    const drift = rng(o.seed * 1000 + round);
    for (const user of world.users) world.drift(user, drift);
    if (round === 1) {
      for (let k = 0; k < o.uploads; k++) {
        const hq = world.addVideo(roundStart, 0.95);
        const lq = world.addVideo(roundStart, 0.1, hq.topic);
        uploadsHq.add(hq.meta.id);
        uploadsLq.add(lq.meta.id);
        for (const p of policies) {
          p.addVideo?.(hq.meta.id, roundStart);
          p.addVideo?.(lq.meta.id, roundStart);
        }
      }
    }
    const order = rng(o.seed + round);
    const users = [...world.users].sort(() => order() - 0.5);
    users.forEach((user, i) => {
      const at = roundStart + Math.floor((i / users.length) * DAY * 0.9);
      for (const p of policies) session(p, user, at, o.pagesPerSession, hash(user.id, round));
    });
  }

  // cold start: brand-new users, one long session each
  const curves: Record<string, number[]> = {};
  const coldStart = START + o.rounds * DAY;
  const newcomers = Array.from({ length: o.newUsers }, () => world.addUser(coldStart));
  for (const p of policies) {
    const curve: number[] = [];
    newcomers.forEach((user, i) => session(p, user, coldStart + i * 600_000, Math.ceil(o.newUserSwipes / PAGE), hash(user.id, 99), curve));
    curves[p.name] = curve.map((s) => s / newcomers.length);
  }

  const oracle = trackers.get('oracle') as Tracker;
  const report: QualityReport = {
    options: o, watchPerSession: {}, ofOracle: {}, coldStart: { swipesTo50: {}, swipesTo70: {}, curve: curves }, uploads: {}, diversity: {}, seconds: 0,
  };
  for (const p of policies) {
    const t = trackers.get(p.name) as Tracker;
    report.watchPerSession[p.name] = t.seconds / t.sessions;
    report.ofOracle[p.name] = t.seconds / oracle.seconds;
    report.coldStart.swipesTo50[p.name] = swipesTo(curves[p.name] ?? [], curves.oracle ?? [], 0.5);
    report.coldStart.swipesTo70[p.name] = swipesTo(curves[p.name] ?? [], curves.oracle ?? [], 0.7);
    const reachedAt = [...uploadsHq].map((id) => t.impressions.get(id)?.reachedAt ?? null);
    const reached = reachedAt.filter((x): x is number => x !== null).sort((a, b) => a - b);
    const sum = (ids: Set<string>): number => [...ids].reduce((s, id) => s + (t.impressions.get(id)?.total ?? 0), 0);
    report.uploads[p.name] = {
      reached: reached.length / Math.max(1, uploadsHq.size),
      medianImpressions: reached.length > 0 ? (reached[Math.floor(reached.length / 2)] ?? null) : null,
      fanShare: [...uploadsHq].reduce((s, id) => s + (t.impressions.get(id)?.fans ?? 0), 0) / Math.max(1, sum(uploadsHq)),
      hqImpressions: sum(uploadsHq) / Math.max(1, uploadsHq.size),
      lqImpressions: sum(uploadsLq) / Math.max(1, uploadsLq.size),
    };
    report.diversity[p.name] = { topicsPerPage: t.pageTopics / t.pages, creatorCoverage: t.creators.size / world.creators.length };
  }
  report.seconds = (clock() - started) / 1000;
  return report;
}

/** First swipe index from which the rolling (10-swipe) ratio to the oracle stays ≥ `level`. */
function swipesTo(curve: number[], oracle: number[], level: number): number | null {
  const W = 10;
  for (let i = 0; i + W <= curve.length; i++) {
    let a = 0;
    let b = 0;
    for (let j = i; j < i + W; j++) {
      a += curve[j] ?? 0;
      b += oracle[j] ?? 0;
    }
    if (b > 0 && a / b >= level) return i + W;
  }
  return null;
}

function hash(text: string, salt: number): number {
  let h = 2166136261 ^ salt;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}
