// Sends a file by tus, resuming a previous upload of the same file to the same video when
// tus-js-client's fingerprint store (localStorage) has one.
import { Upload, type DetailedError } from 'tus-js-client';
import type { UploadTarget } from '@cliptide/contract';

export type PreviousUpload = Awaited<ReturnType<Upload['findPreviousUploads']>>[number];

/** Chunks keep a resumed upload from starting over; overridable for tests and slow links. */
const DEFAULT_CHUNK_BYTES = 2 * 1024 * 1024;

function chunkSize(): number {
  try {
    const override = Number(window.localStorage.getItem('cliptide:upload-chunk-size'));
    return Number.isFinite(override) && override >= 16 * 1024 ? override : DEFAULT_CHUNK_BYTES;
  } catch {
    return DEFAULT_CHUNK_BYTES;
  }
}

export interface UploadCallbacks {
  onProgress: (sent: number, total: number) => void;
  onSuccess: () => void;
  onError: (error: Error) => void;
  /** Told where the upload starts: 0 for a new one, the server's offset when resuming. */
  onStart?: (resumedFrom: PreviousUpload | null) => void;
}

export interface RunningUpload {
  /** Stops sending; `terminate` also deletes what the server received. */
  abort: (terminate?: boolean) => void;
}

export function sendFile(file: File, target: Pick<UploadTarget, 'url' | 'metadata'>, callbacks: UploadCallbacks): RunningUpload {
  const videoId = target.metadata.videoId;
  const upload = new Upload(file, {
    endpoint: new URL(target.url, window.location.origin).href,
    metadata: { ...target.metadata, filename: file.name, filetype: file.type || 'application/octet-stream' },
    chunkSize: chunkSize(),
    retryDelays: [0, 1000, 3000, 5000, 10000],
    storeFingerprintForResuming: true,
    removeFingerprintOnSuccess: true,
    onProgress: callbacks.onProgress,
    onSuccess: () => callbacks.onSuccess(),
    onError: callbacks.onError,
  });
  let aborted = false;
  upload
    .findPreviousUploads()
    .then((previous) => {
      if (aborted) return;
      // only resume an upload that belongs to this video, newest first
      const mine = previous
        .filter((p) => p.metadata.videoId === videoId)
        .sort((a, b) => Date.parse(b.creationTime) - Date.parse(a.creationTime))[0];
      if (mine) upload.resumeFromPreviousUpload(mine);
      callbacks.onStart?.(mine ?? null);
      upload.start();
    })
    .catch((error: unknown) => callbacks.onError(error instanceof Error ? error : new Error(String(error))));
  return {
    abort: (terminate = false) => {
      aborted = true;
      upload.abort(terminate).catch(() => {});
    },
  };
}

/**
 * The server's reason when it refused the upload (a 4xx problem+json, e.g. over the size limit);
 * null when the upload was merely interrupted and can resume.
 */
export function refusalOf(error: Error): string | null {
  const response = (error as Partial<DetailedError>).originalResponse;
  if (!response) return null;
  const status = response.getStatus();
  if (status < 400 || status >= 500 || status === 409 || status === 423) return null;
  try {
    const body = JSON.parse(response.getBody()) as { detail?: unknown };
    return typeof body.detail === 'string' ? body.detail : null;
  } catch {
    return null;
  }
}
