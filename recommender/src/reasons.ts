/**
 * "Why this video": 1–3 reasons drawn from what raised the item's score. Each reason is a stable
 * `code` with `params` (ids) — clients may render their own text — and an English `text`
 * rendered here with the caller's name lookup (ids when no name is known).
 */
import type { NameLookup, Reason } from './types.ts';
import type { Contribution } from './ranker.model.ts';
import type { UserState } from './user-state.ts';
import type { VideoRecord } from './catalogue.ts';

/** Candidate sources, as bit flags. */
export const SOURCE = { follow: 1, embedding: 2, affinity: 4, trending: 8, explore: 16, recent: 32, again: 64 } as const;

const MIN_CONTRIBUTION = 0.01;
const newUpload = (): Reason => ({ code: 'new_upload', text: 'new — we’re finding its audience', params: {} });
const recentUpload = (): Reason => ({ code: 'recent_upload', text: 'a recent upload', params: {} });

export function buildReasons(
  rec: VideoRecord,
  sources: number,
  contributions: Contribution[],
  user: UserState | null,
  region: string,
  names: NameLookup | undefined,
  /** Personalised For You; otherwise nothing may suggest learning: a new upload is just recent. */
  personal = true,
): Reason[] {
  const fresh = personal ? newUpload : recentUpload;
  const creatorName = names?.creator?.(rec.meta.creatorId) ?? rec.meta.creatorId;
  const out: Reason[] = [];
  if (sources & SOURCE.follow) {
    out.push({ code: 'followed_creator', text: `from @${creatorName}, whom you follow`, params: { creatorId: rec.meta.creatorId } });
  }
  if (sources & SOURCE.again) {
    out.push({ code: 'seen_again', text: 'you’ve seen everything for now — one you watched before', params: {} });
  } else if (sources === SOURCE.explore) {
    // an exploration slot: the item is here because it is new, whatever else it matches
    out.push(fresh());
  }
  for (const c of contributions) {
    if (out.length >= 3 || c.value < MIN_CONTRIBUTION) break;
    const reason = fromContribution(c, rec, user, creatorName, names);
    if (reason && !out.some((r) => r.code === reason.code && r.text === reason.text)) out.push(reason);
  }
  // a new upload that also ranked on its own merits says so after what raised its score
  if (out.length < 3 && sources & SOURCE.explore && !(sources & SOURCE.again) && !out.some((r) => r.code === fresh().code)) out.push(fresh());
  if (out.length < 3 && sources & SOURCE.trending) {
    out.push({ code: 'trending_region', text: 'popular in your region', params: { region } });
  }
  if (out.length < 3 && sources & SOURCE.recent && !out.some((r) => r.code === 'recent_upload') && !(personal && sources & SOURCE.explore)) {
    out.push(recentUpload());
  }
  if (out.length === 0) {
    out.push(
      user
        ? { code: 'similar_interest', text: 'similar to videos you watched', params: {} }
        : { code: 'trending_region', text: 'popular in your region', params: { region } },
    );
  }
  return out.slice(0, 3);
}

function fromContribution(
  c: Contribution,
  rec: VideoRecord,
  user: UserState | null,
  creatorName: string,
  names: NameLookup | undefined,
): Reason | null {
  if (c.key === 'embedding') return { code: 'similar_interest', text: 'similar to videos you watched', params: {} };
  const cross = user?.crosses.evidence(c.key) ?? null;
  const liked = cross !== null && cross.likes > 0 && cross.likes * 3 >= cross.completes;
  if (c.key.startsWith('h:')) {
    const hashtag = c.key.slice(2);
    const text = liked ? `you liked #${hashtag} videos` : `you watched #${hashtag} videos to the end`;
    return { code: 'hashtag_affinity', text, params: { hashtag, signal: liked ? 'liked' : 'completed' } };
  }
  if (c.key.startsWith('c:')) {
    return { code: 'creator_affinity', text: `you often watch @${creatorName}`, params: { creatorId: rec.meta.creatorId } };
  }
  if (c.key.startsWith('s:') && rec.meta.soundId !== null) {
    const sound = names?.sound?.(rec.meta.soundId) ?? rec.meta.soundId;
    return { code: 'sound_affinity', text: `you like videos with the sound "${sound}"`, params: { soundId: rec.meta.soundId } };
  }
  return null;
}
