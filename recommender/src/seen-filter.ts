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

export class SeenFilter {
  private current: Uint32Array = new Uint32Array(WORDS);
  private previous: Uint32Array | null = null;
  private count = 0;

  add(id: string): void {
    if (this.has(id)) return;
    if (this.count >= SEEN_PER_GENERATION) {
      this.previous = this.current;
      this.current = new Uint32Array(WORDS);
      this.count = 0;
    }
    const h1 = hash32(id, 17);
    const h2 = hash32(id, 91) | 1;
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
    const h1 = hash32(id, 17);
    const h2 = hash32(id, 91) | 1;
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
