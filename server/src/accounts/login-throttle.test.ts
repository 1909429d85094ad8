import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FREE_FAILURES, MAX_WAIT_MS, createLoginThrottle } from './login-throttle.ts';

test('waits double after the free failures, up to a cap, and a success clears them', () => {
  let t = 1_000_000;
  const throttle = createLoginThrottle(() => t);
  for (let i = 0; i < FREE_FAILURES; i++) {
    assert.equal(throttle.waitMs('a'), 0);
    throttle.failed('a');
  }
  assert.equal(throttle.waitMs('a'), 1_000);
  t += 1_000;
  throttle.failed('a');
  assert.equal(throttle.waitMs('a'), 2_000);
  for (let i = 0; i < 20; i++) {
    t += throttle.waitMs('a');
    throttle.failed('a');
  }
  assert.equal(throttle.waitMs('a'), MAX_WAIT_MS, 'never longer than the cap: no lockout');
  assert.equal(throttle.waitMs('b'), 0, 'other accounts are not affected');
  t += MAX_WAIT_MS;
  throttle.succeeded('a');
  throttle.failed('a');
  assert.equal(throttle.waitMs('a'), 0);
});
