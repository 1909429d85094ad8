/**
 * One inverted list of the IVF index: its rows and a packed copy of their searched dimensions,
 * so a probe reads one contiguous block instead of rows scattered over the whole index.
 */
export class IvfList {
  readonly rows: number[] = [];
  vectors: Float32Array;

  constructor(readonly dim: number) {
    this.vectors = new Float32Array(dim * 16);
  }

  get length(): number {
    return this.rows.length;
  }

  /** Appends `row` (its vector is `source[base..base+dim)`); returns its position. */
  add(row: number, source: Float32Array, base: number): number {
    const pos = this.rows.length;
    if ((pos + 1) * this.dim > this.vectors.length) {
      const grown = new Float32Array(this.vectors.length * 2);
      grown.set(this.vectors);
      this.vectors = grown;
    }
    this.rows.push(row);
    this.update(pos, source, base);
    return pos;
  }

  update(pos: number, source: Float32Array, base: number): void {
    // copied by hand: a subarray view per call was most of the garbage of a training step
    const vectors = this.vectors;
    const at = pos * this.dim;
    for (let j = 0; j < this.dim; j++) vectors[at + j] = source[base + j] as number;
  }

  /** Removes the entry at `pos` by moving the last one there; returns the moved row (-1: none). */
  removeAt(pos: number): number {
    const last = this.rows.length - 1;
    const moved = this.rows[last] as number;
    this.rows.pop();
    if (pos === last) return -1;
    this.rows[pos] = moved;
    this.vectors.copyWithin(pos * this.dim, last * this.dim, (last + 1) * this.dim);
    return moved;
  }
}
