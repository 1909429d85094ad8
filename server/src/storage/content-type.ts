// Content types for the media and metadata the platform stores, by file extension.
// Both storage adapters use this as the fallback when no type was recorded for a blob.

const byExtension: Readonly<Record<string, string>> = {
  m3u8: 'application/vnd.apple.mpegurl',
  m4s: 'video/iso.segment',
  mp4: 'video/mp4',
  m4a: 'audio/mp4',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  json: 'application/json',
  vtt: 'text/vtt',
};

export const defaultContentType = 'application/octet-stream';

/** The content type for a key or file name, from its extension (case-insensitive). */
export function contentTypeFor(key: string): string {
  const name = key.slice(key.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  if (dot <= 0) return defaultContentType;
  return byExtension[name.slice(dot + 1).toLowerCase()] ?? defaultContentType;
}
