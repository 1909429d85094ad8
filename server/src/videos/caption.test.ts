import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCaption } from './caption.ts';

test('hashtags are found, lower-cased and unique', () => {
  assert.deepEqual(parseCaption('Sunday #Baking with #sourdough and more #baking!').hashtags, ['baking', 'sourdough']);
});

test('unicode hashtags work and anchors or numbers alone do not', () => {
  assert.deepEqual(parseCaption('#café #日本 page#anchor #123 ##double').hashtags, ['café', '日本']);
});

test('mentions are usernames, not emails', () => {
  const parsed = parseCaption('with @Maya_k and @leo.cooks. mail me at a@b.com');
  assert.deepEqual(parsed.mentions, ['maya_k', 'leo.cooks']);
});
