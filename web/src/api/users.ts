import type { FollowRequest, FollowRequestDecision, FollowResult, Page, PublicUserResponse, Video } from '@cliptide/contract';
import { get, request, withCursor } from './http.ts';

const userPath = (username: string) => `/users/${encodeURIComponent(username)}`;

export const fetchUser = (username: string, signal?: AbortSignal) =>
  get<PublicUserResponse>(userPath(username), signal);
export const fetchUserVideos = (username: string, cursor?: string | null, signal?: AbortSignal) =>
  get<Page<Video>>(withCursor(`${userPath(username)}/videos`, cursor), signal);
export const follow = (username: string) => request<FollowResult>('PUT', `${userPath(username)}/follow`);
export const unfollow = (username: string) => request<FollowResult>('DELETE', `${userPath(username)}/follow`);

export const fetchFollowRequests = (cursor?: string | null, signal?: AbortSignal) =>
  get<Page<FollowRequest>>(withCursor('/me/follow-requests', cursor), signal);
export const decideFollowRequest = (username: string, approve: boolean) =>
  request<FollowRequestDecision>('POST', `/me/follow-requests/${encodeURIComponent(username)}/${approve ? 'approve' : 'decline'}`);
