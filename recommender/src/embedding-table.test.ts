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

test('an entry found by feature id is the map entry of its key, made once, and found again after expiry', () => {
  const table = new EmbeddingTable('feature', 4, 2, 2, 1);
  // made by key first (as a context key is), then found by id: the same entry, counted
  const byKey = table.touch('h:cats', 1);
  const byId = table.touchFeature(7, 'h:cats', undefined, 2);
  assert.equal(byId, byKey);
  assert.equal(table.entries.get('h:cats'), byId);
  assert.equal(byId.count, 2);
  // made by id first, then touched by key: still one entry
  const made = table.touchFeature(3, 'c:maya', undefined, 3);
  assert.equal(table.touch('c:maya', 4), made);
  assert.equal(made.count, 2);
  // expired: the id finds a fresh entry, which the map holds too
  assert.equal(table.expire(10), 2);
  const fresh = table.touchFeature(7, 'h:cats', byId, 20);
  assert.notEqual(fresh, byId);
  assert.equal(fresh.count, 1);
  assert.equal(table.entries.get('h:cats'), fresh);
  assert.equal(table.touchFeature(7, 'h:cats', undefined, 21), fresh);
});

test('touchAdmitted counts a sighting on a live admitted entry as touchEntry does, and declines the others', () => {
  const byKey = new EmbeddingTable('video', 4, 2, 2, 1);
  const byEntry = new EmbeddingTable('video', 4, 2, 2, 1);
  const entry = byEntry.touch('a', 1);
  byKey.touch('a', 1);
  assert.equal(byEntry.touchAdmitted(entry, 2), false, 'not admitted yet: the caller touches it by id (which may admit it)');
  byEntry.touchEntry('a', entry, 2);
  byKey.touchEntry('a', byKey.entries.get('a'), 2);
  assert.ok(entry.offset >= 0);
  assert.equal(byEntry.touchAdmitted(entry, 5), true);
  assert.equal(byEntry.touchAdmitted(entry, 4), true, 'an older sighting counts but keeps the last-seen time');
  byKey.touchEntry('a', byKey.entries.get('a'), 5);
  byKey.touchEntry('a', byKey.entries.get('a'), 4);
  assert.deepEqual(byEntry.snapshot(), byKey.snapshot());
  byEntry.expire(10);
  assert.equal(byEntry.touchAdmitted(entry, 11), false, 'a dropped entry is looked up again');
});
