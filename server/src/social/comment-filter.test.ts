// The keyword filter's matching: whole words and phrases, any case, nothing inside a longer word.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { matchesKeyword, normaliseKeywords } from './comment-filter.ts';

test('keywords are kept lowercased, trimmed, once each, blanks dropped', () => {
  assert.deepEqual(normaliseKeywords([' Spam', 'spam', '', 'Buy   Now ']), ['spam', 'buy now']);
});

test('a keyword matches as a whole word or phrase in any case, never inside a longer word', () => {
  const k = ['spam', 'buy now', 'c++'];
  assert.equal(matchesKeyword('This is SPAM!', k), true);
  assert.equal(matchesKeyword('spammer alert', k), false);
  assert.equal(matchesKeyword('antispam', k), false);
  assert.equal(matchesKeyword('please BUY\nnow!!', k), true);
  assert.equal(matchesKeyword('buy it now', k), false);
  assert.equal(matchesKeyword('I like c++ a lot', k), true);
  assert.equal(matchesKeyword('Ünïcode spam-bot', k), true);
  assert.equal(matchesKeyword('nothing to see', []), false);
  assert.equal(matchesKeyword('Crème brûlée', ['brûlée']), true);
});
