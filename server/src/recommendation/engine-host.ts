// Hosts the For You engine in a server process. The `recommender_events` table is the engine's input
// log: every writer (API requests, workers, other API processes) appends to it, and the host applies
// the log in id order before it ranks — so an event changes the very next page, every process converges
// on the same state, and a restart restores the latest snapshot and replays only what came after it.
import { ForYouEngine, type EngineEvent, type EngineOptions, type EngineSnapshot, type FeedItem, type FeedRequest } from '@cliptide/recommender';
import { ageBandOn } from '../accounts/age-policy.ts';
import { canRecommendVideo, type VideoAudience, type ViewerContent } from '../videos/visibility.ts';
import type { AudienceRow, RecommenderRepository } from './recommender.repository.ts';
import { videoMeta } from './video-meta.ts';

export interface EngineHostDeps {
  repo: RecommenderRepository;
  options?: EngineOptions;
  now: () => number;
  snapshotEveryMs?: number;
  log: { info(obj: object, msg: string): void; error(obj: object, msg: string): void };
}

const BATCH = 5000;
/** Privacy changes are read again this far back, for transactions that committed after a later read began. */
const PRIVACY_OVERLAP_MS = 60_000;

export function createEngineHost(deps: EngineHostDeps) {
  const { repo } = deps;
  let engine = new ForYouEngine(deps.options);
  let lastApplied = 0;
  let lastSnapshot = 0;
  const selfApplied = new Set<number>();
  /** Who may see each published video: what `canSee` hands to the visibility rule (with its author's standing). */
  const audiences = new Map<string, Omit<VideoAudience, 'authorPrivate'>>();
  /** Each author's privacy and birthdate (the age band is computed from it when asked). */
  const authors = new Map<string, { private: boolean; birthdate: string }>();
  let privacyCheckedAt: Date | null = null;
  const remember = (r: AudienceRow) => {
    audiences.set(r.id, { authorId: r.author_id, visibility: r.visibility, status: r.status, adultOnly: r.adult_only, caption: r.caption });
    authors.set(r.author_id, { private: r.author_private, birthdate: r.author_birthdate });
  };

  /** Accounts made private or public since the last look (in any process) change who may be offered their videos. */
  async function refreshAuthors() {
    const since = privacyCheckedAt ? new Date(privacyCheckedAt.getTime() - PRIVACY_OVERLAP_MS) : new Date(0);
    const changed = await repo.authorsChangedSince(since);
    for (const a of changed.authors) if (authors.has(a.id)) authors.set(a.id, { private: a.private, birthdate: a.birthdate });
    privacyCheckedAt = changed.now;
  }
  let chain: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;

  /** One thing at a time touches the engine. */
  function exclusive<T>(work: () => Promise<T>): Promise<T> {
    const run = chain.then(work, work);
    chain = run.catch(() => undefined);
    return run;
  }

  async function refreshAudiences(ids: string[]) {
    if (ids.length === 0) return;
    const rows = await repo.audiences(ids);
    for (const id of ids) audiences.delete(id);
    for (const r of rows) remember(r);
  }

  /** Applies every logged event not applied yet, in id order. */
  async function catchUp(): Promise<number> {
    let applied = 0;
    for (;;) {
      const batch = await repo.eventsAfter(lastApplied, BATCH);
      if (batch.length === 0) return applied;
      const upserted: string[] = [];
      for (const { id, event } of batch) {
        if (selfApplied.delete(id)) {
          lastApplied = id;
          continue;
        }
        engine.observe(event);
        if (event.type === 'video_upsert') upserted.push(event.video.id);
        if (event.type === 'video_remove') audiences.delete(event.videoId);
        lastApplied = id;
        applied++;
      }
      await refreshAudiences(upserted);
    }
  }

  /** Brings the engine's catalogue in line with the published videos (after a restore, or the first start). */
  async function syncCatalogue() {
    const rows = await repo.catalogue();
    const live = new Set<string>();
    for (const row of rows) {
      live.add(row.id);
      const meta = videoMeta(row);
      const known = engine.catalogue.get(row.id)?.meta;
      if (!known || JSON.stringify(known) !== JSON.stringify(meta)) await repo.append({ type: 'video_upsert', at: deps.now(), video: meta });
      remember(row);
    }
    for (const { meta } of engine.catalogue.snapshot()) {
      if (!live.has(meta.id)) await repo.append({ type: 'video_remove', at: deps.now(), videoId: meta.id });
    }
    await catchUp();
  }

  async function snapshotNow() {
    await catchUp();
    if (lastApplied === lastSnapshot) return;
    await repo.saveSnapshot(lastApplied, JSON.stringify(engine.snapshot()));
    lastSnapshot = lastApplied;
  }

  return {
    async start() {
      await exclusive(async () => {
        const snap = await repo.latestSnapshot();
        let restored = false;
        if (snap) {
          try {
            engine = ForYouEngine.restore(JSON.parse(snap.state) as EngineSnapshot);
            lastApplied = lastSnapshot = snap.last_event_id;
            restored = true;
          } catch (error) {
            // A snapshot from another engine version (or a damaged one) is not fatal: the event log
            // holds everything, so learn it again from the first event.
            deps.log.error({ err: String(error), snapshotAt: snap.last_event_id }, 'recommender snapshot unreadable, replaying the whole event log');
            engine = new ForYouEngine(deps.options);
          }
        }
        const replayed = await catchUp();
        await syncCatalogue();
        deps.log.info({ fromSnapshot: restored ? snap?.last_event_id : null, replayed, videos: engine.catalogue.snapshot().length }, 'recommender ready');
      });
      if (deps.snapshotEveryMs) {
        timer = setInterval(() => {
          exclusive(snapshotNow).catch((error: unknown) => deps.log.error({ err: String(error) }, 'recommender snapshot failed'));
        }, deps.snapshotEveryMs);
        timer.unref();
      }
    },

    /** Appends an event to the log; the next page (in any process) learns from it. */
    record: (event: EngineEvent) => repo.append(event),

    /** A page of For You for a viewer who may be shown `content`: catch up on the log, rank, and log the impression it served. */
    recommend(req: Omit<FeedRequest, 'canSee' | 'now'>, content: ViewerContent): Promise<FeedItem[]> {
      return exclusive(async () => {
        await catchUp();
        await refreshAuthors();
        const follows = new Set(req.follows);
        const today = new Date(deps.now());
        const canSee = (videoId: string) => {
          const video = audiences.get(videoId);
          const author = video && authors.get(video.authorId);
          if (!video || !author) return false;
          // The visibility rule's For You question: never the viewer's own, a 13–15's only to approved followers, 18+ and restricted mode.
          return canRecommendVideo(
            { ...video, authorPrivate: author.private, authorBand: ageBandOn(author.birthdate, today) },
            { viewerId: req.userId, followsAuthor: follows.has(video.authorId), ...content },
          );
        };
        const page = engine.recommend({ ...req, now: deps.now(), canSee });
        if (page.impression) selfApplied.add(await repo.append(page.impression));
        return page.items;
      });
    },

    snapshot: () => exclusive(snapshotNow),

    async stop() {
      if (timer) clearInterval(timer);
      await exclusive(snapshotNow).catch((error: unknown) => deps.log.error({ err: String(error) }, 'final recommender snapshot failed'));
    },

    /** For tests and diagnostics. */
    get engine() {
      return engine;
    },
  };
}
export type EngineHost = ReturnType<typeof createEngineHost>;
