// Who follows someone, or whom they follow (/@ana/followers, /@ana/following). A private account's
// lists are for itself and its approved followers: the server answers 403 and this page says so.
import { useCallback } from 'react';
import type { UserSummary } from '@cliptide/contract';
import { fetchPeople } from '../api/collections.ts';
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { Avatar } from '../ui/avatar.tsx';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { usePagedList } from '../ui/use-paged-list.ts';

export function PeoplePage({ username, direction }: { username: string; direction: 'followers' | 'following' }) {
  const load = useCallback((cursor: string | null, signal: AbortSignal) => fetchPeople(username, direction, cursor, signal), [username, direction]);
  const people = usePagedList<UserSummary>(`${direction}:${username}`, load);
  return (
    <div className="page people-page">
      <nav className="feed-tabs" aria-label={`@${username}’s connections`}>
        {(['following', 'followers'] as const).map((d) => (
          <Link key={d} to={paths.people(username, d)} className={d === direction ? 'tab is-current' : 'tab'} aria-current={d === direction ? 'page' : undefined}>
            {d === 'followers' ? 'Followers' : 'Following'}
          </Link>
        ))}
      </nav>
      <h1 className="visually-hidden">
        @{username} · {direction === 'followers' ? 'Followers' : 'Following'}
      </h1>
      <p>
        <Link to={paths.profile(username)}>← @{username}</Link>
      </p>
      <ul className="people-list">
        {people.items.map((person) => (
          <li key={person.id}>
            <Link to={paths.profile(person.username)} className="person-row">
              <Avatar user={person} size={44} />
              <span className="person-names">
                <strong>{person.displayName || person.username}</strong>
                <span className="muted-text">@{person.username}</span>
              </span>
            </Link>
          </li>
        ))}
      </ul>
      {people.loading && <Loading label="Loading people" />}
      {people.error !== null && <ErrorState error={people.error} onRetry={people.retry} notFound={`@${username} doesn’t exist`} />}
      {!people.loading && !people.error && people.items.length === 0 && (
        <Empty>{direction === 'followers' ? `Nobody follows @${username} yet.` : `@${username} doesn’t follow anyone yet.`}</Empty>
      )}
      {!people.done && !people.loading && !people.error && (
        <button type="button" className="button" onClick={people.loadMore}>
          Show more
        </button>
      )}
    </div>
  );
}
