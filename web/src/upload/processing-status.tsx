// After the bytes are in: the server probes and transcodes; poll until ready or failed.
import { useEffect, useState } from 'react';
import { friendlyMessage } from '../api/error-messages.ts';
import type { Video } from '@cliptide/contract';
import { fetchVideo } from '../api/videos.ts';
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { ProgressMeter } from './progress-meter.tsx';

const POLL_MS = 1000;

export function ProcessingStatus({ videoId, onDone }: { videoId: string; onDone: () => void }) {
  const [video, setVideo] = useState<Video | null>(null);
  const [error, setError] = useState<unknown>(null);

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
  }, [videoId]);

  if (video?.status === 'ready') {
    return (
      <div className="processing is-ready" role="status">
        <h2>Your video is live</h2>
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
        <button type="button" className="button button-primary" onClick={onDone}>
          Try another file
        </button>
      </div>
    );
  }
  return (
    <div className="processing" role="status">
      <h2>Processing</h2>
      <ProgressMeter label="Processing" value={video?.progress ?? 0} />
      <p className="muted-text">You can keep browsing; your video appears on your profile when it’s ready.</p>
      {error !== null && <p className="form-error">{friendlyMessage(error)} Retrying…</p>}
    </div>
  );
}
