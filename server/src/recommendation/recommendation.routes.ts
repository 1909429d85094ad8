// HTTP for For You and its controls.
import { feedPreferencesResponse, forYouQuery, notInterestedBody, preferencesBody, videoPage } from '@cliptide/contract';
import type { Router } from '../http/route.ts';
import type { ForYouService } from './foryou.service.ts';

export function recommendationRoutes(route: Router, forYou: ForYouService) {
  route({
    method: 'GET',
    url: '/api/v1/feed/foryou',
    summary: 'The For You feed, ranked by the open recommender; each item says why it is shown',
    tag: 'feed',
    auth: 'optional',
    query: forYouQuery,
    response: videoPage,
    errors: ['screen_time_limit'],
    handler: ({ viewer }) => forYou.page(viewer?.id ?? null),
  });

  route({
    method: 'POST',
    url: '/api/v1/feed/not-interested',
    summary: 'Show less of a video, a creator or a hashtag',
    tag: 'feed',
    auth: 'required',
    body: notInterestedBody,
    status: 204,
    response: null,
    errors: ['not_found'],
    handler: ({ viewer, body }) => forYou.notInterested(viewer.id, body),
  });

  route({
    method: 'POST',
    url: '/api/v1/feed/foryou/refresh',
    summary: 'Forget what For You learned about you (follows stay)',
    tag: 'feed',
    auth: 'required',
    status: 204,
    response: null,
    handler: ({ viewer }) => forYou.refresh(viewer.id),
  });

  route({
    method: 'GET',
    url: '/api/v1/me/feed-preferences',
    summary: 'Personalisation switch and keyword filters',
    tag: 'feed',
    auth: 'required',
    response: feedPreferencesResponse,
    handler: async ({ viewer }) => ({ preferences: await forYou.preferences(viewer.id) }),
  });

  route({
    method: 'PUT',
    url: '/api/v1/me/feed-preferences',
    summary: 'Switch personalisation off or on (non-personalised: popular in your region and recent), set keyword filters',
    tag: 'feed',
    auth: 'required',
    body: preferencesBody,
    response: feedPreferencesResponse,
    handler: async ({ viewer, body }) => ({ preferences: await forYou.setPreferences(viewer.id, body) }),
  });
}
