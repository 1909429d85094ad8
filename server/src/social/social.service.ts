// Follows, likes, saves, shares, views and comments: who may do what, and exact counts.
import { userSummary } from '../accounts/account.views.ts';
import { DomainError, forbidden, notFound } from '../shared/errors.ts';
import { decodeCursor, pageOf } from '../shared/cursor.ts';
import type { VideoRepository } from '../videos/video.repository.ts';
import type { CommentRepository, CommentRow } from './comment.repository.ts';
import type { SocialRepository } from './social.repository.ts';

export interface SocialDeps {
  social: SocialRepository;
  comments: CommentRepository;
  videos: VideoRepository;
  /** The account with this username and whether it is private (accounts owns the lookup). */
  findAccount: (username: string) => Promise<{ id: string; private: boolean } | null>;
  /** Tells listeners (the recommender) about a signed-in viewer's engagement as it happens. */
  onEngagement?: (signal: EngagementSignal) => Promise<unknown>;
  /** Tells listeners (notifications) what someone did to someone else's video or account. */
  onActivity?: (activity: SocialActivity) => Promise<unknown>;
  /** Refuses an account a moderation decision keeps from posting (decision 023). */
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

  return {
    /** Follows a public account; asks to follow a private one (the owner approves); unfollows or withdraws the request. */
    async follow(viewerId: string, username: string, on: boolean) {
      const target = await deps.findAccount(username);
      if (!target) throw notFound(`User @${username}`);
      if (target.id === viewerId) throw new DomainError('validation_failed', 'You cannot follow yourself');
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
      const rows = await comments.topLevel(videoId, decodeCursor(cursor), COMMENT_PAGE);
      return pageOf(rows, COMMENT_PAGE, (r) => [r.created_at.toISOString(), r.id], (r) => commentView(r, viewerId));
    },

    async listReplies(commentId: string, viewerId: string | null, cursor?: string) {
      const parent = await comments.find(commentId);
      if (!parent) throw notFound('Comment');
      await watchableVideo(parent.video_id, viewerId);
      const rows = await comments.replies(commentId, decodeCursor(cursor), COMMENT_PAGE);
      return pageOf(rows, COMMENT_PAGE, (r) => [r.created_at.toISOString(), r.id], (r) => commentView(r, viewerId));
    },

    async comment(viewerId: string, videoId: string, body: string, parentId: string | null) {
      const video = await watchableVideo(videoId, viewerId);
      if (!video.allow_comments) throw new DomainError('comments_disabled', 'The creator turned comments off for this video');
      await deps.assertMayPost?.(viewerId);
      let parentAuthorId: string | null = null;
      if (parentId) {
        const parent = await comments.find(parentId);
        if (!parent || parent.video_id !== videoId) throw notFound('Comment');
        // One level of replies: a reply to a reply joins its thread.
        parentId = parent.parent_id ?? parent.id;
        parentAuthorId = parent.author_id;
      }
      const row = await comments.insert({ videoId, authorId: viewerId, parentId, body, videoAuthorId: video.author_id });
      await signal({ kind: 'comment', accountId: viewerId, videoId });
      await deps.onActivity?.({ kind: 'comment', actorId: viewerId, videoId, authorId: video.author_id, commentId: row.id, parentAuthorId, body });
      return commentView(row, viewerId);
    },

    async deleteComment(viewerId: string, commentId: string) {
      const found = await comments.find(commentId);
      if (!found) throw notFound('Comment');
      if (found.author_id !== viewerId && found.video_author_id !== viewerId) throw forbidden('You can delete only your own comments');
      await comments.delete(commentId);
    },
  };
}
export type SocialService = ReturnType<typeof createSocialService>;
