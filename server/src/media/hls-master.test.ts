import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mergeMasterPlaylists } from './hls-master.ts';

const first = '#EXTM3U\n#EXT-X-VERSION:7\n#EXT-X-STREAM-INF:BANDWIDTH=75900,RESOLUTION=360x640,CODECS="avc1.f4001e,mp4a.40.2"\n360p/index.m3u8\n';
const rest =
  '#EXTM3U\n#EXT-X-VERSION:7\n' +
  '#EXT-X-STREAM-INF:BANDWIDTH=1300000,RESOLUTION=480x854,CODECS="avc1.64001f,mp4a.40.2"\n480p/index.m3u8\n' +
  '#EXT-X-STREAM-INF:BANDWIDTH=4950000,RESOLUTION=1080x1920,CODECS="avc1.640028,mp4a.40.2"\n1080p/index.m3u8\n';

test('the parts of a ladder merge into one master, largest bandwidth first, header once', () => {
  assert.equal(
    mergeMasterPlaylists(first, rest),
    '#EXTM3U\n#EXT-X-VERSION:7\n' +
      '#EXT-X-STREAM-INF:BANDWIDTH=4950000,RESOLUTION=1080x1920,CODECS="avc1.640028,mp4a.40.2"\n1080p/index.m3u8\n' +
      '#EXT-X-STREAM-INF:BANDWIDTH=1300000,RESOLUTION=480x854,CODECS="avc1.64001f,mp4a.40.2"\n480p/index.m3u8\n' +
      '#EXT-X-STREAM-INF:BANDWIDTH=75900,RESOLUTION=360x640,CODECS="avc1.f4001e,mp4a.40.2"\n360p/index.m3u8\n',
  );
});

test('a variant listed twice appears once; something that is not a playlist is refused', () => {
  assert.equal(mergeMasterPlaylists(first, first).match(/360p\/index/g)?.length, 1);
  assert.throws(() => mergeMasterPlaylists('<html>', rest), /not an HLS playlist/);
  assert.throws(() => mergeMasterPlaylists('#EXTM3U\n#EXT-X-STREAM-INF:BANDWIDTH=1\n'), /without its URI/);
});
