/**
 * Maximum-inner-product search over item vectors. Below `threshold` rows it scans everything;
 * above, an inverted file (IVF): spherical k-means centroids, each row listed under its nearest
 * centroid, and a query scans the lists of its `probes` best centroids. Pure TypeScript,
 * deterministic: results are ordered by score, ties by row number.
 */
import { mulberry32 } from './rng.ts';
import { encodeF32, decodeF32 } from './codec.ts';
import { TopK } from './top-k.ts';
import { IvfList } from './ivf-list.ts';
import { dot, loadQuery, nearest } from './vector-math.ts';

const KMEANS_ITERATIONS = 6;
const KMEANS_SAMPLE = 4000;

/** Whether a search leaves out the row of `id` (tagged `tag`). */
export type Skip<Tag> = (id: string, tag: Tag | undefined) => boolean;

export interface IndexSnapshot {
  ids: (string | null)[];
  free: number[];
  rows: string;
  centroids: string | null;
  builtSize: number;
  /** list of each row (-1: none) */
  lists: number[];
}

export class VectorIndex<Tag = unknown> {
  private rows: Float32Array;
  private ids: (string | null)[] = [];
  /** what the caller tagged each row with (the engine: its video record), handed to `search`'s skip */
  private tags: (Tag | undefined)[] = [];
  private readonly rowById = new Map<string, number>();
  private free: number[] = [];
  private centroids: Float32Array | null = null;
  /** the centroids widened to float64 (exact), what list assignment reads */
  private centroids64 = new Float64Array(0);
  private lists: IvfList[] = [];
  private listOf: number[] = [];
  /** position of each listed row in its list */
  private posOf: number[] = [];
  /** rows when the lists were last built */
  private builtSize = 0;
  private scoreScratch = new Float64Array(0);
  private orderScratch = new Uint32Array(0);

  /** floats per row: the `dim` searched, then `extra` payload kept with the row (item biases) */
  readonly width: number;

  constructor(
    readonly dim: number,
    readonly threshold: number,
    readonly probes = 8,
    extra = 0,
  ) {
    this.width = dim + extra;
    this.rows = new Float32Array(this.width * 1024);
  }

  /** The stored row of `id` (a view: copy it to keep it), or null. */
  row(id: string): Float32Array | null {
    const row = this.rowById.get(id);
    return row === undefined ? null : this.rows.subarray(row * this.width, (row + 1) * this.width);
  }

  /** Where the row of `id` starts in `data` (-1: not indexed). */
  offsetOf(id: string): number {
    const row = this.rowById.get(id);
    return row === undefined ? -1 : row * this.width;
  }

  /** The row number of `id` (-1: not indexed); `hint`, a row it had before, is checked first. */
  rowOf(id: string, hint = -1): number {
    if (hint >= 0 && this.ids[hint] === id) return hint;
    return this.rowById.get(id) ?? -1;
  }

  /** Every row, `width` floats each (read-only for callers; replaced when the index grows). */
  get data(): Float32Array {
    return this.rows;
  }

  get size(): number {
    return this.rowById.size;
  }

  get usesIvf(): boolean {
    return this.centroids !== null;
  }

  /** True when the index is past its threshold and doubled since its lists were last built. */
  get needsRebuild(): boolean {
    return this.rowById.size >= this.threshold && this.rowById.size >= 2 * this.builtSize;
  }

  /**
   * Stores the row of `id` and lists it under its nearest centroid; returns its row number.
   * `relist: false` only stores it, for a caller that rebuilds the lists right after (a list
   * assignment would be thrown away). `hint`: a row `id` had before, checked first.
   */
  set(id: string, vector: Float32Array, relist = true, hint = -1, tag?: Tag): number {
    let row = hint >= 0 && this.ids[hint] === id ? hint : this.rowById.get(id);
    if (row === undefined) {
      row = this.free.length > 0 ? (this.free.pop() as number) : this.ids.length;
      if (row === this.ids.length) this.ids.push(id);
      else this.ids[row] = id;
      this.rowById.set(id, row);
      if ((row + 1) * this.width > this.rows.length) {
        const grown = new Float32Array(this.rows.length * 2);
        grown.set(this.rows);
        this.rows = grown;
      }
    }
    if (tag !== undefined) this.tags[row] = tag;
    // a row of exactly `width` floats is copied as is (a subarray view per call is garbage)
    this.rows.set(vector.length === this.width ? vector : vector.subarray(0, this.width), row * this.width);
    if (relist && this.centroids) this.assign(row);
    return row;
  }

  remove(id: string): void {
    const row = this.rowById.get(id);
    if (row === undefined) return;
    this.rowById.delete(id);
    this.ids[row] = null;
    this.tags[row] = undefined;
    this.free.push(row);
    if (this.centroids) this.unlist(row);
  }

  /** Re-clusters when the index is past its threshold (call on a deterministic schedule). */
  rebuild(seed: number): void {
    const n = this.rowById.size;
    this.builtSize = n;
    if (n < this.threshold) {
      this.setCentroids(null);
      this.lists = [];
      this.listOf = [];
      return;
    }
    // √n / 4 lists (79 at 100k rows): with 8 probes a search reads ~10% of the rows. √n / 2 lists
    // found 70% of the exact top 120 for For You's queries at 100k videos, this finds 83%, and a
    // trained video's relisting and the refresh compare each row with half as many centroids
    // (bench/README.md, speed, fifth pass)
    const k = Math.max(1, Math.min(Math.round(n / 8), Math.max(8, Math.round(Math.sqrt(n) / 4))));
    // zero rows (items whose features are not admitted yet) carry no direction to cluster on
    const live: number[] = [];
    for (let row = 0; row < this.ids.length; row++) if (this.ids[row] !== null && this.norm(row) > 0) live.push(row);
    if (live.length < k * 4) {
      this.setCentroids(null);
      this.lists = [];
      this.listOf = [];
      return;
    }
    const random = mulberry32(seed);
    const sample: number[] = [];
    for (let i = 0; i < Math.min(KMEANS_SAMPLE, live.length); i++) sample.push(live[Math.floor(random() * live.length)] as number);
    const d = this.dim;
    const centroids = new Float32Array(k * d);
    // the unit vector of each sampled row, once (k-means reads them every iteration)
    const units = new Float32Array(sample.length * d);
    sample.forEach((row, i) => this.unitInto(row, units, i * d));
    for (let c = 0; c < k; c++) centroids.set(units.subarray((c % sample.length) * d, (c % sample.length + 1) * d), c * d);
    const centroids64 = new Float64Array(k * d);
    const sums = new Float32Array(k * d);
    for (let it = 0; it < KMEANS_ITERATIONS; it++) {
      centroids64.set(centroids);
      sums.fill(0);
      for (let i = 0; i < sample.length; i++) {
        const c = nearest(centroids64, k, d, this.rows, (sample[i] as number) * this.width);
        for (let j = 0; j < d; j++) sums[c * d + j] = (sums[c * d + j] as number) + (units[i * d + j] as number);
      }
      for (let c = 0; c < k; c++) {
        let norm = 0;
        for (let j = 0; j < d; j++) norm += (sums[c * d + j] as number) ** 2;
        if (norm === 0) continue;
        const inv = 1 / Math.sqrt(norm);
        for (let j = 0; j < d; j++) centroids[c * d + j] = (sums[c * d + j] as number) * inv;
      }
    }
    this.setCentroids(centroids);
    this.relist();
  }

  private setCentroids(centroids: Float32Array | null): void {
    this.centroids = centroids;
    this.centroids64 = centroids ? Float64Array.from(centroids) : new Float64Array(0);
  }

  private relist(): void {
    const c = this.centroids as Float32Array;
    const k = c.length / this.dim;
    this.lists = Array.from({ length: k }, () => new IvfList(this.dim));
    this.listOf = new Array<number>(this.ids.length).fill(-1);
    this.posOf = new Array<number>(this.ids.length).fill(-1);
    for (let row = 0; row < this.ids.length; row++) if (this.ids[row] !== null) this.assign(row);
  }

  private assign(row: number): void {
    const c = this.centroids64;
    const list = nearest(c, c.length / this.dim, this.dim, this.rows, row * this.width);
    const old = this.listOf[row] ?? -1;
    if (old === list) {
      (this.lists[list] as IvfList).update(this.posOf[row] as number, this.rows, row * this.width);
      return;
    }
    if (old >= 0) this.unlist(row);
    this.list(row, list);
  }

  private list(row: number, list: number): void {
    this.posOf[row] = (this.lists[list] as IvfList).add(row, this.rows, row * this.width);
    this.listOf[row] = list;
  }

  private unlist(row: number): void {
    const old = this.listOf[row] ?? -1;
    if (old < 0) return;
    const moved = (this.lists[old] as IvfList).removeAt(this.posOf[row] as number);
    if (moved >= 0) this.posOf[moved] = this.posOf[row] as number;
    this.listOf[row] = -1;
    this.posOf[row] = -1;
  }

  private norm(row: number): number {
    let norm = 0;
    for (let j = 0; j < this.dim; j++) norm += (this.rows[row * this.width + j] as number) ** 2;
    return norm;
  }

  /** The unit vector of `row`, written (as float32) to out[at..at+dim). */
  private unitInto(row: number, out: Float32Array, at: number): void {
    const base = row * this.width;
    let norm = 0;
    for (let j = 0; j < this.dim; j++) norm += (this.rows[base + j] as number) ** 2;
    const inv = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let j = 0; j < this.dim; j++) out[at + j] = (this.rows[base + j] as number) * inv;
  }

  /** The `k` ids with the largest inner product with `query`, best first, with their rows' tags. */
  search(query: Float32Array, k: number, skip?: Skip<Tag>): { id: string; score: number; tag: Tag | undefined }[] {
    const top = new TopK(k);
    const d = this.dim;
    const q = loadQuery(query, d);
    if (!this.centroids) {
      this.scan(q, this.ids.length, top, skip);
    } else {
      const c = this.centroids;
      const k2 = c.length / d;
      const scores = this.listScores(k2);
      for (let i = 0; i < k2; i++) scores[i] = dot(q, d, c, i * d);
      const order = this.listOrder(k2).sort((a, b) => (scores[b] as number) - (scores[a] as number) || a - b);
      // probe the best lists, and further ones while fewer than k results were found
      for (let p = 0; p < order.length && (p < this.probes || top.count < k); p++) {
        this.scanList(q, this.lists[order[p] as number] as IvfList, top, skip);
      }
    }
    return top.sorted().map(({ row, score }) => ({ id: this.ids[row] as string, score, tag: this.tags[row] }));
  }

  /** Scratch for a search's centroid scores (reused: a search allocates no per-list objects). */
  private listScores(k: number): Float64Array {
    if (this.scoreScratch.length !== k) this.scoreScratch = new Float64Array(k);
    return this.scoreScratch;
  }

  /** 0..k-1, to be sorted in place by a search. */
  private listOrder(k: number): Uint32Array {
    if (this.orderScratch.length !== k) this.orderScratch = new Uint32Array(k);
    for (let i = 0; i < k; i++) this.orderScratch[i] = i;
    return this.orderScratch;
  }

  /** Offers rows 0..n to `top` (brute force). */
  private scan(q: Float64Array, n: number, top: TopK, skip?: Skip<Tag>): void {
    const ids = this.ids;
    const rows = this.rows;
    const width = this.width;
    const d = this.dim;
    for (let row = 0; row < n; row++) {
      const id = ids[row];
      if (id === null || id === undefined) continue;
      const s = dot(q, d, rows, row * width);
      if (top.admits(row, s) && !(skip && skip(id, this.tags[row]))) top.push(row, s);
    }
  }

  /** Offers the rows of one list to `top`, from the list's packed vectors. */
  private scanList(q: Float64Array, list: IvfList, top: TopK, skip?: Skip<Tag>): void {
    const ids = this.ids;
    const rows = list.rows;
    const vectors = list.vectors;
    const d = this.dim;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i] as number;
      const s = dot(q, d, vectors, i * d);
      if (top.admits(row, s) && !(skip && skip(ids[row] as string, this.tags[row]))) top.push(row, s);
    }
  }

  snapshot(): IndexSnapshot {
    return {
      ids: [...this.ids],
      free: [...this.free],
      rows: encodeF32(this.rows.subarray(0, this.ids.length * this.width)),
      centroids: this.centroids ? encodeF32(this.centroids) : null,
      builtSize: this.builtSize,
      lists: this.ids.map((_, row) => this.listOf[row] ?? -1),
    };
  }

  restore(s: IndexSnapshot): void {
    const rows = decodeF32(s.rows);
    this.rows = new Float32Array(Math.max(rows.length, this.width * 1024));
    this.rows.set(rows);
    this.ids = [...s.ids];
    this.tags = [];
    this.rowById.clear();
    this.free = [...s.free];
    this.ids.forEach((id, row) => {
      if (id !== null) this.rowById.set(id, row);
    });
    this.setCentroids(s.centroids === null ? null : decodeF32(s.centroids));
    this.builtSize = s.builtSize;
    this.lists = this.centroids ? Array.from({ length: (this.centroids as Float32Array).length / this.dim }, () => new IvfList(this.dim)) : [];
    this.listOf = new Array<number>(this.ids.length).fill(-1);
    this.posOf = new Array<number>(this.ids.length).fill(-1);
    s.lists.forEach((list, row) => {
      if (list >= 0) this.list(row, list);
    });
  }
}
