/**
 * Per-user "already served" filter with bounded memory: two generations of a Bloom filter.
 * Inserts go to the current generation; when it holds `perGeneration` ids it becomes the
 * previous one and a fresh generation starts, so the filter remembers between `perGeneration`
 * and 2 × `perGeneration` recent ids. False positives (~1% at capacity) only hide a video.
 */
import { hash32 } from './rng.ts';
import { encodeU32, decodeU32 } from './codec.ts';

const BITS = 8192;
const WORDS = BITS / 32;
const HASHES = 5;
export const SEEN_PER_GENERATION = 700;

export interface SeenSnapshot {
  current: string;
  previous: string | null;
  count: number;
}

/**
 * The two hashes of an id that the filter's bits derive from. A bit is chosen by the low 13 bits
 * of h1 + i·h2 (BITS = 8192), which depend only on the low 13 bits of h1 and h2: the hashes are
 * kept to 16 bits, small integers a video record holds without boxing (same bits as full hashes).
 */
const HASH_MASK = 0xffff;
export const seenHash1 = (id: string): number => hash32(id, 17) & HASH_MASK;
export const seenHash2 = (id: string): number => (hash32(id, 91) | 1) & HASH_MASK;

export class SeenFilter {
  private current: Uint32Array = new Uint32Array(WORDS);
  private previous: Uint32Array | null = null;
  private count = 0;

  add(id: string): void {
    this.addHashed(seenHash1(id), seenHash2(id));
  }

  /** As `add()`, from the id's hashes (`seenHash1`, `seenHash2`). */
  addHashed(h1: number, h2: number): void {
    if (this.hasHashed(h1, h2)) return;
    if (this.count >= SEEN_PER_GENERATION) {
      this.previous = this.current;
      this.current = new Uint32Array(WORDS);
      this.count = 0;
    }
    for (let i = 0; i < HASHES; i++) {
      const bit = (h1 + Math.imul(i, h2)) >>> 0;
      const word = (bit >>> 5) & (WORDS - 1);
      this.current[word] = (this.current[word] as number) | (1 << (bit & 31));
    }
    this.count++;
  }

  /** Forgets every id (the feed starts over once the viewer has seen everything). */
  clear(): void {
    this.current = new Uint32Array(WORDS);
    this.previous = null;
    this.count = 0;
  }

  has(id: string): boolean {
    return this.hasHashed(seenHash1(id), seenHash2(id));
  }

  /** As `has()`, from the id's hashes (`seenHash1`, `seenHash2`). */
  hasHashed(h1: number, h2: number): boolean {
    return contains(this.current, h1, h2) || (this.previous !== null && contains(this.previous, h1, h2));
  }

  snapshot(): SeenSnapshot {
    return { current: encodeU32(this.current), previous: this.previous ? encodeU32(this.previous) : null, count: this.count };
  }

  static restore(s: SeenSnapshot): SeenFilter {
    const filter = new SeenFilter();
    filter.current = decodeU32(s.current);
    filter.previous = s.previous === null ? null : decodeU32(s.previous);
    filter.count = s.count;
    return filter;
  }
}

function contains(bits: Uint32Array, h1: number, h2: number): boolean {
  for (let i = 0; i < HASHES; i++) {
    const bit = (h1 + Math.imul(i, h2)) >>> 0;
    const word = (bit >>> 5) & (WORDS - 1);
    if (((bits[word] as number) & (1 << (bit & 31))) === 0) return false;
  }
  return true;
}
