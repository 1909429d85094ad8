import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createArgon2Hasher } from './password.ts';

const hasher = createArgon2Hasher({ memoryCost: 1024, timeCost: 1 });

test('hashes with argon2id and a fresh salt, and verifies only the right password', async () => {
  const first = await hasher.hash('correct horse');
  const second = await hasher.hash('correct horse');
  assert.match(first, /^\$argon2id\$v=19\$m=1024,t=1,p=1\$/);
  assert.notEqual(first, second, 'each hash has its own salt');
  assert.equal(await hasher.verify(first, 'correct horse'), true);
  assert.equal(await hasher.verify(first, 'correct horsE'), false);
});

test('a malformed stored hash verifies as false instead of throwing', async () => {
  assert.equal(await hasher.verify('not-a-hash', 'anything'), false);
});
