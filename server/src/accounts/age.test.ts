import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageOn } from './age.ts';

test('age counts whole years and turns on the birthday', () => {
  const today = new Date('2026-06-15T12:00:00Z');
  assert.equal(ageOn('2013-06-15', today), 13);
  assert.equal(ageOn('2013-06-16', today), 12);
  assert.equal(ageOn('2000-01-01', today), 26);
});
