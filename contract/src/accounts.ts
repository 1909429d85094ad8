// People: sign-up, log-in, profiles and the signed-in account.
import { z } from 'zod';
import { timestamp } from './common.ts';
import { operatorGrant } from './operators.ts';
import { MAX_BIO_LENGTH, MAX_DISPLAY_NAME_LENGTH, MIN_PASSWORD_LENGTH } from './limits.ts';

export const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_][A-Za-z0-9_.]{2,23}$/, '3–24 letters, digits, _ or ., not starting with .');
/** Characters that reorder text (bidirectional controls): in a name they can make it read as another. */
const BIDI_CONTROL = /[\u061C\u200E\u200F\u202A-\u202E\u2066-\u2069]/u;
/** Characters that show nothing: spaces, format and default-ignorable characters, marks, blank fillers. */
const INVISIBLE = /[\s\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cf}\p{Mn}\p{Me}\u2800\u3164\uFFA0]/gu;

/** A display name: no text-direction controls, and at least one visible character. */
const displayNameText = z
  .string()
  .max(MAX_DISPLAY_NAME_LENGTH)
  .refine((s) => !BIDI_CONTROL.test(s), 'may not contain text-direction control characters')
  .refine((s) => s.trim() === '' || s.replace(INVISIBLE, '') !== '', 'needs at least one visible character');

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
  displayName: displayNameText.optional(),
  region: z.string().optional(),
});
export const loginBody = z.object({
  login: z.string().trim().min(1).max(254).meta({ description: 'username or email' }),
  password: z.string().min(1).max(200),
});
export const profileBody = z.object({
  displayName: displayNameText.pipe(z.string().trim().min(1)).optional(),
  bio: z.string().max(MAX_BIO_LENGTH).optional(),
  private: z.boolean().optional().meta({ description: 'only approved followers see the videos; 13–15 cannot make their account public' }),
});

export const ageBand = z.enum(['13-15', '16-17', '18+']).meta({ id: 'AgeBand', description: 'from the birthdate, on the day asked' });

export const userSummary = z
  .object({ id: z.uuid(), username: z.string(), displayName: z.string(), avatarUrl: z.string().nullable() })
  .meta({ id: 'UserSummary' });

export const publicUser = userSummary
  .extend({
    bio: z.string(),
    counts: z.object({ followers: z.number().int(), following: z.number().int(), likes: z.number().int(), videos: z.number().int() }),
    private: z.boolean().meta({ description: 'only approved followers see its videos' }),
    likesPublic: z.boolean().meta({ description: 'its liked videos are shown on the profile' }),
    viewer: z.object({
      following: z.boolean(),
      requested: z.boolean().meta({ description: 'the viewer asked to follow this private account and awaits approval' }),
      isSelf: z.boolean(),
      blocking: z.boolean().meta({ description: 'the viewer blocked this account: neither sees the other\'s videos or comments' }),
      muting: z.boolean().meta({ description: 'the viewer muted this account: its videos stay out of the viewer\'s feeds' }),
    }),
  })
  .meta({ id: 'PublicUser' });

export const me = publicUser
  .extend({
    email: z.string(),
    homeRegion: z.string(),
    birthdate: z.iso.date(),
    isMinor: z.boolean(),
    ageBand,
    mayGoPublic: z.boolean().meta({ description: 'the age band allows a public account' }),
    followRequests: z.number().int().meta({ description: 'pending follow requests' }),
    personalizedFeed: z.boolean(),
    emailVerified: z.boolean().meta({ description: 'the address was confirmed by its link' }),
    pendingEmail: z.string().nullable().meta({ description: 'a new address awaiting confirmation' }),
    mayPost: z.boolean().meta({ description: 'may upload and comment (false once the grace period for an unverified address is over)' }),
    twoFactor: z.boolean().meta({ description: 'two-factor sign-in (TOTP) is on' }),
    operator: z.array(operatorGrant).meta({ description: 'operator roles held (empty for almost everyone)' }),
    createdAt: timestamp,
  })
  .meta({ id: 'Me' });

export const meResponse = z.object({ user: me });
export const publicUserResponse = z.object({ user: publicUser });

export type UserSummary = z.output<typeof userSummary>;
export type PublicUser = z.output<typeof publicUser>;
export type Me = z.output<typeof me>;
export type AgeBand = z.output<typeof ageBand>;
export type SignupInput = z.input<typeof signupBody>;
export type ProfileInput = z.input<typeof profileBody>;
export type MeResponse = z.output<typeof meResponse>;
export type PublicUserResponse = z.output<typeof publicUserResponse>;
