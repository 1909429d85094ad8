import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nestsDeeperThan } from './json-body.ts';

test('depth counts arrays and objects, not brackets inside strings', () => {
  assert.equal(nestsDeeperThan('{"a":[1,{"b":2}]}', 3), false);
  assert.equal(nestsDeeperThan('{"a":[1,{"b":2}]}', 2), true);
  assert.equal(nestsDeeperThan('{"a":"[[[[[[[[[[\\"[[[["}', 1), false, 'brackets in strings, escaped quotes');
  assert.equal(nestsDeeperThan('['.repeat(1_000_000), 32), true);
  assert.equal(nestsDeeperThan('[[]],[[]],[[]]', 2), false, 'siblings do not add up');
});
