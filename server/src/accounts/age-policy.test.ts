import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AGE_POLICY, ageBandOn, forYouReachesStrangers, inQuietHours, mayGoPublic, mayShowMatureContent, remixAllowed } from './age-policy.ts';

const on = (iso: string) => new Date(`${iso}T12:00:00Z`);

test('bands turn on the birthday itself, not the day after', () => {
  assert.equal(ageBandOn('2010-06-15', on('2026-06-14')), '13-15'); // 15 until tomorrow
  assert.equal(ageBandOn('2010-06-15', on('2026-06-15')), '16-17'); // 16 today
  assert.equal(ageBandOn('2008-06-15', on('2026-06-14')), '16-17');
  assert.equal(ageBandOn('2008-06-15', on('2026-06-15')), '18+');
  assert.equal(ageBandOn('2013-06-15', on('2026-06-15')), '13-15');
  assert.equal(ageBandOn('1950-01-01', on('2026-06-15')), '18+');
});

test('a leap-day birthday moves up on 1 March in other years, on 29 February in leap years', () => {
  assert.equal(ageBandOn('2012-02-29', on('2028-02-28')), '13-15'); // 15 on 2028-02-28
  assert.equal(ageBandOn('2012-02-29', on('2028-02-29')), '16-17');
  assert.equal(ageBandOn('2008-02-29', on('2026-02-28')), '16-17');
  assert.equal(ageBandOn('2008-02-29', on('2026-03-01')), '18+');
});

test('the table, row by row', () => {
  const row = <K extends keyof (typeof AGE_POLICY)['18+']>(k: K) => [AGE_POLICY['13-15'][k], AGE_POLICY['16-17'][k], AGE_POLICY['18+'][k]];
  assert.deepEqual(row('privateByDefault'), [true, true, false]);
  assert.deepEqual(row('mayGoPublic'), [false, true, true]);
  assert.deepEqual(row('forYouReachesStrangers'), [false, true, true]);
  assert.deepEqual(row('comments').map((c) => c.default), ['friends', 'everyone', 'everyone']);
  assert.deepEqual(row('remix'), [{ default: false, mayTurnOn: false }, { default: false, mayTurnOn: true }, { default: true, mayTurnOn: true }]);
  assert.deepEqual(row('dailyLimitMinutes'), [60, 60, null]);
  assert.deepEqual(row('quietHours'), [{ from: 21, to: 8 }, { from: 22, to: 8 }, null]);
  assert.deepEqual(row('matureContent'), ['never', 'never', 'unless-restricted']);
  assert.deepEqual(row('directMessages'), [false, false, true]);
  assert.deepEqual(row('restrictedModeByDefault'), [true, false, false]);
});

test('the rule functions read the table', () => {
  assert.deepEqual([mayGoPublic('13-15'), mayGoPublic('16-17'), mayGoPublic('18+')], [false, true, true]);
  assert.deepEqual([forYouReachesStrangers('13-15'), forYouReachesStrangers('16-17')], [false, true]);
  // quiet hours wrap midnight: 21:00–08:00 for 13–15, 22:00–08:00 for 16–17, none for adults
  assert.deepEqual([20, 21, 23, 0, 7, 8].map((h) => inQuietHours('13-15', h)), [false, true, true, true, true, false]);
  assert.deepEqual([21, 22, 7, 8].map((h) => inQuietHours('16-17', h)), [false, true, true, false]);
  assert.equal(inQuietHours('18+', 3), false);
  assert.deepEqual([mayShowMatureContent('16-17', false), mayShowMatureContent('18+', false), mayShowMatureContent('18+', true)], [false, true, false]);
  // 13–15 cannot turn remixing on; 16–17 starts off and may; adults start on and may turn it off
  assert.deepEqual([remixAllowed('13-15', true), remixAllowed('16-17', null), remixAllowed('16-17', true), remixAllowed('18+', null), remixAllowed('18+', false)], [false, false, true, true, false]);
});
