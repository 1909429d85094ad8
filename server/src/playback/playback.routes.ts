// Serving media: HLS playlists, fMP4 segments, posters and avatars, with Range, ETags and long
// cache lifetimes (every published path is immutable: a re-encode gets a new prefix).
// Video media is served only to viewers who may see the video; sources are never served.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { cacheHeaders, isNotModified, parseRange } from '../storage/http-range.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import type { VideoRepository } from '../videos/video.repository.ts';
import { problem, sendProblem } from '../http/problem.ts';

const VIDEO_KEY = /^videos\/([0-9a-f-]{36})\/([0-9a-f]+)\/[A-Za-z0-9_.\-/]+$/;
const AVATAR_KEY = /^avatars\/[0-9a-f-]{36}\/[0-9a-f]{16}\.(jpg|png|webp)$/;

export interface PlaybackDeps {
  storage: BlobStore;
  videos: VideoRepository;
}

type Audience = 'public' | 'private';

export function playbackRoutes(app: FastifyInstance, deps: PlaybackDeps) {
  const notFound = (reply: FastifyReply) => sendProblem(reply, problem(404, 'not_found', 'No such media'));

  async function audienceFor(key: string, viewerId: string | null): Promise<Audience | null> {
    if (AVATAR_KEY.test(key)) return 'public';
    const m = VIDEO_KEY.exec(key);
    if (!m || key.includes('..')) return null;
    const video = await deps.videos.findVisible(m[1]!, viewerId);
    if (!video || video.status !== 'ready' || !video.media_prefix || !key.startsWith(video.media_prefix)) return null;
    return video.visibility === 'public' ? 'public' : 'private';
  }

  app.get('/media/*', async (request, reply) => {
    const key = (request.params as { '*': string })['*'];
    const audience = await audienceFor(key, request.viewer?.id ?? null);
    if (!audience) return notFound(reply);
    const info = await deps.storage.head(key);
    if (!info) return notFound(reply);
    const headers = cacheHeaders(key, info.etag, true, audience);
    reply.headers(headers);
    reply.header('content-type', info.contentType);
    if (isNotModified(request.headers['if-none-match'], info.etag)) return reply.code(304).send();
    const range = parseRange(request.headers.range, info.size);
    if (range.kind === 'unsatisfiable') {
      return reply.code(416).header('content-range', `bytes */${info.size}`).send();
    }
    const blob = await deps.storage.get(key, range.kind === 'partial' ? range.range : undefined);
    if (!blob) return notFound(reply);
    if (range.kind === 'partial') {
      const { start, end } = range.range;
      reply.code(206).header('content-range', `bytes ${start}-${end}/${info.size}`).header('content-length', end - start + 1);
    } else {
      reply.header('content-length', info.size);
    }
    return reply.send(blob.body);
  });
}
