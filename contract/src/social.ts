// Follows, likes, saves, shares, views and comments.
import { z } from 'zod';
import { userSummary } from './accounts.ts';
import { page, timestamp } from './common.ts';
import { MAX_COMMENT_LENGTH } from './limits.ts';

export const commentParams = z.object({ id: z.uuid('a comment id') });
export const viewSource = z.enum(['foryou', 'following', 'profile', 'hashtag', 'search', 'link', 'sound']).meta({ id: 'ViewSource' });
export const viewBody = z.object({
  watchedMs: z.number().int().min(0).max(24 * 3600 * 1000),
  completed: z.boolean(),
  replays: z.number().int().min(0).max(1000).default(0),
  source: viewSource.optional(),
});
export const commentBody = z.object({ body: z.string().trim().min(1, 'write something').max(MAX_COMMENT_LENGTH), parentId: z.uuid().nullish() });
export const shareBody = z.object({ channel: z.enum(['link', 'native', 'embed']).optional() }).optional();

export const comment = z
  .object({
    id: z.uuid(),
    videoId: z.uuid(),
    author: userSummary,
    body: z.string(),
    parentId: z.uuid().nullable(),
    createdAt: timestamp,
    replyCount: z.number().int(),
    mine: z.boolean(),
  })
  .meta({ id: 'Comment' });

export const followResult = z.object({
  following: z.boolean(),
  requested: z.boolean().meta({ description: 'a private account: the follow waits for the owner to approve it' }),
  followers: z.number().int(),
});
export const followRequest = z.object({ user: userSummary, requestedAt: timestamp }).meta({ id: 'FollowRequest' });
export const followRequestPage = page(followRequest).meta({ id: 'FollowRequestPage' });
export const followRequestDecision = z.object({
  approved: z.boolean(),
  followers: z.number().int(),
  pending: z.number().int().meta({ description: 'follow requests still waiting' }),
});
export const likeResult = z.object({ liked: z.boolean(), likes: z.number().int() });
export const saveResult = z.object({ saved: z.boolean(), saves: z.number().int() });
export const shareResult = z.object({ shares: z.number().int() });
export const commentPage = page(comment).meta({ id: 'CommentPage' });
export const commentResponse = z.object({ comment });

export type Comment = z.output<typeof comment>;
export type ViewSource = z.output<typeof viewSource>;
export type WatchReport = Omit<z.input<typeof viewBody>, 'source'>;
export type FollowResult = z.output<typeof followResult>;
export type FollowRequest = z.output<typeof followRequest>;
export type FollowRequestDecision = z.output<typeof followRequestDecision>;
export type LikeResult = z.output<typeof likeResult>;
export type SaveResult = z.output<typeof saveResult>;
export type ShareResult = z.output<typeof shareResult>;
export type CommentResponse = z.output<typeof commentResponse>;
