/**
 * A synthetic short-video world for the recommender bench. Users have hidden tastes over topics
 * and a few favourite creators, drifting slowly; videos have a topic, a hidden quality and a
 * duration. The watch model turns (hidden taste, quality, duration) + noise into a watch
 * fraction, quick skips, likes, shares and follows. The engine only ever sees the events.
 */
import type { VideoMeta, ViewEvent } from '@cliptide/recommender';

export const DAY = 86_400_000;
export const START = Date.UTC(2026, 2, 1);
export const REGIONS = ['eu', 'us', 'in'] as const;

export interface SimVideo {
  meta: VideoMeta;
  topic: number;
  quality: number;
}

export interface SimUser {
  id: string;
  region: string;
  accountCreatedAt: number;
  taste: Float64Array;
  favourites: Set<string>;
}

export interface Watch {
  fraction: number;
  completed: boolean;
  replays: number;
  liked: boolean;
  shared: boolean;
  followed: boolean;
}

export interface WorldOptions {
  users: number;
  videos: number;
  topics?: number;
  creators?: number;
  seed?: number;
}

/** The view event the engine is told of a watch (watched time rounded to the millisecond). */
export function viewEvent(userId: string, videoId: string, durationMs: number, w: Watch, at: number): ViewEvent {
  return { type: 'view', userId, videoId, at, watchedMs: Math.round(w.fraction * durationMs), durationMs, completed: w.completed, replays: w.replays };
}

export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SOUNDS_PER_TOPIC = 6;
const GENERIC_TAGS = ['fyp', 'viral', 'foryou', 'trend'];

export class World {
  readonly topics: number;
  readonly creators: { id: string; topic: number; region: string }[] = [];
  readonly videos: SimVideo[] = [];
  readonly byId = new Map<string, SimVideo>();
  readonly users: SimUser[] = [];
  private readonly random: () => number;

  constructor(readonly options: WorldOptions) {
    this.topics = options.topics ?? 24;
    this.random = rng(options.seed ?? 42);
    const creators = options.creators ?? Math.max(20, Math.round(options.videos / 12));
    for (let c = 0; c < creators; c++) {
      this.creators.push({ id: `cr${c}`, topic: Math.floor(this.random() * this.topics), region: pick(REGIONS, this.random) });
    }
    for (let v = 0; v < options.videos; v++) this.addVideo(START - Math.floor(this.random() * 30 * DAY));
    for (let u = 0; u < options.users; u++) this.addUser(START - Math.floor(this.random() * 400 * DAY));
  }

  addVideo(createdAt: number, quality?: number, topic?: number): SimVideo {
    const r = this.random;
    const creator = this.creators[Math.floor(r() * this.creators.length)] as { id: string; topic: number; region: string };
    const t = topic ?? (r() < 0.8 ? creator.topic : Math.floor(r() * this.topics));
    const q = quality ?? Math.min(1, Math.max(0, 0.5 + (r() + r() + r() - 1.5) * 0.45));
    const id = `v${this.videos.length}`;
    const video: SimVideo = {
      topic: t,
      quality: q,
      meta: {
        id,
        creatorId: creator.id,
        hashtags: [`topic${t}`, ...(r() < 0.5 ? [pick(GENERIC_TAGS, r)] : []), ...(r() < 0.3 ? [`topic${t}_${Math.floor(r() * 5)}`] : [])],
        soundId: r() < 0.7 ? `snd${t}_${Math.floor(r() * SOUNDS_PER_TOPIC)}` : null,
        captionTerms: [`word${t}`, `w${Math.floor(r() * 200)}`],
        language: r() < 0.85 ? 'en' : 'es',
        durationMs: Math.round((6 + r() * r() * 54) * 1000),
        createdAt,
        region: creator.region,
      },
    };
    this.videos.push(video);
    this.byId.set(id, video);
    return video;
  }

  addUser(accountCreatedAt: number): SimUser {
    const r = this.random;
    const taste = new Float64Array(this.topics);
    for (let t = 0; t < this.topics; t++) taste[t] = r() * 0.15;
    const liked = 2 + Math.floor(r() * 3);
    for (let k = 0; k < liked; k++) taste[Math.floor(r() * this.topics)] = 0.5 + r() * 0.5;
    const favourites = new Set<string>();
    for (let k = 0; k < 3; k++) {
      const c = this.creators[Math.floor(r() * this.creators.length)];
      if (c && (taste[c.topic] as number) > 0.4) favourites.add(c.id);
    }
    const user: SimUser = { id: `u${this.users.length}`, region: pick(REGIONS, r), accountCreatedAt, taste, favourites };
    this.users.push(user);
    return user;
  }

  /** How much a user is drawn to a video (hidden), 0..~1.5. */
  appeal(user: SimUser, v: SimVideo): number {
    const fav = user.favourites.has(v.meta.creatorId) ? 0.25 : 0;
    return (user.taste[v.topic] as number) * (0.4 + 0.9 * v.quality) + fav;
  }

  /** Expected seconds watched (the oracle's ranking and the reported metric). */
  expectedSeconds(user: SimUser, v: SimVideo): number {
    const a = this.appeal(user, v);
    const pSkip = skipProbability(a);
    const frac = Math.min(1, baseFraction(a, v.meta.durationMs));
    return ((1 - pSkip) * frac + pSkip * 0.07) * (v.meta.durationMs / 1000);
  }

  /** A sampled reaction (random: the caller's stream, for common random numbers across policies). */
  watch(user: SimUser, v: SimVideo, random: () => number): Watch {
    const a = this.appeal(user, v);
    if (random() < skipProbability(a)) {
      return { fraction: random() * 0.14, completed: false, replays: 0, liked: false, shared: false, followed: false };
    }
    const noise = (random() + random() - 1) * 0.3;
    const raw = baseFraction(a, v.meta.durationMs) + noise;
    const fraction = Math.max(0.05, Math.min(1, raw));
    const completed = raw >= 0.95;
    const replays = completed && random() < Math.max(0, a - 0.9) ? 1 : 0;
    const liked = random() < Math.max(0, a - 0.35) * 0.35;
    const shared = random() < Math.max(0, a - 0.7) * 0.12;
    const followed = !user.favourites.has(v.meta.creatorId) && random() < Math.max(0, a - 0.8) * 0.05;
    return { fraction, completed, replays, liked, shared, followed };
  }

  /** Slow taste drift: a small random walk, with occasional new interests. */
  drift(user: SimUser, random: () => number): void {
    for (let t = 0; t < this.topics; t++) {
      const x = (user.taste[t] as number) + (random() - 0.5) * 0.04;
      user.taste[t] = Math.max(0, Math.min(1, x));
    }
    if (random() < 0.05) user.taste[Math.floor(random() * this.topics)] = 0.6;
  }

  isFan(user: SimUser, topic: number): boolean {
    return (user.taste[topic] as number) >= 0.5;
  }
}

const skipProbability = (appeal: number): number => 1 / (1 + Math.exp(8 * (appeal - 0.3)));
const baseFraction = (appeal: number, durationMs: number): number => (0.25 + 0.85 * appeal) * (1 - 0.35 * Math.min(1, durationMs / 60_000));

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}
