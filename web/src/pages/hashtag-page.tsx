import { useCallback } from 'react';
import { fetchHashtag, fetchHashtagVideos } from '../api/discovery.ts';
import type { Video } from '@cliptide/contract';
import { formatCount } from '../ui/format.ts';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { usePagedList } from '../ui/use-paged-list.ts';
import { useResource } from '../ui/use-resource.ts';
import { VideoGrid } from '../ui/video-grid.tsx';
import { listOf, videoList } from '../feed/video-lists.ts';

export function HashtagPage({ tag }: { tag: string }) {
  const hashtag = useResource(`tag:${tag}`, (signal) => fetchHashtag(tag, signal).then((r) => r.hashtag));
  const load = useCallback((cursor: string | null, signal: AbortSignal) => fetchHashtagVideos(tag, cursor, signal), [tag]);
  const from = listOf.hashtag(tag);
  const videos = usePagedList<Video>(videoList(from)!.key, load, { cache: 'revalidate' });
  return (
    <div className="page">
      <header className="hashtag-header">
        <span className="hashtag-mark" aria-hidden="true">#</span>
        <div>
          <h1>#{tag}</h1>
          {hashtag.data && <p className="muted-text">{formatCount(hashtag.data.videoCount)} videos</p>}
        </div>
      </header>
      <VideoGrid videos={videos.items} onEnd={videos.loadMore} from={from} />
      {videos.loading && <Loading label="Loading videos" />}
      {videos.error !== null && <ErrorState error={videos.error} onRetry={videos.retry} />}
      {!videos.loading && !videos.error && videos.items.length === 0 && <Empty>No videos with #{tag} yet.</Empty>}
    </div>
  );
}
