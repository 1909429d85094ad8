// The For You controls: personalisation switch, keyword filters, "not interested", refresh.
import type { FeedPreferences, FeedPreferencesResponse, NotInterestedTarget } from '@cliptide/contract';
import { get, request } from './http.ts';

export type { FeedPreferences, NotInterestedTarget };

export const fetchFeedPreferences = (signal?: AbortSignal) =>
  get<FeedPreferencesResponse>('/me/feed-preferences', signal);
export const saveFeedPreferences = (patch: Partial<FeedPreferences>) =>
  request<FeedPreferencesResponse>('PUT', '/me/feed-preferences', { body: patch });
export const notInterested = (target: NotInterestedTarget) => request<void>('POST', '/feed/not-interested', { body: target });
export const refreshForYou = () => request<void>('POST', '/feed/foryou/refresh');
