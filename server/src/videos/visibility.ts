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
// What the video is, to whom (decision 021): a video its creator (or a moderator) labelled for adults
// (`adult_only`) is shown only to a signed-in viewer aged 18+ whose restricted mode is off — never to
// a minor or an anonymous visitor (age-policy.ts: `matureContent`); and a viewer in restricted mode
// sees no video whose caption or hashtags hold a word of the restricted keyword list
// (safety/restricted-keywords.json). The author always sees their own.
//
// A block between the viewer and the author, made by either of them, shuts the viewer out of
// every video of the author (decision 022; the author cannot block themselves).
import { ageBandOn, mayShowMatureContent, forYouReachesStrangers, type AgeBand } from '../accounts/age-policy.ts';
import { blockBetweenSql } from '../blocks/block.sql.ts';
import { hasRestrictedKeyword, RESTRICTED_PATTERN } from '../safety/restricted-keywords.ts';

export type Visibility = 'public' | 'followers' | 'private';
export type VideoStatus = 'uploading' | 'processing' | 'ready' | 'failed';

/** What the rule needs to know of a video. */
export interface VideoAudience {
  authorId: string;
  /** The author's account is private. */
  authorPrivate: boolean;
  visibility: Visibility;
  status: VideoStatus;
  /** Labelled for adults (18+). */
  adultOnly: boolean;
  /** The caption, hashtags included (restricted mode reads it). */
  caption: string;
}

/** What the rule needs to know of the viewer: who they are (null: anonymous), whether they are an approved follower of the author, and what content they may be shown. */
export interface ViewerStanding extends ViewerContent {
  viewerId: string | null;
  followsAuthor: boolean;
  /** A block stands between the viewer and the author, whichever made it (decision 022). */
  blocked?: boolean;
}

/** What content a viewer may be shown, from their age band and restricted mode. */
export interface ViewerContent {
  /** Adult-only (18+) videos: an adult with restricted mode off. */
  maySeeAdultOnly: boolean;
  /** Restricted mode: captions with a restricted keyword are hidden. */
  restrictedMode: boolean;
}

/** Anonymous visitors (age unknown) and anyone whose age is not known to be 18+. */
export const NO_ADULT_CONTENT: ViewerContent = { maySeeAdultOnly: false, restrictedMode: false };

/** A signed-in viewer's content standing, on `today`: their birthdate and restricted-mode setting. */
export const viewerContent = (birthdate: string, restrictedMode: boolean, today: Date): ViewerContent => ({
  maySeeAdultOnly: mayShowMatureContent(ageBandOn(birthdate, today), restrictedMode),
  restrictedMode,
});

/** The viewer nobody knows: what a shared cache may store is what they may see. */
export const ANONYMOUS: ViewerStanding = { viewerId: null, followsAuthor: false, ...NO_ADULT_CONTENT };

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

/** The video's content suits the viewer: its 18+ label, and restricted mode's keywords. */
function contentAdmits(video: VideoAudience, viewer: ViewerStanding): boolean {
  if (video.adultOnly && !viewer.maySeeAdultOnly) return false;
  return !(viewer.restrictedMode && hasRestrictedKeyword(video.caption));
}

export function canSeeVideo(video: VideoAudience, viewer: ViewerStanding): boolean {
  return isAuthor(video, viewer) || (isPublished(video) && audienceAdmits(video, viewer) && contentAdmits(video, viewer));
}

export function canWatchVideo(video: VideoAudience, viewer: ViewerStanding): boolean {
  return isPublished(video) && (isAuthor(video, viewer) || (audienceAdmits(video, viewer) && contentAdmits(video, viewer)));
}

/** What For You asks: the video and the author's age band (on the day asked). */
export interface RecommendableVideo extends VideoAudience {
  authorBand: AgeBand;
}

export function canRecommendVideo(video: RecommendableVideo, viewer: ViewerStanding): boolean {
  return !isAuthor(video, viewer) && canWatchVideo(video, viewer) && (viewer.followsAuthor || forYouReachesStrangers(video.authorBand));
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

// The viewer's restricted mode and whether they are 18+ today (UTC, as ageBandOn counts). Only the
// 18+ band may be shown mature content (age-policy.ts; visibility.test.ts checks the table says so).
const restrictedSql = (viewer: string) => `exists(select 1 from wellbeing_settings rw where rw.account_id = ${viewer} and rw.restricted_mode)`;
const maySeeAdultOnlySql = (viewer: string) =>
  `exists(select 1 from accounts aa where aa.id = ${viewer} and aa.birthdate <= (now() at time zone 'UTC')::date - interval '18 years' and not ${restrictedSql('aa.id')})`;
const contentAdmitsSql = (viewer: string, v: string) =>
  `((not ${v}.adult_only or ${maySeeAdultOnlySql(viewer)}) and not (${restrictedSql(viewer)} and ${v}.caption ~* '${RESTRICTED_PATTERN}'))`;

/** SQL for canSeeVideo. */
export const canSeeVideoSql = (viewer: string, alias = 'v'): string =>
  `(${isAuthorSql(viewer, alias)} or (${publishedSql(alias)} and ${audienceAdmitsSql(viewer, alias)} and ${contentAdmitsSql(viewer, alias)}))`;

/** SQL for canWatchVideo. */
export const canWatchVideoSql = (viewer: string, alias = 'v'): string =>
  `(${publishedSql(alias)} and (${isAuthorSql(viewer, alias)} or (${audienceAdmitsSql(viewer, alias)} and ${contentAdmitsSql(viewer, alias)})))`;
