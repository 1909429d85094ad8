// Blob keys are slash-separated relative paths (`videos/<id>/720p/seg-0001.m4s`).
// Every adapter validates them the same way, so a key that works locally works on S3 too.

export class InvalidBlobKeyError extends Error {
  override readonly name = 'InvalidBlobKeyError';
  constructor(
    readonly key: string,
    reason: string,
  ) {
    super(`invalid blob key ${JSON.stringify(key)}: ${reason}`);
  }
}

const maxKeyLength = 1024;
// eslint-disable-next-line no-control-regex
const controlCharacters = /[\u0000-\u001f\u007f]/;

/** Why `key` is not a valid blob key, or null when it is. */
export function blobKeyProblem(key: string): string | null {
  if (typeof key !== 'string' || key.length === 0) return 'empty';
  if (key.length > maxKeyLength) return `longer than ${maxKeyLength} characters`;
  if (controlCharacters.test(key)) return 'contains a control character';
  if (key.includes('\\')) return 'contains a backslash';
  if (key.startsWith('/') || /^[a-zA-Z]:/.test(key)) return 'absolute';
  if (key.includes('..')) return "contains '..'";
  for (const segment of key.split('/')) {
    if (segment.length === 0) return 'has an empty segment';
    // Dot-names are reserved for the local adapter's temp files and metadata.
    if (segment.startsWith('.')) return "has a segment starting with '.'";
  }
  return null;
}

/** Throws InvalidBlobKeyError unless `key` is a valid blob key. */
export function assertBlobKey(key: string): void {
  const problem = blobKeyProblem(key);
  if (problem !== null) throw new InvalidBlobKeyError(key, problem);
}

/**
 * Throws unless `prefix` is a valid key prefix: a valid key, optionally followed by one '/'
 * (`videos/abc/`). An empty prefix is refused so that nobody deletes a whole store by accident.
 */
export function assertBlobPrefix(prefix: string): void {
  const body = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  const problem = blobKeyProblem(body);
  if (problem !== null) throw new InvalidBlobKeyError(prefix, `as a prefix: ${problem}`);
}

/** Throws unless `prefix` is a folder: a valid key followed by '/' (`videos/abc/`). */
export function assertFolder(prefix: string): void {
  if (!prefix.endsWith('/')) throw new InvalidBlobKeyError(prefix, "as a folder: does not end in '/'");
  assertBlobPrefix(prefix);
}

// The key layout: the one place that says where each blob lives (decision 003).
//   sources/<videoId>/original                 an upload, kept until the video is published
//   videos/<videoId>/<ladderId>/<file>         one transcode's output (a fresh ladderId each run)
//   avatars/<accountId>/<version>.<ext>        an avatar (a new image is a new key)

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const LADDER_FILE = new RegExp(`^videos/(${UUID})/([0-9a-f]+)/[A-Za-z0-9_.\\-/]+$`);
const AVATAR = new RegExp(`^avatars/(${UUID})/[0-9a-f]{16}\\.(jpg|png|webp)$`);

export const blobKeys = {
  /** The uploaded original of a video. */
  source: (videoId: string) => `sources/${videoId}/original`,
  /** Everything kept of a video's upload (deleted once published, or with the video). */
  sources: (videoId: string) => `sources/${videoId}/`,
  /** Every transcode of a video (deleted with the video). */
  videoMedia: (videoId: string) => `videos/${videoId}/`,
  /** One transcode's output: nothing under it is ever rewritten, so its URLs are cacheable forever. */
  ladder: (videoId: string, ladderId: string) => `videos/${videoId}/${ladderId}/`,
  /** A file the transcode wrote (`master.m3u8`, `720p/seg-00001.m4s`), under its ladder prefix. */
  ladderFile: (ladderPrefix: string, file: string) => `${ladderPrefix}${file}`,
  avatar: (accountId: string, version: string, ext: string) => `avatars/${accountId}/${version}.${ext}`,
};

/** What a key that may be served holds; null for any other key (sources are never served). */
export type ServableKey = { kind: 'video-media'; videoId: string; ladderId: string } | { kind: 'avatar'; accountId: string };

export function parseServableKey(key: string): ServableKey | null {
  if (blobKeyProblem(key) !== null) return null;
  const avatar = AVATAR.exec(key);
  if (avatar) return { kind: 'avatar', accountId: avatar[1]! };
  const media = LADDER_FILE.exec(key);
  if (media) return { kind: 'video-media', videoId: media[1]!, ladderId: media[2]! };
  return null;
}
