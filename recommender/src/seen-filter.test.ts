import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SeenFilter, SEEN_PER_GENERATION } from './seen-filter.ts';

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
