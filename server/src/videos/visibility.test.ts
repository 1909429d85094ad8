// The visibility rule's JavaScript half against the table (the SQL half: visibility.int.test.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { visibilityCases, type Standing } from './visibility.cases.ts';
import { ANONYMOUS, canSeeVideo, canWatchVideo, type ViewerStanding } from './visibility.ts';

const AUTHOR = 'author-id';
const standing: Record<Standing, ViewerStanding> = {
  author: { viewerId: AUTHOR, followsAuthor: false },
  follower: { viewerId: 'follower-id', followsAuthor: true },
  stranger: { viewerId: 'stranger-id', followsAuthor: false },
  anonymous: ANONYMOUS,
};

test('the table covers every visibility × viewer × status', () => {
  assert.equal(visibilityCases.length, 3 * 4 * 4);
  // spot checks of the table itself, written out
  const find = (visibility: string, status: string, viewer: string) =>
    visibilityCases.find((c) => c.visibility === visibility && c.status === status && c.viewer === viewer)!;
  assert.deepEqual([find('private', 'processing', 'author').see, find('private', 'processing', 'author').watch], [true, false]);
  assert.deepEqual([find('followers', 'ready', 'follower').see, find('followers', 'ready', 'stranger').see], [true, false]);
  assert.deepEqual([find('public', 'failed', 'anonymous').see, find('public', 'ready', 'anonymous').watch], [false, true]);
});

test('canSeeVideo and canWatchVideo follow the table', () => {
  for (const c of visibilityCases) {
    const video = { authorId: AUTHOR, visibility: c.visibility, status: c.status };
    const label = `${c.visibility} ${c.status} video, ${c.viewer}`;
    assert.equal(canSeeVideo(video, standing[c.viewer]), c.see, `see: ${label}`);
    assert.equal(canWatchVideo(video, standing[c.viewer]), c.watch, `watch: ${label}`);
  }
});
