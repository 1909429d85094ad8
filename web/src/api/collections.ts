import type { LikesVisibility, Page, UserSummary, Video } from '@cliptide/contract';
import { get, request, withCursor } from './http.ts';

const userPath = (username: string) => `/users/${encodeURIComponent(username)}`;

export const fetchSaved = (cursor?: string | null, signal?: AbortSignal) => get<Page<Video>>(withCursor('/me/saved', cursor), signal);
export const fetchLiked = (username: string, cursor?: string | null, signal?: AbortSignal) =>
  get<Page<Video>>(withCursor(`${userPath(username)}/liked`, cursor), signal);
export const fetchPeople = (username: string, direction: 'followers' | 'following', cursor?: string | null, signal?: AbortSignal) =>
  get<Page<UserSummary>>(withCursor(`${userPath(username)}/${direction}`, cursor), signal);
export const setLikesPublic = (likesPublic: boolean) => request<LikesVisibility>('PUT', '/me/likes-visibility', { body: { likesPublic } });
