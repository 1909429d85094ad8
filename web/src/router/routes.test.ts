import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { parseRoute, paths, titleOf } from './routes.ts';

const parse = (href: string) => parseRoute(new URL(href, 'http://cliptide.test'));

describe('routes', () => {
  it('parses every page and builds the same URL back', () => {
    assert.deepEqual(parse('/'), { name: 'foryou' });
    assert.deepEqual(parse('/following/'), { name: 'following' });
    assert.deepEqual(parse(paths.profile('ana.b_1')), { name: 'profile', username: 'ana.b_1' });
    assert.deepEqual(parse(paths.video('3f2a')), { name: 'video', id: '3f2a', from: null });
    assert.deepEqual(parse(paths.video('3f2a', 'tag:café')), { name: 'video', id: '3f2a', from: 'tag:café' });
    assert.deepEqual(parse(paths.hashtag('café')), { name: 'hashtag', tag: 'café' });
    assert.deepEqual(parse(paths.search('cats & dogs')), { name: 'search', q: 'cats & dogs' });
    assert.deepEqual(parse(paths.upload()), { name: 'upload' });
    assert.deepEqual(parse(paths.editProfile()), { name: 'editProfile' });
    assert.deepEqual(parse(paths.feedSettings()), { name: 'feedSettings' });
    assert.deepEqual(parse(paths.privacySettings()), { name: 'privacySettings' });
    assert.deepEqual(parse(paths.securitySettings()), { name: 'securitySettings' });
    assert.deepEqual(parse(paths.verifyEmail('ve.a+b/c.d')), { name: 'verifyEmail', token: 've.a+b/c.d' });
    assert.deepEqual(parse(paths.resetPassword('rp.x.y')), { name: 'resetPassword', token: 'rp.x.y' });
    assert.deepEqual(parse(paths.forgotPassword()), { name: 'forgotPassword' });
    assert.deepEqual(parse(paths.outbox()), { name: 'outbox' });
    assert.deepEqual(parse(paths.wellbeingSettings()), { name: 'wellbeingSettings' });
    assert.deepEqual(parse(paths.blockedSettings()), { name: 'blockedSettings' });
    assert.deepEqual(parse(paths.commentSettings()), { name: 'commentSettings' });
    assert.deepEqual(parse(paths.followRequests()), { name: 'followRequests' });
    assert.deepEqual(parse(paths.embed('3f2a')), { name: 'embed', id: '3f2a' });
    assert.deepEqual(parse(paths.people('ana', 'followers')), { name: 'people', username: 'ana', direction: 'followers' });
    assert.deepEqual(parse(paths.people('ana', 'following')), { name: 'people', username: 'ana', direction: 'following' });
  });

  it('keeps only same-site paths as the destination after logging in', () => {
    assert.deepEqual(parse(paths.login('/@ana')), { name: 'login', next: '/@ana' });
    assert.deepEqual(parse('/login?next=//evil.test/x'), { name: 'login', next: '/' });
    assert.deepEqual(parse('/signup?next=https://evil.test'), { name: 'signup', next: '/' });
  });

  it('sends anything else to not found', () => {
    assert.deepEqual(parse('/v/'), { name: 'notFound' });
    assert.deepEqual(parse('/@'), { name: 'notFound' });
    assert.deepEqual(parse('/tag/%E0%A4%A'), { name: 'notFound' });
    assert.deepEqual(parse('/nope/a/b'), { name: 'notFound' });
  });

  it('names each page in the browser tab', () => {
    assert.equal(titleOf(parse(paths.foryou())), 'Cliptide — For You');
    assert.equal(titleOf(parse(paths.profile('ana'))), '@ana · Cliptide');
    assert.equal(titleOf(parse(paths.hashtag('cats'))), '#cats · Cliptide');
    assert.equal(titleOf(parse(paths.search('dogs'))), 'Search: dogs · Cliptide');
    assert.equal(titleOf(parse('/nope/a/b')), 'Not found · Cliptide');
  });
});
