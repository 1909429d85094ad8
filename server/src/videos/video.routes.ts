// HTTP for videos: drafts, reads, edits, profile grids, hashtag pages.
import { z } from 'zod';
import type { Router } from '../http/route.ts';
import { uploadOffer } from '../uploads/tus.ts';
import { MAX_CAPTION_LENGTH } from './caption.ts';
import type { VideoService } from './video.service.ts';

const visibility = z.enum(['public', 'followers', 'private']);
const idParams = z.object({ id: z.uuid('a video id') });
const pageQuery = z.object({ cursor: z.string().max(500).optional() });
const createBody = z.object({
  caption: z.string().max(MAX_CAPTION_LENGTH).default(''),
  visibility: visibility.default('public'),
  allowComments: z.boolean().default(true),
});
const patchBody = z.object({
  caption: z.string().max(MAX_CAPTION_LENGTH).optional(),
  visibility: visibility.optional(),
  allowComments: z.boolean().optional(),
});

export function videoRoutes(route: Router, videos: VideoService, limits: { uploadPerMinute: number }) {
  route({
    method: 'POST',
    url: '/api/v1/videos',
    summary: 'Create a draft video; upload its file with tus to upload.url',
    tag: 'videos',
    auth: 'required',
    body: createBody,
    status: 201,
    rateLimitPerMinute: limits.uploadPerMinute,
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
    params: idParams,
    handler: async ({ params, viewer }) => ({ video: await videos.get(params.id, viewer?.id ?? null) }),
  });

  route({
    method: 'PATCH',
    url: '/api/v1/videos/:id',
    summary: 'Edit caption, visibility or comments (author)',
    tag: 'videos',
    auth: 'required',
    params: idParams,
    body: patchBody,
    handler: async ({ params, viewer, body }) => ({ video: await videos.update(params.id, viewer.id, body) }),
  });

  route({
    method: 'DELETE',
    url: '/api/v1/videos/:id',
    summary: 'Delete a video and its media (author)',
    tag: 'videos',
    auth: 'required',
    params: idParams,
    status: 204,
    handler: ({ params, viewer }) => videos.remove(params.id, viewer.id),
  });

  route({
    method: 'GET',
    url: '/api/v1/users/:username/videos',
    summary: "A creator's videos, newest first",
    tag: 'videos',
    auth: 'optional',
    params: z.object({ username: z.string().min(1).max(64) }),
    query: pageQuery,
    handler: ({ params, viewer, query }) => videos.byAuthor(params.username, viewer?.id ?? null, query.cursor),
  });

  const tagParams = z.object({ tag: z.string().min(1).max(50) });
  route({
    method: 'GET',
    url: '/api/v1/hashtags/:tag',
    summary: 'A hashtag and how many public videos carry it',
    tag: 'discovery',
    auth: 'optional',
    params: tagParams,
    handler: async ({ params }) => ({ hashtag: await videos.hashtag(params.tag) }),
  });

  route({
    method: 'GET',
    url: '/api/v1/hashtags/:tag/videos',
    summary: 'Videos with a hashtag, newest first',
    tag: 'discovery',
    auth: 'optional',
    params: tagParams,
    query: pageQuery,
    handler: ({ params, viewer, query }) => videos.byHashtag(params.tag, viewer?.id ?? null, query.cursor),
  });
}
