import { get, request, withCursor } from './http.ts';
import type { Comment, CommentResponse, Page } from '@cliptide/contract';

export const fetchComments = (videoId: string, cursor?: string | null, signal?: AbortSignal) =>
  get<Page<Comment>>(withCursor(`/videos/${encodeURIComponent(videoId)}/comments`, cursor), signal);
export const fetchReplies = (commentId: string, cursor?: string | null, signal?: AbortSignal) =>
  get<Page<Comment>>(withCursor(`/comments/${encodeURIComponent(commentId)}/replies`, cursor), signal);
export const postComment = (videoId: string, body: string, parentId?: string | null) =>
  request<CommentResponse>('POST', `/videos/${encodeURIComponent(videoId)}/comments`, {
    body: parentId ? { body, parentId } : { body },
  });
export const deleteComment = (commentId: string) => request<void>('DELETE', `/comments/${encodeURIComponent(commentId)}`);
