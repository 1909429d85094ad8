// The upload in progress, remembered across reloads: which video it is for, which file, and how
// far it got. The bytes themselves are resumed by tus-js-client from its own fingerprint store.
import type { UploadTarget } from '@cliptide/contract';

const KEY = 'cliptide:pending-upload';

export interface PendingUpload {
  videoId: string;
  target: Pick<UploadTarget, 'url' | 'metadata'>;
  file: { name: string; size: number; type: string; lastModified: number };
  /** 0..1 of the bytes, as last seen. */
  progress: number;
  /** 'uploading' until tus finished, then 'processing' until the server says ready or failed. */
  stage: 'uploading' | 'processing';
}

export function readPendingUpload(): PendingUpload | null {
  try {
    const raw = window.localStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Partial<PendingUpload>;
    return typeof value.videoId === 'string' && value.target && value.file ? (value as PendingUpload) : null;
  } catch {
    return null;
  }
}

export function writePendingUpload(pending: PendingUpload) {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(pending));
  } catch {
    // storage full or disabled: the upload still works, it just cannot resume after a reload
  }
}

export function clearPendingUpload() {
  try {
    window.localStorage.removeItem(KEY);
  } catch {
    // nothing to clear
  }
}

export function describeFile(file: File): PendingUpload['file'] {
  return { name: file.name, size: file.size, type: file.type, lastModified: file.lastModified };
}

export function sameFile(file: File, remembered: PendingUpload['file']): boolean {
  return file.name === remembered.name && file.size === remembered.size;
}
