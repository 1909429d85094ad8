import type { NotificationPage, NotificationSettings, NotificationSettingsResponse, UnreadCount } from '@cliptide/contract';
import { get, request, withCursor } from './http.ts';

export const STREAM_URL = '/api/v1/notifications/stream';

export const fetchNotifications = (cursor?: string | null, signal?: AbortSignal) => get<NotificationPage>(withCursor('/notifications', cursor), signal);
export const fetchUnreadCount = (signal?: AbortSignal) => get<UnreadCount>('/notifications/unread-count', signal);
export const markNotificationsRead = (upTo: string) => request<UnreadCount>('POST', '/notifications/read', { body: { upTo } });
export const fetchNotificationSettings = (signal?: AbortSignal) => get<NotificationSettingsResponse>('/me/notification-settings', signal);
export const saveNotificationSettings = (kinds: Partial<NotificationSettings['kinds']>) =>
  request<NotificationSettingsResponse>('PUT', '/me/notification-settings', { body: { kinds } });
