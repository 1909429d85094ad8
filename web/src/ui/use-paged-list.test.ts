import { test } from 'node:test';
import assert from 'node:assert/strict';
import { appendPage } from './use-paged-list.ts';

const ids = (list: { id: string }[]): string[] => list.map((item) => item.id);
const of = (...names: string[]) => names.map((id) => ({ id }));

test('a page drops what the list already holds', () => {
  assert.deepEqual(ids(appendPage(of('a', 'b'), of('b', 'c'), 'never')), ['a', 'b', 'c']);
});

test('For You keeps a repeat that comes back later, not one that would follow itself', () => {
  assert.deepEqual(ids(appendPage(of('a', 'b', 'c'), of('c', 'a', 'b', 'b'), 'not-adjacent')), ['a', 'b', 'c', 'a', 'b']);
});
