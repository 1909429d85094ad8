import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ForYouEngine } from './engine.ts';
import { T0, catalogue, request } from './test-helpers.ts';

test('a catalogue of one creator still fills the page (the creator rule gives way only when nothing else is left)', () => {
  const engine = new ForYouEngine({ seed: 7 });
  const solo = catalogue(2).slice(0, 6).map((v, i) => ({ ...v, id: `solo-${i}`, creatorId: 'only-creator' }));
  for (const v of solo) engine.upsertVideo(v, T0 - 86_400_000);
  const page = engine.recommend(request('newcomer', T0)).items;
  assert.equal(page.length, solo.length);
  assert.equal(new Set(page.map((i) => i.videoId)).size, solo.length);
});

test('with a second creator available, the same creator never comes twice in a row', () => {
  const engine = new ForYouEngine({ seed: 7 });
  const videos = catalogue(2).slice(0, 6).map((v, i) => ({ ...v, id: `v-${i}`, creatorId: i < 3 ? 'ana' : 'ben' }));
  for (const v of videos) engine.upsertVideo(v, T0 - 86_400_000);
  const creators = engine.recommend(request('newcomer', T0)).items.map((i) => engine.catalogue.get(i.videoId)!.meta.creatorId);
  assert.equal(creators.length, 6);
  for (let i = 1; i < creators.length; i++) assert.notEqual(creators[i], creators[i - 1], `back-to-back at ${i}: ${creators.join(',')}`);
});
