/** Hard filters applied to every candidate: seen, blocks, not interested, keywords, visibility. */
import type { VideoRecord } from './catalogue.ts';
import type { UserState } from './user-state.ts';
import type { FeedRequest } from './types.ts';
import { normaliseTag } from './features.ts';

export type Eligible = (rec: VideoRecord) => boolean;

export interface EligibilityOptions {
  /** let already-served videos through (the feed starting over once everything was seen) */
  ignoreSeen?: boolean;
}

export function eligibility(req: FeedRequest, user: UserState | null, options: EligibilityOptions = {}): Eligible {
  const seen = options.ignoreSeen ? null : (user?.seen ?? null);
  const blocked = new Set(req.blockedCreators);
  const keywords = req.keywordFilters.map((k) => normaliseTag(k.trim())).filter((k) => k.length > 0);
  const canSee = req.canSee;
  // muted hashtags as the video's tag keys (h:…), so the check allocates nothing per candidate
  const muted = user && user.mutedTags.size > 0 ? new Set([...user.mutedTags].map((t) => `h:${t}`)) : null;
  return (rec) => {
    const id = rec.meta.id;
    if (blocked.size > 0 && blocked.has(rec.meta.creatorId)) return false;
    if (user) {
      if (seen?.hasHashed(rec.seen1, rec.seen2)) return false;
      if (user.hiddenVideos.size > 0 && user.hiddenVideos.has(id)) return false;
      if (user.hiddenCreators.size > 0 && user.hiddenCreators.has(rec.meta.creatorId)) return false;
      if (muted) for (const tag of rec.keys.tags) if (muted.has(tag)) return false;
    }
    for (const k of keywords) if (rec.keys.words.includes(k)) return false;
    return canSee ? canSee(id) : true;
  };
}
