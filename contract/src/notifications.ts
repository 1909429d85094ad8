// Notifications: what happened to you — likes, comments, replies, mentions, new followers and
// requests to follow —
// listed in pages and delivered live as Server-Sent Events.
import { z } from 'zod';
import { userSummary } from './accounts.ts';
import { timestamp } from './common.ts';

export const NOTIFICATION_KINDS = ['like', 'comment', 'reply', 'mention', 'follow', 'follow_request', 'moderation_decision'] as const;
export const notificationKind = z.enum(NOTIFICATION_KINDS).meta({ id: 'NotificationKind' });

export const notification = z
  .object({
    id: z.string().meta({ description: 'increasing per recipient; the SSE event id (resume with Last-Event-ID)' }),
    kind: notificationKind,
    actor: userSummary,
    video: z.object({ id: z.uuid(), caption: z.string(), poster: z.string().nullable() }).nullable(),
    comment: z.object({ id: z.uuid(), body: z.string() }).nullable(),
    decision: z
      .object({ id: z.uuid(), action: z.string(), policy: z.string(), targetType: z.string() })
      .nullable()
      .optional()
      .meta({ description: 'moderation_decision: what was decided under which rule (the details: GET /api/v1/me/decisions)' }),
    createdAt: timestamp,
    read: z.boolean(),
  })
  .meta({ id: 'Notification' });

export const notificationPage = z
  .object({ items: z.array(notification), nextCursor: z.string().nullable(), unreadCount: z.number().int() })
  .meta({ id: 'NotificationPage' });
export const notificationsQuery = z.object({ cursor: z.string().regex(/^\d{1,15}$/, 'a cursor from this API').optional() });
export const markReadBody = z.object({
  upTo: z.string().regex(/^\d{1,15}$/).meta({ description: 'mark this notification and every earlier one read' }),
});
export const unreadCount = z.object({ unreadCount: z.number().int() });
export const notificationSettings = z
  .object({ kinds: z.object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.boolean()])) as Record<(typeof NOTIFICATION_KINDS)[number], z.ZodBoolean>) })
  .meta({ id: 'NotificationSettings', description: 'which kinds you are told about' });
export const notificationSettingsBody = z.object({
  kinds: z.object(Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, z.boolean().optional()])) as Record<(typeof NOTIFICATION_KINDS)[number], z.ZodOptional<z.ZodBoolean>>),
});
export const notificationSettingsResponse = z.object({ settings: notificationSettings });

export type NotificationKind = z.output<typeof notificationKind>;
export type Notification = z.output<typeof notification>;
export type NotificationPage = z.output<typeof notificationPage>;
export type NotificationSettings = z.output<typeof notificationSettings>;
export type NotificationSettingsResponse = z.output<typeof notificationSettingsResponse>;
export type UnreadCount = z.output<typeof unreadCount>;
