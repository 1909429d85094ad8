/**
 * The inner products of the vector index: a query against packed rows, and a row against the
 * centroids. Sums run left to right in float64 (float32 values widen exactly), so every dimension
 * gives the same bits as a plain loop; both are unrolled for the default dimension (16), the hot
 * loops of search, clustering and list assignment.
 */
const queryScratch = new Float64Array(64);

/** The query in a float64 scratch (exact: float32 values widen without rounding). */
export function loadQuery(query: Float32Array, d: number, base = 0): Float64Array {
  const q = d <= queryScratch.length ? queryScratch : new Float64Array(d);
  for (let j = 0; j < d; j++) q[j] = query[base + j] as number;
  return q;
}

/** q · m[base..base+d). */
export function dot(q: Float64Array, d: number, m: Float32Array, base: number): number {
  if (d !== 16) {
    let s = 0;
    for (let j = 0; j < d; j++) s += (q[j] as number) * (m[base + j] as number);
    return s;
  }
  return 0 +
    (q[0] as number) * (m[base] as number) + (q[1] as number) * (m[base + 1] as number) +
    (q[2] as number) * (m[base + 2] as number) + (q[3] as number) * (m[base + 3] as number) +
    (q[4] as number) * (m[base + 4] as number) + (q[5] as number) * (m[base + 5] as number) +
    (q[6] as number) * (m[base + 6] as number) + (q[7] as number) * (m[base + 7] as number) +
    (q[8] as number) * (m[base + 8] as number) + (q[9] as number) * (m[base + 9] as number) +
    (q[10] as number) * (m[base + 10] as number) + (q[11] as number) * (m[base + 11] as number) +
    (q[12] as number) * (m[base + 12] as number) + (q[13] as number) * (m[base + 13] as number) +
    (q[14] as number) * (m[base + 14] as number) + (q[15] as number) * (m[base + 15] as number);
}

/**
 * The first of the `k` centroids (`d` floats each, float64 copies of the float32 centroids) with
 * the largest inner product with rows[base..base+d): the row is held in locals and the centroids
 * read as float64, no conversion per product (the same sums, bit for bit, as `dot`).
 */
export function nearest(centroids: Float64Array, k: number, d: number, rows: Float32Array, base: number): number {
  let best = 0;
  let bestScore = -Infinity;
  if (d !== 16) {
    const q = loadQuery(rows, d, base);
    for (let c = 0; c < k; c++) {
      let s = 0;
      for (let j = 0; j < d; j++) s += (q[j] as number) * (centroids[c * d + j] as number);
      if (s > bestScore) {
        bestScore = s;
        best = c;
      }
    }
    return best;
  }
  const q0 = rows[base] as number, q1 = rows[base + 1] as number, q2 = rows[base + 2] as number, q3 = rows[base + 3] as number;
  const q4 = rows[base + 4] as number, q5 = rows[base + 5] as number, q6 = rows[base + 6] as number, q7 = rows[base + 7] as number;
  const q8 = rows[base + 8] as number, q9 = rows[base + 9] as number, q10 = rows[base + 10] as number, q11 = rows[base + 11] as number;
  const q12 = rows[base + 12] as number, q13 = rows[base + 13] as number, q14 = rows[base + 14] as number, q15 = rows[base + 15] as number;
  const m = centroids;
  for (let c = 0, o = 0; c < k; c++, o += 16) {
    const s = 0 +
      q0 * (m[o] as number) + q1 * (m[o + 1] as number) + q2 * (m[o + 2] as number) + q3 * (m[o + 3] as number) +
      q4 * (m[o + 4] as number) + q5 * (m[o + 5] as number) + q6 * (m[o + 6] as number) + q7 * (m[o + 7] as number) +
      q8 * (m[o + 8] as number) + q9 * (m[o + 9] as number) + q10 * (m[o + 10] as number) + q11 * (m[o + 11] as number) +
      q12 * (m[o + 12] as number) + q13 * (m[o + 13] as number) + q14 * (m[o + 14] as number) + q15 * (m[o + 15] as number);
    if (s > bestScore) {
      bestScore = s;
      best = c;
    }
  }
  return best;
}
