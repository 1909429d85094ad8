// Blocks and mutes (decision 022), and a creator's comment filters with the comments they hold.
import { z } from 'zod';
import { userSummary } from './accounts.ts';
import { page, timestamp } from './common.ts';
import { comment } from './social.ts';
import { MAX_COMMENT_FILTER_KEYWORDS, MAX_KEYWORD_LENGTH } from './limits.ts';

export const blockResult = z.object({ blocking: z.boolean() });
export const muteResult = z.object({ muting: z.boolean() });
export const relatedUser = z.object({ user: userSummary, since: timestamp }).meta({ id: 'BlockedOrMutedUser' });
export const relatedUserPage = page(relatedUser).meta({ id: 'BlockedOrMutedUserPage' });

export const commentFilters = z
  .object({
    keywords: z.array(z.string()).meta({ description: 'a comment containing one of these words or phrases (any case) is held' }),
    holdNewAccountsDays: z.number().int().meta({ description: 'a comment from an account younger than this many days is held; 0: off' }),
  })
  .meta({ id: 'CommentFilters' });
export const commentFiltersBody = z.object({
  keywords: z.array(z.string().trim().max(MAX_KEYWORD_LENGTH)).max(MAX_COMMENT_FILTER_KEYWORDS).optional(),
  holdNewAccountsDays: z.number().int().min(0).max(365).optional(),
});
export const heldReason = z.enum(['keyword', 'new_account']).meta({ id: 'HeldReason' });
export const heldComment = z
  .object({ comment, reason: heldReason, video: z.object({ id: z.uuid(), caption: z.string() }) })
  .meta({ id: 'HeldComment' });
export const heldCommentPage = page(heldComment).meta({ id: 'HeldCommentPage' });
export const approveCommentResult = z.object({ comment });

export type BlockResult = z.output<typeof blockResult>;
export type MuteResult = z.output<typeof muteResult>;
export type RelatedUser = z.output<typeof relatedUser>;
export type CommentFilters = z.output<typeof commentFilters>;
export type CommentFiltersInput = z.input<typeof commentFiltersBody>;
export type HeldReason = z.output<typeof heldReason>;
export type HeldComment = z.output<typeof heldComment>;
