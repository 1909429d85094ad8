import assert from 'node:assert/strict';
import { test } from 'node:test';
import { probeCommand, sniff } from './probe.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

test('ffprobe reads local files only, as JSON, through file:', () => {
  assert.deepEqual(probeCommand('/up/-x:y.mp4'), {
    command: 'ffprobe',
    args: ['-v', 'error', '-protocol_whitelist', 'file', '-print_format', 'json', '-show_format', '-show_streams', '-i', 'file:/up/-x:y.mp4'],
  });
});

test('playlists and text are caught before ffprobe opens them', () => {
  assert.equal(sniff(bytes('#EXTM3U\n#EXTINF:2,\nhttp://x/a.ts\n'))?.cause, 'playlist');
  assert.equal(sniff(bytes('\uFEFF  #extm3u\n'))?.cause, 'playlist');
  assert.equal(sniff(bytes('ffconcat version 1.0\nfile a.mp4\n'))?.cause, 'playlist');
  assert.equal(sniff(bytes('<?xml version="1.0"?>\n<MPD xmlns="urn:mpeg:dash">'))?.cause, 'playlist');
  assert.equal(sniff(bytes('Dear diary,\n\ttoday… ünïcödé\r\n'))?.cause, 'text');
  assert.equal(sniff(new Uint8Array())?.cause, 'empty');
});

test('binary data may be media', () => {
  const mp4Head = Uint8Array.from([0, 0, 0, 0x20, 0x66, 0x74, 0x79, 0x70, 0x69, 0x73, 0x6f, 0x6d]);
  assert.equal(sniff(mp4Head), null);
  assert.equal(sniff(Uint8Array.from([0x47, 0x40, 0x11, 0x10, 0xff, 0xfe])), null);
  // A multi-byte character cut at the end of the sniffed block is still text.
  assert.equal(sniff(bytes('plain text é').subarray(0, 12))?.cause, 'text');
});
