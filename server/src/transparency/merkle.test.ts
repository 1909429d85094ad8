// The tree against an independent, literal transcription of RFC 9162 §2.1 written here with array
// slices and recursion: every root, every inclusion proof and every consistency proof for sizes 1..40,
// each verified, and each broken proof refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { consistencyProof, inclusionProof, leafHash, treeRoot, verifyConsistency, verifyInclusion } from './merkle.ts';

const sha = (...parts: Buffer[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
const K = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1); // largest power of two < n
const MTH = (d: Buffer[]): Buffer =>
  d.length === 0 ? sha() : d.length === 1 ? sha(Buffer.from([0]), d[0]!) : sha(Buffer.from([1]), MTH(d.slice(0, K(d.length))), MTH(d.slice(K(d.length))));
const PATH = (m: number, d: Buffer[]): Buffer[] => {
  if (d.length <= 1) return [];
  const k = K(d.length);
  return m < k ? [...PATH(m, d.slice(0, k)), MTH(d.slice(k))] : [...PATH(m - k, d.slice(k)), MTH(d.slice(0, k))];
};
const SUBPROOF = (m: number, d: Buffer[], b: boolean): Buffer[] => {
  const n = d.length;
  if (m === n) return b ? [] : [MTH(d)];
  const k = K(n);
  return m <= k ? [...SUBPROOF(m, d.slice(0, k), b), MTH(d.slice(k))] : [...SUBPROOF(m - k, d.slice(k), false), MTH(d.slice(0, k))];
};
const PROOF = (m: number, d: Buffer[]) => (m === d.length ? [] : SUBPROOF(m, d, true));

const entries = Array.from({ length: 40 }, (_, i) => Buffer.from(`{"entry":${i}}`));
const leaves = entries.map((e) => leafHash(e));
const hex = (list: Uint8Array[]) => list.map((h) => Buffer.from(h).toString('hex'));
const flip = (h: Uint8Array) => {
  const c = Uint8Array.from(h);
  c[0] = c[0]! ^ 1;
  return c;
};

test('K is the largest power of two below n', () => {
  assert.deepEqual([2, 3, 4, 5, 8, 9].map(K), [1, 2, 2, 4, 4, 8]);
});

test('roots match the RFC definition for every size, including the empty tree', () => {
  assert.equal(Buffer.from(treeRoot([])).toString('hex'), 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
  for (let n = 1; n <= 40; n++) assert.equal(Buffer.from(treeRoot(leaves, n)).toString('hex'), MTH(entries.slice(0, n)).toString('hex'), `size ${n}`);
});

test('every inclusion proof matches PATH and verifies; a wrong leaf, index, root or proof does not', () => {
  for (let n = 1; n <= 40; n++) {
    const root = treeRoot(leaves, n);
    for (let m = 0; m < n; m++) {
      const proof = inclusionProof(leaves, m, n);
      assert.deepEqual(hex(proof), hex(PATH(m, entries.slice(0, n))), `PATH(${m}, ${n})`);
      assert.ok(verifyInclusion(leaves[m]!, m, n, proof, root), `verify ${m} in ${n}`);
      assert.ok(!verifyInclusion(flip(leaves[m]!), m, n, proof, root));
      assert.ok(!verifyInclusion(leaves[m]!, m, n, proof, flip(root)));
      if (n > 1) assert.ok(!verifyInclusion(leaves[m]!, (m + 1) % n, n, proof, root), `wrong index ${m} in ${n}`);
      if (proof.length > 0) {
        assert.ok(!verifyInclusion(leaves[m]!, m, n, [...proof.slice(0, -1), flip(proof.at(-1)!)], root));
        assert.ok(!verifyInclusion(leaves[m]!, m, n, proof.slice(0, -1), root), 'a short proof');
      }
      assert.ok(!verifyInclusion(leaves[m]!, m, n, [...proof, root], root), 'a long proof');
    }
  }
});

test('with a memo of complete subtrees (as the server keeps one per log), roots and proofs are the same', () => {
  const memo = new Map();
  for (let n = 1; n <= 40; n++) {
    assert.deepEqual(hex([treeRoot(leaves, n, memo)]), hex([MTH(entries.slice(0, n))]));
    for (let m = 0; m < n; m++) assert.deepEqual(hex(inclusionProof(leaves, m, n, memo)), hex(PATH(m, entries.slice(0, n))));
    for (let m = 1; m <= n; m++) assert.deepEqual(hex(consistencyProof(leaves, m, n, memo)), hex(PROOF(m, entries.slice(0, n))));
  }
  assert.ok(memo.size > 0 && [...memo.keys()].every((k) => { const [s, z] = k.split(':').map(Number); return (z! & (z! - 1)) === 0 && s! % z! === 0; }));
});

test('every consistency proof matches PROOF and verifies; a rewritten history does not', () => {
  for (let n = 1; n <= 40; n++) {
    const root2 = treeRoot(leaves, n);
    for (let m = 1; m <= n; m++) {
      const root1 = treeRoot(leaves, m);
      const proof = consistencyProof(leaves, m, n);
      assert.deepEqual(hex(proof), hex(PROOF(m, entries.slice(0, n))), `PROOF(${m}, ${n})`);
      assert.ok(verifyConsistency(m, n, proof, root1, root2), `consistency ${m} → ${n}`);
      assert.ok(!verifyConsistency(m, n, proof, flip(root1), root2));
      assert.ok(!verifyConsistency(m, n, proof, root1, flip(root2)));
      for (let i = 0; i < proof.length; i++) {
        const bad = proof.map((h, j) => (j === i ? flip(h) : h));
        assert.ok(!verifyConsistency(m, n, bad, root1, root2), `tampered proof element ${i} for ${m} → ${n}`);
      }
      // a history whose first m entries differ (leaf 0 rewritten) is not consistent with the old root
      const forged = [leafHash('forged'), ...leaves.slice(1, n)];
      if (m < n) assert.ok(!verifyConsistency(m, n, consistencyProof(forged, m, n), root1, treeRoot(forged, n)), `fork ${m} → ${n}`);
    }
  }
});
