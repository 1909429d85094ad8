// For You, served by the engine: the viewer's follows, controls and region go in; a page of videos
// with the reasons that raised each one comes out. Also the controls: not interested, refresh,
// keyword filters and the non-personalised mode.
import type { EngineEvent } from '@cliptide/recommender';
import { DomainError, notFound } from '../shared/errors.ts';
import type { Page } from '../shared/cursor.ts';
import type { VideoRepository } from '../videos/video.repository.ts';
import type { ViewerContent } from '../videos/visibility.ts';
import { videoView, type VideoView } from '../videos/video.views.ts';
import type { EngagementSignal } from '../social/social.service.ts';
import type { EngineHost } from './engine-host.ts';
import type { RecommenderRepository } from './recommender.repository.ts';

const PAGE = 8;

export interface ForYouDeps {
  host: EngineHost;
  repo: RecommenderRepository;
  videos: VideoRepository;
  /** The deployment's region, for anonymous viewers. */
  region: string;
  now: () => number;
  findCreatorId: (username: string) => Promise<string | null>;
  /** Switches the non-personalised mode (an account setting, kept by accounts). */
  setPersonalized: (accountId: string, on: boolean) => Promise<void>;
  /** What content the viewer may be shown (18+, restricted mode: the wellbeing settings). */
  viewerContent: (viewerId: string | null) => Promise<ViewerContent>;
  /** Throws screen_time_limit when the viewer's daily limit is reached (wellbeing). */
  assertFeedOpen?: (viewerId: string) => Promise<void>;
}

export type NotInterestedInput = { videoId: string } | { username: string } | { hashtag: string };

export function createForYouService(deps: ForYouDeps) {
  const { host, repo } = deps;

  async function controls(accountId: string) {
    const ctx = await repo.viewerContext(accountId);
    if (!ctx) throw notFound('Account');
    return ctx;
  }

  return {
    async page(viewerId: string | null): Promise<Page<VideoView>> {
      if (viewerId) await deps.assertFeedOpen?.(viewerId);
      const ctx = viewerId ? await controls(viewerId) : null;
      const content = await deps.viewerContent(viewerId);
      const items = await host.recommend({
        userId: viewerId,
        region: ctx?.home_region ?? deps.region,
        ...(ctx ? { accountCreatedAt: ctx.created_at.getTime() } : {}),
        count: PAGE,
        personalized: ctx?.personalized_feed ?? false,
        keywordFilters: ctx?.keyword_filters ?? [],
        follows: ctx?.follows ?? [],
        // blocked either way, or muted (decision 022); the rows are read through the visibility rule again below
        blockedCreators: ctx?.hidden_creators ?? [],
      }, content);
      // The engine's canSee already applied the visibility rule; the rows are read through it again.
      const rows = await deps.videos.findWatchableByIds(items.map((i) => i.videoId), viewerId);
      const byId = new Map(rows.map((r) => [r.id, r]));
      const page = items.flatMap((item) => {
        const row = byId.get(item.videoId);
        if (!row) return [];
        // Reasons name creators by @username; the engine only knows ids.
        const reasons = item.reasons.map((r) => ({ code: r.code, text: r.text.replace(`@${row.author_id}`, `@${row.username}`), params: r.params }));
        return [videoView(row, reasons)];
      });
      // For You is endless: there is a next page as long as this one was not empty.
      return { items: page, nextCursor: items.length > 0 ? String(deps.now()) : null };
    },

    /** Engagement becomes engine events (the recommender's own log). */
    async learn(s: EngagementSignal): Promise<void> {
      const at = deps.now();
      let event: EngineEvent | null = null;
      switch (s.kind) {
        case 'view':
          event = { type: 'view', userId: s.accountId, videoId: s.videoId, at, watchedMs: s.watchedMs, durationMs: s.durationMs, completed: s.completed, replays: s.replays };
          break;
        case 'like':
        case 'unlike':
        case 'save':
        case 'share':
        case 'comment':
          event = { type: s.kind, userId: s.accountId, videoId: s.videoId, at };
          break;
        case 'follow':
        case 'unfollow':
          event = { type: s.kind, userId: s.accountId, creatorId: s.creatorId, at };
          break;
        case 'unsave':
          event = null;
          break;
      }
      if (event) await host.record(event);
    },

    async notInterested(accountId: string, input: NotInterestedInput) {
      let target: { kind: 'video' | 'creator' | 'hashtag'; id: string };
      if ('videoId' in input) {
        if (!(await deps.videos.findVisible(input.videoId, accountId))) throw notFound('Video');
        target = { kind: 'video', id: input.videoId };
      } else if ('username' in input) {
        const id = await deps.findCreatorId(input.username);
        if (!id) throw notFound(`User @${input.username}`);
        target = { kind: 'creator', id };
      } else {
        target = { kind: 'hashtag', id: input.hashtag.replace(/^#/, '').toLowerCase() };
      }
      await host.record({ type: 'not_interested', userId: accountId, at: deps.now(), target });
    },

    /** Forget the learned interests (follows stay). */
    async refresh(accountId: string) {
      await host.record({ type: 'reset', userId: accountId, at: deps.now() });
    },

    async preferences(accountId: string) {
      const ctx = await controls(accountId);
      return { personalized: ctx.personalized_feed, keywordFilters: ctx.keyword_filters ?? [] };
    },

    async setPreferences(accountId: string, patch: { personalized?: boolean | undefined; keywordFilters?: string[] | undefined }) {
      if (patch.keywordFilters) {
        const cleaned = [...new Set(patch.keywordFilters.map((k) => k.trim().replace(/^#/, '').toLowerCase()).filter(Boolean))];
        if (cleaned.length > 100) throw new DomainError('validation_failed', 'At most 100 keyword filters');
        await repo.setKeywordFilters(accountId, cleaned);
      }
      if (patch.personalized !== undefined) await deps.setPersonalized(accountId, patch.personalized);
      return this.preferences(accountId);
    },
  };
}
export type ForYouService = ReturnType<typeof createForYouService>;
