// HTTP for notifications: the inbox (pages with the unread count), read marks and settings.
import {
  markReadBody,
  notificationPage,
  notificationSettingsBody,
  notificationSettingsResponse,
  notificationsQuery,
  unreadCount,
} from '@cliptide/contract';
import type { Router } from '../http/route.ts';
import type { NotificationService } from './notification.service.ts';

export function notificationRoutes(route: Router, notifications: NotificationService, limits: { writePerMinute: number }) {
  const rateLimit = { perAccount: limits.writePerMinute, perAddress: limits.writePerMinute * 4 };
  route({
    method: 'GET',
    url: '/api/v1/notifications',
    summary: 'Your notifications, newest first, with how many are unread (live: /api/v1/notifications/stream)',
    tag: 'notifications',
    auth: 'required',
    query: notificationsQuery,
    response: notificationPage,
    handler: ({ viewer, query }) => notifications.page(viewer.id, query.cursor),
  });

  route({
    method: 'GET',
    url: '/api/v1/notifications/unread-count',
    summary: 'How many of your notifications are unread (the badge)',
    tag: 'notifications',
    auth: 'required',
    response: unreadCount,
    handler: ({ viewer }) => notifications.unreadCount(viewer.id),
  });

  route({
    method: 'POST',
    url: '/api/v1/notifications/read',
    summary: 'Mark a notification and every earlier one read',
    tag: 'notifications',
    auth: 'required',
    body: markReadBody,
    response: unreadCount,
    rateLimit,
    handler: ({ viewer, body }) => notifications.markRead(viewer.id, body.upTo),
  });

  route({
    method: 'GET',
    url: '/api/v1/me/notification-settings',
    summary: 'Which kinds of notification you are told about',
    tag: 'notifications',
    auth: 'required',
    response: notificationSettingsResponse,
    handler: async ({ viewer }) => ({ settings: await notifications.settings(viewer.id) }),
  });

  route({
    method: 'PUT',
    url: '/api/v1/me/notification-settings',
    summary: 'Turn kinds of notification on or off',
    tag: 'notifications',
    auth: 'required',
    body: notificationSettingsBody,
    response: notificationSettingsResponse,
    rateLimit,
    handler: async ({ viewer, body }) => ({ settings: await notifications.setSettings(viewer.id, body) }),
  });
}
