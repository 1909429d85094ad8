/** The policies compared on the same sessions: random, most-popular, the engine, and the oracle. */
import { ForYouEngine } from '@cliptide/recommender';
import type { SimUser, Watch, World } from './simulator.ts';
import { viewEvent } from './simulator.ts';

export interface Policy {
  readonly name: string;
  page(user: SimUser, now: number, count: number): string[];
  feedback(user: SimUser, videoId: string, watch: Watch, at: number, durationMs: number): void;
  addVideo?(videoId: string, at: number): void;
}

class SeenSets {
  private readonly sets = new Map<string, Set<string>>();
  of(userId: string): Set<string> {
    let s = this.sets.get(userId);
    if (!s) {
      s = new Set();
      this.sets.set(userId, s);
    }
    return s;
  }
}

export class RandomPolicy implements Policy {
  readonly name = 'random';
  private readonly seen = new SeenSets();
  constructor(private readonly world: World, private readonly random: () => number) {}
  page(user: SimUser, _now: number, count: number): string[] {
    const seen = this.seen.of(user.id);
    const out: string[] = [];
    const vids = this.world.videos;
    for (let tries = 0; out.length < count && tries < count * 20; tries++) {
      const v = vids[Math.floor(this.random() * vids.length)];
      if (v && !seen.has(v.meta.id) && !out.includes(v.meta.id)) out.push(v.meta.id);
    }
    out.forEach((id) => seen.add(id));
    return out;
  }
  feedback(): void {}
}

/** Most popular overall: completions + likes counted from its own feedback; new videos start at 0. */
export class PopularPolicy implements Policy {
  readonly name = 'most-popular';
  private readonly seen = new SeenSets();
  private readonly score = new Map<string, number>();
  private ranked: string[] = [];
  private dirty = 0;
  constructor(private readonly world: World) {
    // a prior from creation order so that the first pages are not empty
    this.ranked = world.videos.map((v) => v.meta.id);
  }
  page(user: SimUser, _now: number, count: number): string[] {
    if (this.dirty > 200) {
      this.ranked = this.world.videos.map((v) => v.meta.id).sort((a, b) => (this.score.get(b) ?? 0) - (this.score.get(a) ?? 0));
      this.dirty = 0;
    }
    const seen = this.seen.of(user.id);
    const out: string[] = [];
    for (const id of this.ranked) {
      if (out.length >= count) break;
      if (!seen.has(id)) out.push(id);
    }
    out.forEach((id) => seen.add(id));
    return out;
  }
  feedback(_user: SimUser, videoId: string, watch: Watch): void {
    const gain = (watch.completed ? 1 : 0) + (watch.liked ? 1 : 0) + watch.fraction * 0.5;
    this.score.set(videoId, (this.score.get(videoId) ?? 0) + gain);
    this.dirty++;
  }
}

/** Ranks every unseen video by the user's hidden expected watch time. */
export class OraclePolicy implements Policy {
  readonly name = 'oracle';
  private readonly seen = new SeenSets();
  constructor(private readonly world: World) {}
  page(user: SimUser, _now: number, count: number): string[] {
    const seen = this.seen.of(user.id);
    const best: [string, number][] = [];
    for (const v of this.world.videos) {
      if (seen.has(v.meta.id)) continue;
      const s = this.world.expectedSeconds(user, v);
      if (best.length < count) {
        best.push([v.meta.id, s]);
        best.sort((a, b) => b[1] - a[1]);
      } else if (s > (best[count - 1] as [string, number])[1]) {
        best[count - 1] = [v.meta.id, s];
        best.sort((a, b) => b[1] - a[1]);
      }
    }
    const out = best.map((b) => b[0]);
    out.forEach((id) => seen.add(id));
    return out;
  }
  feedback(): void {}
}

export class EnginePolicy implements Policy {
  readonly name = 'engine';
  readonly engine: ForYouEngine;
  private readonly follows = new Map<string, string[]>();
  constructor(private readonly world: World, seed: number) {
    this.engine = new ForYouEngine({ seed });
    for (const v of world.videos) this.engine.upsertVideo(v.meta, v.meta.createdAt);
  }
  addVideo(videoId: string, at: number): void {
    const v = this.world.byId.get(videoId);
    if (v) this.engine.upsertVideo(v.meta, at);
  }
  page(user: SimUser, now: number, count: number): string[] {
    return this.engine
      .recommend({
        userId: user.id, region: user.region, accountCreatedAt: user.accountCreatedAt, now, count, personalized: true,
        keywordFilters: [], follows: this.follows.get(user.id) ?? [], blockedCreators: [],
      })
      .items.map((i) => i.videoId);
  }
  feedback(user: SimUser, videoId: string, w: Watch, at: number, durationMs: number): void {
    const e = this.engine;
    e.observe(viewEvent(user.id, videoId, durationMs, w, at));
    if (w.liked) e.observe({ type: 'like', userId: user.id, videoId, at: at + 1 });
    if (w.shared) e.observe({ type: 'share', userId: user.id, videoId, at: at + 2 });
    if (w.followed) {
      const creatorId = this.world.byId.get(videoId)?.meta.creatorId as string;
      this.follows.set(user.id, [...(this.follows.get(user.id) ?? []), creatorId]);
      e.observe({ type: 'follow', userId: user.id, creatorId, at: at + 3 });
    }
  }
}
