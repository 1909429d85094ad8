// A single video's permalink: the same player and actions as the feed; its author can edit or
// delete it here, also while it is processing or after it failed.
import { useState } from 'react';
import type { Video } from '@cliptide/contract';
import { fetchVideo } from '../api/videos.ts';
import { FeedItem } from '../feed/feed-item.tsx';
import { navigate } from '../router/history.ts';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { useResource } from '../ui/use-resource.ts';
import { ManageVideoDialog } from '../video/manage-video-dialog.tsx';

export function VideoPage({ id }: { id: string }) {
  const video = useResource(`video:${id}`, (signal) => fetchVideo(id, signal).then((r) => r.video));
  if (video.loading) return <Loading label="Loading video" />;
  if (!video.data) return <ErrorState error={video.error} onRetry={video.retry} />;
  return <SingleVideo key={video.data.id} loaded={video.data} />;
}

function SingleVideo({ loaded }: { loaded: Video }) {
  const { user } = useSession();
  const [video, setVideo] = useState(loaded);
  const [managing, setManaging] = useState(false);
  const onChanged = (changed: Video | null) => {
    if (changed) setVideo(changed);
    else navigate(paths.profile(video.author.username), { replace: true });
  };
  if (video.status !== 'ready') {
    return (
      <Empty>
        <p>
          {video.status === 'failed'
            ? `This video could not be processed: ${video.error?.reason ?? 'unknown reason'}`
            : `This video is still being processed (${Math.round(video.progress * 100)}%).`}
        </p>
        {user?.id === video.author.id && (
          <button type="button" className="button" onClick={() => setManaging(true)}>
            Delete video…
          </button>
        )}
        {managing && <ManageVideoDialog video={video} onClose={() => setManaging(false)} onChanged={onChanged} />}
      </Empty>
    );
  }
  return (
    <div className="feed single">
      <FeedItem video={video} index={0} mode="play" source="link" onChanged={onChanged} />
    </div>
  );
}
