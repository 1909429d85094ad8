// Bad input gets a clear error and loses nothing: every route in the OpenAPI document, called with
// malformed ids, bodies and queries, as a visitor and as a signed-in user, answers a 4xx
// problem+json — never a 5xx, never another error shape.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { isEventStream, publishedVideo, signup, startTestPlatform, type Session, type TestPlatform } from '../testing/test-platform.ts';

let p: TestPlatform;
let me: Session;
let video: string;

before(async () => {
  p = await startTestPlatform();
  me = await signup(p, 'prober');
  video = await publishedVideo(p, me, { caption: 'probe #target' });
});
after(() => p.stop());

const ids = (real: string) => [real, 'x', '00000000-0000-0000-0000-000000000000', '%00', '%E0%A4%A', 'a'.repeat(300), '%F0%9F%99%82'];
const bodies: (string | undefined)[] = [
  undefined,
  '{',
  'null',
  '[]',
  '"text"',
  '{"__proto__":{"admin":true}}',
  JSON.stringify({ caption: 'x'.repeat(10_000), visibility: 'everyone', allowComments: 'yes' }),
  JSON.stringify({ videoId: 'x', username: '', hashtag: '#'.repeat(60) }),
  JSON.stringify({ watchedMs: -5, completed: 'yes', replays: 1e308 }),
  JSON.stringify({ body: '', parentId: 'nope' }),
  JSON.stringify({ personalized: 'no', keywordFilters: ['a'.repeat(60)] }),
  JSON.stringify({ login: 'a\u0000b', password: 1, displayName: 'x\u0000' }),
];
const queries = ['?cursor=zzz', '?cursor=%00', `?cursor=${'9'.repeat(40)}`, '?q=%00', `?q=${'a'.repeat(1000)}`];

test('every route answers malformed input with a 4xx problem', async () => {
  const doc = (await p.app.inject({ method: 'GET', url: '/api/v1/openapi.json' })).json() as { paths: Record<string, Record<string, unknown>> };
  const problems: string[] = [];
  let requests = 0;
  for (const [path, operations] of Object.entries(doc.paths)) {
    if (path.startsWith('/api/v1/uploads')) continue; // tus: its own tests (upload.int.test.ts)
    const methods = Object.keys(operations).filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m) && !isEventStream(operations[m]));
    for (const method of methods.map((m) => m.toUpperCase())) {
      if (path.endsWith('/logout') || path.endsWith('/refresh')) continue; // would end the session or reset state mid-run
      const real = path.includes('/users/') ? me.username : path.includes('/hashtags/') ? 'target' : video;
      for (const id of ids(real)) {
        const url = path.replace(/\{[a-z]+\}/g, id);
        const variants = method === 'GET' ? queries.map((q) => url + q) : [url];
        for (const target of variants) {
          for (const payload of method === 'GET' ? [undefined] : bodies) {
            for (const as of [null, me]) {
              if (method === 'DELETE' && id === real && as) continue; // keep the fixtures
              const res = await p.app.inject({
                method: method as 'GET',
                url: target,
                headers: { ...(as ? { cookie: as.cookie } : {}), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
                ...(payload !== undefined ? { payload } : {}),
              });
              requests++;
              const type = String(res.headers['content-type'] ?? '');
              if (res.statusCode >= 500 || (res.statusCode >= 400 && !type.startsWith('application/problem+json'))) {
                problems.push(`${method} ${target} ${payload ?? ''} → ${res.statusCode} ${type} ${res.body.slice(0, 120)}`);
              }
            }
          }
        }
      }
    }
  }
  assert.ok(requests > 1000, `${requests} requests`);
  assert.deepEqual(problems.slice(0, 10), []);
});
