/** Offline metrics: AUC (ties averaged), group AUC by user, log loss, Recall@k, NDCG@k. */

export function auc(scores: number[], labels: boolean[]): number {
  const idx = scores.map((_, i) => i).sort((a, b) => (scores[a] as number) - (scores[b] as number));
  let pos = 0;
  let rankSum = 0;
  let i = 0;
  while (i < idx.length) {
    let j = i;
    while (j + 1 < idx.length && scores[idx[j + 1] as number] === scores[idx[i] as number]) j++;
    const avgRank = (i + j) / 2 + 1;
    for (let k = i; k <= j; k++) {
      if (labels[idx[k] as number]) {
        pos++;
        rankSum += avgRank;
      }
    }
    i = j + 1;
  }
  const neg = idx.length - pos;
  if (pos === 0 || neg === 0) return NaN;
  return (rankSum - (pos * (pos + 1)) / 2) / (pos * neg);
}

/** AUC per user, weighted by the user's number of events; users with one class only are skipped. */
export function gauc(users: string[], scores: number[], labels: boolean[]): number {
  const groups = new Map<string, number[]>();
  users.forEach((u, i) => {
    const g = groups.get(u);
    if (g) g.push(i);
    else groups.set(u, [i]);
  });
  let weighted = 0;
  let weight = 0;
  for (const g of groups.values()) {
    const a = auc(g.map((i) => scores[i] as number), g.map((i) => labels[i] as boolean));
    if (Number.isNaN(a)) continue;
    weighted += a * g.length;
    weight += g.length;
  }
  return weight === 0 ? NaN : weighted / weight;
}

export function logloss(probabilities: number[], labels: boolean[]): number {
  let sum = 0;
  probabilities.forEach((p, i) => {
    const q = Math.min(1 - 1e-7, Math.max(1e-7, p));
    sum -= labels[i] ? Math.log(q) : Math.log(1 - q);
  });
  return probabilities.length === 0 ? NaN : sum / probabilities.length;
}

/** Rank (0 = best) of `target` among `scores`, ties counted pessimistically. */
export function rankOf(target: number, scores: Iterable<number>): number {
  let rank = 0;
  for (const s of scores) if (s >= target) rank++;
  return Math.max(0, rank - 1);
}

export const recallAt = (rank: number, k: number): number => (rank < k ? 1 : 0);
export const ndcgAt = (rank: number, k: number): number => (rank < k ? 1 / Math.log2(rank + 2) : 0);
