import { test } from 'node:test';
import assert from 'node:assert/strict';
import { VectorIndex } from './vector-index.ts';
import { mulberry32 } from './rng.ts';

function randomVectors(n: number, dim: number, seed: number): Float32Array[] {
  const random = mulberry32(seed);
  // clustered data, as item embeddings are
  const centres = Array.from({ length: 20 }, () => Float32Array.from({ length: dim }, () => random() * 2 - 1));
  return Array.from({ length: n }, (_, i) => {
    const c = centres[i % centres.length] as Float32Array;
    return Float32Array.from(c, (x) => x + (random() - 0.5) * 0.6);
  });
}

test('IVF search finds most of the exact top-k, and brute force is exact', () => {
  const dim = 16;
  const vectors = randomVectors(6000, dim, 2);
  const exact = new VectorIndex(dim, Infinity);
  const ivf = new VectorIndex(dim, 1000);
  vectors.forEach((v, i) => {
    exact.set(`v${i}`, v);
    ivf.set(`v${i}`, v);
  });
  ivf.rebuild(7);
  assert.ok(ivf.usesIvf);
  let found = 0;
  const queries = randomVectors(30, dim, 3);
  for (const q of queries) {
    const truth = new Set(exact.search(q, 20).map((h) => h.id));
    found += ivf.search(q, 20).filter((h) => truth.has(h.id)).length;
  }
  const recall = found / (queries.length * 20);
  assert.ok(recall > 0.8, `recall ${recall}`);
  const top = exact.search(queries[0] as Float32Array, 5);
  for (let i = 1; i < top.length; i++) assert.ok((top[i - 1]?.score ?? 0) >= (top[i]?.score ?? 0));
});

test('updates, removals and restore keep search consistent', () => {
  const index = new VectorIndex(2, 2, 2);
  index.set('a', Float32Array.from([1, 0]));
  index.set('b', Float32Array.from([0, 1]));
  index.set('c', Float32Array.from([0.7, 0.7]));
  index.rebuild(1);
  index.set('a', Float32Array.from([0, 0.1]));
  index.remove('b');
  const q = Float32Array.from([1, 0]);
  assert.deepEqual(index.search(q, 3).map((h) => h.id), ['c', 'a']);
  const copy = new VectorIndex(2, 2, 2);
  copy.restore(JSON.parse(JSON.stringify(index.snapshot())) as ReturnType<VectorIndex['snapshot']>);
  assert.deepEqual(copy.search(q, 3), index.search(q, 3));
  assert.deepEqual(index.search(q, 3, (id) => id === 'c').map((h) => h.id), ['a']);
});
