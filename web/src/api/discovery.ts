import { get, withCursor } from './http.ts';
import type { HashtagResponse, Page, SearchResults, Video } from '@cliptide/contract';

export type FeedKind = 'foryou' | 'following';

export const fetchFeed = (kind: FeedKind, cursor?: string | null, signal?: AbortSignal) =>
  get<Page<Video>>(withCursor(`/feed/${kind}`, cursor), signal);
export const fetchHashtag = (tag: string, signal?: AbortSignal) =>
  get<HashtagResponse>(`/hashtags/${encodeURIComponent(tag)}`, signal);
export const fetchHashtagVideos = (tag: string, cursor?: string | null, signal?: AbortSignal) =>
  get<Page<Video>>(withCursor(`/hashtags/${encodeURIComponent(tag)}/videos`, cursor), signal);
export const search = (q: string, signal?: AbortSignal) =>
  get<SearchResults>(`/search?q=${encodeURIComponent(q)}`, signal);
