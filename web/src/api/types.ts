// Shapes of the Cliptide API (docs/api-contract.md). Kept in one place so every view agrees.

export interface UserSummary {
  id: string;
  username: string;
  displayName: string;
  avatarUrl: string | null;
}

export interface UserCounts {
  followers: number;
  following: number;
  likes: number;
  videos: number;
}

export interface PublicUser extends UserSummary {
  bio: string;
  counts: UserCounts;
  viewer: { following: boolean; isSelf: boolean };
}

export interface Me extends PublicUser {
  email: string;
  homeRegion: string;
  birthdate: string;
  isMinor: boolean;
  createdAt: string;
}

export type Visibility = 'public' | 'followers' | 'private';
export type VideoStatus = 'uploading' | 'processing' | 'ready' | 'failed';

export interface Reason {
  code: string;
  text: string;
}

export interface VideoCounts {
  likes: number;
  comments: number;
  shares: number;
  saves: number;
  views: number;
}

export interface Video {
  id: string;
  author: UserSummary;
  caption: string;
  hashtags: string[];
  mentions: string[];
  visibility: Visibility;
  allowComments: boolean;
  status: VideoStatus;
  progress: number;
  error: { code: string; reason: string } | null;
  durationMs: number | null;
  width: number | null;
  height: number | null;
  hls: string | null;
  poster: string | null;
  createdAt: string;
  publishedAt: string | null;
  counts: VideoCounts;
  viewer: { liked: boolean; saved: boolean; followingAuthor: boolean };
  reasons?: Reason[];
}

export interface Comment {
  id: string;
  videoId: string;
  author: UserSummary;
  body: string;
  parentId: string | null;
  createdAt: string;
  replyCount: number;
  mine: boolean;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface HashtagSummary {
  tag: string;
  videoCount: number;
}

export interface SearchResults {
  users: PublicUser[];
  videos: Video[];
  hashtags: HashtagSummary[];
}

export interface UploadTarget {
  url: string;
  protocol: 'tus';
  metadata: Record<string, string>;
  maxBytes: number;
}

export interface WatchReport {
  watchedMs: number;
  completed: boolean;
  replays: number;
}

/** Where a view happened, sent along with its watch report. */
export type ViewSource = 'foryou' | 'following' | 'profile' | 'hashtag' | 'search' | 'link';
