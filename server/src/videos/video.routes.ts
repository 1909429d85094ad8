// HTTP for videos: drafts, reads, edits, profile grids, hashtag pages.
import {
  cursorQuery,
  hashtagParams,
  hashtagResponse,
  newVideoBody,
  usernameParams,
  videoCreated,
  videoPage,
  videoParams,
  videoPatchBody,
  videoResponse,
} from '@cliptide/contract';
import type { Router } from '../http/route.ts';
import { uploadOffer } from '../uploads/tus.ts';
import type { VideoService } from './video.service.ts';

export function videoRoutes(route: Router, videos: VideoService, limits: { uploadPerMinute: number }) {
  route({
    method: 'POST',
    url: '/api/v1/videos',
    summary: 'Create a draft video; upload its file with tus to upload.url',
    tag: 'videos',
    auth: 'required',
    body: newVideoBody,
    status: 201,
    response: videoCreated,
    errors: ['email_unverified', 'account_restricted'],
    rateLimit: { perAddress: limits.uploadPerMinute * 4, perAccount: limits.uploadPerMinute },
    handler: async ({ viewer, body }) => {
      const { video, maxUploadBytes } = await videos.create(viewer.id, body);
      return { video, upload: uploadOffer(video.id, maxUploadBytes) };
    },
  });

  route({
    method: 'GET',
    url: '/api/v1/videos/:id',
    summary: 'A video, with its processing status and progress',
    tag: 'videos',
    auth: 'optional',
    params: videoParams,
    response: videoResponse,
    errors: ['not_found'],
    handler: async ({ params, viewer }) => ({ video: await videos.get(params.id, viewer?.id ?? null) }),
  });

  route({
    method: 'PATCH',
    url: '/api/v1/videos/:id',
    summary: 'Edit caption, visibility or comments (author)',
    tag: 'videos',
    auth: 'required',
    params: videoParams,
    body: videoPatchBody,
    response: videoResponse,
    errors: ['not_found'],
    handler: async ({ params, viewer, body }) => ({ video: await videos.update(params.id, viewer.id, body) }),
  });

  route({
    method: 'POST',
    url: '/api/v1/videos/:id/retry',
    summary: 'Process a failed upload again (author; while the uploaded file is kept)',
    tag: 'videos',
    auth: 'required',
    params: videoParams,
    response: videoResponse,
    errors: ['not_found', 'forbidden', 'conflict', 'email_unverified', 'account_restricted'],
    rateLimit: { perAddress: limits.uploadPerMinute * 4, perAccount: limits.uploadPerMinute },
    handler: async ({ params, viewer }) => ({ video: await videos.retry(params.id, viewer.id) }),
  });

  route({
    method: 'DELETE',
    url: '/api/v1/videos/:id',
    summary: 'Delete a video and its media (author)',
    tag: 'videos',
    auth: 'required',
    params: videoParams,
    status: 204,
    response: null,
    errors: ['not_found'],
    handler: ({ params, viewer }) => videos.remove(params.id, viewer.id),
  });

  route({
    method: 'GET',
    url: '/api/v1/users/:username/videos',
    summary: "A creator's videos, newest first (drafts and failed uploads only for their author)",
    tag: 'videos',
    auth: 'optional',
    params: usernameParams,
    query: cursorQuery,
    response: videoPage,
    errors: ['not_found'],
    watching: true,
    handler: ({ params, viewer, query }) => videos.byAuthor(params.username, viewer?.id ?? null, query.cursor),
  });

  route({
    method: 'GET',
    url: '/api/v1/hashtags/:tag',
    summary: 'A hashtag and how many public videos carry it',
    tag: 'discovery',
    auth: 'optional',
    params: hashtagParams,
    response: hashtagResponse,
    handler: async ({ params }) => ({ hashtag: await videos.hashtag(params.tag) }),
  });

  route({
    method: 'GET',
    url: '/api/v1/hashtags/:tag/videos',
    summary: 'Videos with a hashtag, newest first',
    tag: 'discovery',
    auth: 'optional',
    params: hashtagParams,
    query: cursorQuery,
    response: videoPage,
    watching: true,
    handler: ({ params, viewer, query }) => videos.byHashtag(params.tag, viewer?.id ?? null, query.cursor),
  });
}
