import assert from 'node:assert/strict';
import { test } from 'node:test';
import { PAUSE_RESETS_MS, START, tick, type BreakTimer } from './break-timer.ts';

const run = (ticks: boolean[], tickMs: number, minutes: number) => {
  let timer: BreakTimer = START;
  const due: number[] = [];
  for (const playing of ticks) {
    const step = tick(timer, playing, tickMs, minutes);
    timer = step.timer;
    if (step.dueAfterMinutes !== null) due.push(step.dueAfterMinutes);
  }
  return { timer, due };
};

test('a reminder after the chosen minutes of continuous watching, then the count starts over', () => {
  const minute = Array<boolean>(12).fill(true); // 12 ticks of 5 s
  assert.deepEqual(run(Array<boolean>(12 * 20).fill(true), 5_000, 20).due, [20]);
  assert.deepEqual(run(Array<boolean>(12 * 40).fill(true), 5_000, 20).due, [20, 20]);
  assert.deepEqual(run(minute, 5_000, 20).due, []);
});

test('short pauses keep the stretch going; five minutes without a video start it over', () => {
  const watch = (minutes: number) => Array<boolean>(minutes * 12).fill(true);
  const pause = (ms: number) => Array<boolean>(ms / 5_000).fill(false);
  assert.deepEqual(run([...watch(10), ...pause(60_000), ...watch(10)], 5_000, 20).due, [20]);
  assert.deepEqual(run([...watch(10), ...pause(PAUSE_RESETS_MS), ...watch(10)], 5_000, 20).due, []);
});
