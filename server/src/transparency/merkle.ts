// RFC 9162 (Certificate Transparency 2.0) Merkle tree hashing, proofs and their verification.
// Pure functions over leaf hashes (SHA-256): leaf = H(0x00 || entry), node = H(0x01 || left || right),
// MTH of a non-power-of-two list splits at the largest power of two smaller than its length (§2.1.1).
import { createHash } from 'node:crypto';

export type Hash = Uint8Array;

export function leafHash(entry: Uint8Array | string): Hash {
  return createHash('sha256').update(Uint8Array.of(0)).update(entry).digest();
}

export function nodeHash(left: Hash, right: Hash): Hash {
  return createHash('sha256').update(Uint8Array.of(1)).update(left).update(right).digest();
}

const EMPTY_ROOT: Hash = createHash('sha256').digest();

/** The largest power of two strictly smaller than n (n ≥ 2). */
function split(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * Roots of complete subtrees (2^j leaves starting at a multiple of 2^j) already computed: in an
 * append-only log they never change, so a server keeps one per log and proofs and roots cost
 * O(log² n) hashes instead of O(n). Keyed `start:size`.
 */
export type SubtreeMemo = Map<string, Hash>;

/** MTH(D[start:end]) over leaf hashes (recursion depth ≤ log2 n). */
export function subtreeRoot(leaves: readonly Hash[], start = 0, end = leaves.length, memo?: SubtreeMemo): Hash {
  const n = end - start;
  if (n === 0) return EMPTY_ROOT;
  if (n === 1) return leaves[start]!;
  const complete = memo !== undefined && (n & (n - 1)) === 0 && start % n === 0;
  if (complete) {
    const known = memo.get(`${start}:${n}`);
    if (known) return known;
  }
  const k = split(n);
  const root = nodeHash(subtreeRoot(leaves, start, start + k, memo), subtreeRoot(leaves, start + k, end, memo));
  if (complete) memo.set(`${start}:${n}`, root);
  return root;
}

export function treeRoot(leaves: readonly Hash[], size = leaves.length, memo?: SubtreeMemo): Hash {
  return subtreeRoot(leaves, 0, size, memo);
}

/** PATH(m, D[0:n]) — RFC 9162 §2.1.3.1. */
export function inclusionProof(leaves: readonly Hash[], index: number, size: number, memo?: SubtreeMemo): Hash[] {
  if (!(index >= 0 && index < size && size <= leaves.length)) throw new RangeError(`no leaf ${index} in a tree of ${size}`);
  const path: Hash[] = [];
  const walk = (m: number, start: number, end: number) => {
    const n = end - start;
    if (n <= 1) return;
    const k = split(n);
    if (m < k) {
      walk(m, start, start + k);
      path.push(subtreeRoot(leaves, start + k, end, memo));
    } else {
      walk(m - k, start + k, end);
      path.push(subtreeRoot(leaves, start, start + k, memo));
    }
  };
  walk(index, 0, size);
  return path;
}

/** PROOF(m, D[0:n]) — RFC 9162 §2.1.4.1. */
export function consistencyProof(leaves: readonly Hash[], from: number, to: number, memo?: SubtreeMemo): Hash[] {
  if (!(from > 0 && from <= to && to <= leaves.length)) throw new RangeError(`no consistency proof from ${from} to ${to}`);
  const proof: Hash[] = [];
  const subproof = (m: number, start: number, end: number, whole: boolean) => {
    const n = end - start;
    if (m === n) {
      if (!whole) proof.push(subtreeRoot(leaves, start, end, memo));
      return;
    }
    const k = split(n);
    if (m <= k) {
      subproof(m, start, start + k, whole);
      proof.push(subtreeRoot(leaves, start + k, end, memo));
    } else {
      subproof(m - k, start + k, end, false);
      proof.push(subtreeRoot(leaves, start, start + k, memo));
    }
  };
  if (from < to) subproof(from, 0, to, true);
  return proof;
}

const equal = (a: Hash, b: Hash) => a.length === b.length && a.every((x, i) => x === b[i]);

/** RFC 9162 §2.1.3.2: does `proof` show the leaf with this hash at `index` in the tree of `size` with `root`? */
export function verifyInclusion(leaf: Hash, index: number, size: number, proof: readonly Hash[], root: Hash): boolean {
  if (index >= size || index < 0) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(r, root);
}

/** RFC 9162 §2.1.4.2: is the tree (size2, root2) an append-only extension of (size1, root1)? */
export function verifyConsistency(size1: number, size2: number, proof: readonly Hash[], root1: Hash, root2: Hash): boolean {
  if (size1 < 1 || size2 < size1) return false;
  if (size1 === size2) return proof.length === 0 && equal(root1, root2);
  let path = [...proof];
  if (path.length === 0) return false;
  // a power of two: the first tree is a complete subtree, so its root starts the path
  if ((size1 & (size1 - 1)) === 0) path = [root1, ...path];
  let fn = size1 - 1;
  let sn = size2 - 1;
  while (fn % 2 === 1) {
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (fn % 2 === 1 || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      if (fn % 2 === 0) {
        while (fn % 2 === 0 && fn !== 0) {
          fn = Math.floor(fn / 2);
          sn = Math.floor(sn / 2);
        }
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = Math.floor(fn / 2);
    sn = Math.floor(sn / 2);
  }
  return sn === 0 && equal(fr, root1) && equal(sr, root2);
}
