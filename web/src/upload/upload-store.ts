// The one upload in progress, kept outside React so it carries on while the person browses,
// and restored from localStorage after a reload (the file is picked again; tus resumes the bytes).
import { useSyncExternalStore } from 'react';
import { friendlyMessage } from '../api/error-messages.ts';
import { ApiError } from '../api/problem.ts';
import { createVideo, deleteVideo, fetchVideo, type NewVideo } from '../api/videos.ts';
import { clearPendingUpload, describeFile, readPendingUpload, writePendingUpload, type PendingUpload } from './pending-upload.ts';
import { refusalOf, sendFile, type RunningUpload } from './tus-upload.ts';

export type UploadState =
  | { stage: 'idle' }
  | { stage: 'checking' }
  | { stage: 'creating' }
  | { stage: 'needs-file'; pending: PendingUpload }
  | { stage: 'uploading'; pending: PendingUpload; sent: number; total: number; resumed: boolean }
  | { stage: 'upload-failed'; pending: PendingUpload | null; message: string }
  | { stage: 'processing'; videoId: string };

let state: UploadState = { stage: 'idle' };
let running: RunningUpload | null = null;
let lastSaved = 0;
const listeners = new Set<() => void>();

function set(next: UploadState) {
  state = next;
  for (const listener of listeners) listener();
}

export function useUploadState(): UploadState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}

/** On opening the studio: pick up an upload remembered from before a reload. */
export async function restorePendingUpload() {
  if (state.stage !== 'idle') return;
  const pending = readPendingUpload();
  if (!pending) return;
  set({ stage: 'checking' });
  try {
    const { video } = await fetchVideo(pending.videoId);
    if (video.status === 'uploading') set({ stage: 'needs-file', pending: { ...pending, stage: 'uploading' } });
    else set({ stage: 'processing', videoId: video.id });
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      clearPendingUpload();
      set({ stage: 'idle' });
    } else {
      set({ stage: 'upload-failed', pending, message: friendlyMessage(error) });
    }
  }
}

export async function startNewUpload(file: File, details: NewVideo) {
  set({ stage: 'creating' });
  try {
    const { video, upload } = await createVideo(details);
    if (file.size > upload.maxBytes) {
      void deleteVideo(video.id).catch(() => {});
      set({ stage: 'upload-failed', pending: null, message: `That file is too large (the limit is ${Math.floor(upload.maxBytes / 1024 / 1024)} MB).` });
      return;
    }
    const pending: PendingUpload = {
      videoId: video.id,
      target: { url: upload.url, metadata: { ...upload.metadata, videoId: upload.metadata.videoId ?? video.id } },
      file: describeFile(file),
      progress: 0,
      stage: 'uploading',
    };
    writePendingUpload(pending);
    run(file, pending);
  } catch (error) {
    set({ stage: 'upload-failed', pending: null, message: friendlyMessage(error) });
  }
}

/** Continue a remembered upload with the file picked again. */
export function resumeUpload(file: File, pending: PendingUpload) {
  run(file, pending);
}

function run(file: File, pending: PendingUpload) {
  running?.abort();
  set({ stage: 'uploading', pending, sent: Math.round(pending.progress * file.size), total: file.size, resumed: false });
  running = sendFile(file, pending.target, {
    onStart: (previous) => {
      if (state.stage === 'uploading') set({ ...state, resumed: previous !== null });
    },
    onProgress: (sent, total) => {
      if (state.stage !== 'uploading') return;
      set({ ...state, sent, total });
      const now = performance.now();
      if (now - lastSaved > 500) {
        lastSaved = now;
        writePendingUpload({ ...pending, progress: total > 0 ? sent / total : 0 });
      }
    },
    onSuccess: () => {
      running = null;
      writePendingUpload({ ...pending, progress: 1, stage: 'processing' });
      set({ stage: 'processing', videoId: pending.videoId });
    },
    onError: (error) => {
      running = null;
      console.warn('upload failed', error);
      const refusal = refusalOf(error);
      if (refusal) {
        // the server will refuse this file again: drop the draft instead of offering to resume
        clearPendingUpload();
        void deleteVideo(pending.videoId).catch(() => {});
        set({ stage: 'upload-failed', pending: null, message: refusal });
        return;
      }
      set({ stage: 'upload-failed', pending, message: 'The upload was interrupted. Pick the file again to resume.' });
    },
  });
}

/** Done with this upload: it is live or failed (keep the video), or it is discarded (delete the draft). */
export function finishUpload(options: { discard?: boolean } = {}) {
  running?.abort(options.discard === true);
  running = null;
  const videoId = state.stage === 'uploading' || state.stage === 'needs-file' ? state.pending.videoId : state.stage === 'upload-failed' ? state.pending?.videoId : undefined;
  if (options.discard && videoId) void deleteVideo(videoId).catch(() => {});
  clearPendingUpload();
  set({ stage: 'idle' });
}
