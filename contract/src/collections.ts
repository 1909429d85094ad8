// Collections on a profile: saved videos (only their owner), liked videos (private unless the owner
// shows them), and who follows whom (respecting private accounts and blocks).
import { z } from 'zod';
import { page } from './common.ts';
import { userSummary } from './accounts.ts';

export const collectionQuery = z.object({ cursor: z.string().max(200).optional() });
export const userPage = page(userSummary).meta({ id: 'UserPage' });
export const likesVisibilityBody = z.object({ likesPublic: z.boolean().meta({ description: 'show your liked videos on your profile' }) });
export const likesVisibility = z.object({ likesPublic: z.boolean() });

export type UserPage = z.output<typeof userPage>;
export type LikesVisibility = z.output<typeof likesVisibility>;
