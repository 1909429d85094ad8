// The visibility rule's JavaScript half against the table (the SQL half: visibility.int.test.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AGE_BANDS, AGE_POLICY } from '../accounts/age-policy.ts';
import { CONTENT_CAPTIONS, CONTENT_VIEWER_FACTS, contentCases, visibilityCases, type Standing } from './visibility.cases.ts';
import { ANONYMOUS, canRecommendVideo, canSeeVideo, canWatchVideo, viewerContent, type ViewerStanding } from './visibility.ts';

const AUTHOR = 'author-id';
const standing: Record<Standing, ViewerStanding> = {
  author: { viewerId: AUTHOR, followsAuthor: false, maySeeAdultOnly: true, restrictedMode: false },
  follower: { viewerId: 'follower-id', followsAuthor: true, maySeeAdultOnly: true, restrictedMode: false },
  requester: { viewerId: 'requester-id', followsAuthor: false, maySeeAdultOnly: true, restrictedMode: false },
  stranger: { viewerId: 'stranger-id', followsAuthor: false, maySeeAdultOnly: true, restrictedMode: false },
  anonymous: ANONYMOUS,
  // a follow row left behind does not outweigh a block
  blocked: { viewerId: 'blocked-id', followsAuthor: true, blocked: true, maySeeAdultOnly: true, restrictedMode: false },
  blocker: { viewerId: 'blocker-id', followsAuthor: false, blocked: true, maySeeAdultOnly: true, restrictedMode: false },
};

test('the table covers every account × visibility × viewer × status', () => {
  assert.equal(visibilityCases.length, 2 * 3 * 7 * 4);
  // spot checks of the table itself, written out
  const find = (visibility: string, status: string, viewer: string, account = 'public-account') =>
    visibilityCases.find((c) => c.account === account && c.visibility === visibility && c.status === status && c.viewer === viewer)!;
  assert.deepEqual([find('private', 'processing', 'author').see, find('private', 'processing', 'author').watch], [true, false]);
  assert.deepEqual([find('followers', 'ready', 'follower').see, find('followers', 'ready', 'stranger').see], [true, false]);
  assert.deepEqual([find('public', 'failed', 'anonymous').see, find('public', 'ready', 'anonymous').watch], [false, true]);
  // a private account: its public videos only for approved followers; a pending request admits nobody
  const priv = (viewer: string) => find('public', 'ready', viewer, 'private-account');
  assert.deepEqual(['author', 'follower', 'requester', 'stranger', 'anonymous'].map((v) => priv(v).watch), [true, true, false, false, false]);
  assert.equal(find('private', 'ready', 'follower', 'private-account').see, false);
  // a block, made by either side, shuts the viewer out of even a public video (decision 022)
  assert.deepEqual(['blocked', 'blocker'].map((v) => [find('public', 'ready', v).see, find('public', 'ready', v).watch]), [[false, false], [false, false]]);
});

test('canSeeVideo and canWatchVideo follow the table', () => {
  for (const c of visibilityCases) {
    const video = { authorId: AUTHOR, authorPrivate: c.account === 'private-account', visibility: c.visibility, status: c.status, adultOnly: false, caption: '' };
    const label = `${c.account}: ${c.visibility} ${c.status} video, ${c.viewer}`;
    assert.equal(canSeeVideo(video, standing[c.viewer]), c.see, `see: ${label}`);
    assert.equal(canWatchVideo(video, standing[c.viewer]), c.watch, `watch: ${label}`);
  }
});

test('canRecommendVideo: what the viewer may watch, never their own, and 13–15s only to approved followers', () => {
  const video = (authorBand: '13-15' | '16-17' | '18+', authorPrivate = false) => ({ authorId: AUTHOR, authorPrivate, visibility: 'public' as const, status: 'ready' as const, authorBand, adultOnly: false, caption: '' });
  assert.equal(canRecommendVideo(video('18+'), standing.author), false);
  assert.deepEqual([standing.follower, standing.stranger, standing.anonymous].map((v) => canRecommendVideo(video('16-17'), v)), [true, true, true]);
  // a 13–15's public video (an account made before private-by-default) still never reaches strangers
  assert.deepEqual([standing.follower, standing.requester, standing.stranger, standing.anonymous].map((v) => canRecommendVideo(video('13-15'), v)), [true, false, false, false]);
  assert.deepEqual([standing.follower, standing.stranger].map((v) => canRecommendVideo(video('18+', true), v)), [true, false]);
  assert.deepEqual([standing.blocked, standing.blocker].map((v) => canRecommendVideo(video('18+'), v)), [false, false]);
});

test('only the 18+ band may be shown mature content (the SQL half counts 18 years)', () => {
  assert.deepEqual(AGE_BANDS.filter((b) => AGE_POLICY[b].matureContent === 'unless-restricted'), ['18+']);
});

test('18+ labels and restricted mode follow the content table', () => {
  const today = new Date('2026-06-15T12:00:00Z');
  const born = (years: number) => `${2026 - years}-01-01`;
  assert.equal(contentCases.length, 4 * 6);
  for (const c of contentCases) {
    const video = { authorId: AUTHOR, authorPrivate: false, visibility: 'public' as const, status: 'ready' as const, ...CONTENT_CAPTIONS[c.content] };
    const viewer: ViewerStanding =
      c.viewer === 'anonymous'
        ? ANONYMOUS
        : {
            viewerId: c.viewer === 'author' ? AUTHOR : `${c.viewer}-id`,
            followsAuthor: false,
            ...viewerContent(born(CONTENT_VIEWER_FACTS[c.viewer].yearsOld), CONTENT_VIEWER_FACTS[c.viewer].restricted, today),
          };
    const label = `${c.content} video, ${c.viewer}`;
    assert.equal(canSeeVideo(video, viewer), c.watch, `see: ${label}`);
    assert.equal(canWatchVideo(video, viewer), c.watch, `watch: ${label}`);
    if (c.viewer !== 'author') assert.equal(canRecommendVideo({ ...video, authorBand: '18+' }, viewer), c.watch, `recommend: ${label}`);
  }
});
