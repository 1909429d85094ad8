import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseProbe, parseRate, rotationOf } from './probe-parse.ts';

const phone = {
  streams: [
    {
      codec_type: 'video', codec_name: 'h264', width: 1920, height: 1080, pix_fmt: 'yuv420p',
      r_frame_rate: '30/1', avg_frame_rate: '30/1', nb_frames: '300', sample_aspect_ratio: '1:1',
      side_data_list: [{ side_data_type: 'Display Matrix', rotation: -90 }],
    },
    { codec_type: 'audio', codec_name: 'aac' },
  ],
  format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '10.010000', bit_rate: '12000000' },
};

test('a rotated phone clip reports display dimensions after rotation', () => {
  assert.deepEqual(parseProbe(phone), {
    formatName: 'mov,mp4,m4a,3gp,3g2,mj2',
    durationMs: 10_010,
    width: 1080,
    height: 1920,
    storedWidth: 1920,
    storedHeight: 1080,
    rotation: 90,
    fps: 30,
    variableFrameRate: false,
    hasVideo: true,
    hasAudio: true,
    videoCodec: 'h264',
    audioCodec: 'aac',
    pixelFormat: 'yuv420p',
    bitrate: 12_000_000,
    frameCount: 300,
  });
});

test('rotation comes from tags.rotate (clockwise) or the display matrix (counter-clockwise)', () => {
  assert.equal(rotationOf({ tags: { rotate: '90' } }), 90);
  assert.equal(rotationOf({ tags: { rotate: '-90' } }), 270);
  assert.equal(rotationOf({ side_data_list: [{ side_data_type: 'Display Matrix', rotation: 90 }] }), 270);
  assert.equal(rotationOf({ side_data_list: [{ side_data_type: 'Display Matrix', rotation: -180 }] }), 180);
  assert.equal(rotationOf({}), 0);
  const upsideDown = parseProbe({ ...phone, streams: [{ ...phone.streams[0], side_data_list: [], tags: { rotate: '180' } }] });
  assert.deepEqual([upsideDown.width, upsideDown.height, upsideDown.rotation], [1920, 1080, 180]);
});

test('variable frame rate: r_frame_rate differs from avg_frame_rate', () => {
  const vfr = parseProbe({ ...phone, streams: [{ ...phone.streams[0], r_frame_rate: '30/1', avg_frame_rate: '1140/59' }] });
  assert.equal(vfr.variableFrameRate, true);
  assert.equal(vfr.fps, 19.322);
  const ntsc = parseProbe({ ...phone, streams: [{ ...phone.streams[0], r_frame_rate: '30000/1001', avg_frame_rate: '30000/1001' }] });
  assert.deepEqual([ntsc.variableFrameRate, ntsc.fps], [false, 29.97]);
});

test('cover art is not a video stream; no audio stream means silent', () => {
  const song = parseProbe({
    streams: [{ codec_type: 'audio', codec_name: 'aac' }, { codec_type: 'video', codec_name: 'mjpeg', width: 600, height: 600, disposition: { attached_pic: 1 } }],
    format: { format_name: 'mov,mp4,m4a,3gp,3g2,mj2', duration: '180' },
  });
  assert.deepEqual([song.hasVideo, song.hasAudio, song.width, song.videoCodec], [false, true, 0, null]);
  const silent = parseProbe({ streams: [phone.streams[0]], format: phone.format });
  assert.deepEqual([silent.hasAudio, silent.audioCodec], [false, null]);
});

test('non-square pixels widen the display size; missing numbers become null', () => {
  const anamorphic = parseProbe({ streams: [{ codec_type: 'video', codec_name: 'mpeg2video', width: 720, height: 576, sample_aspect_ratio: '16:11' }], format: { format_name: 'mpeg' } });
  assert.deepEqual([anamorphic.width, anamorphic.height, anamorphic.durationMs, anamorphic.bitrate, anamorphic.frameCount], [1047, 576, null, null, null]);
  assert.deepEqual(parseProbe('nonsense').formatName, '');
});

test('rates parse as fractions, garbage as 0', () => {
  assert.equal(parseRate('30000/1001').toFixed(3), '29.970');
  assert.equal(parseRate('0/0'), 0);
  assert.equal(parseRate('N/A'), 0);
  assert.equal(parseRate(undefined), 0);
  assert.equal(parseRate('25'), 25);
});
