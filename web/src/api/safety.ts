// Blocks and mutes, and a creator's comment filters with the comments they hold (decision 022).
import type { BlockResult, CommentFilters, CommentFiltersInput, Comment, HeldComment, MuteResult, Page, RelatedUser } from '@cliptide/contract';
import { get, request, withCursor } from './http.ts';

const userPath = (username: string) => `/users/${encodeURIComponent(username)}`;

export const setBlocked = (username: string, on: boolean) => request<BlockResult>(on ? 'PUT' : 'DELETE', `${userPath(username)}/block`);
export const setMuted = (username: string, on: boolean) => request<MuteResult>(on ? 'PUT' : 'DELETE', `${userPath(username)}/mute`);
export const fetchBlocks = (cursor?: string | null, signal?: AbortSignal) => get<Page<RelatedUser>>(withCursor('/me/blocks', cursor), signal);
export const fetchMutes = (cursor?: string | null, signal?: AbortSignal) => get<Page<RelatedUser>>(withCursor('/me/mutes', cursor), signal);

export const fetchCommentFilters = (signal?: AbortSignal) => get<CommentFilters>('/me/comment-filters', signal);
export const saveCommentFilters = (patch: CommentFiltersInput) => request<CommentFilters>('PUT', '/me/comment-filters', { body: patch });
export const fetchHeldComments = (cursor?: string | null, signal?: AbortSignal) => get<Page<HeldComment>>(withCursor('/me/held-comments', cursor), signal);
export const approveComment = (id: string) => request<{ comment: Comment }>('POST', `/comments/${encodeURIComponent(id)}/approve`);
