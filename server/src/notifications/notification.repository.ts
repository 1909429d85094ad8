// SQL for notifications: numbered per recipient (see migration 004), listed newest first,
// read since a number (live delivery, resume), marked read, muted by kind, pruned by age.
import { maybeOne, type Database } from '../db/database.ts';
import type { NotificationKind } from '@cliptide/contract';
import { canSeeVideoSql } from '../videos/visibility.ts';
import { blockBetweenSql } from '../blocks/block.sql.ts';

export interface NotificationRow {
  recipient_id: string;
  seq: number;
  kind: NotificationKind;
  created_at: Date;
  read_at: Date | null;
  actor_id: string;
  actor_username: string;
  actor_display_name: string;
  actor_avatar_key: string | null;
  video_id: string | null;
  video_caption: string | null;
  video_media_prefix: string | null;
  video_status: string | null;
  comment_id: string | null;
  comment_body: string | null;
}

export interface NewNotification {
  recipientId: string;
  kind: NotificationKind;
  actorId: string;
  videoId?: string | null;
  commentId?: string | null;
}

const SELECT = `select n.recipient_id, n.seq, n.kind, n.created_at, n.read_at,
    n.actor_id, a.username as actor_username, a.display_name as actor_display_name, a.avatar_key as actor_avatar_key,
    n.video_id, v.caption as video_caption, v.media_prefix as video_media_prefix, v.status as video_status,
    n.comment_id, c.body as comment_body
  from notifications n
  join accounts a on a.id = n.actor_id
  left join videos v on v.id = n.video_id
  left join comments c on c.id = n.comment_id`;
// a notification about a video is listed only while its recipient may see that video (the one rule),
// and none while a block stands between its recipient and its actor (decision 022)
const VISIBLE = `(n.video_id is null or ${canSeeVideoSql('n.recipient_id', 'v')}) and not ${blockBetweenSql('n.recipient_id', 'n.actor_id')}`;

export function createNotificationRepository(db: Database) {
  return {
    /**
     * Inserts a notification with the recipient's next number, unless the recipient muted its kind
     * or was already told (a like, follow, request or mention is told once), or a block stands between
     * the recipient and the actor. Returns its number, or null.
     */
    async insert(n: NewNotification): Promise<number | null> {
      const row = await maybeOne<{ seq: number }>(
        db,
        `with allowed as (
           select 1 where not exists (
             select 1 from notification_settings s where s.account_id = $1 and $2 = any (s.muted_kinds))
             and not ${blockBetweenSql('$1::uuid', '$3::uuid')}
             and not exists (
             select 1 from notifications o where o.recipient_id = $1 and o.kind = $2 and o.actor_id = $3
               and o.kind in ('like', 'follow', 'follow_request', 'mention')
               and coalesce(o.video_id, o.actor_id) = coalesce($4::uuid, $3::uuid)
               and coalesce(o.comment_id, o.actor_id) = coalesce($5::uuid, $3::uuid))
         ), next as (
           insert into notification_counters (account_id, last_seq) select $1, 1 from allowed
           on conflict (account_id) do update set last_seq = notification_counters.last_seq + 1
           returning last_seq
         )
         insert into notifications (recipient_id, seq, kind, actor_id, video_id, comment_id)
         select $1, last_seq, $2, $3, $4, $5 from next
         on conflict do nothing
         returning seq`,
        [n.recipientId, n.kind, n.actorId, n.videoId ?? null, n.commentId ?? null],
      );
      return row?.seq ?? null;
    },

    /** Newest first, before `beforeSeq` when given; limit + 1 rows so the caller knows if there is more. */
    page(recipientId: string, beforeSeq: number | null, limit: number): Promise<NotificationRow[]> {
      return db.query<NotificationRow>(
        `${SELECT} where n.recipient_id = $1 and ${VISIBLE} ${beforeSeq !== null ? 'and n.seq < $3' : ''}
         order by n.seq desc limit $2`,
        [recipientId, limit + 1, ...(beforeSeq !== null ? [beforeSeq] : [])],
      );
    },

    /** Oldest first, after `afterSeq`: what a live stream has not delivered yet. */
    since(recipientId: string, afterSeq: number, limit: number): Promise<NotificationRow[]> {
      return db.query<NotificationRow>(`${SELECT} where n.recipient_id = $1 and n.seq > $2 and ${VISIBLE} order by n.seq limit $3`, [recipientId, afterSeq, limit]);
    },

    async lastSeq(recipientId: string): Promise<number> {
      const row = await maybeOne<{ last_seq: number }>(db, 'select last_seq from notification_counters where account_id = $1', [recipientId]);
      return row?.last_seq ?? 0;
    },

    async unreadCount(recipientId: string): Promise<number> {
      const row = await maybeOne<{ n: number }>(db, `select count(*)::int as n from notifications n left join videos v on v.id = n.video_id
         where n.recipient_id = $1 and n.read_at is null and ${VISIBLE}`, [recipientId]);
      return row?.n ?? 0;
    },

    async markRead(recipientId: string, upToSeq: number): Promise<void> {
      await db.query('update notifications set read_at = now() where recipient_id = $1 and seq <= $2 and read_at is null', [recipientId, upToSeq]);
    },

    async mutedKinds(accountId: string): Promise<NotificationKind[]> {
      const row = await maybeOne<{ muted_kinds: NotificationKind[] }>(db, 'select muted_kinds from notification_settings where account_id = $1', [accountId]);
      return row?.muted_kinds ?? [];
    },

    async setMutedKinds(accountId: string, kinds: NotificationKind[]): Promise<void> {
      await db.query(
        `insert into notification_settings (account_id, muted_kinds) values ($1, $2)
         on conflict (account_id) do update set muted_kinds = excluded.muted_kinds`,
        [accountId, kinds],
      );
    },

    /** Deletes notifications older than `before`; returns how many. */
    async prune(before: Date): Promise<number> {
      const rows = await db.query<{ seq: number }>('delete from notifications where created_at < $1 returning seq', [before]);
      return rows.length;
    },

    /** Tells every API process listening that `recipientId` has news. */
    async announce(channel: string, recipientId: string): Promise<void> {
      await db.query('select pg_notify($1, $2)', [channel, recipientId]);
    },

    listen: (channel: string, onMessage: (payload: string) => void) => db.listen(channel, onMessage),
  };
}
export type NotificationRepository = ReturnType<typeof createNotificationRepository>;
