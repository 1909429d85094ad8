// "No operator route reads personal data without the gateway": every route that declares `operator:`
// (found in the OpenAPI document, which says "Operators only") must be in gateway/operator-routes.ts,
// either as reading through the gateway or as reading no personal data, with a reason.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { api, publishedVideo, signup, startTestPlatform, type TestPlatform } from '../testing/test-platform.ts';
import { OPERATOR_ROUTES } from './operator-routes.ts';

let p: TestPlatform;
before(async () => {
  p = await startTestPlatform();
});
after(() => p.stop());

async function operatorOperations(): Promise<string[]> {
  const doc = (await api(p, 'GET', '/api/v1/openapi.json')).json() as { paths: Record<string, Record<string, { description?: string }>> };
  const found: string[] = [];
  for (const [path, operations] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(operations)) {
      if (op.description?.startsWith('Operators only')) found.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return found.sort();
}

test('every operator route is listed as using the gateway or reading no personal data', async () => {
  const found = await operatorOperations();
  assert.ok(found.includes('GET /api/v1/operator/accounts/{username}'), 'the walk finds operator routes');
  const missing = found.filter((r) => !(r in OPERATOR_ROUTES));
  assert.deepEqual(
    missing,
    [],
    `operator routes not in server/src/gateway/operator-routes.ts: ${missing.join(', ')} — read personal data only through gateway.access() and list the route there`,
  );
  for (const [route, use] of Object.entries(OPERATOR_ROUTES)) {
    if (use.personalData === 'none') assert.ok(use.why.length > 10, `${route} says why it reads no personal data`);
    if (use.personalData === 'ungated') assert.ok(use.gap.length > 10, `${route} says what it reads without the gateway`);
  }
  const stale = Object.keys(OPERATOR_ROUTES).filter((r) => !found.includes(r));
  assert.deepEqual(stale, [], 'listed routes that no longer exist');
});

test('each GET route listed as using the gateway leaves a record in the log when an operator calls it', async () => {
  const subject = await signup(p, 'walk_subject');
  const op = await signup(p, 'walk_operator');
  for (const role of ['admin', 'moderator', 'support', 'auditor'] as const) await p.services.operators.grant(op.username, role, 'default');
  const log = p.services.transparency.of('default');
  // something about the subject in the moderation queue, for the moderation routes to read
  const reporter = await signup(p, 'walk_reporter');
  const video = await publishedVideo(p, subject);
  await api(p, 'POST', '/api/v1/reports', { as: reporter, body: { target: { type: 'video', id: video }, category: 'spam' } });
  const item = (await api(p, 'GET', '/api/v1/moderation/queue', { as: op })).json().items[0] as { id: string };
  const params: Record<string, string> = { username: subject.username, id: item.id };
  for (const [route, use] of Object.entries(OPERATOR_ROUTES)) {
    const [method, path] = route.split(' ') as [string, string];
    if (use.personalData !== 'gateway' || method !== 'GET') continue;
    const url = path.replace(/\{([^}]+)\}/g, (_, name: string) => params[name]!) + (path.includes('?') ? '' : '?purpose=support');
    const before = (await log.entries(0, undefined)).end;
    const res = await api(p, 'GET', url, { as: op });
    assert.ok(res.statusCode < 500, `${route}: ${res.statusCode} ${res.body}`);
    const after = (await log.entries(before, undefined)).items;
    assert.ok(after.length >= 1, `${route} left no record in the transparency log`);
  }
});
