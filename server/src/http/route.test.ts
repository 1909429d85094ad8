// The router holds every answer to its route's contract: undeclared fields never leave the server,
// and an answer that does not match its schema is a 500 (our bug), never sent as is.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { createApp } from './app.ts';
import { createMetrics } from './metrics.ts';

let app: FastifyInstance;

before(async () => {
  const created = await createApp({ logLevel: 'silent', viewerForToken: async () => null, metrics: createMetrics(), webDist: null });
  app = created.app;
  const thing = z.object({ id: z.string(), name: z.string() });
  created.route({
    method: 'GET',
    url: '/api/v1/test/extra',
    summary: 'answers a field its schema does not declare',
    tag: 'test',
    auth: 'none',
    response: z.object({ thing }),
    handler: async () => ({ thing: { id: 'a', name: 'b', passwordHash: 'secret' } as z.input<typeof thing> }),
  });
  created.route({
    method: 'GET',
    url: '/api/v1/test/wrong',
    summary: 'answers a wrong type',
    tag: 'test',
    auth: 'none',
    response: z.object({ thing }),
    handler: async () => ({ thing: { id: 'a', name: 42 } }) as unknown as { thing: z.input<typeof thing> },
  });
  created.route({
    method: 'POST',
    url: '/api/v1/test/echo',
    summary: 'validates its body',
    tag: 'test',
    auth: 'none',
    body: z.object({ email: z.email() }),
    status: 201,
    response: z.object({ email: z.string() }),
    handler: async ({ body }) => ({ email: body.email }),
  });
  await app.ready();
});
after(() => app.close());

test('a field the response schema does not declare is not sent', async () => {
  const res = await app.inject({ method: 'GET', url: '/api/v1/test/extra' });
  assert.equal(res.statusCode, 200);
  assert.deepEqual(res.json(), { thing: { id: 'a', name: 'b' } });
});

test('a response that breaks its schema is a 500 problem, not the bad body', async () => {
  const res = await app.inject({ method: 'GET', url: '/api/v1/test/wrong' });
  assert.equal(res.statusCode, 500);
  assert.equal(res.json().code, 'internal');
  assert.doesNotMatch(res.body, /42/);
});

test('request issues name where they are: body.<field>', async () => {
  const res = await app.inject({ method: 'POST', url: '/api/v1/test/echo', payload: { email: 'nope' } });
  assert.equal(res.statusCode, 400);
  assert.equal(res.headers['content-type'], 'application/problem+json; charset=utf-8');
  assert.equal(res.json().code, 'validation_failed');
  assert.deepEqual(res.json().issues.map((i: { path: string }) => i.path), ['body.email']);
  const ok = await app.inject({ method: 'POST', url: '/api/v1/test/echo', payload: { email: 'a@b.test' } });
  assert.equal(ok.statusCode, 201);
});

test('a 204 route may not declare a body, and any other route must', async () => {
  const { route } = await createApp({ logLevel: 'silent', viewerForToken: async () => null, metrics: createMetrics(), webDist: null });
  assert.throws(
    () => route({ method: 'GET', url: '/x', summary: 'x', tag: 'x', auth: 'none', status: 204, response: z.object({}), handler: async () => ({}) as never }),
    /204 route has no response schema/,
  );
});
