// What you reported and what came of it.
import { useState } from 'react';
import type { Report, ReportPage } from '@cliptide/contract';
import { friendlyMessage } from '../api/error-messages.ts';
import { fetchMyReports } from '../api/moderation.ts';
import { Link } from '../router/link.tsx';
import { Redirect } from '../router/redirect.tsx';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { useToast } from '../ui/toast.tsx';
import { useResource } from '../ui/use-resource.ts';
import { ACTION_WORDS, CATEGORY_WORDS } from './words.ts';

export function MyReportsPage() {
  const { user } = useSession();
  const first = useResource(`my-reports:${user?.id ?? ''}`, (signal) => (user ? fetchMyReports(null, signal) : Promise.resolve({ items: [], nextCursor: null })));
  if (user === undefined) return <Loading />;
  if (user === null) return <Redirect to={paths.login(paths.myReports())} />;
  if (first.error) return <ErrorState error={first.error} onRetry={first.retry} />;
  if (!first.data) return <Loading label="Loading your reports" />;
  return <Reports first={first.data} />;
}

function target(r: Report) {
  if (r.target.type === 'video') return <Link to={paths.video(r.target.id)}>a video</Link>;
  return <>a {r.target.type}</>;
}

function Reports({ first }: { first: ReportPage }) {
  const toast = useToast();
  const [items, setItems] = useState(first.items);
  const [cursor, setCursor] = useState(first.nextCursor);
  async function more() {
    try {
      const next = await fetchMyReports(cursor);
      setItems((list) => [...list, ...next.items]);
      setCursor(next.nextCursor);
    } catch (error) {
      toast(friendlyMessage(error));
    }
  }
  return (
    <div className="page auth-page settings-page">
      <h1>Your reports</h1>
      <p className="field-hint">
        Moderators look at every report; the person you reported isn’t told who you are. See also the <Link to={paths.enforcement()}>enforcement report</Link>.
      </p>
      {items.length === 0 ? (
        <Empty>You haven’t reported anything.</Empty>
      ) : (
        <ul className="report-list" aria-label="Your reports">
          {items.map((r) => (
            <li key={r.id} className="report-item">
              <p>
                You reported {target(r)} for <strong>{CATEGORY_WORDS[r.category]}</strong> on {new Date(r.createdAt).toLocaleDateString()}.
              </p>
              <p className="muted-text">{r.status === 'open' ? 'Waiting for a moderator.' : `Outcome: ${r.outcome ? ACTION_WORDS[r.outcome] : 'closed'}.`}</p>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" className="button" onClick={() => void more()}>
          Show more
        </button>
      )}
    </div>
  );
}
