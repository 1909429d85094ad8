/** Public data types of the For You engine. The engine only knows ids; display names are the caller's. */

export interface VideoMeta {
  id: string;
  creatorId: string;
  hashtags: string[];
  soundId: string | null;
  captionTerms: string[];
  language: string | null;
  durationMs: number;
  /** epoch ms */
  createdAt: number;
  /** the uploader's home region */
  region: string;
}

interface UserEventBase {
  userId: string;
  /** epoch ms; events must be observed in time order per user for exact replay */
  at: number;
}

export type ViewEvent = UserEventBase & {
  type: 'view';
  videoId: string;
  watchedMs: number;
  durationMs: number;
  completed: boolean;
  replays: number;
};

export type EngagementEvent = UserEventBase & {
  type: 'like' | 'unlike' | 'save' | 'share' | 'comment';
  videoId: string;
};

export type FollowEvent = UserEventBase & { type: 'follow' | 'unfollow'; creatorId: string };

export type NotInterestedTarget = { kind: 'video' | 'creator' | 'hashtag'; id: string };
export type NotInterestedEvent = UserEventBase & { type: 'not_interested'; target: NotInterestedTarget };

/**
 * What a feed page served. `recommend()` applies it itself and returns it: log it with the other
 * events so that snapshot + replay reproduces the seen filter and the exploration counters.
 */
export type ImpressionEvent = UserEventBase & {
  type: 'impression';
  videoIds: string[];
  region: string;
  accountCreatedAt: number | null;
  /** the viewer had seen everything: the seen filter started over before these videos */
  rewind?: boolean;
};

/** Forget learned interests of a user (follows, controls and the seen filter stay). */
export type ResetEvent = UserEventBase & { type: 'reset' };

/** Account deleted: drop everything the engine holds about the user. */
export type UserDeleteEvent = UserEventBase & { type: 'user_delete' };

export type VideoUpsertEvent = { type: 'video_upsert'; at: number; video: VideoMeta };
export type VideoRemoveEvent = { type: 'video_remove'; at: number; videoId: string };

export type EngineEvent =
  | ViewEvent
  | EngagementEvent
  | FollowEvent
  | NotInterestedEvent
  | ImpressionEvent
  | ResetEvent
  | UserDeleteEvent
  | VideoUpsertEvent
  | VideoRemoveEvent;

/** Display names the caller may provide for reason texts; ids are used when absent. */
export interface NameLookup {
  creator?: (creatorId: string) => string | undefined;
  sound?: (soundId: string) => string | undefined;
}

export interface FeedRequest {
  /** null: anonymous viewer (non-personalised, no seen filter) */
  userId: string | null;
  region: string;
  accountCreatedAt?: number;
  now: number;
  count: number;
  /** false: popular in region + recent, nothing learned about the viewer is used */
  personalized: boolean;
  /** matched case-insensitively against hashtags and caption terms */
  keywordFilters: string[];
  /** creator ids the viewer follows (the server owns the follow graph) */
  follows: string[];
  blockedCreators: string[];
  /** visibility predicate (privacy, moderation, restricted mode); absent: everything may be seen */
  canSee?: (videoId: string) => boolean;
  names?: NameLookup;
}

export type ReasonCode =
  | 'followed_creator'
  | 'hashtag_affinity'
  | 'creator_affinity'
  | 'sound_affinity'
  | 'similar_interest'
  | 'trending_region'
  | 'new_upload'
  | 'recent_upload'
  | 'seen_again';

export interface Reason {
  code: ReasonCode;
  /** English text rendered with the caller's name lookup; clients may re-render from code + params */
  text: string;
  params: Record<string, string>;
}

export interface FeedItem {
  videoId: string;
  score: number;
  reasons: Reason[];
}

export interface FeedPage {
  items: FeedItem[];
  /** the impression event already applied; null for anonymous requests or empty pages */
  impression: ImpressionEvent | null;
}

export interface EngineOptions {
  seed?: number;
  /** embedding dimension */
  dim?: number;
  /** ids of a table are admitted after this many sightings (Monolith's frequency filter) */
  admitAfter?: { user?: number; video?: number; feature?: number };
  /** ids not seen for this long (event time) are dropped */
  expireAfterMs?: number;
  /** share of a page given to the exploration pool */
  explorationShare?: number;
  /** catalogue size from which the ANN index replaces brute force */
  annThreshold?: number;
}
