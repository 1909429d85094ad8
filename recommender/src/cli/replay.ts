/**
 * npm run replay -- <log.csv> [--json] [--threshold 0.8] [--rank-sample 500]
 * Replays an interaction log through the engine and two baselines (see recommender/README.md).
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseLog, DEFAULT_POSITIVE_THRESHOLD, LogFormatError } from '../replay/csv.ts';
import { runReplay, METHODS } from '../replay/run-replay.ts';

function main(argv: string[]): number {
  const args = [...argv];
  const json = args.includes('--json');
  const value = (flag: string): string | undefined => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const threshold = Number(value('--threshold') ?? DEFAULT_POSITIVE_THRESHOLD);
  const rankSample = Number(value('--rank-sample') ?? 500);
  const flagsWithValues = new Set(['--threshold', '--rank-sample']);
  const file = args.find((a, i) => !a.startsWith('--') && !flagsWithValues.has(args[i - 1] ?? ''));
  if (!file || !Number.isFinite(threshold) || !Number.isFinite(rankSample) || rankSample < 1) {
    console.error('usage: npm run replay -- <log.csv> [--json] [--threshold 0.8] [--rank-sample 500]');
    return 2;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    console.error(`cannot read ${file}: ${(err as Error).message}`);
    return 2;
  }
  let report;
  try {
    report = runReplay(parseLog(text, threshold), { rankSample, clock: () => performance.now() });
  } catch (err) {
    if (err instanceof LogFormatError) {
      console.error(`${file}: ${err.message}`);
      return 2;
    }
    throw err;
  }
  if (json) {
    console.log(JSON.stringify(report.results));
    console.error(JSON.stringify(report.meta));
    return 0;
  }
  const m = report.meta;
  console.log(`${m.rows} events, ${m.users} users, ${m.items} items, ${(100 * m.positiveRate).toFixed(1)}% positive; ranked ${m.rankedEvents} events; ${m.seconds.toFixed(1)} s`);
  console.log('method      AUC    GAUC   logloss  Recall@50  NDCG@10');
  for (const k of METHODS) {
    const r = report.results[k];
    console.log(`${k.padEnd(10)}  ${r.auc.toFixed(3)}  ${r.gauc.toFixed(3)}  ${r.logloss.toFixed(3)}    ${r.recall50.toFixed(3)}      ${r.ndcg10.toFixed(3)}`);
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
