import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Catalogue } from './catalogue.ts';
import { catalogue as metas } from './test-helpers.ts';
import { mulberry32 } from './rng.ts';

test('the cached newest list stays the true newest order through uploads, edits and removals', () => {
  const random = mulberry32(5);
  const all = metas(120).map((m) => ({ ...m, createdAt: m.createdAt + Math.floor(random() * 1e6) }));
  const cat = new Catalogue();
  const expected = (n: number): string[] =>
    [...cat.videos.values()]
      .sort((a, b) => b.meta.createdAt - a.meta.createdAt || (a.meta.id < b.meta.id ? -1 : 1))
      .slice(0, n)
      .map((r) => r.meta.id);
  for (const m of all.slice(0, 600)) cat.upsert(m);
  assert.deepEqual(cat.newest(30).map((r) => r.meta.id), expected(30));
  for (let step = 0; step < 600; step++) {
    const m = all[Math.floor(random() * all.length)];
    if (!m) continue;
    const roll = random();
    if (roll < 0.4) cat.upsert(m);
    else if (roll < 0.7) cat.upsert({ ...m, createdAt: m.createdAt + Math.floor(random() * 2e6) });
    else cat.remove(m.id);
    const n = 1 + Math.floor(random() * 60);
    assert.deepEqual(cat.newest(n).map((r) => r.meta.id), expected(n), `step ${step}`);
  }
});
