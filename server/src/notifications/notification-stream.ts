// GET /api/v1/notifications/stream: Server-Sent Events, one event per notification (`id` its
// number, `data` the JSON notification). Resumes after `Last-Event-ID` (sent by EventSource on
// reconnect) or `?lastEventId=`; without either it starts from now. A comment line every 20 s
// keeps proxies from closing an idle stream.
import type { FastifyInstance } from 'fastify';
import { problem, sendProblem } from '../http/problem.ts';
import { problemResponses, type OpenApiRegistry } from '../http/openapi.ts';
import type { NotificationHub } from './notification-hub.ts';

export const STREAM_PATH = '/api/v1/notifications/stream';
const KEEPALIVE_MS = 20_000;

export function notificationStream(app: FastifyInstance, deps: { hub: NotificationHub; lastSeq: (accountId: string) => Promise<number> }) {
  app.get(STREAM_PATH, { logLevel: 'warn' }, async (request, reply) => {
    const viewer = request.viewer;
    if (!viewer) return sendProblem(reply, problem(401, 'unauthenticated', 'You need to log in to do that'));
    const given = request.headers['last-event-id'] ?? (request.query as { lastEventId?: unknown }).lastEventId;
    let lastSeq: number;
    if (given === undefined) lastSeq = await deps.lastSeq(viewer.id);
    else if (typeof given === 'string' && /^\d{1,15}$/.test(given)) lastSeq = Number(given);
    else return sendProblem(reply, problem(400, 'validation_failed', 'Last-Event-ID must be the id of an event from this stream'));

    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-store',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
    });
    res.write('retry: 3000\n\n');
    const { unsubscribe } = deps.hub.subscribe(viewer.id, {
      lastSeq,
      send: (n) => res.write(`id: ${n.id}\ndata: ${JSON.stringify(n)}\n\n`),
      end: () => res.end(),
    });
    const keepalive = setInterval(() => res.write(': keepalive\n\n'), KEEPALIVE_MS);
    request.raw.once('close', () => {
      clearInterval(keepalive);
      unsubscribe();
    });
  });
}

export function describeNotificationStream(openapi: OpenApiRegistry) {
  openapi.addPath(STREAM_PATH, {
    get: {
      operationId: 'getNotificationsStream',
      summary: 'Your notifications, live, as Server-Sent Events (one event per notification)',
      description: 'Each event: `id` is the notification id, `data` the JSON Notification. Reconnect with `Last-Event-ID` (EventSource does) or `?lastEventId=` to resume without losing or repeating any.',
      tags: ['notifications'],
      security: [{ session: [] }],
      parameters: [
        { name: 'Last-Event-ID', in: 'header', required: false, schema: { type: 'string', pattern: '^\\d{1,15}$' } },
        { name: 'lastEventId', in: 'query', required: false, schema: { type: 'string', pattern: '^\\d{1,15}$' } },
      ],
      responses: {
        200: { description: 'An endless stream of events', content: { 'text/event-stream': { schema: { $ref: '#/components/schemas/Notification' } } } },
        ...problemResponses(['validation_failed', 'unauthenticated', 'internal']),
      },
    },
  });
}
