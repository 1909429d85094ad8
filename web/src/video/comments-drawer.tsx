// The comments of a video: newest first, threads of replies, posting and deleting your own.
import { useState, type FormEvent } from 'react';
import { deleteComment, fetchComments, postComment } from '../api/comments.ts';
import type { Comment, Video } from '@cliptide/contract';
import { MAX_COMMENT_LENGTH } from '@cliptide/contract/limits';
import { friendlyMessage } from '../api/error-messages.ts';
import { formErrors } from '../api/form-errors.ts';
import { useSession } from '../session/session.tsx';
import { Dialog } from '../ui/dialog.tsx';
import { Empty, ErrorState, Loading } from '../ui/states.tsx';
import { useToast } from '../ui/toast.tsx';
import { usePagedList } from '../ui/use-paged-list.ts';
import { CommentItem } from './comment-item.tsx';

interface CommentsDrawerProps {
  video: Video;
  onClose: () => void;
  onCountChange: (change: number) => void;
}

export function CommentsDrawer({ video, onClose, onCountChange }: CommentsDrawerProps) {
  const { user, requireAuth } = useSession();
  const toast = useToast();
  const list = usePagedList<Comment>(`comments:${video.id}`, (cursor, signal) => fetchComments(video.id, cursor, signal));
  const [replyTo, setReplyTo] = useState<Comment | null>(null);
  const [posted, setPosted] = useState<Record<string, Comment[]>>({});
  const [body, setBody] = useState('');
  const [sending, setSending] = useState(false);
  const isVideoAuthor = user?.id === video.author.id;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const text = body.trim();
    if (!text || sending || !requireAuth('Log in to comment.')) return;
    setSending(true);
    try {
      const { comment } = await postComment(video.id, text, replyTo?.id);
      if (comment.parentId) {
        setPosted((p) => ({ ...p, [comment.parentId!]: [...(p[comment.parentId!] ?? []), comment] }));
        list.update(comment.parentId, (c) => ({ ...c, replyCount: c.replyCount + 1 }));
      } else {
        list.prepend(comment);
      }
      onCountChange(1);
      setBody('');
      setReplyTo(null);
    } catch (error) {
      const shown = formErrors(error, ['body']);
      toast(shown.fields.body ? `Your comment: ${shown.fields.body}` : (shown.general ?? ''));
    } finally {
      setSending(false);
    }
  }

  async function remove(comment: Comment) {
    try {
      await deleteComment(comment.id);
      if (comment.parentId) {
        setPosted((p) => ({ ...p, [comment.parentId!]: (p[comment.parentId!] ?? []).filter((c) => c.id !== comment.id) }));
        list.update(comment.parentId, (c) => ({ ...c, replyCount: Math.max(0, c.replyCount - 1) }));
      } else {
        list.remove(comment.id);
      }
      onCountChange(-1);
    } catch (error) {
      toast(friendlyMessage(error));
    }
  }

  return (
    <Dialog label="Comments" onClose={onClose} variant="sheet">
      <div className="comments">
        <div className="comments-list">
          {list.items.map((comment) => (
            <CommentItem
              key={comment.id}
              comment={comment}
              canDelete={comment.mine || isVideoAuthor}
              canDeleteReply={(reply) => reply.mine || isVideoAuthor}
              postedReplies={posted[comment.id] ?? []}
              onReply={() => setReplyTo(comment)}
              onDelete={remove}
            />
          ))}
          {list.loading && <Loading label="Loading comments" />}
          {list.error !== null && <ErrorState error={list.error} onRetry={list.retry} />}
          {!list.loading && !list.error && list.items.length === 0 && <Empty>No comments yet. Start the conversation.</Empty>}
          {!list.done && !list.loading && !list.error && (
            <button type="button" className="link-button" onClick={list.loadMore}>
              More comments
            </button>
          )}
        </div>
        {video.allowComments ? (
          <form className="comment-form" onSubmit={submit}>
            {replyTo && (
              <div className="replying">
                Replying to @{replyTo.author.username}
                <button type="button" className="link-button" onClick={() => setReplyTo(null)}>
                  Cancel
                </button>
              </div>
            )}
            <div className="comment-compose">
              <input
                aria-label={replyTo ? `Reply to @${replyTo.author.username}` : 'Add a comment'}
                placeholder={user ? 'Add a comment…' : 'Log in to comment'}
                value={body}
                maxLength={MAX_COMMENT_LENGTH}
                onChange={(e) => setBody(e.target.value)}
                // a visitor is asked to log in when they start to write (not when Tab passes through)
                readOnly={!user}
                onPointerDown={() => requireAuth('Log in to comment.', { kind: 'comment', videoId: video.id })}
                onKeyDown={(event) => {
                  if (!user && event.key !== 'Tab' && event.key !== 'Escape' && event.key !== 'Shift') requireAuth('Log in to comment.', { kind: 'comment', videoId: video.id });
                }}
              />
              <button type="submit" className="button button-primary" disabled={!body.trim() || sending}>
                Post
              </button>
            </div>
          </form>
        ) : (
          <p className="muted-text comment-form">Comments are turned off for this video.</p>
        )}
      </div>
    </Dialog>
  );
}
