// A single video's permalink: the same player and actions as the feed; its author can edit or
// delete it here, also while it is processing or after it failed. Opened from a grid
// (`?from=profile:ana`), it is a feed of that grid starting at this video, with a way back.
import { useState } from 'react';
import type { Video } from '@cliptide/contract';
import { fetchVideo } from '../api/videos.ts';
import { FeedItem } from '../feed/feed-item.tsx';
import { FeedView } from '../feed/feed-view.tsx';
import { videoList, type VideoList } from '../feed/video-lists.ts';
import { canGoBack, navigate } from '../router/history.ts';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Icon } from '../ui/icons.tsx';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { usePagedList } from '../ui/use-paged-list.ts';
import { useResource } from '../ui/use-resource.ts';
import { ManageVideoDialog } from '../video/manage-video-dialog.tsx';

export function VideoPage({ id, from }: { id: string; from: string | null }) {
  const list = from ? videoList(from) : null;
  return list ? <ListFeed id={id} list={list} /> : <Permalink id={id} />;
}

function Permalink({ id }: { id: string }) {
  const video = useResource(`video:${id}`, (signal) => fetchVideo(id, signal).then((r) => r.video));
  if (video.loading) return <Loading label="Loading video" />;
  if (!video.data) return <ErrorState error={video.error} onRetry={video.retry} notFound="This video isn’t available" />;
  return <SingleVideo key={video.data.id} loaded={video.data} />;
}

/** The grid's videos as a feed, starting at the one that was tapped. */
function ListFeed({ id, list }: { id: string; list: VideoList }) {
  const videos = usePagedList<Video>(list.key, list.load, { cache: 'restore' });
  const ready = videos.items.filter((video) => video.status === 'ready');
  const start = ready.findIndex((video) => video.id === id);
  if (ready.length === 0 && videos.loading) return <Loading label="Loading videos" />;
  // not in this list (any more): the video on its own
  if (start < 0) return <Permalink id={id} />;
  return (
    <div className="list-feed">
      <header className="list-feed-header">
        <button
          type="button"
          className="icon-button back-button"
          aria-label={`Back to ${list.title}`}
          onClick={() => (canGoBack() ? window.history.back() : navigate(list.back))}
        >
          <Icon name="back" />
        </button>
        <span className="list-feed-title">{list.title}</span>
      </header>
      <FeedView
        source={list.source}
        items={ready}
        initialIndex={start}
        loading={videos.loading}
        done={videos.done}
        error={videos.error}
        loadMore={videos.loadMore}
        retry={videos.retry}
        empty={<Empty>No videos here.</Empty>}
      />
    </div>
  );
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
