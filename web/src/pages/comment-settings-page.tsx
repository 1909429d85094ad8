// A creator's comment filters (keywords, new accounts) and the comments they held, to approve or
// delete. A held comment looks posted to its author; nobody else sees it until it is approved.
import { useState, type FormEvent } from 'react';
import type { CommentFilters, HeldComment, HeldReason, Page } from '@cliptide/contract';
import { MAX_COMMENT_FILTER_KEYWORDS, MAX_KEYWORD_LENGTH } from '@cliptide/contract/limits';
import { deleteComment } from '../api/comments.ts';
import { friendlyMessage } from '../api/error-messages.ts';
import { formErrors, noFormErrors, type FormErrors } from '../api/form-errors.ts';
import { approveComment, fetchCommentFilters, fetchHeldComments, saveCommentFilters } from '../api/safety.ts';
import { Link } from '../router/link.tsx';
import { Redirect } from '../router/redirect.tsx';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Avatar } from '../ui/avatar.tsx';
import { ErrorState, Loading } from '../ui/states.tsx';
import { useToast } from '../ui/toast.tsx';
import { useResource } from '../ui/use-resource.ts';

const HOLD_CHOICES = [0, 1, 3, 7, 30];
const why: Record<HeldReason, string> = { keyword: 'contains a filtered word', new_account: 'from a new account' };

export function CommentSettingsPage() {
  const { user } = useSession();
  const data = useResource('comment-settings', async (signal) => {
    const [filters, held] = await Promise.all([fetchCommentFilters(signal), fetchHeldComments(null, signal)]);
    return { filters, held };
  });
  if (user === undefined) return <Loading />;
  if (user === null) return <Redirect to={paths.login(paths.commentSettings())} />;
  if (data.error) return <ErrorState error={data.error} onRetry={data.retry} />;
  if (!data.data) return <Loading label="Loading your comment settings" />;
  return (
    <div className="page auth-page settings-page">
      <h1>Comments</h1>
      <Filters first={data.data.filters} />
      <Held first={data.data.held} />
    </div>
  );
}

function Filters({ first }: { first: CommentFilters }) {
  const toast = useToast();
  const [filters, setFilters] = useState(first);
  const [keyword, setKeyword] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors<'keywords' | 'holdNewAccountsDays'>>(noFormErrors);

  async function save(patch: Partial<CommentFilters>, done: string) {
    setBusy(true);
    setErrors(noFormErrors);
    try {
      setFilters(await saveCommentFilters(patch));
      toast(done);
      return true;
    } catch (err) {
      setErrors(formErrors(err, ['keywords', 'holdNewAccountsDays']));
      return false;
    } finally {
      setBusy(false);
    }
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    const word = keyword.trim().toLowerCase();
    if (!word) return;
    if (filters.keywords.includes(word)) return setKeyword('');
    if (filters.keywords.length >= MAX_COMMENT_FILTER_KEYWORDS) {
      return setErrors({ fields: { keywords: `You can filter at most ${MAX_COMMENT_FILTER_KEYWORDS} words.` }, general: null });
    }
    if (await save({ keywords: [...filters.keywords, word] }, `Comments with “${word}” will be held`)) setKeyword('');
  }

  return (
    <section className="card form" aria-labelledby="comment-filters-heading">
      <h2 id="comment-filters-heading">Comment filters</h2>
      <p className="field-hint">
        Comments on your videos that match are held: their author sees them as posted, nobody else sees them until you approve them below.
      </p>
      <form className="row" onSubmit={add}>
        <label htmlFor="comment-keyword" className="visually-hidden">
          Word or phrase to hold
        </label>
        <input
          id="comment-keyword"
          value={keyword}
          maxLength={MAX_KEYWORD_LENGTH}
          placeholder="a word or phrase"
          onChange={(e) => setKeyword(e.target.value)}
          aria-invalid={errors.fields.keywords ? true : undefined}
          aria-describedby={errors.fields.keywords ? 'comment-keyword-error' : undefined}
        />
        <button type="submit" className="button" disabled={busy || keyword.trim() === ''}>
          Add word
        </button>
      </form>
      {errors.fields.keywords && (
        <p className="field-error" id="comment-keyword-error" role="alert">
          {errors.fields.keywords}
        </p>
      )}
      {filters.keywords.length === 0 ? (
        <p className="muted-text">No filtered words.</p>
      ) : (
        <ul className="chips" aria-label="Filtered words in comments">
          {filters.keywords.map((word) => (
            <li key={word}>
              <button
                type="button"
                className="chip"
                aria-label={`Stop holding comments with ${word}`}
                disabled={busy}
                onClick={() => void save({ keywords: filters.keywords.filter((w) => w !== word) }, `“${word}” is no longer filtered`)}
              >
                {word} ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor="hold-days">Hold comments from accounts younger than</label>
        <select
          id="hold-days"
          value={filters.holdNewAccountsDays}
          disabled={busy}
          onChange={(e) => {
            const days = Number(e.target.value);
            void save({ holdNewAccountsDays: days }, days === 0 ? 'Comments from new accounts are no longer held' : `Comments from accounts younger than ${days} days will be held`);
          }}
        >
          {[...new Set([...HOLD_CHOICES, filters.holdNewAccountsDays])]
            .sort((a, b) => a - b)
            .map((d) => (
              <option key={d} value={d}>
                {d === 0 ? 'Off' : d === 1 ? '1 day' : `${d} days`}
              </option>
            ))}
        </select>
      </div>
      {errors.fields.holdNewAccountsDays && (
        <p className="field-error" role="alert">
          {errors.fields.holdNewAccountsDays}
        </p>
      )}
      {errors.general && (
        <p className="form-error" role="alert">
          {errors.general}
        </p>
      )}
    </section>
  );
}

function Held({ first }: { first: Page<HeldComment> }) {
  const toast = useToast();
  const [items, setItems] = useState(first.items);
  const [cursor, setCursor] = useState(first.nextCursor);
  const [busy, setBusy] = useState<string | null>(null);

  async function decide(id: string, approve: boolean) {
    setBusy(id);
    try {
      if (approve) await approveComment(id);
      else await deleteComment(id);
      setItems((list) => list.filter((h) => h.comment.id !== id));
      toast(approve ? 'Comment published' : 'Comment deleted');
    } catch (error) {
      toast(friendlyMessage(error));
    } finally {
      setBusy(null);
    }
  }

  async function more() {
    try {
      const next = await fetchHeldComments(cursor);
      setItems((list) => [...list, ...next.items.filter((h) => !list.some((l) => l.comment.id === h.comment.id))]);
      setCursor(next.nextCursor);
    } catch (error) {
      toast(friendlyMessage(error));
    }
  }

  return (
    <section className="card form" aria-labelledby="held-heading">
      <h2 id="held-heading">Held comments</h2>
      {items.length === 0 ? (
        <p className="muted-text">No comments are waiting.</p>
      ) : (
        <ul className="request-list" aria-label="Held comments">
          {items.map((h) => (
            <li key={h.comment.id} className="request-item held-comment">
              <div className="held-comment-text">
                <Link to={paths.profile(h.comment.author.username)} className="request-who">
                  <Avatar user={h.comment.author} size={32} />
                  <strong>@{h.comment.author.username}</strong>
                </Link>
                <p>{h.comment.body}</p>
                <p className="muted-text">
                  Held: {why[h.reason]} · on <Link to={paths.video(h.video.id)}>{h.video.caption || 'your video'}</Link>
                </p>
              </div>
              <div className="row">
                <button type="button" className="button button-primary" disabled={busy !== null} onClick={() => void decide(h.comment.id, true)} aria-label={`Approve the comment by @${h.comment.author.username}`}>
                  Approve
                </button>
                <button type="button" className="button" disabled={busy !== null} onClick={() => void decide(h.comment.id, false)} aria-label={`Delete the comment by @${h.comment.author.username}`}>
                  Delete
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {cursor && (
        <button type="button" className="button" onClick={() => void more()}>
          Show more
        </button>
      )}
    </section>
  );
}
