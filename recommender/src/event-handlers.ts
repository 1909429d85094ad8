/** How each event changes the engine. One handler per event type; a new type must get one. */
import type { EngineEvent } from './types.ts';
import type { ForYouEngine } from './engine.ts';
import type { VideoRecord } from './catalogue.ts';
import { MAX_ENTRY_AGE_MS } from './exploration.ts';
import { eachEvidenceId } from './item-parts.ts';
import { T } from './ranker.model.ts';
import type { Viewer } from './ranker.model.ts';
import { accountAgeBucket, normaliseTag, regionKey, timeOfDayBucket } from './features.ts';
import type { UserState } from './user-state.ts';
import {
  COMPLETE, FOLLOW, LIKE, SHARE, isWatchedThrough, singleLabel, viewLabels, watchFraction,
} from './learning.ts';

type Handler<K extends EngineEvent['type']> = (engine: ForYouEngine, e: EngineEvent & { type: K }) => void;

const EXPIRE_EVERY_MS = 3_600_000;
/**
 * The vector index is refreshed (every row re-summed, re-clustered, relisted) on a schedule of
 * event time only, and when the catalogue has doubled: its cost grows with the catalogue, not
 * with the events, and a video that learns is refreshed and relisted on the spot. (It was also
 * refreshed every 100k events: at 50k events/s that re-clusters 100k videos every 2 s, a quarter
 * of a core spent on rows no event touched. Decision 012.)
 */
const INDEX_EVERY_MS = 30 * 60_000;

/** Engagement events: which task they teach, the label, the weight, and the trending credit. */
const ENGAGEMENT = {
  like: { task: LIKE, label: 1, weight: 1, trend: 2 },
  save: { task: LIKE, label: 1, weight: 1, trend: 2 },
  comment: { task: LIKE, label: 1, weight: 0.5, trend: 1 },
  share: { task: SHARE, label: 1, weight: 1, trend: 3 },
  unlike: { task: LIKE, label: 0, weight: 1, trend: 0 },
} as const;

const trainingContext: string[] = [];

/** As `engine.viewerFor()`, for a user whose state the caller holds, into the ranker's reused viewer. */
function trainingViewer(engine: ForYouEngine, userId: string, user: UserState, at: number): Viewer {
  trainingContext[0] = regionKey(user.region);
  trainingContext[1] = accountAgeBucket(user.accountCreatedAt, at);
  trainingContext[2] = timeOfDayBucket(at);
  return engine.ranker.viewer(userId, trainingContext, user, engine.ranker.trainingViewer);
}

/** One training step of `user` on `rec`; returns the video's new row (scratch: copy to keep). */
function train(engine: ForYouEngine, userId: string, user: UserState, rec: VideoRecord, labels: Float32Array, weight: number, at: number): Float32Array {
  const viewer = trainingViewer(engine, userId, user, at);
  engine.ranker.learn(viewer, rec, labels, weight, at, userId);
  const row = scratchRow(engine.index.width);
  engine.ranker.learnedItemRow(row);
  rec.indexRow = engine.index.set(rec.meta.id, row, true, rec.indexRow, rec);
  return row;
}

/** Labels of one step (reused: a step reads them only while it runs). */
const scratchLabels = new Float32Array(T);

const scratchRows = new Map<number, Float32Array>();

function scratchRow(width: number): Float32Array {
  let row = scratchRows.get(width);
  if (!row) {
    row = new Float32Array(width);
    scratchRows.set(width, row);
  }
  return row;
}

/**
 * Recomputes the video's cached row (item vector | item biases); returns it (scratch: copy to
 * keep). `relist: false` when the index lists are rebuilt right after.
 */
function refreshRow(engine: ForYouEngine, rec: VideoRecord, relist = true): Float32Array {
  const row = scratchRow(engine.index.width);
  engine.ranker.itemRow(rec, row);
  rec.indexRow = engine.index.set(rec.meta.id, row, relist, rec.indexRow, rec);
  return row;
}

function regionOf(user: UserState, rec: VideoRecord): string {
  return user.region ?? rec.meta.region;
}

/** Records evidence on the user's crosses (used to word reasons). */
function noteEvidence(engine: ForYouEngine, user: UserState, rec: VideoRecord, kind: 'completes' | 'likes', at: number): void {
  eachEvidenceId(rec, engine.catalogue.featureIds, (id) => user.crosses.noteId(id, kind, at));
}

const handlers: { [K in EngineEvent['type']]: Handler<K> } = {
  view(engine, e) {
    const rec = engine.catalogue.get(e.videoId);
    if (!rec) return;
    const user = engine.user(e.userId);
    user.seen.addHashed(rec.seen1, rec.seen2);
    const weight = viewLabels(e, scratchLabels);
    const row = train(engine, e.userId, user, rec, scratchLabels, weight, e.at);
    const fraction = Math.min(1, watchFraction(e));
    const through = isWatchedThrough(e);
    rec.views++;
    rec.watchSum += fraction;
    if (through) {
      rec.completions++;
      user.pushRecent(rec.meta.id);
      user.learnInterest(row, 1 + e.replays);
      noteEvidence(engine, user, rec, 'completes', e.at);
    }
    engine.pool.recordView(rec.meta.id, fraction, through, rec.poolEntry);
    if (fraction >= 0.3) engine.trending.add(regionOf(user, rec), rec.meta.id, through ? 1 : fraction / 2, e.at);
  },
  like: engagement,
  save: engagement,
  comment: engagement,
  share: engagement,
  unlike: engagement,
  follow(engine, e) {
    followLabel(engine, e.userId, e.creatorId, 1, e.at);
  },
  unfollow(engine, e) {
    followLabel(engine, e.userId, e.creatorId, 0, e.at);
  },
  not_interested(engine, e) {
    const user = engine.user(e.userId);
    const { kind, id } = e.target;
    if (kind === 'hashtag') {
      user.hide('mutedTags', normaliseTag(id));
      return;
    }
    if (kind === 'creator') {
      user.hide('hiddenCreators', id);
      return;
    }
    user.hide('hiddenVideos', id);
    const rec = engine.catalogue.get(id);
    if (rec) train(engine, e.userId, user, rec, scratchLabels.fill(0), 2, e.at);
  },
  impression(engine, e) {
    const user = engine.user(e.userId);
    user.region = e.region;
    if (e.accountCreatedAt !== null) user.accountCreatedAt = e.accountCreatedAt;
    user.lastSeen = Math.max(user.lastSeen, e.at);
    if (e.rewind) user.seen.clear();
    for (const id of e.videoIds) {
      const rec = engine.catalogue.get(id);
      if (!rec) {
        user.seen.add(id);
        continue;
      }
      user.seen.addHashed(rec.seen1, rec.seen2);
      rec.impressions++;
      engine.pool.recordImpression(id, e.at, rec.poolEntry);
      user.lastCreator = rec.meta.creatorId;
    }
  },
  reset(engine, e) {
    engine.users.get(e.userId)?.forgetInterests();
    engine.ranker.users.delete(e.userId);
  },
  user_delete(engine, e) {
    engine.users.get(e.userId)?.crosses.clear();
    engine.users.delete(e.userId);
    engine.ranker.users.delete(e.userId);
  },
  video_upsert(engine, e) {
    const isNew = !engine.catalogue.get(e.video.id);
    if (!engine.catalogue.upsert(e.video)) return;
    const rec = engine.catalogue.get(e.video.id) as VideoRecord;
    if (isNew && e.at - e.video.createdAt < MAX_ENTRY_AGE_MS) engine.pool.add(e.video.id, e.at);
    // an edit replaces the record: the new one takes over the link to the pool entry
    engine.pool.attach(e.video.id, rec);
    refreshRow(engine, rec);
  },
  video_remove(engine, e) {
    if (!engine.catalogue.remove(e.videoId)) return;
    engine.pool.remove(e.videoId);
    engine.trending.remove(e.videoId);
    engine.index.remove(e.videoId);
    engine.ranker.videos.delete(e.videoId);
  },
};

function engagement(engine: ForYouEngine, e: EngineEvent & { type: keyof typeof ENGAGEMENT }): void {
  const rec = engine.catalogue.get(e.videoId);
  if (!rec) return;
  const rule = ENGAGEMENT[e.type];
  const user = engine.user(e.userId);
  user.seen.addHashed(rec.seen1, rec.seen2);
  const row = train(engine, e.userId, user, rec, singleLabel(rule.task, rule.label, scratchLabels), rule.weight, e.at);
  if (rule.label === 1) {
    if (rule.task === LIKE) rec.likes++;
    else rec.shares++;
    user.pushRecent(rec.meta.id);
    user.learnInterest(row, 2);
    noteEvidence(engine, user, rec, 'likes', e.at);
  }
  if (rule.trend > 0) engine.trending.add(regionOf(user, rec), rec.meta.id, rule.trend, e.at);
}

/** A follow teaches the follow task on the creator's video the user saw last (or their newest). */
function followLabel(engine: ForYouEngine, userId: string, creatorId: string, label: number, at: number): void {
  const user = engine.user(userId);
  const recentId = [...user.recent].reverse().find((id) => engine.catalogue.get(id)?.meta.creatorId === creatorId);
  const rec = recentId !== undefined ? engine.catalogue.get(recentId) : engine.catalogue.byCreator.get(creatorId)?.at(-1);
  if (!rec) return;
  const labels = singleLabel(FOLLOW, label, scratchLabels);
  if (label === 1) labels[COMPLETE] = 1;
  train(engine, userId, user, rec, labels, 1, at);
}

function maintain(engine: ForYouEngine, at: number): void {
  const c = engine.clock;
  if (at > c.now) c.now = at;
  c.events++;
  c.eventsSinceIndex++;
  if (c.now >= c.nextExpireAt) {
    const before = c.now - engine.options.expireAfterMs;
    engine.ranker.users.expire(before);
    engine.ranker.videos.expire(before);
    engine.ranker.features.expire(before);
    c.nextExpireAt = c.now + EXPIRE_EVERY_MS;
  }
  if (c.now >= c.nextIndexAt || engine.index.needsRebuild) refreshIndex(engine);
}

/** Re-sums every video's row, re-clusters the index and relists every row (the scheduled refresh). */
export function refreshIndex(engine: ForYouEngine): void {
  const c = engine.clock;
  // rebuild() re-clusters and relists every row, so the refresh only stores the rows
  engine.catalogue.videos.forEach((rec) => refreshRow(engine, rec, false));
  engine.index.rebuild(engine.options.seed + c.events);
  c.nextIndexAt = c.now + INDEX_EVERY_MS;
  c.eventsSinceIndex = 0;
}

export function applyEvent(engine: ForYouEngine, e: EngineEvent): void {
  // the server validates input; a non-finite time would corrupt the event-time schedule
  if (!Number.isFinite(e.at)) throw new RangeError(`event ${e.type} has no valid time`);
  (handlers[e.type] as Handler<EngineEvent['type']>)(engine, e);
  maintain(engine, e.at);
}
