// Who is told what: a like or a comment tells the video's author, a reply tells the comment's
// author, a mention (in a caption once published, or in a comment) tells the person named if they
// may watch the video, a follow tells the followed, a request tells the private account's owner.
// Nobody is told about their own doing, about a kind they muted, or twice about the same like,
// follow, request or mention. Pages, read marks, settings.
import { NOTIFICATION_KINDS, type NotificationKind, type NotificationPage, type NotificationSettings } from '@cliptide/contract';
import { DomainError } from '../shared/errors.ts';
import type { SocialActivity } from '../social/social.service.ts';
import type { NewNotification, NotificationRepository } from './notification.repository.ts';
import { notificationView } from './notification.views.ts';

export const NOTIFICATION_CHANNEL = 'cliptide_notifications';
const PAGE = 30;
export const RETENTION_DAYS = 90;

export interface NotificationDeps {
  repo: NotificationRepository;
  /** The account with this username, if any. */
  findAccountId: (username: string) => Promise<string | null>;
  /** The one visibility rule: may this account watch this video? */
  canWatch: (videoId: string, accountId: string) => Promise<boolean>;
  /** Who is @mentioned in a text (the caption parser's rule). */
  mentionsIn: (text: string) => string[];
  now: () => Date;
}

export function createNotificationService(deps: NotificationDeps) {
  const { repo } = deps;

  async function tell(list: NewNotification[]): Promise<number> {
    let told = 0;
    for (const n of list) {
      if (n.recipientId === n.actorId) continue;
      const seq = await repo.insert(n);
      if (seq !== null) {
        told++;
        await repo.announce(NOTIFICATION_CHANNEL, n.recipientId);
      }
    }
    return told;
  }

  /** Mentions of people who may watch the video, leaving out those already told of it. */
  async function mentions(text: string, actorId: string, videoId: string, commentId: string | null, skip: Set<string>): Promise<NewNotification[]> {
    const out: NewNotification[] = [];
    for (const username of new Set(deps.mentionsIn(text).map((u) => u.toLowerCase()))) {
      const id = await deps.findAccountId(username);
      if (!id || id === actorId || skip.has(id) || !(await deps.canWatch(videoId, id))) continue;
      skip.add(id);
      out.push({ recipientId: id, kind: 'mention', actorId, videoId, commentId });
    }
    return out;
  }

  return {
    /** Turns what someone did into notifications for those it concerns; returns how many were made. */
    async onActivity(a: SocialActivity): Promise<number> {
      switch (a.kind) {
        case 'like':
          return tell([{ recipientId: a.authorId, kind: 'like', actorId: a.actorId, videoId: a.videoId }]);
        case 'follow':
          return tell([{ recipientId: a.followeeId, kind: 'follow', actorId: a.actorId }]);
        case 'follow_request':
          return tell([{ recipientId: a.ownerId, kind: 'follow_request', actorId: a.actorId }]);
        case 'comment': {
          const list: NewNotification[] = [];
          const told = new Set<string>([a.actorId]);
          if (a.parentAuthorId && !told.has(a.parentAuthorId)) {
            list.push({ recipientId: a.parentAuthorId, kind: 'reply', actorId: a.actorId, videoId: a.videoId, commentId: a.commentId });
            told.add(a.parentAuthorId);
          }
          if (!told.has(a.authorId)) {
            list.push({ recipientId: a.authorId, kind: 'comment', actorId: a.actorId, videoId: a.videoId, commentId: a.commentId });
            told.add(a.authorId);
          }
          list.push(...(await mentions(a.body, a.actorId, a.videoId, a.commentId, told)));
          return tell(list);
        }
      }
    },

    /**
     * A moderator decided about something of the recipient's (decision 023). Told by "Cliptide", not by
     * the moderator: the actor is the recipient themselves, and the moderator is never named.
     */
    async onModerationDecision(recipientId: string, decisionId: string): Promise<number> {
      const seq = await repo.insert({ recipientId, kind: 'moderation_decision', actorId: recipientId, decisionId });
      if (seq === null) return 0;
      await repo.announce(NOTIFICATION_CHANNEL, recipientId);
      return 1;
    },

    /** A video was published: the people its caption mentions are told. */
    async onPublished(video: { id: string; authorId: string; caption: string }): Promise<number> {
      return tell(await mentions(video.caption, video.authorId, video.id, null, new Set([video.authorId])));
    },

    async page(accountId: string, cursor?: string): Promise<NotificationPage> {
      const before = cursor === undefined ? null : Number(cursor);
      const [rows, unreadCount] = await Promise.all([repo.page(accountId, before, PAGE), repo.unreadCount(accountId)]);
      const items = rows.slice(0, PAGE);
      const last = items[items.length - 1];
      return { items: items.map(notificationView), nextCursor: rows.length > PAGE && last ? String(last.seq) : null, unreadCount };
    },

    async markRead(accountId: string, upTo: string): Promise<{ unreadCount: number }> {
      const seq = Number(upTo);
      if (seq > (await repo.lastSeq(accountId))) throw new DomainError('validation_failed', 'No such notification', [{ path: 'body.upTo', message: 'not one of yours' }]);
      await repo.markRead(accountId, seq);
      return { unreadCount: await repo.unreadCount(accountId) };
    },

    unreadCount: async (accountId: string) => ({ unreadCount: await repo.unreadCount(accountId) }),

    async settings(accountId: string): Promise<NotificationSettings> {
      const muted = new Set(await repo.mutedKinds(accountId));
      return { kinds: Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, !muted.has(k)])) as Record<NotificationKind, boolean> };
    },

    async setSettings(accountId: string, patch: { kinds: Partial<Record<NotificationKind, boolean | undefined>> }): Promise<NotificationSettings> {
      const current = (await this.settings(accountId)).kinds;
      const next = { ...current, ...Object.fromEntries(Object.entries(patch.kinds).filter(([, v]) => v !== undefined)) };
      await repo.setMutedKinds(accountId, NOTIFICATION_KINDS.filter((k) => !next[k]));
      return this.settings(accountId);
    },

    /** Forgets notifications older than the retention period; returns how many. */
    prune: () => repo.prune(new Date(deps.now().getTime() - RETENTION_DAYS * 86_400_000)),
  };
}
export type NotificationService = ReturnType<typeof createNotificationService>;
