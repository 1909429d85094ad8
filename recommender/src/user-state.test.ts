import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_HIDDEN, UserState } from './user-state.ts';
import { CrossStore } from './crosses.ts';

test('"not interested" lists are each user\'s own, bounded, and survive a snapshot in order', () => {
  const store = new CrossStore(5);
  const ann = new UserState(4, 5, store);
  const bob = new UserState(4, 5, store);
  ann.hide('hiddenVideos', 'v1');
  ann.hide('mutedTags', 'cats');
  assert.deepEqual([...ann.hiddenVideos], ['v1']);
  assert.equal(bob.hiddenVideos.size, 0);
  assert.equal(bob.mutedTags.size, 0);
  assert.equal(ann.hiddenCreators.size, 0);
  for (let i = 0; i < MAX_HIDDEN + 5; i++) ann.hide('hiddenVideos', `w${i}`);
  ann.hide('hiddenVideos', 'w10'); // hidden again: now the most recent
  assert.equal(ann.hiddenVideos.size, MAX_HIDDEN);
  assert.equal(ann.hiddenVideos.has('v1'), false);
  assert.equal([...ann.hiddenVideos].at(-1), 'w10');
  const back = UserState.restore(JSON.parse(JSON.stringify(ann.snapshot())) as ReturnType<UserState['snapshot']>, 4, 5, new CrossStore(5));
  assert.deepEqual([...back.hiddenVideos], [...ann.hiddenVideos]);
  assert.deepEqual([...back.mutedTags], ['cats']);
  assert.equal(new UserState(4, 5, store).hiddenVideos.size, 0);
});
