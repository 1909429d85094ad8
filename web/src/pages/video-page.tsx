// A single video's permalink: the same player and actions as the feed.
import type { Video } from '../api/types.ts';
import { fetchVideo } from '../api/videos.ts';
import { FeedItem } from '../feed/feed-item.tsx';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { useResource } from '../ui/use-resource.ts';

export function VideoPage({ id }: { id: string }) {
  const video = useResource(`video:${id}`, (signal) => fetchVideo(id, signal).then((r) => r.video));
  if (video.loading) return <Loading label="Loading video" />;
  if (!video.data) return <ErrorState error={video.error} onRetry={video.retry} />;
  return <SingleVideo video={video.data} />;
}

function SingleVideo({ video }: { video: Video }) {
  if (video.status !== 'ready') {
    return (
      <Empty>
        {video.status === 'failed'
          ? `This video could not be processed: ${video.error?.reason ?? 'unknown reason'}`
          : `This video is still being processed (${Math.round(video.progress * 100)}%).`}
      </Empty>
    );
  }
  return (
    <div className="feed single">
      <FeedItem video={video} index={0} mode="play" source="link" />
    </div>
  );
}
