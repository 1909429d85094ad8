// After the bytes are in: the server probes and transcodes; poll until ready or failed. Ready means
// playable at the first (smallest) rendition; the sharper ones follow and are said to follow.
import { useEffect, useState } from 'react';
import { friendlyMessage } from '../api/error-messages.ts';
import type { Video } from '@cliptide/contract';
import { fetchVideo, retryVideo } from '../api/videos.ts';
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { ProgressMeter } from './progress-meter.tsx';

const POLL_MS = 1000;

export function ProcessingStatus({ videoId, onDone }: { videoId: string; onDone: () => void }) {
  const [video, setVideo] = useState<Video | null>(null);
  const [error, setError] = useState<unknown>(null);
  /** Bumped by Retry: polling starts over. */
  const [attempt, setAttempt] = useState(0);
  const [retrying, setRetrying] = useState(false);

  useEffect(() => {
    let timer: number | undefined;
    const controller = new AbortController();
    const poll = async () => {
      try {
        const { video } = await fetchVideo(videoId, controller.signal);
        setVideo(video);
        setError(null);
        if (video.status === 'ready' || video.status === 'failed') return;
      } catch (err) {
        if (controller.signal.aborted) return;
        setError(err);
      }
      timer = window.setTimeout(poll, POLL_MS);
    };
    void poll();
    return () => {
      controller.abort();
      window.clearTimeout(timer);
    };
  }, [videoId, attempt]);

  async function retry() {
    setRetrying(true);
    try {
      setVideo((await retryVideo(videoId)).video);
      setError(null);
      setAttempt((n) => n + 1);
    } catch (err) {
      setError(err);
    } finally {
      setRetrying(false);
    }
  }

  if (video?.status === 'ready') {
    return (
      <div className="processing is-ready" role="status">
        <h2>Your video is live</h2>
        {video.renditions.some((r) => r.status === 'pending') && (
          <p className="muted-text">
            Playable now; sharper versions ({video.renditions.filter((r) => r.status === 'pending').map((r) => r.name).join(', ')}) are being added.
          </p>
        )}
        <div className="row">
          <Link className="button button-primary" to={paths.video(video.id)} onClick={onDone}>
            Watch it
          </Link>
          <Link className="button" to={paths.profile(video.author.username)} onClick={onDone}>
            Go to profile
          </Link>
          <button type="button" className="button" onClick={onDone}>
            Upload another
          </button>
        </div>
      </div>
    );
  }
  if (video?.status === 'failed') {
    return (
      <div className="processing is-failed" role="alert">
        <h2>We couldn’t process this video</h2>
        <p className="failure-reason">{video.error?.reason ?? 'No reason was given.'}</p>
        {error !== null && <p className="form-error">{friendlyMessage(error)}</p>}
        <div className="row">
          {video.error?.retryable && (
            <button type="button" className="button button-primary" disabled={retrying} onClick={() => void retry()}>
              Try again
            </button>
          )}
          <button type="button" className={video.error?.retryable ? 'button' : 'button button-primary'} onClick={onDone}>
            Try another file
          </button>
        </div>
      </div>
    );
  }
  return (
    <div className="processing" role="status">
      <h2>Processing</h2>
      <ProgressMeter label="Processing" value={video?.progress ?? 0} />
      <p>{(video?.progress ?? 0) < 0.05 ? 'Checking the file…' : 'Making it playable…'}</p>
      <p className="muted-text">You can keep browsing; your video appears on your profile when it’s ready.</p>
      {error !== null && <p className="form-error">{friendlyMessage(error)} Retrying…</p>}
    </div>
  );
}
