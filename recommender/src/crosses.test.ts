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

test("a user's hash table of crosses behaves as an insertion-ordered map with least-recently-seen eviction", () => {
  // reference: what the per-user Map did (insertion order; evict the oldest last-seen, first inserted among equals)
  const store = new CrossStore(1);
  const users = [new Crosses(store), new Crosses(store)];
  const models = [new Map<string, number>(), new Map<string, number>()];
  let seed = 7;
  const random = (): number => {
    seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0;
    return seed / 2 ** 32;
  };
  for (let step = 0; step < 20_000; step++) {
    const u = random() < 0.5 ? 0 : 1;
    const c = users[u] as Crosses;
    const model = models[u] as Map<string, number>;
    const key = `h:${Math.floor(random() * 700)}`;
    const at = Math.floor(step / 3); // repeated times: ties between equally old crosses
    if (random() < 0.002) {
      c.clear();
      model.clear();
      continue;
    }
    const noting = random() < 0.3; // a note creates a missing cross but does not mark an existing one seen
    if (!model.has(key)) {
      if (model.size >= MAX_CROSSES) {
        let victim: string | null = null;
        let oldest = Infinity;
        for (const [k, seen] of model) {
          if (seen < oldest) {
            oldest = seen;
            victim = k;
          }
        }
        model.delete(victim as string);
      }
      model.set(key, at);
    } else if (!noting && at > (model.get(key) as number)) model.set(key, at);
    if (noting) c.note(key, 'likes', at);
    else c.touch(key, at);
    assert.equal(c.size, model.size);
    if (step % 500 === 0 || step > 19_900) {
      assert.deepEqual([...c.offsets()].map(([k]) => k), [...model.keys()]);
      for (const k of model.keys()) assert.ok(c.offsetOf(k) >= 0, k);
    }
  }
  assert.ok(users.every((c) => c.evictions > 0));
  // offsets are distinct slots, and a snapshot restores the same order
  const snap = (users[0] as Crosses).snapshot();
  assert.equal(new Set([...(users[0] as Crosses).offsets()].map(([, o]) => o)).size, snap.keys.length);
  assert.deepEqual(Crosses.restore(new CrossStore(1), snap.keys, snap.w, snap.meta).snapshot(), snap);
});
