// People: sign-up, log-in, profiles and the signed-in account.
import { z } from 'zod';
import { timestamp } from './common.ts';
import { MAX_BIO_LENGTH, MAX_DISPLAY_NAME_LENGTH, MIN_PASSWORD_LENGTH } from './limits.ts';

export const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.]{2,23}$/, '3–24 letters, digits, _ or ., not starting with .');
export const usernameParams = z.object({ username: z.string().min(1).max(64) });

export const signupBody = z.object({
  username,
  email: z.email().max(254),
  password: z
    .string()
    .min(MIN_PASSWORD_LENGTH, `at least ${MIN_PASSWORD_LENGTH} characters`)
    .max(200)
    .meta({ description: `at least ${MIN_PASSWORD_LENGTH} characters, not one of the 10,000 most common passwords` }),
  birthdate: z.iso.date('a date as YYYY-MM-DD'),
  displayName: z.string().max(MAX_DISPLAY_NAME_LENGTH).optional(),
  region: z.string().optional(),
});
export const loginBody = z.object({
  login: z.string().trim().min(1).max(254).meta({ description: 'username or email' }),
  password: z.string().min(1).max(200),
});
export const profileBody = z.object({
  displayName: z.string().trim().min(1).max(MAX_DISPLAY_NAME_LENGTH).optional(),
  bio: z.string().max(MAX_BIO_LENGTH).optional(),
});

export const userSummary = z
  .object({ id: z.uuid(), username: z.string(), displayName: z.string(), avatarUrl: z.string().nullable() })
  .meta({ id: 'UserSummary' });

export const publicUser = userSummary
  .extend({
    bio: z.string(),
    counts: z.object({ followers: z.number().int(), following: z.number().int(), likes: z.number().int(), videos: z.number().int() }),
    viewer: z.object({ following: z.boolean(), isSelf: z.boolean() }),
  })
  .meta({ id: 'PublicUser' });

export const me = publicUser
  .extend({
    email: z.string(),
    homeRegion: z.string(),
    birthdate: z.iso.date(),
    isMinor: z.boolean(),
    personalizedFeed: z.boolean(),
    createdAt: timestamp,
  })
  .meta({ id: 'Me' });

export const meResponse = z.object({ user: me });
export const publicUserResponse = z.object({ user: publicUser });

export type UserSummary = z.output<typeof userSummary>;
export type PublicUser = z.output<typeof publicUser>;
export type Me = z.output<typeof me>;
export type SignupInput = z.input<typeof signupBody>;
export type ProfileInput = z.input<typeof profileBody>;
export type MeResponse = z.output<typeof meResponse>;
export type PublicUserResponse = z.output<typeof publicUserResponse>;
