/**
 * Re-ranking: turns scored candidates into a page. Hard rules: a video at most once, never the
 * same creator twice in a row (also across the page boundary) while any other creator's video is
 * left — a small catalogue of one creator still fills the page. Soft rules: a penalty for each
 * earlier item of the same topic or creator in the page, and exploration items in fixed slots.
 */
import type { VideoRecord } from './catalogue.ts';

export interface Scored {
  rec: VideoRecord;
  score: number;
  sources: number;
}

const TOPIC_PENALTY = 0.02;
const CREATOR_PENALTY = 0.15;
const WINDOW = 40;
/** page positions (mod 5) given to exploration */
const EXPLORE_SLOT = 3;

const topicOf = (rec: VideoRecord): string => rec.keys.tags[0] ?? rec.keys.creator;

export function arrange(main: Scored[], explore: Scored[], count: number, previousCreator: string | null = null): Scored[] {
  const byScore = (a: Scored, b: Scored): number => b.score - a.score || (a.rec.meta.id < b.rec.meta.id ? -1 : 1);
  const pools = { main: [...main].sort(byScore), explore: [...explore].sort(byScore) };
  const chosen = new Set<string>();
  const topics = new Map<string, number>();
  const creators = new Map<string, number>();
  const page: Scored[] = [];
  let lastCreator = previousCreator;

  const pick = (pool: Scored[], sameCreatorOk = false): Scored | null => {
    let best: Scored | null = null;
    let bestIndex = -1;
    let bestValue = -Infinity;
    let looked = 0;
    for (let i = 0; i < pool.length && looked < WINDOW; i++) {
      const s = pool[i] as Scored;
      if (chosen.has(s.rec.meta.id) || (!sameCreatorOk && s.rec.meta.creatorId === lastCreator)) continue;
      looked++;
      const value =
        s.score - TOPIC_PENALTY * (topics.get(topicOf(s.rec)) ?? 0) - CREATOR_PENALTY * (creators.get(s.rec.meta.creatorId) ?? 0);
      if (value > bestValue) {
        best = s;
        bestValue = value;
        bestIndex = i;
      }
    }
    if (best) pool.splice(bestIndex, 1);
    return best;
  };

  while (page.length < count) {
    const slotIsExplore = page.length % 5 === EXPLORE_SLOT;
    const next =
      (slotIsExplore ? pick(pools.explore) : null) ?? pick(pools.main) ?? pick(pools.explore) ?? pick(pools.main, true) ?? pick(pools.explore, true);
    if (!next) break;
    page.push(next);
    chosen.add(next.rec.meta.id);
    lastCreator = next.rec.meta.creatorId;
    topics.set(topicOf(next.rec), (topics.get(topicOf(next.rec)) ?? 0) + 1);
    creators.set(lastCreator, (creators.get(lastCreator) ?? 0) + 1);
  }
  return page;
}
