// Row → the API's Notification.
import type { Notification } from '@cliptide/contract';
import { mediaUrl, userSummary } from '../accounts/account.views.ts';
import { POSTER_FILE } from '../media/index.ts';
import { blobKeys } from '../storage/keys.ts';
import type { NotificationRow } from './notification.repository.ts';

export function notificationView(r: NotificationRow): Notification {
  return {
    id: String(r.seq),
    kind: r.kind,
    actor: userSummary({ id: r.actor_id, username: r.actor_username, display_name: r.actor_display_name, avatar_key: r.actor_avatar_key }),
    video: r.video_id
      ? { id: r.video_id, caption: r.video_caption ?? '', poster: r.video_status === 'ready' && r.video_media_prefix ? mediaUrl(blobKeys.ladderFile(r.video_media_prefix, POSTER_FILE)) : null }
      : null,
    comment: r.comment_id && r.comment_body !== null ? { id: r.comment_id, body: r.comment_body } : null,
    decision:
      r.decision_id && r.decision_action && r.decision_policy && r.decision_target_type
        ? { id: r.decision_id, action: r.decision_action, policy: r.decision_policy, targetType: r.decision_target_type }
        : null,
    createdAt: r.created_at.toISOString(),
    read: r.read_at !== null,
  };
}
