// The screen-time arithmetic: the ledger, time zones and local dates.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { canonicalTimeZone, creditWatch, datesEnding, localDate, MAX_CREDIT_MS, wholeMinutes } from './screen-time.ts';

const at = (iso: string) => new Date(iso);

test('the ledger credits what fits the time that passed, never a forged surplus', () => {
  // first view: up to MAX_CREDIT_MS
  assert.equal(creditWatch(36_000_000, at('2026-01-01T12:00:00Z'), null).creditMs, MAX_CREDIT_MS);
  assert.equal(creditWatch(30_000, at('2026-01-01T12:00:00Z'), null).creditMs, 30_000);
  // a batch sent together: credited in full while it fits the time since the clock
  let c = creditWatch(20_000, at('2026-01-01T12:00:35Z'), at('2026-01-01T12:00:00Z'));
  assert.equal(c.creditMs, 20_000);
  c = creditWatch(15_000, at('2026-01-01T12:00:35Z'), c.creditedUntil);
  assert.equal(c.creditMs, 15_000);
  assert.equal(creditWatch(15_000, at('2026-01-01T12:00:35Z'), c.creditedUntil).creditMs, 0, 'nothing left to credit');
  // a long idle gap is no reserve: at most MAX_CREDIT_MS back
  assert.equal(creditWatch(3_600_000, at('2026-01-01T18:00:00Z'), at('2026-01-01T12:00:00Z')).creditMs, MAX_CREDIT_MS);
  assert.equal(creditWatch(-5, at('2026-01-01T18:00:00Z'), null).creditMs, 0);
});

test('time zones are IANA names, canonicalised; local dates follow them', () => {
  assert.equal(canonicalTimeZone('Europe/Berlin'), 'Europe/Berlin');
  assert.equal(canonicalTimeZone('UTC'), 'UTC');
  assert.equal(canonicalTimeZone('Mars/Olympus'), null);
  assert.equal(canonicalTimeZone("Europe/Berlin'; drop"), null);
  assert.equal(localDate(at('2026-03-11T03:59:00Z'), 'America/New_York'), '2026-03-10');
  assert.equal(localDate(at('2026-03-11T04:01:00Z'), 'America/New_York'), '2026-03-11');
  assert.equal(localDate(at('2026-03-10T23:00:00Z'), 'Pacific/Kiritimati'), '2026-03-11');
  assert.deepEqual(datesEnding('2026-03-01', 3), ['2026-02-27', '2026-02-28', '2026-03-01']);
  assert.equal(wholeMinutes(119_999, 60_000), 1);
});
