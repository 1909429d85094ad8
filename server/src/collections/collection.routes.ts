// Collections: saved and liked videos, followers and following.
import { collectionQuery, likesVisibility, likesVisibilityBody, userPage, usernameParams, videoPage } from '@cliptide/contract';
import type { Router } from '../http/route.ts';
import type { CollectionService } from './collection.service.ts';

export function collectionRoutes(route: Router, collections: CollectionService, limits: { writePerMinute: number }) {
  route({
    method: 'GET',
    url: '/api/v1/me/saved',
    summary: 'Videos you saved, newest first (only you see them)',
    tag: 'collections',
    auth: 'required',
    query: collectionQuery,
    response: videoPage,
    watching: true,
    handler: ({ viewer, query }) => collections.saved(viewer.id, query.cursor),
  });

  route({
    method: 'GET',
    url: '/api/v1/users/:username/liked',
    summary: 'Videos the person liked, when they show them (always to themselves)',
    tag: 'collections',
    auth: 'optional',
    params: usernameParams,
    query: collectionQuery,
    response: videoPage,
    errors: ['not_found', 'forbidden'],
    watching: true,
    handler: ({ viewer, params, query }) => collections.liked(params.username, viewer?.id ?? null, query.cursor),
  });

  for (const direction of ['followers', 'following'] as const) {
    route({
      method: 'GET',
      url: `/api/v1/users/:username/${direction}`,
      summary: direction === 'followers' ? 'Who follows the person (a private account: its approved followers only see this)' : 'Whom the person follows',
      tag: 'collections',
      auth: 'optional',
      params: usernameParams,
      query: collectionQuery,
      response: userPage,
      errors: ['not_found', 'forbidden'],
      handler: ({ viewer, params, query }) => collections[direction](params.username, viewer?.id ?? null, query.cursor),
    });
  }

  route({
    method: 'PUT',
    url: '/api/v1/me/likes-visibility',
    summary: 'Show or hide your liked videos on your profile',
    tag: 'collections',
    auth: 'required',
    body: likesVisibilityBody,
    response: likesVisibility,
    rateLimit: { perAccount: limits.writePerMinute, perAddress: limits.writePerMinute },
    handler: ({ viewer, body }) => collections.setLikesPublic(viewer.id, body.likesPublic),
  });
}
