import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  observeEnded,
  observePlaying,
  observeSeeking,
  observeStopped,
  startWatch,
  toReport,
  type WatchState,
} from './watch-accounting.ts';

const DURATION = 10_000;
const at = (positionMs: number, wallMs: number, durationMs: number | null = DURATION) => ({ positionMs, wallMs, durationMs });

/** Plays from `from` to `to` (ms of media) in 250 ms ticks starting at wall time `wall`. */
function play(state: WatchState, from: number, to: number, wall: number): { state: WatchState; wall: number } {
  let s = observePlaying(state, at(from, wall));
  for (let p = from + 250; p <= to; p += 250) {
    wall += 250;
    s = observePlaying(s, at(p, wall));
  }
  return { state: s, wall };
}

describe('watch accounting', () => {
  it('counts the media time played, not the time the video was on screen', () => {
    const { state } = play(startWatch(), 0, 4000, 1000);
    assert.deepEqual(toReport(state), { watchedMs: 4000, completed: false, replays: 0 });
  });

  it('does not count paused time', () => {
    let { state, wall } = play(startWatch(), 0, 2000, 0);
    state = observeStopped(state, at(2100, wall + 100));
    wall += 60_000; // paused for a minute
    ({ state } = play(state, 2100, 3100, wall));
    assert.equal(toReport(state)?.watchedMs, 3100);
  });

  it('does not count a stall: the clock runs but the media does not', () => {
    let state = observePlaying(startWatch(), at(0, 0));
    state = observePlaying(state, at(500, 500));
    state = observePlaying(state, at(500, 5500)); // buffering for 5 s
    state = observePlaying(state, at(750, 5750));
    assert.equal(toReport(state)?.watchedMs, 750);
  });

  it('does not count a seek forward or backward', () => {
    let { state, wall } = play(startWatch(), 0, 1000, 0);
    state = observeSeeking(state);
    ({ state, wall } = play(state, 8000, 8500, wall + 50));
    state = observeSeeking(state);
    ({ state } = play(state, 2000, 2500, wall + 50));
    assert.equal(toReport(state)?.watchedMs, 2000);
    assert.equal(toReport(state)?.completed, false);
  });

  it('ignores a jump it was not told about', () => {
    let state = observePlaying(startWatch(), at(0, 0));
    state = observePlaying(state, at(6000, 250));
    assert.equal(state.watchedMs, 0);
  });

  it('counts a loop back to the start as a replay and as completion', () => {
    const first = play(startWatch(), 0, 9750, 0);
    let state = first.state;
    const wall = first.wall;
    assert.equal(state.completed, true, 'within the end tolerance counts as reaching the end');
    state = observePlaying(state, at(100, wall + 350)); // looped: 250 ms to the end + 100 ms
    assert.deepEqual(toReport(state), { watchedMs: 10_100, completed: true, replays: 1 });
  });

  it('counts every loop', () => {
    let state = startWatch();
    let wall = 0;
    for (let pass = 0; pass < 3; pass += 1) {
      ({ state, wall } = play(state, 0, 9900, wall));
      wall += 100;
      state = observePlaying(state, at(0, wall));
    }
    assert.equal(state.replays, 3);
    assert.equal(Math.round(state.watchedMs), 30_000);
  });

  it('a seek back to the start is not a replay', () => {
    const first = play(startWatch(), 0, 5000, 0);
    let state = observeSeeking(first.state);
    const wall = first.wall;
    ({ state } = play(state, 0, 1000, wall + 50));
    assert.equal(state.replays, 0);
    assert.equal(state.completed, false);
  });

  it('marks completion on ended, and playing again from the start is a replay', () => {
    const first = play(startWatch(), 0, 9750, 0);
    const wall = first.wall;
    let state = first.state;
    state = observeEnded(state, at(10_000, wall + 250));
    assert.equal(state.completed, true);
    assert.equal(state.watchedMs, 10_000);
    ({ state } = play(state, 0, 500, wall + 3000));
    assert.deepEqual(toReport(state), { watchedMs: 10_500, completed: true, replays: 1 });
  });

  it('is not complete when left early, and reports nothing when nothing played', () => {
    assert.equal(toReport(startWatch()), null);
    const { state } = play(startWatch(), 0, 3000, 0);
    assert.equal(toReport(observeStopped(state, at(3100, 3100)))?.completed, false);
  });

  it('works before the duration is known', () => {
    let state = observePlaying(startWatch(), at(0, 0, null));
    state = observePlaying(state, at(250, 250, null));
    assert.deepEqual(toReport(state), { watchedMs: 250, completed: false, replays: 0 });
  });
});
