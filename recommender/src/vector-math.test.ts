import { test } from 'node:test';
import assert from 'node:assert/strict';
import { centroidTails, nearest } from './vector-math.ts';
import { mulberry32 } from './rng.ts';

test('nearest with its pruning bound picks the same centroid as the full scan, ties included', () => {
  const random = mulberry32(5);
  const d = 16;
  const k = 150;
  const centroids = new Float64Array(k * d);
  for (let c = 0; c < k; c++) {
    // unit vectors, as k-means leaves them; every tenth a copy of the one before (a tie)
    let norm = 0;
    for (let j = 0; j < d; j++) {
      const x = c % 10 === 9 ? (centroids[(c - 1) * d + j] as number) : Math.fround(random() * 2 - 1);
      centroids[c * d + j] = x;
      norm += x * x;
    }
    for (let j = 0; j < d; j++) centroids[c * d + j] = Math.fround((centroids[c * d + j] as number) / Math.sqrt(norm));
  }
  const tails = centroidTails(centroids, k, d);
  const rows = new Float32Array(3000 * d);
  for (let i = 0; i < rows.length; i++) rows[i] = (random() * 2 - 1) * (i % 7 === 0 ? 1e-6 : 0.3);
  // a row equal to a duplicated centroid: both score the same, the first must win
  rows.set(centroids.subarray(8 * d, 9 * d), 0);
  let notFirst = 0;
  for (let r = 0; r < 3000; r++) {
    const full = nearest(centroids, k, d, rows, r * d);
    const fast = nearest(centroids, k, d, rows, r * d, tails);
    assert.equal(fast, full, `row ${r}`);
    if (full !== 0) notFirst++;
  }
  assert.equal(nearest(centroids, k, d, rows, 0, tails), 8);
  assert.ok(notFirst > 1000, "rows spread over the centroids");
});
