import type { LikeResult, NewVideo, SaveResult, ShareResult, VideoCreated, VideoPatch, VideoResponse, ViewSource, WatchReport } from '@cliptide/contract';
import { get, request } from './http.ts';

export type { NewVideo };

const videoPath = (id: string) => `/videos/${encodeURIComponent(id)}`;

export const createVideo = (input: NewVideo) => request<VideoCreated>('POST', '/videos', { body: input });
export const fetchVideo = (id: string, signal?: AbortSignal) => get<VideoResponse>(videoPath(id), signal);
export const retryVideo = (id: string) => request<VideoResponse>('POST', `${videoPath(id)}/retry`);
export const deleteVideo = (id: string) => request<void>('DELETE', videoPath(id));
export const updateVideo = (id: string, patch: VideoPatch) => request<VideoResponse>('PATCH', videoPath(id), { body: patch });

export const like = (id: string) => request<LikeResult>('PUT', `${videoPath(id)}/like`);
export const unlike = (id: string) => request<LikeResult>('DELETE', `${videoPath(id)}/like`);
export const save = (id: string) => request<SaveResult>('PUT', `${videoPath(id)}/save`);
export const unsave = (id: string) => request<SaveResult>('DELETE', `${videoPath(id)}/save`);
export const share = (id: string) => request<ShareResult>('POST', `${videoPath(id)}/shares`, { body: { channel: 'link' } });

/** Sent with keepalive so a report survives the page being closed. */
export const reportView = (id: string, report: WatchReport, source: ViewSource) =>
  request<void>('POST', `${videoPath(id)}/views`, { body: { ...report, source }, keepalive: true });
