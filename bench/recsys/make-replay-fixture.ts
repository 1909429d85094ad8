/**
 * Writes recommender/fixtures/sim-log.csv: a small interaction log from the simulator (users
 * shown a mix of popular and random videos), in the replay format with watch_ratio.
 *   npx tsx bench/recsys/make-replay-fixture.ts
 */
import { writeFileSync } from 'node:fs';
import { World, START, rng } from './simulator.ts';

const world = new World({ users: 150, videos: 600, seed: 11 });
const random = rng(5);
const byPopularity = [...world.videos].sort((a, b) => b.quality - a.quality);
const rows = ['user_id,item_id,timestamp,watch_ratio,creator_id,tags'];
let at = START / 1000;
for (let step = 0; step < 4000; step++) {
  const user = world.users[Math.floor(random() * world.users.length)];
  if (!user) continue;
  const pool = random() < 0.4 ? byPopularity.slice(0, 100) : world.videos;
  const v = pool[Math.floor(random() * pool.length)];
  if (!v) continue;
  const w = world.watch(user, v, random);
  const ratio = w.fraction + w.replays;
  at += 1 + Math.floor(random() * 20);
  rows.push(`${user.id},${v.meta.id},${at},${ratio.toFixed(3)},${v.meta.creatorId},${v.meta.hashtags.join(' ')}`);
}
const out = new URL('../../recommender/fixtures/sim-log.csv', import.meta.url);
writeFileSync(out, rows.join('\n') + '\n');
console.log(`wrote ${rows.length - 1} rows to ${out.pathname}`);
