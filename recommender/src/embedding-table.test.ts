import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EmbeddingTable } from './embedding-table.ts';

test('admits an id only after it was seen often enough, by exact id, and expires stale ids', () => {
  const table = new EmbeddingTable('video', 4, 2, 3, 1);
  table.touch('a', 1);
  table.touch('a', 2);
  assert.equal(table.get('a'), null);
  table.touch('a', 3);
  const a = table.get('a');
  assert.ok(a);
  assert.equal(a.length, 6);
  table.touch('b', 50);
  table.touch('b', 51);
  table.touch('b', 52);
  assert.notDeepEqual(table.get('b'), a, 'distinct ids get distinct parameters');
  assert.equal(table.expire(10), 1);
  assert.equal(table.get('a'), null);
  assert.ok(table.get('b'));
  const copy = new EmbeddingTable('video', 4, 2, 3, 1);
  copy.restore(JSON.parse(JSON.stringify(table.snapshot())) as ReturnType<EmbeddingTable['snapshot']>);
  assert.deepEqual(copy.get('b'), table.get('b'));
  assert.equal(copy.entries.get('b')?.count, 3);
});

test('initial parameters depend on the seed and id, not on the order of admission', () => {
  const x = new EmbeddingTable('t', 4, 1, 1, 5);
  const y = new EmbeddingTable('t', 4, 1, 1, 5);
  x.touch('p', 0);
  x.touch('q', 0);
  y.touch('q', 0);
  y.touch('p', 0);
  assert.deepEqual(x.get('p'), y.get('p'));
});
