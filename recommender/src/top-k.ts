/** A bounded min-heap keeping the k best (score, row) pairs. */
export class TopK {
  private readonly rows: number[] = [];
  private readonly scores: number[] = [];
  constructor(private readonly k: number) {}

  get count(): number {
    return this.rows.length;
  }

  get floor(): number {
    return this.rows.length < this.k ? -Infinity : (this.scores[0] as number);
  }

  /** Whether (row, score) would enter the heap: better score, or equal score and smaller row. */
  admits(row: number, score: number): boolean {
    if (this.k <= 0) return false;
    if (this.rows.length < this.k) return true;
    const min = this.scores[0] as number;
    return score > min || (score === min && row < (this.rows[0] as number));
  }

  push(row: number, score: number): void {
    if (this.k <= 0) return;
    if (this.rows.length < this.k) {
      this.rows.push(row);
      this.scores.push(score);
      this.up(this.rows.length - 1);
    } else if (score > (this.scores[0] as number) || (score === this.scores[0] && row < (this.rows[0] as number))) {
      this.rows[0] = row;
      this.scores[0] = score;
      this.down(0);
    }
  }

  private less(i: number, j: number): boolean {
    const a = this.scores[i] as number;
    const b = this.scores[j] as number;
    return a < b || (a === b && (this.rows[i] as number) > (this.rows[j] as number));
  }

  private swap(i: number, j: number): void {
    [this.rows[i], this.rows[j]] = [this.rows[j] as number, this.rows[i] as number];
    [this.scores[i], this.scores[j]] = [this.scores[j] as number, this.scores[i] as number];
  }

  private up(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.rows.length && this.less(l, m)) m = l;
      if (r < this.rows.length && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
  }

  sorted(): { row: number; score: number }[] {
    return this.rows
      .map((row, i) => ({ row, score: this.scores[i] as number }))
      .sort((a, b) => b.score - a.score || a.row - b.row);
  }
}
