/**
 * npm run bench:recsys — the recommender's figures, all measured in this run:
 *   1. quality on the simulator (random, most-popular, engine, oracle over the same sessions)
 *   2. replay of the simulator's fixture log (engine vs most-popular vs item-kNN)
 *   3. speed at 100k videos / 10k users (a child process, so its memory figures are its own)
 * Flags: --large (bigger simulation), --quick (smaller everything), --no-speed.
 */
import { performance } from 'node:perf_hooks';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { runQuality, DEFAULT_QUALITY } from './quality.ts';
import type { QualityOptions } from './quality.ts';
import { parseLog } from '../../recommender/src/replay/csv.ts';
import { runReplay } from '../../recommender/src/replay/run-replay.ts';

const flag = (name: string): boolean => process.argv.includes(`--${name}`);
const clock = (): number => performance.now();
const f = (x: number | null | undefined, digits = 2): string => (x === null || x === undefined || Number.isNaN(x) ? '—' : x.toFixed(digits));

/** A fixed JavaScript workload, to say how loaded this machine was while measuring. */
function calibration(): number {
  const start = clock();
  const m = new Map<string, number>();
  let x = 0;
  for (let i = 0; i < 200_000; i++) m.set(`k${i}`, i);
  for (let i = 0; i < 1_000_000; i++) x += m.get(`k${i % 200_000}`) ?? 0;
  if (x < 0) console.log(x);
  return clock() - start;
}

const began = clock();
const calibrationMs = calibration();
console.log(`# Recommender bench (calibration workload: ${f(calibrationMs, 0)} ms)\n`);

const quality: QualityOptions = flag('large')
  ? { ...DEFAULT_QUALITY, users: 5000, videos: 10_000, rounds: 6, newUsers: 300 }
  : flag('quick')
    ? { ...DEFAULT_QUALITY, users: 400, videos: 1500, rounds: 3, newUsers: 50 }
    : DEFAULT_QUALITY;
const q = runQuality(quality, clock);
console.log(`## Simulator: ${quality.users} users, ${quality.videos} videos, ${quality.rounds} rounds of ${quality.pagesPerSession} pages of 10 (${f(q.seconds, 1)} s)\n`);
console.log('| policy | watch s / session | of oracle | swipes to 50% / 70% of oracle (new users) | HQ uploads reaching 10 fans | median impressions to 10 fans (those that did) | fans among HQ impressions | impressions per HQ / LQ upload | topics / page | creator coverage |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const name of Object.keys(q.watchPerSession)) {
  const u = q.uploads[name];
  const d = q.diversity[name];
  console.log(`| ${name} | ${f(q.watchPerSession[name], 1)} | ${f(q.ofOracle[name])} | ${q.coldStart.swipesTo50[name] ?? 'never'} / ${q.coldStart.swipesTo70[name] ?? 'never'} | ${f((u?.reached ?? 0) * 100, 0)}% | ${u?.medianImpressions ?? '—'} | ${f((u?.fanShare ?? 0) * 100, 0)}% | ${f(u?.hqImpressions, 1)} / ${f(u?.lqImpressions, 1)} | ${f(d?.topicsPerPage, 1)} | ${f((d?.creatorCoverage ?? 0) * 100, 0)}% |`);
}
const engineVsPopular = (q.ofOracle.engine ?? 0) / (q.ofOracle['most-popular'] ?? 1);
console.log(`\nengine / most-popular watch time: ${f(engineVsPopular)}×\n`);

const fixture = fileURLToPath(new URL('../../recommender/fixtures/sim-log.csv', import.meta.url));
const replay = runReplay(parseLog(readFileSync(fixture, 'utf8')), { rankSample: 500, clock });
console.log(`## Replay of recommender/fixtures/sim-log.csv (${replay.meta.rows} events, ${replay.meta.rankedEvents} ranked; ${f(replay.meta.seconds, 1)} s)\n`);
console.log('| method | AUC | GAUC | log loss | Recall@50 | NDCG@10 |');
console.log('| --- | --- | --- | --- | --- | --- |');
for (const [name, r] of Object.entries(replay.results)) {
  console.log(`| ${name} | ${f(r.auc, 3)} | ${f(r.gauc, 3)} | ${f(r.logloss, 3)} | ${f(r.recall50, 3)} | ${f(r.ndcg10, 3)} |`);
}

interface LearningWindow { refreshes: number; wall: number; cpu: number; threadCpu: number | null; wallBetweenRefreshes: number; cpuBetweenRefreshes: number }

interface SpeedResult {
  videos: number; users: number; usesIvf: boolean; events: number; upsertsPerSecond: number;
  bytesPerVideo: number; bytesPerUser: number; offHeapBytesPerVideo: number; offHeapBytesPerUser: number;
  pageMs: Record<'engine' | 'engineCpu' | 'popular' | 'random', { p50: number; p99: number }>;
  learning: Record<'cold' | 'steady', LearningWindow> & { atTargetRate: LearningWindow & { cpuWithRefreshAmortised: number } };
  indexRefreshMs: { ms: number; cpuMs: number };
  ivfRecall: number;
  minutesSinceRefresh: number;
}

/** Runs speed.bench.ts in a child process with the given V8 flags; null (and the error printed) when it fails. */
function speed(v8Flags: string[]): SpeedResult | null {
  const script = fileURLToPath(new URL('./speed.bench.ts', import.meta.url));
  const sizes = flag('quick') ? ['--videos', '20000', '--users', '2000', '--events', '50000', '--pages', '500'] : [];
  const run = spawnSync(process.execPath, ['--expose-gc', ...v8Flags, '--import', 'tsx', script, '--json', ...sizes], { encoding: 'utf8' });
  if (run.status !== 0) {
    console.error(run.stderr);
    process.exitCode = 1;
    return null;
  }
  return JSON.parse(run.stdout.trim().split('\n').pop() as string) as SpeedResult;
}

if (!flag('no-speed')) {
  const s = speed([]);
  // the same with V8's collector on the learning thread: the whole process on one core
  const oneCore = s ? speed(['--single-threaded-gc']) : null;
  if (s) {
    const { cold, steady, atTargetRate: atRate } = s.learning;
    const p = s.pageMs;
    console.log(`\n## Speed: ${s.videos} videos, ${s.users} users (${s.usesIvf ? 'IVF index' : 'brute force'}), ${s.events} events\n`);
    console.log('| figure | value | vs baseline |');
    console.log('| --- | --- | --- |');
    console.log(`| page of 10, p50 | ${f(p.engine.p50)} ms | ${f(p.engine.p50 / p.popular.p50, 0)}× most-popular, ${f(p.engine.p50 / p.random.p50, 0)}× random |`);
    console.log(`| page of 10, p99 | ${f(p.engine.p99)} ms | ${f(p.engine.p99 / p.popular.p99, 0)}× most-popular |`);
    console.log(`| page of 10, CPU time p50 / p99 | ${f(p.engineCpu.p50)} / ${f(p.engineCpu.p99)} ms | — |`);
    console.log(`| **events learned / s at the target rate** (events arriving at 50k/s of event time: ${atRate.refreshes} periodic refreshes fall in it), wall / CPU time | ${f(atRate.wall, 0)} / **${f(atRate.cpu, 0)}** | ${f(atRate.cpu / steady.cpu, 2)}× the steady window with its refreshes (CPU) |`);
    console.log(`| the same, per CPU-second of the learning thread alone (V8's collector and compiler threads run on the other core) | ${atRate.threadCpu === null ? 'n/a (no /proc/thread-self)' : f(atRate.threadCpu, 0)} | — |`);
    if (oneCore) {
      const one = oneCore.learning.atTargetRate;
      console.log(`| the same, the whole process on one core (\`--single-threaded-gc\`: the collector on the learning thread too), wall / CPU time | ${f(one.wall, 0)} / **${f(one.cpu, 0)}** | page of 10 p50 / p99 in that mode: ${f(oneCore.pageMs.engine.p50)} / ${f(oneCore.pageMs.engine.p99)} ms |`);
    }
    console.log(`| the same, with one index refresh per 30 min of event time (90M events at 50k/s) counted in, CPU time | ${f(atRate.cpuWithRefreshAmortised, 0)} | — |`);
    console.log(`| events learned / s, steady state (the same users later), between index refreshes, wall / CPU time | ${f(steady.wallBetweenRefreshes, 0)} / ${f(steady.cpuBetweenRefreshes, 0)} | — |`);
    console.log(`| events learned / s, steady state, with the ${steady.refreshes} refreshes in its 33 min of event time, wall / CPU time | ${f(steady.wall, 0)} / ${f(steady.cpu, 0)} | — |`);
    console.log(`| events learned / s, cold (every user's first events), between refreshes / with its ${cold.refreshes}, CPU time | ${f(cold.cpuBetweenRefreshes, 0)} / ${f(cold.cpu, 0)} | — |`);
    console.log(`| index refresh (every 30 min of event time), wall / CPU time | ${f(s.indexRefreshMs.ms, 0)} / ${f(s.indexRefreshMs.cpuMs, 0)} ms | — |`);
    console.log(`| retrieval recall: share of the exact top 120 the index returns (${f(s.minutesSinceRefresh, 1)} min of event time after a refresh) | ${f(100 * s.ivfRecall, 1)}% | brute force: 100% |`);
    console.log(`| video upserts / s | ${f(s.upsertsPerSecond, 0)} | — |`);
    console.log(`| memory per video, V8 heap + typed arrays (as allocated) | ${f(s.bytesPerVideo / 1024, 2)} + ${f(s.offHeapBytesPerVideo / 1024, 2)} KiB | — |`);
    console.log(`| memory per user (after ${f(s.events / s.users, 0)} events each), V8 heap + typed arrays (as allocated) | ${f(s.bytesPerUser / 1024, 2)} + ${f(s.offHeapBytesPerUser / 1024, 2)} KiB | — |`);
  }
}
console.log(`\nwhole bench: ${f((clock() - began) / 1000, 1)} s; calibration workload ${f(calibrationMs, 0)} ms (compare it across runs: it grows with the load on the machine)`);
