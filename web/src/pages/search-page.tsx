// Search people, videos and hashtags; the query lives in the URL so results can be shared.
import { useEffect, useState, type FormEvent } from 'react';
import { search } from '../api/discovery.ts';
import type { SearchResults } from '@cliptide/contract';
import { Link } from '../router/link.tsx';
import { navigate } from '../router/history.ts';
import { paths } from '../router/routes.ts';
import { Avatar } from '../ui/avatar.tsx';
import { formatCount } from '../ui/format.ts';
import { Icon } from '../ui/icons.tsx';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { useResource } from '../ui/use-resource.ts';
import { VideoGrid } from '../ui/video-grid.tsx';
import { cacheList } from '../ui/use-paged-list.ts';
import { listOf, videoList } from '../feed/video-lists.ts';

export function SearchPage({ q }: { q: string }) {
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  function submit(event: FormEvent) {
    event.preventDefault();
    navigate(paths.search(text.trim()), { replace: q !== '' });
  }
  return (
    <div className="page">
      <form className="search-form" role="search" onSubmit={submit}>
        <Icon name="search" />
        <input type="search" aria-label="Search people, videos and hashtags" placeholder="Search" value={text} onChange={(e) => setText(e.target.value)} autoFocus />
        <button type="submit" className="button button-primary">
          Search
        </button>
      </form>
      {q ? <Results q={q} /> : <Empty>Find people, videos and #hashtags.</Empty>}
    </div>
  );
}

function Results({ q }: { q: string }) {
  const results = useResource<SearchResults>(`search:${q}`, async (signal) => {
    const found = await search(q, signal);
    // the video results are the list a video opened from them swipes through
    cacheList(videoList(listOf.search(q))!.key, { items: found.videos, cursor: null, done: true, loading: false, error: null });
    return found;
  });
  if (results.loading) return <Loading label="Searching" />;
  if (!results.data) return <ErrorState error={results.error} onRetry={results.retry} />;
  const { users, videos, hashtags } = results.data;
  if (users.length + videos.length + hashtags.length === 0) return <Empty>Nothing found for “{q}”.</Empty>;
  return (
    <>
      {users.length > 0 && (
        <section aria-label="People">
          <h2 className="section-title">People</h2>
          <ul className="people">
            {users.map((user) => (
              <li key={user.id}>
                <Link className="person" to={paths.profile(user.username)}>
                  <Avatar user={user} size={44} />
                  <span>
                    <strong>{user.displayName || user.username}</strong>
                    <span className="muted-text"> @{user.username} · {formatCount(user.counts.followers)} followers</span>
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {hashtags.length > 0 && (
        <section aria-label="Hashtags">
          <h2 className="section-title">Hashtags</h2>
          <ul className="chips">
            {hashtags.map((h) => (
              <li key={h.tag}>
                <Link className="chip" to={paths.hashtag(h.tag)}>
                  #{h.tag} <span className="muted-text">{formatCount(h.videoCount)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      )}
      {videos.length > 0 && (
        <section aria-label="Videos">
          <h2 className="section-title">Videos</h2>
          <VideoGrid videos={videos} from={listOf.search(q)} />
        </section>
      )}
    </>
  );
}
