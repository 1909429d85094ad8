// Who may see a video: the one rule, written once as a JavaScript predicate and once as the SQL
// fragment that filters rows the same way (visibility.int.test.ts checks that they agree).
// Lists, feeds, engagement, media serving and the For You engine's `canSee` all ask it; a new
// condition (blocks, age bands, moderation state) is added here, to both halves, and nowhere else.
//
// Two questions, one rule:
// - canSeeVideo: may the viewer open the video itself (GET /videos/:id, a profile's grid)? The author
//   always may, drafts and failed uploads included.
// - canWatchVideo: may it be shown to and played by the viewer (lists, feeds, For You, likes and
//   comments, media)? Only once it is published, the author included.
// - canRecommendVideo: may For You offer it to the viewer? What they may watch, not their own, and
//   not, to anyone but an approved follower, the video of an author whose age band keeps them out of
//   strangers' For You (accounts/age-policy.ts).
//
// A private account's videos, whatever each one's visibility, are seen only by the author and the
// approved followers (`follows`; a pending follow request admits nobody).
//
// A block between the viewer and the author, made by either of them, shuts the viewer out of
// every video of the author (decision 022; the author cannot block themselves).
import { forYouReachesStrangers, type AgeBand } from '../accounts/age-policy.ts';
import { blockBetweenSql } from '../blocks/block.sql.ts';

export type Visibility = 'public' | 'followers' | 'private';
export type VideoStatus = 'uploading' | 'processing' | 'ready' | 'failed';

/** What the rule needs to know of a video. */
export interface VideoAudience {
  authorId: string;
  /** The author's account is private. */
  authorPrivate: boolean;
  visibility: Visibility;
  status: VideoStatus;
  /** Moderation (decision 023): see the section at the end. */
  removed?: boolean;
  held?: boolean;
}

/** What the rule needs to know of the viewer: who they are (null: anonymous) and whether they are an approved follower of the author. */
export interface ViewerStanding {
  viewerId: string | null;
  followsAuthor: boolean;
  /** A block stands between the viewer and the author, whichever made it (decision 022). */
  blocked?: boolean;
}

/** The viewer nobody knows: what a shared cache may store is what they may see. */
export const ANONYMOUS: ViewerStanding = { viewerId: null, followsAuthor: false };

/** Processing finished: the video has media to play. */
export const isPublished = (video: { status: VideoStatus }): boolean => video.status === 'ready';

const isAuthor = (video: VideoAudience, viewer: ViewerStanding) => viewer.viewerId !== null && viewer.viewerId === video.authorId;

/** The audience the author chose, for the account and for the video, lets this viewer in (authorship aside). */
function audienceAdmits(video: VideoAudience, viewer: ViewerStanding): boolean {
  if (viewer.blocked === true) return false; // blocks (decision 022)
  if (video.authorPrivate && !viewer.followsAuthor) return false;
  switch (video.visibility) {
    case 'public':
      return true;
    case 'followers':
      return viewer.followsAuthor;
    case 'private':
      return false;
  }
}

export function canSeeVideo(video: VideoAudience, viewer: ViewerStanding): boolean {
  return notRemoved(video) && (isAuthor(video, viewer) || (isPublished(video) && audienceAdmits(video, viewer)));
}

export function canWatchVideo(video: VideoAudience, viewer: ViewerStanding): boolean {
  return notRemoved(video) && isPublished(video) && (isAuthor(video, viewer) || audienceAdmits(video, viewer));
}

/** What For You asks: the video and the author's age band (on the day asked). */
export interface RecommendableVideo extends VideoAudience {
  authorBand: AgeBand;
}

export function canRecommendVideo(video: RecommendableVideo, viewer: ViewerStanding): boolean {
  return !isAuthor(video, viewer) && notHeld(video) && canWatchVideo(video, viewer) && (viewer.followsAuthor || forYouReachesStrangers(video.authorBand));
}

// The same rule in SQL, over a `videos` row aliased `v` (or `alias`). `viewer` is the SQL expression
// of the viewer's id, usually a parameter such as '$2' bound to null for anonymous viewers.

/** SQL: the video is published. */
export const publishedSql = (alias = 'v'): string => `${alias}.status = 'ready'`;

const isAuthorSql = (viewer: string, v: string) => `${v}.author_id = ${viewer}`;
const followsSql = (viewer: string, v: string) => `exists(select 1 from follows fv where fv.follower_id = ${viewer} and fv.followee_id = ${v}.author_id)`;
const audienceAdmitsSql = (viewer: string, v: string) =>
  `((${v}.visibility = 'public' or (${v}.visibility = 'followers' and ${followsSql(viewer, v)}))
    and (not exists(select 1 from accounts va where va.id = ${v}.author_id and va.private) or ${followsSql(viewer, v)})
    and not ${blockBetweenSql(viewer, `${v}.author_id`)})`;

/** SQL for canSeeVideo. */
export const canSeeVideoSql = (viewer: string, alias = 'v'): string =>
  `(${notRemovedSql(alias)} and (${isAuthorSql(viewer, alias)} or (${publishedSql(alias)} and ${audienceAdmitsSql(viewer, alias)})))`;

/** SQL for canWatchVideo. */
export const canWatchVideoSql = (viewer: string, alias = 'v'): string =>
  `(${notRemovedSql(alias)} and ${publishedSql(alias)} and (${isAuthorSql(viewer, alias)} or ${audienceAdmitsSql(viewer, alias)}))`;

// ---- Moderation (decision 023, server/src/moderation/) -----------------------------------------
// A video a moderator removed is seen by nobody, its author included, on every endpoint, until an
// appeal reverses the decision (`videos.removed_at`). A video on hold (reported by many, or by a
// trusted flagger: `videos.held_at`) is only kept out of For You; the profile and its link still show it.

const notRemoved = (video: { removed?: boolean }): boolean => !video.removed;
const notHeld = (video: { held?: boolean }): boolean => !video.held;

/** SQL: no moderator removed the video. */
export const notRemovedSql = (alias = 'v'): string => `${alias}.removed_at is null`;
/** SQL: the video is not held from For You. */
export const notHeldSql = (alias = 'v'): string => `${alias}.held_at is null`;
