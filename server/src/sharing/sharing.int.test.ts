// Shared links: a public video's and a profile's page carry Open Graph / Twitter card tags and an
// oEmbed link; the embeddable player may be framed by other sites. Private and followers-only videos
// are never described, embedded or unfurled; a caption cannot inject markup.
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { api, publishedVideo, signup, startTestPlatform, type Session, type TestPlatform } from '../testing/test-platform.ts';

let p: TestPlatform;
let creator: Session;
const ORIGIN = 'https://clips.example';

before(async () => {
  const web = await mkdtemp(join(tmpdir(), 'cliptide-web-'));
  await writeFile(join(web, 'index.html'), '<!doctype html><html><head><title>Cliptide</title></head><body><div id="app"></div></body></html>');
  p = await startTestPlatform({ WEB_DIST: web, PUBLIC_URL: ORIGIN });
  creator = await signup(p, 'sharer');
});
after(() => p.stop());

const page = (url: string) => p.app.inject({ method: 'GET', url, headers: { accept: 'text/html' } });
const meta = (html: string, key: string) => new RegExp(`<meta (?:property|name)="${key}" content="([^"]*)">`).exec(html)?.[1] ?? null;

test('a public video page unfurls: title, description, poster, player, oEmbed link', async () => {
  const id = await publishedVideo(p, creator, { caption: 'Sunset over the bay #sea' });
  const res = await page(`/v/${id}`);
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<title>Sunset over the bay #sea — @?sharer on Cliptide<\/title>/);
  assert.equal(meta(res.body, 'og:type'), 'video.other');
  assert.equal(meta(res.body, 'og:url'), `${ORIGIN}/v/${id}`);
  assert.match(meta(res.body, 'og:image') ?? '', new RegExp(`^${ORIGIN}/media/videos/${id}/.+poster\\.jpg$`));
  assert.equal(meta(res.body, 'twitter:card'), 'player');
  assert.equal(meta(res.body, 'twitter:player'), `${ORIGIN}/embed/${id}`);
  assert.match(res.body, new RegExp(`<link rel="alternate" type="application/json\\+oembed" href="${ORIGIN}/api/v1/oembed\\?url=${encodeURIComponent(`${ORIGIN}/v/${id}`)}"`));
  assert.match(String(res.headers['content-security-policy']), /frame-ancestors 'none'/, 'the page itself is not frameable');
  assert.equal(res.headers['x-frame-options'], 'DENY');

  const embed = await page(`/embed/${id}`);
  assert.equal(embed.statusCode, 200);
  assert.equal(embed.headers['x-frame-options'], undefined);
  assert.match(String(embed.headers['content-security-policy']), /frame-ancestors \*/);
  assert.match(String(embed.headers['content-security-policy']), /script-src 'self'(;|$)/, 'otherwise as strict as the app');

  const o = await api(p, 'GET', `/api/v1/oembed?url=${encodeURIComponent(`${ORIGIN}/v/${id}`)}&maxwidth=200`);
  assert.equal(o.statusCode, 200, o.body);
  const body = o.json();
  assert.deepEqual([body.version, body.type, body.provider_name, body.author_url], ['1.0', 'video', 'Cliptide', `${ORIGIN}/@sharer`]);
  assert.ok(body.width <= 200 && body.height > body.width, 'scaled into maxwidth, portrait');
  assert.match(body.html, new RegExp(`^<iframe src="${ORIGIN}/embed/${id}" width="${body.width}" height="${body.height}"`));
});

test('private and followers-only videos are never described, embedded or unfurled', async () => {
  for (const visibility of ['private', 'followers'] as const) {
    const id = await publishedVideo(p, creator, { caption: `secret ${visibility}`, visibility });
    const res = await page(`/v/${id}`);
    assert.equal(res.statusCode, 200, 'the app still loads (the author may open it)');
    assert.doesNotMatch(res.body, /og:|secret/);
    const embed = await page(`/embed/${id}`);
    assert.equal(embed.statusCode, 404);
    assert.match(String(embed.headers['content-security-policy']), /frame-ancestors 'none'/);
    assert.equal((await api(p, 'GET', `/api/v1/oembed?url=${encodeURIComponent(`${ORIGIN}/v/${id}`)}`)).statusCode, 404);
  }
  assert.equal((await page('/embed/not-a-uuid')).statusCode, 404);
  assert.equal((await api(p, 'GET', `/api/v1/oembed?url=${encodeURIComponent('https://elsewhere.example/v/x')}`)).statusCode, 404);
  assert.equal((await api(p, 'GET', '/api/v1/oembed?url=not%20a%20link')).statusCode, 400);
  assert.equal((await api(p, 'GET', `/api/v1/oembed?url=${encodeURIComponent(`${ORIGIN}/v/x`)}&format=xml`)).statusCode, 400);
});

test('profiles unfurl; a private one says only that it is private; markup in a caption stays text', async () => {
  const res = await page('/@sharer');
  assert.equal(meta(res.body, 'og:type'), 'profile');
  assert.equal(meta(res.body, 'og:title'), 'sharer (@sharer) on Cliptide');
  const teen = await signup(p, 'quietteen', `${new Date().getUTCFullYear() - 14}-01-01`);
  const quiet = await page(`/@${teen.username}`);
  assert.equal(meta(quiet.body, 'og:description'), 'This account is private.');
  assert.equal((await page('/@nobody_at_all')).body.includes('og:'), false);

  const id = await publishedVideo(p, creator, { caption: '"><script>alert(1)</script>' });
  const hostile = await page(`/v/${id}`);
  assert.doesNotMatch(hostile.body, /<script>alert/);
  assert.match(hostile.body, /&quot;&gt;&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
  // replacement patterns in user text stay text (String.replace would paste parts of the page)
  const dollars = await publishedVideo(p, creator, { caption: "cost $' and $` and $&" });
  const page2 = await page(`/v/${dollars}`);
  assert.equal(meta(page2.body, 'og:description'), "cost $' and $` and $&amp;", 'the text, HTML-escaped');
  assert.equal(page2.body.match(/<div id="app">/g)?.length, 1, 'the page is not pasted into itself');
});
