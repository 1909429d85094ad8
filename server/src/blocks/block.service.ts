// Blocks and mutes (decision 022): who blocked or muted whom, and the lists to manage them. What a
// block hides is enforced where things are read: the visibility rule (videos/visibility.ts), the
// comment, account and notification queries (blocks/block.sql.ts), For You (`blockedCreators`).
import { userSummary } from '../accounts/account.views.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { decodeCursor, pageOf } from '../shared/cursor.ts';
import type { BlockRepository, BlockStanding, RelatedRow } from './block.repository.ts';

export interface BlockDeps {
  repo: BlockRepository;
  /** The id of the account with this username, or null (accounts owns the lookup). */
  findAccountId: (username: string) => Promise<string | null>;
}

const PAGE = 30;
const related = (r: RelatedRow) => ({ user: userSummary(r), since: r.created_at.toISOString() });

export function createBlockService(deps: BlockDeps) {
  const { repo } = deps;

  /** The other account; one cannot block or mute oneself. */
  async function other(viewerId: string, username: string): Promise<string> {
    const id = await deps.findAccountId(username);
    if (!id) throw notFound(`User @${username}`);
    if (id === viewerId) throw new DomainError('validation_failed', 'You cannot block or mute yourself');
    return id;
  }

  return {
    /**
     * Blocks or unblocks. Blocking an account that blocked you first is recorded too (it makes
     * sure the block outlives theirs) and answers the same: a block is never confirmed by an error.
     */
    async block(viewerId: string, username: string, on: boolean) {
      const id = await other(viewerId, username);
      if (on) await repo.block(viewerId, id);
      else await repo.unblock(viewerId, id);
      return { blocking: on };
    },

    async mute(viewerId: string, username: string, on: boolean) {
      await repo.mute(viewerId, await other(viewerId, username), on);
      return { muting: on };
    },

    async blocks(viewerId: string, cursor?: string) {
      return pageOf(await repo.blocks(viewerId, decodeCursor(cursor), PAGE), PAGE, (r) => [r.created_at.toISOString(), r.id], related);
    },

    async mutes(viewerId: string, cursor?: string) {
      return pageOf(await repo.mutes(viewerId, decodeCursor(cursor), PAGE), PAGE, (r) => [r.created_at.toISOString(), r.id], related);
    },

    /** How the viewer and another account stand (the social service asks before a follow or a comment). */
    standing: (viewerId: string, otherId: string): Promise<BlockStanding> => repo.standing(viewerId, otherId),
  };
}
export type BlockService = ReturnType<typeof createBlockService>;
