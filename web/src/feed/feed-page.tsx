// For You and Following, as two tabs over the same vertical feed.
import { useCallback } from 'react';
import { fetchFeed, type FeedKind } from '../api/discovery.ts';
import type { Video } from '@cliptide/contract';
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Empty, Loading } from '../ui/states.tsx';
import { usePagedList } from '../ui/use-paged-list.ts';
import { FeedView } from './feed-view.tsx';

export function FeedPage({ kind }: { kind: FeedKind }) {
  const { user } = useSession();
  return (
    <div className="feed-page">
      <nav className="feed-tabs" aria-label="Feeds">
        <Link to={paths.following()} className={kind === 'following' ? 'tab is-current' : 'tab'} aria-current={kind === 'following' ? 'page' : undefined}>
          Following
        </Link>
        <Link to={paths.foryou()} className={kind === 'foryou' ? 'tab is-current' : 'tab'} aria-current={kind === 'foryou' ? 'page' : undefined}>
          For You
        </Link>
      </nav>
      {user === undefined && <Loading />}
      {kind === 'following' && user === null && (
        <Empty>
          <p>Log in to see videos from the creators you follow.</p>
          <Link className="button button-primary" to={paths.login(paths.following())}>
            Log in
          </Link>
        </Empty>
      )}
      {user !== undefined && (kind === 'foryou' || user) && <Feed kind={kind} userKey={user?.id ?? 'anonymous'} />}
    </div>
  );
}

function Feed({ kind, userKey }: { kind: FeedKind; userKey: string }) {
  const load = useCallback((cursor: string | null, signal: AbortSignal) => fetchFeed(kind, cursor, signal), [kind]);
  const list = usePagedList<Video>(`${kind}:${userKey}`, load, { repeats: kind === 'foryou' ? 'not-adjacent' : 'never' });
  return (
    <FeedView
      key={`${kind}:${userKey}`}
      source={kind}
      items={list.items}
      loading={list.loading}
      done={list.done}
      error={list.error}
      loadMore={list.loadMore}
      retry={list.retry}
      empty={
        <Empty>
          {kind === 'following' ? (
            <>
              <p>No videos from people you follow yet.</p>
              <Link className="button" to={paths.foryou()}>
                Find creators on For You
              </Link>
            </>
          ) : (
            <>
              <p>Nothing to watch yet.</p>
              <p>
                New public videos appear here as soon as they are ready
                {userKey === 'anonymous' ? '.' : <>, unless your <Link to={paths.feedSettings()}>For You filters</Link> hide them.</>}
              </p>
              <Link className="button" to={paths.upload()}>
                Post a video
              </Link>
            </>
          )}
        </Empty>
      }
    />
  );
}
