// Serving media: HLS playlists, fMP4 segments, posters and avatars, with Range, ETags and long
// cache lifetimes (every published path is immutable: a re-encode gets a new prefix).
// Who may have which key: playback.service.ts.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { cacheHeaders, isNotModified, parseRange, rangeApplies, rangeResponseHeaders } from '../storage/http-range.ts';
import { problem, sendProblem } from '../http/problem.ts';
import type { PlaybackService } from './playback.service.ts';

export function playbackRoutes(app: FastifyInstance, playback: PlaybackService) {
  const notFound = (reply: FastifyReply) => sendProblem(reply, problem(404, 'not_found', 'No such media'));

  // Segment requests are many and uninteresting: log them only when something goes wrong.
  app.get('/media/*', { logLevel: 'warn' }, async (request, reply) => {
    const key = (request.params as { '*': string })['*'];
    const info = await playback.find(key, request.viewer?.id ?? null);
    if (!info) return notFound(reply);
    reply.headers(cacheHeaders(info.etag, { immutable: true, audience: info.audience }));
    reply.header('content-type', info.contentType);
    if (isNotModified(request.headers['if-none-match'], info.etag)) return reply.code(304).send();
    const ifRange = request.headers['if-range'] as string | undefined;
    const parsed = rangeApplies(ifRange, info.etag) ? parseRange(request.headers.range, info.size) : ({ kind: 'full' } as const);
    const answer = rangeResponseHeaders(parsed, info.size);
    reply.code(answer.status).headers(answer.headers);
    if (answer.status === 416) return reply.send();
    const blob = await playback.read(key, answer.range);
    if (!blob) return notFound(reply);
    return reply.send(blob.body);
  });
}
