import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CrossStore, Crosses, MAX_CROSSES } from './crosses.ts';

test("users share one cross store: a cleared user's slots go to the next, each user's crosses stay its own", () => {
  const store = new CrossStore(2);
  const a = new Crosses(store);
  const b = new Crosses(store);
  const oa = a.touch('c:x', 1);
  const ob = b.touch('c:x', 1);
  assert.notEqual(oa, ob);
  a.w[oa] = 0.5;
  assert.equal(b.w[ob], 0);
  assert.equal(a.offsetOf('c:x'), oa);
  a.clear();
  assert.equal(a.offsetOf('c:x'), -1);
  // the freed slot is reused, and starts fresh
  const oc = new Crosses(store).touch('h:y', 2);
  assert.equal(oc, oa);
  assert.equal(store.w[oc], 0);
  assert.equal(store.w[oc + 2], 1);
  assert.equal(b.offsetOf('c:x'), ob);
});

test('a full user evicts its least recently seen cross, and offsets found before an eviction are flagged', () => {
  const store = new CrossStore(1);
  const c = new Crosses(store);
  for (let i = 0; i < MAX_CROSSES; i++) c.touch(`h:${i}`, 1000 + i);
  c.touch('h:0', 5000);
  const before = c.evictions;
  c.touch('h:new', 6000);
  assert.equal(c.evictions, before + 1);
  assert.equal(c.size, MAX_CROSSES);
  assert.equal(c.offsetOf('h:1'), -1);
  assert.ok(c.offsetOf('h:0') >= 0);
  assert.deepEqual([...c.offsets()].map(([key]) => key).slice(0, 2), ['h:0', 'h:2']);
});

test("a cross's biases and its meta share one slot without overlapping, and survive the store growing", () => {
  const store = new CrossStore(5);
  const users = Array.from({ length: 4 }, () => new Crosses(store));
  // 4 × 200 crosses: the store grows past its first 256 slots twice
  for (let i = 0; i < 200; i++) {
    users.forEach((c, u) => {
      const o = c.touch(`h:${i}`, 1000 + i);
      for (let t = 0; t < 10; t++) c.w[o + t] = u * 1000 + i + t / 10;
      c.note(`h:${i}`, 'likes', 1000 + i);
    });
  }
  users.forEach((c, u) => {
    for (let i = 0; i < 200; i++) {
      const o = c.offsetOf(`h:${i}`);
      for (let t = 0; t < 10; t++) assert.equal(c.w[o + t], Math.fround(u * 1000 + i + t / 10));
      assert.deepEqual(c.evidence(`h:${i}`), { completes: 0, likes: 1 });
    }
    const snap = c.snapshot();
    assert.equal(snap.w.length, 200 * 10);
    assert.deepEqual(snap.meta[7], [1007, 0, 1]);
    const back = Crosses.restore(new CrossStore(5), snap.keys, snap.w, snap.meta).snapshot();
    assert.deepEqual(back, snap);
  });
});
