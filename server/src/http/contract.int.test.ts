// The OpenAPI document is generated from the contract, complete, valid OpenAPI 3.1, and browsable.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { compileErrors, validate } from '@readme/openapi-parser';
import { ERROR_CODES } from '@cliptide/contract';
import { startTestPlatform, type TestPlatform } from '../testing/test-platform.ts';

let p: TestPlatform;
before(async () => {
  p = await startTestPlatform();
});
after(() => p.stop());

interface OperationDoc {
  operationId: string;
  parameters: unknown[];
  requestBody?: { content: Record<string, { schema: unknown }> };
  responses: Record<string, { content?: Record<string, { schema: { allOf?: [unknown, { properties: { code: { enum: string[] } } }] } }> }>;
}
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head'];

async function openapi() {
  const res = await p.app.inject({ method: 'GET', url: '/api/v1/openapi.json' });
  assert.equal(res.statusCode, 200);
  return res.json() as { openapi: string; paths: Record<string, Record<string, OperationDoc>>; components: { schemas: Record<string, unknown> } };
}

test('the OpenAPI document validates as OpenAPI 3.1', async () => {
  const doc = await openapi();
  assert.equal(doc.openapi, '3.1.0');
  const result = await validate(structuredClone(doc) as never);
  assert.ok(result.valid, result.valid ? '' : compileErrors(result));
});

test('every operation declares its success body and its problems with their codes', async () => {
  const doc = await openapi();
  const ids = new Set<string>();
  let operations = 0;
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item).filter(([m]) => METHODS.includes(m))) {
      operations++;
      assert.ok(!ids.has(op.operationId), `${op.operationId} is unique`);
      ids.add(op.operationId);
      const statuses = Object.keys(op.responses).map(Number);
      const success = statuses.filter((s) => s < 300);
      assert.equal(success.length, 1, `${method} ${path} has one success status`);
      if (path.startsWith('/api/v1/uploads')) continue; // tus, written by hand
      const body = op.responses[success[0]!]!;
      const content = body.content?.['application/json'] ?? body.content?.['text/event-stream'];
      if (success[0] !== 204) assert.ok(content?.schema, `${method} ${path} declares its response body`);
      const problems = statuses.filter((s) => s >= 400);
      assert.ok(problems.includes(500), `${method} ${path} declares 500`);
      for (const status of problems) {
        const codes = op.responses[status]!.content!['application/problem+json']!.schema.allOf![1].properties.code.enum;
        assert.ok(codes.length > 0 && codes.every((c) => (ERROR_CODES as string[]).includes(c)), `${method} ${path} ${status}: ${codes}`);
      }
    }
  }
  assert.ok(operations >= 35, `${operations} operations`);
  // the error shape lists every stable code
  const problem = doc.components.schemas.Problem as { properties: { code: { enum: string[] } } };
  assert.deepEqual(problem.properties.code.enum, ERROR_CODES);
  for (const name of ['Video', 'Me', 'PublicUser', 'Comment', 'Reason', 'FeedPreferences', 'UploadTarget']) assert.ok(doc.components.schemas[name], `${name} is a named schema`);
});

test('the signed-in account and For You reasons are described as they are sent', async () => {
  const doc = await openapi();
  const me = doc.components.schemas.Me as { properties: Record<string, unknown>; required: string[] };
  assert.ok(me.required.includes('personalizedFeed'));
  const reason = doc.components.schemas.Reason as { required: string[] };
  assert.deepEqual([...reason.required].sort(), ['code', 'params', 'text']);
});

test('the API reference is served at /api/docs from this server', async () => {
  const page = await p.app.inject({ method: 'GET', url: '/api/docs/' });
  assert.equal(page.statusCode, 200);
  assert.match(String(page.headers['content-type']), /text\/html/);
  assert.match(page.body, /\/api\/v1\/openapi\.json/);
  const script = /<script[^>]+src="([^"]+)"/.exec(page.body)?.[1];
  assert.ok(script && !/^https?:/.test(script), `the script is local: ${script}`);
  const js = await p.app.inject({ method: 'GET', url: new URL(script, 'http://x/api/docs/').pathname });
  assert.equal(js.statusCode, 200);
  assert.ok(js.body.length > 100_000);
});
