// The SQL every video query shares: what a video row carries. Who may see it: visibility.ts.
// `viewer` is the viewer's parameter position (bound to null for anonymous viewers).
import type { Visibility, VideoStatus } from './visibility.ts';

export interface StoredRendition {
  name: string;
  width: number;
  height: number;
  bandwidth: number;
  status?: 'ready' | 'pending' | 'failed';
}

export const videoSelect = (viewer: string) => `
  select v.id, v.author_id, v.caption, v.visibility, v.allow_comments, v.adult_only, v.status, v.progress, v.error_code,
    v.error_reason, v.duration_ms, v.width, v.height, v.media_prefix, v.renditions, v.like_count, v.comment_count,
    v.share_count, v.save_count, v.view_count, v.created_at, v.published_at,
    a.username, a.display_name, a.avatar_key, a.private as author_private,
    coalesce((select array_agg(h.tag order by h.tag) from video_hashtags h where h.video_id = v.id), '{}') as hashtags,
    coalesce((select array_agg(m.username order by m.username) from video_mentions m where m.video_id = v.id), '{}') as mentions,
    exists(select 1 from likes l where l.video_id = v.id and l.account_id = ${viewer}) as viewer_liked,
    exists(select 1 from saves s where s.video_id = v.id and s.account_id = ${viewer}) as viewer_saved,
    exists(select 1 from follows f where f.follower_id = ${viewer} and f.followee_id = v.author_id) as viewer_follows
  from videos v join accounts a on a.id = v.author_id`;

export interface VideoRow {
  id: string;
  author_id: string;
  caption: string;
  visibility: Visibility;
  allow_comments: boolean;
  adult_only: boolean;
  status: VideoStatus;
  progress: number;
  error_code: string | null;
  error_reason: string | null;
  duration_ms: number | null;
  width: number | null;
  height: number | null;
  media_prefix: string | null;
  /** The ladder as published (null before); a rendition without a status is ready (published in one run). */
  renditions: StoredRendition[] | null;
  like_count: number;
  comment_count: number;
  share_count: number;
  save_count: number;
  view_count: number;
  created_at: Date;
  published_at: Date | null;
  username: string;
  display_name: string;
  avatar_key: string | null;
  author_private: boolean;
  hashtags: string[];
  mentions: string[];
  viewer_liked: boolean;
  viewer_saved: boolean;
  viewer_follows: boolean;
}
