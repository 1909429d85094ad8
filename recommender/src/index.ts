export { ForYouEngine, resolveOptions } from './engine.ts';
export type { ResolvedOptions } from './engine.ts';
export type {
  VideoMeta, EngineEvent, ViewEvent, EngagementEvent, FollowEvent, NotInterestedEvent, NotInterestedTarget,
  ImpressionEvent, ResetEvent, UserDeleteEvent, VideoUpsertEvent, VideoRemoveEvent, FeedRequest, FeedItem, FeedPage, Reason, ReasonCode,
  NameLookup, EngineOptions,
} from './types.ts';
export type { EngineSnapshot } from './snapshot.ts';
export { SNAPSHOT_VERSION } from './snapshot.ts';
export { TASKS, SCORE_WEIGHTS } from './ranker.model.ts';
export { STAGE_BUDGETS } from './exploration.ts';
export { MODEL } from './model.spec.ts';
