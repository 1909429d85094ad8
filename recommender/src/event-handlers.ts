/** How each event changes the engine's state. One handler per event type; a new type must get one. */
import type { EngineEvent } from './types.ts';
import type { EngineState } from './engine-state.ts';
import type { VideoRecord } from './catalogue.ts';
import { MAX_ENTRY_AGE_MS } from './exploration.ts';
import { eachEvidenceId } from './item-parts.ts';
import { T } from './ranker.model.ts';
import { normaliseTag } from './features.ts';
import type { UserState } from './user-state.ts';
import {
  COMPLETE, FOLLOW, LIKE, SHARE, isWatchedThrough, singleLabel, viewLabels, watchFraction,
} from './learning.ts';

type Handler<K extends EngineEvent['type']> = (state: EngineState, e: EngineEvent & { type: K }) => void;

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

/** One training step of `user` on `rec`; returns the video's new row (scratch: copy to keep). */
function train(state: EngineState, userId: string, user: UserState, rec: VideoRecord, labels: Float32Array, weight: number, at: number): Float32Array {
  const viewer = state.trainingViewer(userId, user, at);
  state.ranker.learn(viewer, rec, labels, weight, at, userId);
  const row = scratchRow(state.index.width);
  state.ranker.learnedItemRow(row);
  rec.indexRow = state.index.set(rec.meta.id, row, true, rec.indexRow, rec);
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
function refreshRow(state: EngineState, rec: VideoRecord, relist = true): Float32Array {
  const row = scratchRow(state.index.width);
  state.ranker.itemRow(rec, row);
  rec.indexRow = state.index.set(rec.meta.id, row, relist, rec.indexRow, rec);
  return row;
}

function regionOf(user: UserState, rec: VideoRecord): string {
  return user.region ?? rec.meta.region;
}

/** Records evidence on the user's crosses (used to word reasons). */
function noteEvidence(state: EngineState, user: UserState, rec: VideoRecord, kind: 'completes' | 'likes', at: number): void {
  eachEvidenceId(rec, state.catalogue.featureIds, (id) => user.crosses.noteId(id, kind, at));
}

const handlers: { [K in EngineEvent['type']]: Handler<K> } = {
  view(state, e) {
    const rec = state.catalogue.get(e.videoId);
    if (!rec) return;
    const user = state.user(e.userId);
    user.seen.addHashed(rec.seen1, rec.seen2);
    const weight = viewLabels(e, scratchLabels);
    const row = train(state, e.userId, user, rec, scratchLabels, weight, e.at);
    const fraction = Math.min(1, watchFraction(e));
    const through = isWatchedThrough(e);
    rec.views++;
    rec.watchSum += fraction;
    if (through) {
      rec.completions++;
      user.pushRecent(rec.meta.id);
      user.learnInterest(row, 1 + e.replays);
      noteEvidence(state, user, rec, 'completes', e.at);
    }
    state.pool.recordView(rec.meta.id, fraction, through, rec.poolEntry);
    if (fraction >= 0.3) state.trending.add(regionOf(user, rec), rec.meta.id, through ? 1 : fraction / 2, e.at);
  },
  like: engagement,
  save: engagement,
  comment: engagement,
  share: engagement,
  unlike: engagement,
  follow(state, e) {
    followLabel(state, e.userId, e.creatorId, 1, e.at);
  },
  unfollow(state, e) {
    followLabel(state, e.userId, e.creatorId, 0, e.at);
  },
  not_interested(state, e) {
    const user = state.user(e.userId);
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
    const rec = state.catalogue.get(id);
    if (rec) train(state, e.userId, user, rec, scratchLabels.fill(0), 2, e.at);
  },
  impression(state, e) {
    const user = state.user(e.userId);
    user.region = e.region;
    if (e.accountCreatedAt !== null) user.accountCreatedAt = e.accountCreatedAt;
    user.lastSeen = Math.max(user.lastSeen, e.at);
    if (e.rewind) user.seen.clear();
    for (const id of e.videoIds) {
      const rec = state.catalogue.get(id);
      if (!rec) {
        user.seen.add(id);
        continue;
      }
      user.seen.addHashed(rec.seen1, rec.seen2);
      rec.impressions++;
      state.pool.recordImpression(id, e.at, rec.poolEntry);
      user.lastCreator = rec.meta.creatorId;
    }
  },
  reset(state, e) {
    state.forgetInterests(e.userId);
  },
  user_delete(state, e) {
    state.deleteUser(e.userId);
  },
  video_upsert(state, e) {
    const isNew = !state.catalogue.get(e.video.id);
    if (!state.catalogue.upsert(e.video)) return;
    const rec = state.catalogue.get(e.video.id) as VideoRecord;
    if (isNew && e.at - e.video.createdAt < MAX_ENTRY_AGE_MS) state.pool.add(e.video.id, e.at);
    // an edit replaces the record: the new one takes over the link to the pool entry
    state.pool.attach(e.video.id, rec);
    refreshRow(state, rec);
  },
  video_remove(state, e) {
    if (!state.catalogue.remove(e.videoId)) return;
    state.pool.remove(e.videoId);
    state.trending.remove(e.videoId);
    state.index.remove(e.videoId);
    state.ranker.videos.delete(e.videoId);
  },
};

function engagement(state: EngineState, e: EngineEvent & { type: keyof typeof ENGAGEMENT }): void {
  const rec = state.catalogue.get(e.videoId);
  if (!rec) return;
  const rule = ENGAGEMENT[e.type];
  const user = state.user(e.userId);
  user.seen.addHashed(rec.seen1, rec.seen2);
  const row = train(state, e.userId, user, rec, singleLabel(rule.task, rule.label, scratchLabels), rule.weight, e.at);
  if (rule.label === 1) {
    if (rule.task === LIKE) rec.likes++;
    else rec.shares++;
    user.pushRecent(rec.meta.id);
    user.learnInterest(row, 2);
    noteEvidence(state, user, rec, 'likes', e.at);
  }
  if (rule.trend > 0) state.trending.add(regionOf(user, rec), rec.meta.id, rule.trend, e.at);
}

/** A follow teaches the follow task on the creator's video the user saw last (or their newest). */
function followLabel(state: EngineState, userId: string, creatorId: string, label: number, at: number): void {
  const user = state.user(userId);
  const recentId = [...user.recent].reverse().find((id) => state.catalogue.get(id)?.meta.creatorId === creatorId);
  const rec = recentId !== undefined ? state.catalogue.get(recentId) : state.catalogue.byCreator.get(creatorId)?.at(-1);
  if (!rec) return;
  const labels = singleLabel(FOLLOW, label, scratchLabels);
  if (label === 1) labels[COMPLETE] = 1;
  train(state, userId, user, rec, labels, 1, at);
}

function maintain(state: EngineState, at: number): void {
  const c = state.clock;
  c.tick(at);
  if (c.expiryDue(EXPIRE_EVERY_MS)) state.ranker.expire(c.now - state.options.expireAfterMs);
  if (c.indexDue() || state.index.needsRebuild) refreshIndex(state);
}

/** Re-sums every video's row, re-clusters the index and relists every row (the scheduled refresh). */
export function refreshIndex(state: EngineState): void {
  // rebuild() re-clusters and relists every row, so the refresh only stores the rows
  state.catalogue.videos.forEach((rec) => refreshRow(state, rec, false));
  state.index.rebuild(state.options.seed + state.clock.events);
  state.clock.indexRefreshed(INDEX_EVERY_MS);
}

export function applyEvent(state: EngineState, e: EngineEvent): void {
  // the server validates input; a non-finite time would corrupt the event-time schedule
  if (!Number.isFinite(e.at)) throw new RangeError(`event ${e.type} has no valid time`);
  (handlers[e.type] as Handler<EngineEvent['type']>)(state, e);
  maintain(state, e.at);
}
