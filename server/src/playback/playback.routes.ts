// Serving media: HLS playlists, fMP4 segments, posters and avatars, with Range, ETags and long
// cache lifetimes (every published path is immutable: a re-encode gets a new prefix).
// Video media is served only to viewers who may see the video; sources are never served.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { cacheHeaders, isNotModified, parseRange, rangeApplies, rangeResponseHeaders } from '../storage/http-range.ts';
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

  // Segment requests are many and uninteresting: log them only when something goes wrong.
  app.get('/media/*', { logLevel: 'warn' }, async (request, reply) => {
    const key = (request.params as { '*': string })['*'];
    const audience = await audienceFor(key, request.viewer?.id ?? null);
    if (!audience) return notFound(reply);
    const info = await deps.storage.head(key);
    if (!info) return notFound(reply);
    reply.headers(cacheHeaders(info.etag, { immutable: true, audience }));
    reply.header('content-type', info.contentType);
    if (isNotModified(request.headers['if-none-match'], info.etag)) return reply.code(304).send();
    const ifRange = request.headers['if-range'] as string | undefined;
    const parsed = rangeApplies(ifRange, info.etag) ? parseRange(request.headers.range, info.size) : ({ kind: 'full' } as const);
    const answer = rangeResponseHeaders(parsed, info.size);
    reply.code(answer.status).headers(answer.headers);
    if (answer.status === 416) return reply.send();
    const blob = await deps.storage.get(key, answer.range);
    if (!blob) return notFound(reply);
    return reply.send(blob.body);
  });
}
