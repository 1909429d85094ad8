// Collections on a profile (decision 028): saved videos are their owner's alone; liked videos are
// private unless the owner shows them; followers and following lists follow the account's privacy
// (a private account's lists only for it and its approved followers). Every video in a list is
// one the viewer may watch (the visibility rule), every person one no block stands between.
import type { Page, UserSummary } from '@cliptide/contract';
import { userSummary } from '../accounts/account.views.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { decodeCursor, pageOf } from '../shared/cursor.ts';
import { videoView, type VideoView } from '../videos/video.views.ts';
import type { CollectedVideoRow, CollectionRepository, PersonRow } from './collection.repository.ts';

export interface CollectionDeps {
  collections: CollectionRepository;
  /** The account's id as the viewer may know it (null: missing, or a block stands between them). */
  idVisibleTo: (username: string, viewerId: string | null) => Promise<string | null>;
}

const PAGE = 18;
const byCollected = (r: CollectedVideoRow): [string, string] => [r.collected_at.toISOString(), r.id];
const bySince = (r: PersonRow): [string, string] => [r.since.toISOString(), r.id];

export function createCollectionService({ collections, idVisibleTo }: CollectionDeps) {
  /** The account, when the viewer may see what it shows its followers. */
  async function openTo(username: string, viewerId: string | null) {
    const id = await idVisibleTo(username, viewerId);
    const owner = id ? await collections.owner(id, viewerId) : null;
    if (!id || !owner) throw notFound(`User @${username}`);
    const self = id === viewerId;
    if (owner.private && !self && !owner.viewer_follows) throw new DomainError('forbidden', `@${username}’s account is private`);
    return { id, self, likesPublic: owner.likes_public };
  }
  const videos = (rows: CollectedVideoRow[]): Page<VideoView> => pageOf(rows, PAGE, byCollected, (r) => videoView(r));
  const people = (rows: PersonRow[]): Page<UserSummary> => pageOf(rows, PAGE, bySince, (r) => userSummary(r));

  return {
    async saved(viewerId: string, cursor?: string): Promise<Page<VideoView>> {
      return videos(await collections.saved(viewerId, viewerId, decodeCursor(cursor), PAGE));
    },

    async liked(username: string, viewerId: string | null, cursor?: string): Promise<Page<VideoView>> {
      const owner = await openTo(username, viewerId);
      if (!owner.self && !owner.likesPublic) throw new DomainError('forbidden', `@${username} keeps liked videos private`);
      return videos(await collections.liked(owner.id, viewerId, decodeCursor(cursor), PAGE));
    },

    async followers(username: string, viewerId: string | null, cursor?: string): Promise<Page<UserSummary>> {
      const owner = await openTo(username, viewerId);
      return people(await collections.followers(owner.id, viewerId, decodeCursor(cursor), PAGE));
    },

    async following(username: string, viewerId: string | null, cursor?: string): Promise<Page<UserSummary>> {
      const owner = await openTo(username, viewerId);
      return people(await collections.following(owner.id, viewerId, decodeCursor(cursor), PAGE));
    },

    async setLikesPublic(accountId: string, on: boolean) {
      await collections.setLikesPublic(accountId, on);
      return { likesPublic: on };
    },
  };
}
export type CollectionService = ReturnType<typeof createCollectionService>;
