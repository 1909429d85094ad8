// For You and Following, as two tabs over the same vertical feed. Each keeps its list and its
// current video while you are away (a profile, a video, logging in) and comes back to them.
import { useCallback, useEffect, useState } from 'react';
import { fetchFeed, type FeedKind } from '../api/discovery.ts';
import type { Video } from '@cliptide/contract';
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Empty, Loading } from '../ui/states.tsx';
import { cachedList, cacheList, usePagedList } from '../ui/use-paged-list.ts';
import { hasPendingAction } from '../session/pending-action.ts';
import { FeedView } from './feed-view.tsx';
import { feedFailed, isScreenTimeLimit, useWellbeing } from '../wellbeing/wellbeing-store.ts';

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

/**
 * While a feed is empty (a first start still transcoding its demo catalogue, nobody posted yet), look
 * again now and then — more rarely as time passes, never while the tab is hidden — so videos appear
 * as they become ready, without a reload.
 */
function useWhileEmpty(empty: boolean, look: () => void) {
  useEffect(() => {
    if (!empty) return;
    let delay = 2_000;
    let timer: ReturnType<typeof setTimeout>;
    const tick = () => {
      if (document.visibilityState === 'visible') look();
      delay = Math.min(delay * 1.5, 30_000);
      timer = setTimeout(tick, delay);
    };
    timer = setTimeout(tick, delay);
    return () => clearTimeout(timer);
  }, [empty, look]);
}

/** Which video each feed was at, and how far it had played, by list key, while the page lives. */
const positions = new Map<string, { index: number; time?: number }>();

/**
 * Just logged in from the prompt an action opened: For You carries on with the list the visitor
 * was watching, so the action is completed on that same video.
 */
function adoptVisitorFeed(kind: FeedKind, key: string) {
  const visitorKey = `${kind}:anonymous`;
  const visitors = cachedList<Video>(visitorKey);
  if (key === visitorKey || !visitors || cachedList(key) || !hasPendingAction()) return;
  cacheList(key, visitors);
  positions.set(key, positions.get(visitorKey) ?? { index: 0 });
}

function Feed({ kind, userKey }: { kind: FeedKind; userKey: string }) {
  const key = `${kind}:${userKey}`;
  useState(() => adoptVisitorFeed(kind, key));
  // the server pauses the feeds at the daily limit (screen_time_limit): the pause screen shows, and the
  // list tries again once the passcode bought more time
  const load = useCallback(
    (cursor: string | null, signal: AbortSignal) =>
      fetchFeed(kind, cursor, signal).catch((error: unknown) => {
        feedFailed(error);
        throw error;
      }),
    [kind],
  );
  const list = usePagedList<Video>(key, load, { repeats: kind === 'foryou' ? 'not-adjacent' : 'never', cache: 'restore' });
  const { paused } = useWellbeing();
  const { error, retry } = list;
  useEffect(() => {
    if (!paused && isScreenTimeLimit(error)) retry();
  }, [paused, error, retry]);
  useWhileEmpty(list.done && list.items.length === 0 && !list.error, list.refreshQuietly);
  return (
    <FeedView
      key={key}
      initialIndex={Math.min(positions.get(key)?.index ?? 0, Math.max(0, list.items.length - 1))}
      {...(positions.get(key)?.time ? { initialTime: positions.get(key)?.time } : {})}
      onActiveChange={(index, time) => positions.set(key, time === undefined ? { index } : { index, time })}
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
