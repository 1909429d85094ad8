import { useState } from 'react';
import { fetchReplies } from '../api/comments.ts';
import type { Comment } from '@cliptide/contract';
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { Avatar } from '../ui/avatar.tsx';
import { timeAgo } from '../ui/format.ts';
import { ErrorState, Loading } from '../ui/states.tsx';
import { usePagedList } from '../ui/use-paged-list.ts';
import { ReportDialog } from '../moderation/report-dialog.tsx';
import { useSession } from '../session/session.tsx';

interface CommentItemProps {
  comment: Comment;
  canDelete: boolean;
  canDeleteReply: (reply: Comment) => boolean;
  postedReplies: Comment[];
  onReply: () => void;
  onDelete: (comment: Comment) => void;
}

export function CommentItem({ comment, canDelete, canDeleteReply, postedReplies, onReply, onDelete }: CommentItemProps) {
  const [open, setOpen] = useState(false);
  const fetchedCount = comment.replyCount - postedReplies.length;
  return (
    <article className="comment" aria-label={`Comment by @${comment.author.username}`}>
      <CommentBody comment={comment} canDelete={canDelete} onDelete={onDelete} onReply={onReply} />
      <div className="replies">
        {open && <ReplyList commentId={comment.id} canDelete={canDeleteReply} onDelete={onDelete} exclude={postedReplies} />}
        {postedReplies.map((reply) => (
          <CommentBody key={reply.id} comment={reply} canDelete={canDeleteReply(reply)} onDelete={onDelete} />
        ))}
        {!open && fetchedCount > 0 && (
          <button type="button" className="link-button" onClick={() => setOpen(true)}>
            View {fetchedCount} {fetchedCount === 1 ? 'reply' : 'replies'}
          </button>
        )}
      </div>
    </article>
  );
}

function ReplyList(props: { commentId: string; canDelete: (c: Comment) => boolean; onDelete: (c: Comment) => void; exclude: Comment[] }) {
  const list = usePagedList<Comment>(`replies:${props.commentId}`, (cursor, signal) => fetchReplies(props.commentId, cursor, signal));
  const excluded = new Set(props.exclude.map((c) => c.id));
  return (
    <>
      {list.items
        .filter((reply) => !excluded.has(reply.id))
        .map((reply) => (
          <CommentBody key={reply.id} comment={reply} canDelete={props.canDelete(reply)} onDelete={(c) => { list.remove(c.id); props.onDelete(c); }} />
        ))}
      {list.loading && <Loading label="Loading replies" />}
      {list.error !== null && <ErrorState error={list.error} onRetry={list.retry} />}
      {!list.done && !list.loading && !list.error && (
        <button type="button" className="link-button" onClick={list.loadMore}>
          More replies
        </button>
      )}
    </>
  );
}

function CommentBody({ comment, canDelete, onDelete, onReply }: { comment: Comment; canDelete: boolean; onDelete: (c: Comment) => void; onReply?: () => void }) {
  const { user } = useSession();
  const [reporting, setReporting] = useState(false);
  return (
    <div className="comment-body">
      <Link to={paths.profile(comment.author.username)} aria-label={`@${comment.author.username} profile`}>
        <Avatar user={comment.author} size={32} />
      </Link>
      <div className="comment-main">
        <div className="comment-author">
          {comment.author.displayName || comment.author.username}
          <span className="muted-text"> · {timeAgo(comment.createdAt)}</span>
        </div>
        <p className="comment-text">{comment.body}</p>
        <div className="comment-actions">
          {onReply && (
            <button type="button" className="link-button" onClick={onReply} aria-label={`Reply to @${comment.author.username}`}>
              Reply
            </button>
          )}
          {canDelete && (
            <button type="button" className="link-button" onClick={() => onDelete(comment)} aria-label="Delete comment">
              Delete
            </button>
          )}
          {user && !comment.mine && (
            <button type="button" className="link-button" onClick={() => setReporting(true)} aria-label={`Report the comment by @${comment.author.username}`}>
              Report
            </button>
          )}
        </div>
      </div>
      {reporting && <ReportDialog target={{ type: 'comment', id: comment.id }} onClose={() => setReporting(false)} />}
    </div>
  );
}
