import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { auc, gauc, logloss, ndcgAt, rankOf } from './metrics.ts';
import { parseLog } from './csv.ts';

const cli = fileURLToPath(new URL('../cli/replay.ts', import.meta.url));
const fixture = fileURLToPath(new URL('../../fixtures/sim-log.csv', import.meta.url));

test('metrics: AUC with ties, GAUC, log loss, ranks', () => {
  assert.equal(auc([0.1, 0.4, 0.35, 0.8], [false, false, true, true]), 0.75);
  assert.equal(auc([0.5, 0.5], [false, true]), 0.5);
  assert.equal(gauc(['a', 'a', 'b', 'b', 'c'], [1, 2, 2, 1, 5], [false, true, false, true, true]), 0.5);
  assert.ok(Math.abs(logloss([0.5], [true]) - Math.log(2)) < 1e-12);
  assert.equal(rankOf(3, [1, 3, 5]), 1);
  assert.equal(ndcgAt(0, 10), 1);
  assert.equal(ndcgAt(10, 10), 0);
});

test('the log parser sorts by time and applies the watch_ratio threshold', () => {
  const rows = parseLog('user_id,item_id,timestamp,watch_ratio,tags\nu,b,1700000002,0.9,x y\nu,a,1700000001,0.3,\n', 0.8);
  assert.deepEqual(rows.map((r) => [r.itemId, r.positive, r.at]), [['a', false, 1700000001000], ['b', true, 1700000002000]]);
  assert.deepEqual(rows[1]?.tags, ['x', 'y']);
  assert.throws(() => parseLog('user_id,item_id\nu,a\n'), /timestamp/);
});

test('replay CLI on the simulator fixture prints one JSON object per method; the engine beats chance', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', cli, fixture, '--json', '--rank-sample', '100'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  const out = JSON.parse(run.stdout) as Record<string, Record<string, number>>;
  assert.deepEqual(Object.keys(out).sort(), ['engine', 'itemknn', 'popularity']);
  for (const method of Object.values(out)) {
    assert.deepEqual(Object.keys(method).sort(), ['auc', 'gauc', 'logloss', 'ndcg10', 'recall50']);
    for (const v of Object.values(method)) assert.equal(typeof v, 'number');
  }
  assert.ok((out.engine?.auc ?? 0) > 0.5, `engine AUC ${out.engine?.auc}`);
  assert.ok((out.engine?.auc ?? 0) > (out.popularity?.auc ?? 1), 'engine should beat most-popular on AUC');
});
