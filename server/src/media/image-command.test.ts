import assert from 'node:assert/strict';
import { test } from 'node:test';
import { imageCommand } from './image-command.ts';

test('an image is decoded under a pixel cap and written anew without metadata', () => {
  assert.deepEqual(imageCommand({ inputPath: '/w/in', outputPath: '/w/out.jpg', format: 'jpeg' }).args, [
    '-hide_banner', '-nostdin', '-loglevel', 'error', '-y',
    '-protocol_whitelist', 'file',
    '-max_pixels', '50000000',
    '-i', '/w/in',
    '-map', '0:v:0', '-frames:v', '1',
    '-map_metadata', '-1', '-fflags', '+bitexact', '-flags:v', '+bitexact',
    '-vf', "scale='min(512,iw)':'min(512,ih)':force_original_aspect_ratio=decrease",
    '-c:v', 'mjpeg', '-q:v', '3', '-pix_fmt', 'yuvj420p', '-f', 'image2',
    '/w/out.jpg',
  ]);
  assert.deepEqual(imageCommand({ inputPath: 'i', outputPath: 'o.png', format: 'png' }).args.slice(-7), ['-c:v', 'png', '-pix_fmt', 'rgba', '-f', 'image2', 'o.png']);
});
