/** Hard filters applied to every candidate: seen, blocks, not interested, keywords, visibility. */
import type { VideoRecord } from './catalogue.ts';
import type { UserState } from './user-state.ts';
import type { FeedRequest } from './types.ts';
import { normaliseTag } from './features.ts';

export type Eligible = (rec: VideoRecord) => boolean;

export function eligibility(req: FeedRequest, user: UserState | null): Eligible {
  const blocked = new Set(req.blockedCreators);
  const keywords = req.keywordFilters.map((k) => normaliseTag(k.trim())).filter((k) => k.length > 0);
  const canSee = req.canSee;
  return (rec) => {
    const id = rec.meta.id;
    if (blocked.has(rec.meta.creatorId)) return false;
    if (user) {
      if (user.seen.has(id) || user.hiddenVideos.has(id) || user.hiddenCreators.has(rec.meta.creatorId)) return false;
      for (const tag of rec.keys.tags) if (user.mutedTags.has(tag.slice(2))) return false;
    }
    for (const k of keywords) if (rec.keys.words.has(k)) return false;
    return canSee ? canSee(id) : true;
  };
}
