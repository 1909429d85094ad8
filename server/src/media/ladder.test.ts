import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ladderFor } from './ladder.ts';

const sizes = (w: number, h: number) => ladderFor(w, h).map((r) => `${r.name} ${r.width}x${r.height}`);

test('a 1080x1920 portrait source gets all four renditions, largest first', () => {
  assert.deepEqual(sizes(1080, 1920), ['1080p 1080x1920', '720p 720x1280', '480p 480x854', '360p 360x640']);
  const top = ladderFor(1080, 1920)[0]!;
  assert.equal(top.videoBitrate, 4_500_000);
  assert.equal(top.maxBitrate, 4_950_000);
});

test('landscape keeps its orientation and nothing goes above the source', () => {
  assert.deepEqual(sizes(1280, 720), ['720p 1280x720', '480p 854x480', '360p 640x360']);
  assert.deepEqual(sizes(1000, 1778), ['720p 720x1280', '480p 480x854', '360p 360x640']);
  assert.deepEqual(sizes(2160, 3840), ['1080p 1080x1920', '720p 720x1280', '480p 480x854', '360p 360x640']);
});

test('a source smaller than 360 gets one rendition at its own size, even', () => {
  assert.deepEqual(sizes(321, 577), ['320p 320x576']);
  assert.deepEqual(sizes(160, 284), ['160p 160x284']);
  const tiny = ladderFor(160, 284)[0]!;
  assert.equal(tiny.videoBitrate, 150_000);
  assert.equal(ladderFor(320, 576)[0]!.videoBitrate, 553_000);
});

test('odd sources give even dimensions that keep the aspect within a pixel or two', () => {
  for (const [w, h] of [[361, 641], [719, 1281], [1081, 1919], [641, 361], [479, 853]] as const) {
    for (const r of ladderFor(w, h)) {
      assert.equal(r.width % 2, 0, `${w}x${h} → ${r.width}`);
      assert.equal(r.height % 2, 0, `${w}x${h} → ${r.height}`);
      assert.ok(r.width <= w && r.height <= h, `${r.name} ${r.width}x${r.height} fits ${w}x${h}`);
      assert.ok(Math.abs(r.width / r.height - w / h) < 0.01, `${r.width}x${r.height} keeps ${w}x${h}`);
    }
  }
});

test('square sources are fine, and empty sizes are a programming error', () => {
  assert.deepEqual(sizes(720, 720), ['720p 720x720', '480p 480x480', '360p 360x360']);
  assert.throws(() => ladderFor(0, 100), RangeError);
});
