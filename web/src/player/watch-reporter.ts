// Sends finished views to POST /videos/:id/views in small batches, and flushes whatever is left
// when the page is hidden or closed (fetch keepalive outlives the page).
import { reportView } from '../api/videos.ts';
import { watchReported } from '../wellbeing/wellbeing-store.ts';
import type { ViewSource, WatchReport } from '@cliptide/contract';

const FLUSH_DELAY_MS = 2000;

interface PendingView {
  videoId: string;
  report: WatchReport;
  source: ViewSource;
}

const pending: PendingView[] = [];
const flushHooks = new Set<() => void>();
let timer: number | undefined;

export function enqueueView(videoId: string, report: WatchReport, source: ViewSource) {
  pending.push({ videoId, report, source });
  if (timer === undefined) timer = window.setTimeout(flushViews, FLUSH_DELAY_MS);
}

export function flushViews() {
  if (timer !== undefined) window.clearTimeout(timer);
  timer = undefined;
  for (const view of pending.splice(0)) {
    reportView(view.videoId, view.report, view.source).then(watchReported, (error: unknown) => {
      // a lost view is a lost signal, not something to bother the viewer with
      console.warn('view report failed', error);
    });
  }
}

/** Players register here to finish their current view before the page goes away. */
export function onBeforeFlush(hook: () => void): () => void {
  flushHooks.add(hook);
  return () => flushHooks.delete(hook);
}

function finishAll() {
  for (const hook of flushHooks) hook();
  flushViews();
}

window.addEventListener('pagehide', finishAll);
document.addEventListener('visibilitychange', () => {
  if (document.visibilityState === 'hidden') finishAll();
});
