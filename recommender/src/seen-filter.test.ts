import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeenFilter, SEEN_PER_GENERATION, seenHash1, seenHash2 } from './seen-filter.ts';
import { hash32 } from './rng.ts';
import { encodeU32 } from './codec.ts';

test('remembers what it saw, with few false positives, and forgets the oldest generation', () => {
  const seen = new SeenFilter();
  for (let i = 0; i < SEEN_PER_GENERATION; i++) seen.add(`v${i}`);
  for (let i = 0; i < SEEN_PER_GENERATION; i++) assert.ok(seen.has(`v${i}`));
  let falsePositives = 0;
  for (let i = 0; i < 10_000; i++) if (seen.has(`other${i}`)) falsePositives++;
  assert.ok(falsePositives < 300, `${falsePositives} false positives in 10000`);
  for (let i = 0; i < 2 * SEEN_PER_GENERATION + 1; i++) seen.add(`w${i}`);
  const remembered = Array.from({ length: SEEN_PER_GENERATION }, (_, i) => seen.has(`v${i}`)).filter(Boolean).length;
  assert.ok(remembered < SEEN_PER_GENERATION / 10, `old ids should be forgotten, ${remembered} remain`);
  const copy = SeenFilter.restore(JSON.parse(JSON.stringify(seen.snapshot())) as ReturnType<SeenFilter['snapshot']>);
  assert.ok(copy.has(`w${2 * SEEN_PER_GENERATION}`));
});

test('bits set from the full 32-bit hashes (snapshots before the 16-bit ones) are the bits it sets and reads now', () => {
  // the filter as it was written before: full hashes, 5 probes into 8192 bits
  const bits = new Uint32Array(256);
  for (let i = 0; i < 600; i++) {
    const id = `video-${i * 7919}`;
    const h1 = hash32(id, 17);
    const h2 = hash32(id, 91) | 1;
    for (let k = 0; k < 5; k++) {
      const bit = (h1 + Math.imul(k, h2)) >>> 0;
      bits[(bit >>> 5) & 255] = (bits[(bit >>> 5) & 255] as number) | (1 << (bit & 31));
    }
  }
  const now = new SeenFilter();
  for (let i = 0; i < 600; i++) now.add(`video-${i * 7919}`);
  assert.equal(now.snapshot().current, encodeU32(bits));
  const restored = SeenFilter.restore({ current: encodeU32(bits), previous: null, count: 600 });
  for (let i = 0; i < 600; i++) {
    const id = `video-${i * 7919}`;
    assert.ok(restored.has(id));
    assert.ok(restored.hasHashed(seenHash1(id), seenHash2(id)));
  }
});
