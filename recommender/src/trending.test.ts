import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Trending } from './trending.ts';

const T = Date.UTC(2026, 0, 10, 12);

test('the top list is recomputed every 5 min of event time, however many updates come in between', () => {
  const trending = new Trending();
  trending.add('eu', 'a', 1, T);
  assert.deepEqual(trending.top('eu').ids, ['a']);
  // 5,000 updates for b within the same minute: the list stays as it was (no per-update pass)
  for (let i = 0; i < 5000; i++) trending.add('eu', 'b', 1, T + 10 + i);
  assert.deepEqual(trending.top('eu').ids, ['a']);
  // the first update 5 min later recomputes it, from every score
  trending.add('eu', 'c', 0.5, T + 5 * 60_000);
  assert.deepEqual(trending.top('eu').ids, ['b', 'a', 'c']);
  // scores survive a snapshot, and removal frees the slot for another video
  const copy = new Trending();
  copy.restore(JSON.parse(JSON.stringify(trending.snapshot())) as ReturnType<Trending['snapshot']>);
  assert.deepEqual(copy.snapshot(), trending.snapshot());
  trending.remove('b');
  trending.add('eu', 'd', 3, T + 10 * 60_000);
  assert.deepEqual(trending.top('eu').ids, ['d', 'a', 'c']);
});
