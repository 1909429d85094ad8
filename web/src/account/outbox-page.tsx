// The outbox (/operator/outbox, admins): the mails kept in the database when no SMTP server is
// configured, newest first, as plain text (their HTML is never rendered here). Decision 024.
import type { OutboxMail } from '@cliptide/contract';
import { fetchOutbox } from '../api/account-security.ts';
import { Redirect } from '../router/redirect.tsx';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { timeAgo } from '../ui/format.ts';
import { usePagedList } from '../ui/use-paged-list.ts';

/** The text with its web addresses as links (nothing else of it is markup). */
function Linked({ text }: { text: string }) {
  const parts = text.split(/(https?:\/\/[^\s]+)/g);
  return (
    <pre className="outbox-text">
      {parts.map((part, i) =>
        i % 2 === 1 ? (
          <a key={i} href={part} rel="noreferrer">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </pre>
  );
}

export function OutboxPage() {
  const { user } = useSession();
  if (user === undefined) return <Loading />;
  if (user === null) return <Redirect to={paths.login(paths.outbox())} />;
  if (!user.operator.some((g) => g.role === 'admin')) return <ErrorState error={new Error('Only admins may read the outbox.')} />;
  return <Outbox />;
}

function Outbox() {
  const list = usePagedList<OutboxMail>('outbox', (cursor, signal) => fetchOutbox(cursor, signal));
  return (
    <div className="page settings-page outbox-page">
      <h1>Outbox</h1>
      <p className="muted-text">No SMTP server is configured (SMTP_URL), so mails are kept here instead of being sent.</p>
      {list.items.length === 0 && !list.loading && !list.error && <Empty>No mail yet.</Empty>}
      {list.items.map((mail) => (
        <article key={mail.id} className="card outbox-mail" aria-label={`${mail.subject} to ${mail.to}`}>
          <h2>{mail.subject}</h2>
          <p className="muted-text">
            To <strong>{mail.to}</strong> · {timeAgo(mail.createdAt)} · {mail.template}
          </p>
          <Linked text={mail.text} />
        </article>
      ))}
      {list.loading && <Loading />}
      {list.error != null && <ErrorState error={list.error} onRetry={list.retry} />}
      {!list.done && !list.loading && !list.error && (
        <button type="button" className="button" onClick={list.loadMore}>
          Older mails
        </button>
      )}
    </div>
  );
}
