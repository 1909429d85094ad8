/**
 * A fingerprint of the engine's behaviour, to check that a speed change is bit-for-bit identical:
 * a mixed run (25k videos, so the IVF index is on; views, likes, shares, saves, comments, unlikes,
 * follows, not-interested of every kind, resets, account deletions, removals, new uploads, pages
 * personalised or not and with keyword filters), then the whole snapshot, the pages of an engine
 * restored from it, and that restored engine's own snapshot. Run it before and after a change;
 * the hashes must match. With few users (`30`) crosses are evicted, with many (`2000`) they are not.
 *   npx tsx bench/recsys/fingerprint.ts [users=2000]
 */
import { createHash } from 'node:crypto';
import { ForYouEngine } from '@cliptide/recommender';
import type { EngineEvent, FeedRequest } from '@cliptide/recommender';
import { World, START, rng, viewEvent } from './simulator.ts';
import type { SimUser, SimVideo } from './simulator.ts';

const USERS = Number(process.argv[2] ?? 2000);
const VIDEOS = 25_000;
const FIRST_UPLOADS = 20_000;
const EVENTS = 40_000;

const world = new World({ users: USERS, videos: VIDEOS, seed: 5 });
const engine = new ForYouEngine({ seed: 5 });
const hash = createHash('sha256');
const random = rng(11);
const pick = <X>(xs: readonly X[]): X => xs[Math.floor(random() * xs.length)] as X;

/** One event of the mix (null: serve a page instead), chosen by `r` in [0, 1). */
function eventFor(i: number, r: number, user: SimUser, v: SimVideo, at: number): EngineEvent | null {
  const ids = { userId: user.id, videoId: v.meta.id, at };
  if (r < 0.75) return viewEvent(user.id, v.meta.id, v.meta.durationMs, world.watch(user, v, random), at);
  if (r < 0.82) return { type: 'like', ...ids };
  if (r < 0.84) return { type: 'share', ...ids };
  if (r < 0.85) return { type: 'save', ...ids };
  if (r < 0.86) return { type: 'comment', ...ids };
  if (r < 0.87) return { type: 'unlike', ...ids };
  if (r < 0.88) return { type: 'follow', userId: user.id, creatorId: v.meta.creatorId, at };
  if (r < 0.885) return { type: 'unfollow', userId: user.id, creatorId: v.meta.creatorId, at };
  if (r < 0.89) {
    const kind = (['video', 'creator', 'hashtag'] as const)[i % 3] as 'video' | 'creator' | 'hashtag';
    const id = kind === 'video' ? v.meta.id : kind === 'creator' ? v.meta.creatorId : (v.meta.hashtags[0] ?? 'none');
    return { type: 'not_interested', userId: user.id, at, target: { kind, id } };
  }
  if (r < 0.891) return { type: 'reset', userId: user.id, at };
  if (r < 0.8915) return { type: 'user_delete', userId: user.id, at };
  if (r < 0.892) return { type: 'video_remove', videoId: v.meta.id, at };
  return null;
}

const request = (user: SimUser, now: number, personalized = true, keywordFilters: string[] = []): FeedRequest => ({
  userId: user.id, region: user.region, accountCreatedAt: user.accountCreatedAt, now, count: 10, personalized,
  keywordFilters, follows: [(world.creators[0] as { id: string }).id], blockedCreators: [],
});

for (const v of world.videos.slice(0, FIRST_UPLOADS)) engine.upsertVideo(v.meta, START);
let at = START;
for (let i = 0; i < EVENTS; i++) {
  at += 40;
  if (i > 0 && i % 5000 === 0) {
    // new uploads, young enough for the exploration pool
    const batch = world.videos.slice(FIRST_UPLOADS + (i / 5000 - 1) * 600, FIRST_UPLOADS + (i / 5000) * 600);
    for (const v of batch) engine.upsertVideo({ ...v.meta, createdAt: at - 1000 }, at);
  }
  const user = pick(world.users);
  // the second half also meets the new uploads
  const v = world.videos[Math.floor(random() * (FIRST_UPLOADS + (i > EVENTS / 2 ? 4000 : 0)))] as SimVideo;
  const r = random();
  const e = eventFor(i, r, user, v, at);
  if (e) engine.observe(e);
  else hash.update(JSON.stringify(engine.recommend(request(user, at, r < 0.99, r < 0.95 ? [] : ['topic3'])).items));
}

const snapshot = JSON.stringify(engine.snapshot());
hash.update(snapshot);
const restored = ForYouEngine.restore(JSON.parse(snapshot) as ReturnType<ForYouEngine['snapshot']>);
for (let i = 0; i < 50; i++) {
  const req = request(world.users[i % world.users.length] as SimUser, at + i * 1000);
  const page = JSON.stringify(engine.recommend(req));
  if (JSON.stringify(restored.recommend(req)) !== page) throw new Error('the restored engine serves another page');
  hash.update(page);
}
if (JSON.stringify(restored.snapshot()) !== JSON.stringify(engine.snapshot())) throw new Error('the restored engine has another state');
console.log(`${USERS} users: ${hash.digest('hex').slice(0, 16)} (snapshot ${(snapshot.length / 1e6).toFixed(1)} MB)`);
