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
