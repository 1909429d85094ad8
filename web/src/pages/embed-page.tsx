// The embeddable player (/embed/:id), framed by other sites through the oEmbed code or the share
// sheet: the video and who made it, nothing else of the app. The server lets other sites frame this
// page only for a public video; anything else answers "not available" here.
import { useState } from 'react';
import type { Video } from '@cliptide/contract';
import { fetchVideo } from '../api/videos.ts';
import { paths } from '../router/routes.ts';
import { Icon } from '../ui/icons.tsx';
import { useResource } from '../ui/use-resource.ts';
import { VideoPlayer } from '../video/video-player.tsx';

export function EmbedPage({ id }: { id: string }) {
  const state = useResource(`video:${id}`, (signal) => fetchVideo(id, signal));
  const [started, setStarted] = useState(false);
  const video: Video | null = state.data?.video.visibility === 'public' && state.data.video.hls ? state.data.video : null;
  const link = new URL(paths.video(id), window.location.origin).href;

  if (state.loading) return <div className="embed" aria-busy="true" />;
  if (!video) {
    return (
      <div className="embed embed-unavailable">
        <p>This video is not available.</p>
        <a href={window.location.origin} target="_blank" rel="noopener noreferrer">
          Cliptide
        </a>
      </div>
    );
  }
  return (
    <div className="embed">
      {started ? (
        <VideoPlayer video={video} mode="play" source="link" onDoubleTap={() => {}} />
      ) : (
        <button type="button" className="embed-start" onClick={() => setStarted(true)} aria-label={`Play the video by @${video.author.username}`}>
          {video.poster && <img src={video.poster} alt="" />}
          <span className="embed-play">
            <Icon name="play" size={40} />
          </span>
        </button>
      )}
      <div className="embed-bar">
        <p className="embed-caption">
          <strong>@{video.author.username}</strong> {video.caption}
        </p>
        <a className="embed-link" href={link} target="_blank" rel="noopener noreferrer">
          Watch on Cliptide
        </a>
      </div>
    </div>
  );
}
