// Avatar images: checked by their leading bytes (not the declared type), re-encoded by the media
// module (so no EXIF, GPS or anything but the picture is kept), stored content-addressed.
import { createHash } from 'node:crypto';
import { MAX_AVATAR_BYTES } from '@cliptide/contract';
import { DomainError } from '../shared/errors.ts';
import type { BlobStore } from '../storage/blob-store.ts';
import { blobKeys } from '../storage/keys.ts';

const kinds = [
  { type: 'image/jpeg', ext: 'jpg', magic: (b: Buffer) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { type: 'image/png', ext: 'png', magic: (b: Buffer) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) },
  { type: 'image/webp', ext: 'webp', magic: (b: Buffer) => b.subarray(0, 4).toString('latin1') === 'RIFF' && b.subarray(8, 12).toString('latin1') === 'WEBP' },
] as const;

/** Photos stay JPEG; PNG and WebP (which may carry transparency) become PNG. */
const OUTPUT = { jpg: { format: 'jpeg', type: 'image/jpeg', ext: 'jpg' }, png: { format: 'png', type: 'image/png', ext: 'png' }, webp: { format: 'png', type: 'image/png', ext: 'png' } } as const;

/** Decodes an image and writes it anew (the media module's reencodeImage); null when it is not a readable image. */
export type ReencodeImage = (bytes: Buffer, format: 'jpeg' | 'png') => Promise<Buffer | null>;

export function sniffImage(bytes: Buffer) {
  return kinds.find((k) => k.magic(bytes)) ?? null;
}

export interface AvatarStore {
  save(accountId: string, image: Buffer, declaredType: string): Promise<string>;
  remove(key: string): Promise<void>;
}

export function createAvatarStore(storage: BlobStore, reencode: ReencodeImage): AvatarStore {
  return {
    async save(accountId, image) {
      if (image.length === 0) throw new DomainError('validation_failed', 'The image is empty');
      if (image.length > MAX_AVATAR_BYTES) throw new DomainError('payload_too_large', 'An avatar may be at most 5 MB');
      const kind = sniffImage(image);
      if (!kind) throw new DomainError('validation_failed', 'An avatar must be a JPEG, PNG or WebP image');
      const out = OUTPUT[kind.ext];
      const clean = await reencode(image, out.format);
      if (!clean) throw new DomainError('validation_failed', 'We could not read this image; try another JPEG, PNG or WebP');
      const key = blobKeys.avatar(accountId, createHash('sha256').update(clean).digest('hex').slice(0, 16), out.ext);
      await storage.putBytes(key, clean, out.type);
      return key;
    },
    remove: (key) => storage.deletePrefix(key),
  };
}
