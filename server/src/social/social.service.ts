// Follows, likes, saves, shares, views and comments: who may do what, and exact counts.
// Blocks (decision 022): the blocked party is answered as if the other account, its videos and
// comments did not exist (not_found); the one who blocked is told so (`blocked`).
// Comment filters: a comment matching the video creator's keywords, or from an account younger
// than their threshold, is held — shown only to its author (as if posted) and to the creator.
import { userSummary } from '../accounts/account.views.ts';
import type { BlockStanding } from '../blocks/block.repository.ts';
import { DomainError, forbidden, notFound } from '../shared/errors.ts';
import { decodeCursor, pageOf } from '../shared/cursor.ts';
import type { VideoRepository } from '../videos/video.repository.ts';
import type { CommentRepository, CommentRow, HeldCommentRow, HeldReason } from './comment.repository.ts';
import { matchesKeyword, normaliseKeywords } from './comment-filter.ts';
import type { SocialRepository } from './social.repository.ts';

export interface SocialDeps {
  social: SocialRepository;
  comments: CommentRepository;
  videos: VideoRepository;
  /** The account with this username and whether it is private (accounts owns the lookup). */
  findAccount: (username: string) => Promise<{ id: string; private: boolean } | null>;
  /** How the viewer and another account stand: one blocked the other, or neither (the blocks module). */
  blockStanding: (viewerId: string, otherId: string) => Promise<BlockStanding>;
  /** Tells listeners (the recommender) about a signed-in viewer's engagement as it happens. */
  onEngagement?: (signal: EngagementSignal) => Promise<unknown>;
  /** Tells listeners (notifications) what someone did to someone else's video or account. */
  onActivity?: (activity: SocialActivity) => Promise<unknown>;
  /** Refuses an account that may not post now (an e-mail address unconfirmed for too long: `email_unverified`). */
  assertMayPost?: (accountId: string) => Promise<void>;
}

/** Something one person did that another may want to hear about. */
export type SocialActivity =
  | { kind: 'like'; actorId: string; videoId: string; authorId: string }
  | { kind: 'comment'; actorId: string; videoId: string; authorId: string; commentId: string; parentAuthorId: string | null; body: string }
  | { kind: 'follow'; actorId: string; followeeId: string }
  | { kind: 'follow_request'; actorId: string; ownerId: string };

export type EngagementSignal =
  | { kind: 'view'; accountId: string; videoId: string; watchedMs: number; durationMs: number; completed: boolean; replays: number }
  | { kind: 'like' | 'unlike' | 'save' | 'unsave' | 'share' | 'comment'; accountId: string; videoId: string }
  | { kind: 'follow' | 'unfollow'; accountId: string; creatorId: string };

const COMMENT_PAGE = 20;
const HELD_PAGE = 30;
const REQUEST_PAGE = 20;

export function commentView(r: CommentRow, viewerId: string | null) {
  return {
    id: r.id,
    videoId: r.video_id,
    author: userSummary({ id: r.author_id, username: r.username, display_name: r.display_name, avatar_key: r.avatar_key }),
    body: r.body,
    parentId: r.parent_id,
    createdAt: r.created_at.toISOString(),
    replyCount: r.reply_count,
    mine: viewerId === r.author_id,
  };
}

export function createSocialService(deps: SocialDeps) {
  const { social, comments, videos } = deps;
  const signal = async (s: EngagementSignal) => {
    await deps.onEngagement?.(s);
  };

  /** The published video, if this viewer may watch it (engagement follows the visibility rule). */
  async function watchableVideo(videoId: string, viewerId: string | null) {
    const video = await videos.findWatchable(videoId, viewerId);
    if (!video) throw notFound('Video');
    return video;
  }

  /** Refuses to act towards an account a block stands between: `blocked` to the blocker, `not_found` (as if absent) to the blocked. */
  async function refuseBlocked(viewerId: string, otherId: string, absent: () => Error) {
    const standing = await deps.blockStanding(viewerId, otherId);
    if (standing === 'blocking') throw new DomainError('blocked', 'You blocked this account: unblock it to do that');
    if (standing === 'blocked_by') throw absent();
  }

  /** Why a new comment on a creator's video is held, if it is (never the creator's own). */
  async function holdReason(creatorId: string, authorId: string, body: string): Promise<HeldReason | null> {
    if (creatorId === authorId) return null;
    const f = await comments.filters(creatorId);
    if (f.keywords.length > 0 && matchesKeyword(body, f.keywords)) return 'keyword';
    if (f.hold_new_accounts_days > 0 && (await comments.isNewAccount(authorId, f.hold_new_accounts_days))) return 'new_account';
    return null;
  }

  /** Tells those a published comment concerns (at posting, or when its creator approves it). */
  async function tellComment(row: CommentRow, videoAuthorId: string) {
    const parent = row.parent_id ? await comments.find(row.parent_id) : null;
    await deps.onActivity?.({
      kind: 'comment',
      actorId: row.author_id,
      videoId: row.video_id,
      authorId: videoAuthorId,
      commentId: row.id,
      parentAuthorId: parent?.author_id ?? null,
      body: row.body,
    });
  }

  return {
    /** Follows a public account; asks to follow a private one (the owner approves); unfollows or withdraws the request. */
    async follow(viewerId: string, username: string, on: boolean) {
      const target = await deps.findAccount(username);
      if (!target) throw notFound(`User @${username}`);
      if (target.id === viewerId) throw new DomainError('validation_failed', 'You cannot follow yourself');
      if (on) await refuseBlocked(viewerId, target.id, () => notFound(`User @${username}`));
      if (on && target.private) {
        const { following, followers } = await social.requestFollow(viewerId, target.id);
        if (!following) await deps.onActivity?.({ kind: 'follow_request', actorId: viewerId, ownerId: target.id });
        return { following, requested: !following, followers };
      }
      const followers = await social.follow(viewerId, target.id, on);
      await signal({ kind: on ? 'follow' : 'unfollow', accountId: viewerId, creatorId: target.id });
      if (on) await deps.onActivity?.({ kind: 'follow', actorId: viewerId, followeeId: target.id });
      return { following: on, requested: false, followers };
    },

    async followRequests(ownerId: string, cursor?: string) {
      const rows = await social.followRequests(ownerId, decodeCursor(cursor), REQUEST_PAGE);
      return pageOf(
        rows,
        REQUEST_PAGE,
        (r) => [r.created_at.toISOString(), r.requester_id],
        (r) => ({
          user: userSummary({ id: r.requester_id, username: r.username, display_name: r.display_name, avatar_key: r.avatar_key }),
          requestedAt: r.created_at.toISOString(),
        }),
      );
    },

    /** The owner approves (a follow from now on) or declines @username's request. */
    async decideFollowRequest(ownerId: string, username: string, approve: boolean) {
      const requester = await deps.findAccount(username);
      const decided = requester ? await social.decideFollowRequest(ownerId, requester.id, approve) : null;
      if (!requester || !decided) throw notFound(`A follow request from @${username}`);
      if (approve) await signal({ kind: 'follow', accountId: requester.id, creatorId: ownerId });
      return { approved: approve, ...decided };
    },

    async like(viewerId: string, videoId: string, on: boolean) {
      const video = await watchableVideo(videoId, viewerId);
      const likes = await social.like(viewerId, videoId, video.author_id, on);
      await signal({ kind: on ? 'like' : 'unlike', accountId: viewerId, videoId });
      if (on) await deps.onActivity?.({ kind: 'like', actorId: viewerId, videoId, authorId: video.author_id });
      return { liked: on, likes };
    },

    async save(viewerId: string, videoId: string, on: boolean) {
      const video = await watchableVideo(videoId, viewerId);
      const saves = await social.save(viewerId, videoId, video.author_id, on);
      await signal({ kind: on ? 'save' : 'unsave', accountId: viewerId, videoId });
      return { saved: on, saves };
    },

    async share(viewerId: string | null, videoId: string, channel: string | null) {
      const video = await watchableVideo(videoId, viewerId);
      const shares = await social.share(viewerId, videoId, video.author_id, channel);
      if (viewerId) await signal({ kind: 'share', accountId: viewerId, videoId });
      return { shares };
    },

    async view(viewerId: string | null, videoId: string, v: { watchedMs: number; completed: boolean; replays: number; source: string | null }) {
      const video = await watchableVideo(videoId, viewerId);
      // Never more than the video could have played: (replays + 1) × its duration, plus a little slack.
      const cap = video.duration_ms ? (v.replays + 1) * video.duration_ms + 1000 : v.watchedMs;
      const watchedMs = Math.min(v.watchedMs, cap);
      await social.view({ accountId: viewerId, videoId, authorId: video.author_id, ...v, watchedMs });
      if (viewerId) {
        await signal({ kind: 'view', accountId: viewerId, videoId, watchedMs, durationMs: video.duration_ms ?? 0, completed: v.completed, replays: v.replays });
      }
    },

    async listComments(videoId: string, viewerId: string | null, cursor?: string) {
      await watchableVideo(videoId, viewerId);
      const rows = await comments.topLevel(videoId, viewerId, decodeCursor(cursor), COMMENT_PAGE);
      return pageOf(rows, COMMENT_PAGE, (r) => [r.created_at.toISOString(), r.id], (r) => commentView(r, viewerId));
    },

    async listReplies(commentId: string, viewerId: string | null, cursor?: string) {
      const parent = await comments.findReadable(commentId, viewerId);
      if (!parent) throw notFound('Comment');
      await watchableVideo(parent.video_id, viewerId);
      const rows = await comments.replies(commentId, viewerId, decodeCursor(cursor), COMMENT_PAGE);
      return pageOf(rows, COMMENT_PAGE, (r) => [r.created_at.toISOString(), r.id], (r) => commentView(r, viewerId));
    },

    async comment(viewerId: string, videoId: string, body: string, parentId: string | null) {
      await deps.assertMayPost?.(viewerId);
      const video = await videos.findWatchable(videoId, viewerId);
      if (!video) {
        // a video hidden by the viewer's own block: say so; anything else is simply not there
        const hidden = await videos.processingState(videoId);
        if (hidden) await refuseBlocked(viewerId, hidden.author_id, () => notFound('Video'));
        throw notFound('Video');
      }
      if (!video.allow_comments) throw new DomainError('comments_disabled', 'The creator turned comments off for this video');
      let threadHeld: HeldReason | null = null;
      if (parentId) {
        const parent = await comments.find(parentId);
        if (!parent || parent.video_id !== videoId || (parent.held_reason !== null && parent.author_id !== viewerId)) throw notFound('Comment');
        await refuseBlocked(viewerId, parent.author_id, () => notFound('Comment'));
        // One level of replies: a reply to a reply joins its thread.
        const root = parent.parent_id ? await comments.find(parent.parent_id) : parent;
        parentId = root?.id ?? parent.id;
        threadHeld = root?.held_reason ?? null;
      }
      // a reply in a held thread (only its author sees it) is held with it
      const heldReason = (await holdReason(video.author_id, viewerId, body)) ?? threadHeld;
      const row = await comments.insert({ videoId, authorId: viewerId, parentId, body, videoAuthorId: video.author_id, heldReason });
      await signal({ kind: 'comment', accountId: viewerId, videoId });
      if (!heldReason) await tellComment(row, video.author_id);
      return commentView(row, viewerId);
    },

    /** The creator's comment filters. */
    async commentFilters(creatorId: string) {
      const f = await comments.filters(creatorId);
      return { keywords: f.keywords, holdNewAccountsDays: f.hold_new_accounts_days };
    },

    async setCommentFilters(creatorId: string, patch: { keywords?: string[] | undefined; holdNewAccountsDays?: number | undefined }) {
      await comments.setFilters(creatorId, { keywords: patch.keywords && normaliseKeywords(patch.keywords), holdNewAccountsDays: patch.holdNewAccountsDays });
      return this.commentFilters(creatorId);
    },

    /** Comments held on the creator's videos, newest first, with why and on which video. */
    async heldComments(creatorId: string, cursor?: string) {
      const rows = await comments.held(creatorId, decodeCursor(cursor), HELD_PAGE);
      return pageOf(rows, HELD_PAGE, (r) => [r.created_at.toISOString(), r.id], (r: HeldCommentRow) => ({
        comment: commentView(r, creatorId),
        reason: r.held_reason!,
        video: { id: r.video_id, caption: r.video_caption },
      }));
    },

    /** The creator publishes a held comment: it counts and is seen from now on, and those it concerns are told. */
    async approveComment(creatorId: string, commentId: string) {
      const found = await comments.find(commentId);
      if (!found || found.video_author_id !== creatorId || found.held_reason === null) throw notFound('A held comment on your videos');
      const published = await comments.approve(commentId);
      for (const row of published) await tellComment(row, creatorId);
      const approved = await comments.find(commentId);
      if (!approved) throw notFound('Comment');
      return commentView(approved, creatorId);
    },

    async deleteComment(viewerId: string, commentId: string) {
      const found = await comments.find(commentId);
      if (!found) throw notFound('Comment');
      if (found.author_id !== viewerId && found.video_author_id !== viewerId) throw found.held_reason ? notFound('Comment') : forbidden('You can delete only your own comments');
      await comments.delete(commentId);
    },
  };
}
export type SocialService = ReturnType<typeof createSocialService>;
