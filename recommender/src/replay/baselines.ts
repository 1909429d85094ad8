/** Baselines for replay: most-popular and item-kNN, each with an online Platt calibration. */
import { sigmoid } from '../ranker.model.ts';

/** p = σ(a·x + b), learned online with Adagrad (turns any score into a probability for log loss). */
export class Calibrator {
  private a = 1;
  private b = 0;
  private accA = 1;
  private accB = 1;

  predict(x: number): number {
    return sigmoid(this.a * x + this.b);
  }

  learn(x: number, positive: boolean): void {
    const g = this.predict(x) - (positive ? 1 : 0);
    this.accA += (g * x) ** 2;
    this.accB += g * g;
    this.a -= (0.1 * g * x) / Math.sqrt(this.accA);
    this.b -= (0.1 * g) / Math.sqrt(this.accB);
  }
}

export interface Baseline {
  score(userId: string, itemId: string): number;
  learn(userId: string, itemId: string, positive: boolean): void;
}

/** Most popular: log of the item's positive count so far. */
export class Popularity implements Baseline {
  private readonly positives = new Map<string, number>();
  score(_userId: string, itemId: string): number {
    return Math.log1p(this.positives.get(itemId) ?? 0);
  }
  learn(_userId: string, itemId: string, positive: boolean): void {
    if (positive) this.positives.set(itemId, (this.positives.get(itemId) ?? 0) + 1);
  }
}

const RECENT = 20;

/** Item-kNN: cosine of co-occurrence in users' recent positives, summed over the user's recent positives. */
export class ItemKnn implements Baseline {
  private readonly co = new Map<string, Map<string, number>>();
  private readonly count = new Map<string, number>();
  private readonly recent = new Map<string, string[]>();

  score(userId: string, itemId: string): number {
    const recent = this.recent.get(userId);
    const row = this.co.get(itemId);
    if (!recent || !row) return 0;
    const ni = this.count.get(itemId) ?? 1;
    let s = 0;
    for (const j of recent) {
      const c = row.get(j);
      if (c) s += c / Math.sqrt(ni * (this.count.get(j) ?? 1));
    }
    return s;
  }

  learn(userId: string, itemId: string, positive: boolean): void {
    if (!positive) return;
    let recent = this.recent.get(userId);
    if (!recent) {
      recent = [];
      this.recent.set(userId, recent);
    }
    if (recent.includes(itemId)) return;
    this.count.set(itemId, (this.count.get(itemId) ?? 0) + 1);
    for (const j of recent) {
      this.bump(itemId, j);
      this.bump(j, itemId);
    }
    recent.push(itemId);
    if (recent.length > RECENT) recent.shift();
  }

  private bump(i: string, j: string): void {
    let row = this.co.get(i);
    if (!row) {
      row = new Map();
      this.co.set(i, row);
    }
    row.set(j, (row.get(j) ?? 0) + 1);
  }
}
