import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_MEDIA_LIMITS } from './media.types.ts';
import type { MediaInfo, ProbeFailure } from './media.types.ts';
import { mediaInfo } from './testing/media-info.ts';
import { validateMedia } from './validate.ts';

const limits = DEFAULT_MEDIA_LIMITS;
const code = (overrides: Partial<MediaInfo>) => validateMedia(mediaInfo(overrides), limits)?.code ?? null;
const failure = (cause: ProbeFailure['cause']): ProbeFailure => ({ failed: true, cause, detail: '' });

test('a normal vertical clip passes', () => {
  assert.equal(validateMedia(mediaInfo(), limits), null);
  assert.equal(code({ width: 64, height: 256 }), null);
  assert.equal(code({ width: 4320, height: 7680, durationMs: 60_000 }), null);
  assert.equal(code({ width: 2160, height: 3840, durationMs: 600_000, fps: 30, frameCount: 18_000 }), null, '10 min of 4K at 30 fps');
  assert.equal(code({ durationMs: 500 }), null);
});

test('probe failures map to refusals with a sentence for the uploader', () => {
  assert.deepEqual(validateMedia(failure('text'), limits), { code: 'not_a_video', reason: 'This is a text file, not a video.' });
  assert.equal(validateMedia(failure('playlist'), limits)?.code, 'playlist');
  assert.equal(validateMedia(failure('unreadable'), limits)?.code, 'corrupt');
  assert.equal(validateMedia(failure('empty'), limits)?.code, 'corrupt');
});

test('playlists, text and pictures are refused by format', () => {
  assert.equal(code({ formatName: 'hls' }), 'playlist');
  assert.equal(code({ formatName: 'concat' }), 'playlist');
  assert.equal(code({ formatName: 'tty' }), 'not_a_video');
  assert.equal(code({ formatName: 'png_pipe', durationMs: null }), 'still_image');
  assert.equal(code({ formatName: 'image2', videoCodec: 'mjpeg', durationMs: 40 }), 'still_image');
  assert.equal(code({ formatName: 'gif', videoCodec: 'gif', durationMs: null }), 'still_image');
  assert.equal(code({ formatName: 'gif', videoCodec: 'gif', durationMs: 3000 }), null);
  assert.equal(code({ frameCount: 1 }), 'still_image');
});

test('streams: audio only, nothing at all, codecs we do not take', () => {
  assert.equal(code({ hasVideo: false, width: 0, height: 0, videoCodec: null }), 'audio_only');
  assert.equal(code({ hasVideo: false, hasAudio: false, width: 0, height: 0, videoCodec: null }), 'no_video_stream');
  assert.equal(code({ videoCodec: 'bink' }), 'unsupported_codec');
  assert.equal(code({ videoCodec: 'hevc' }), null);
});

test('length: at least half a second, at most the configured limit', () => {
  assert.equal(code({ durationMs: 499 }), 'too_short');
  assert.equal(code({ durationMs: 600_001 }), 'too_long');
  assert.equal(validateMedia(mediaInfo({ durationMs: 61_000 }), { ...DEFAULT_MEDIA_LIMITS, maxDurationMs: 60_000 })?.reason, 'This video is too long: the limit is 1 min.');
  assert.equal(code({ durationMs: null }), 'corrupt');
});

test('dimensions: short side, long side and aspect', () => {
  assert.equal(code({ width: 63, height: 200 }), 'dimensions_out_of_range');
  assert.equal(code({ width: 4000, height: 8194 }), 'dimensions_out_of_range');
  assert.equal(code({ width: 64, height: 4000 }), 'dimensions_out_of_range');
  assert.equal(code({ width: 1000, height: 250 }), null);
  assert.equal(code({ width: 1001, height: 250 }), 'dimensions_out_of_range');
});

test('refused by total work (pixels × frames), not only by duration and size', () => {
  // the audit's case: 600 s of 8192×2048 at 30 fps passed every other check and took ~25 min to transcode
  const wide = validateMedia(mediaInfo({ width: 8192, height: 2048, durationMs: 600_000, fps: 30, frameCount: 18_000 }), limits);
  assert.equal(wide?.code, 'too_much_work');
  assert.equal(wide?.reason, 'This video is too big to process: 10 min of 8192×2048 at 30 fps. Make it shorter, smaller or at a lower frame rate.');
  assert.equal(code({ width: 2160, height: 3840, durationMs: 600_000, fps: 60, frameCount: 36_000 }), 'too_much_work', '4K at 60 fps for 10 min');
  assert.equal(code({ width: 2160, height: 3840, durationMs: 600_000, fps: 60, frameCount: 10 }), 'too_much_work', 'a container that understates its frames');
});
