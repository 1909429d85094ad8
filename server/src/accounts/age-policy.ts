// What an age band may do, and what it gets by default: the one place every feature asks
// (privacy, For You reach, comments, duet/stitch/download, DMs, screen time, notification quiet
// hours, mature content). The band is computed from the birthdate on the day asked, so a birthday
// moves someone up a band with nothing stored to migrate. The table is issue 10's, as data.
import { ageOn } from './age.ts';

export type AgeBand = '13-15' | '16-17' | '18+';
export const AGE_BANDS: readonly AgeBand[] = ['13-15', '16-17', '18+'];

/** Who may comment on someone's videos. `friends`: followers they approved who they follow back. */
export type CommentAudience = 'friends' | 'followers' | 'everyone';

export interface AgePolicy {
  /** A new account starts private. */
  privateByDefault: boolean;
  /** The owner may switch the account to public. */
  mayGoPublic: boolean;
  /** Their videos may be recommended (For You) to people who do not follow them. */
  forYouReachesStrangers: boolean;
  /** Who may comment on their videos by default, and whether they may open it to everyone. */
  comments: { default: CommentAudience; mayAllowEveryone: boolean };
  /** Duet, stitch and download of their videos by others: on by default, may be turned on. */
  remix: { default: boolean; mayTurnOn: boolean };
  /** Direct messages (DESIGN.md: minors get none). */
  directMessages: boolean;
  /** Daily screen-time limit in minutes, on by default (null: off, the user may set one). */
  dailyLimitMinutes: number | null;
  /** No notifications pushed between these local hours (null: the user's choice). */
  quietHours: { from: number; to: number } | null;
  /** Mature-labelled (18+) videos: never, or unless restricted mode is on. */
  matureContent: 'never' | 'unless-restricted';
  /** Restricted mode starts on. */
  restrictedModeByDefault: boolean;
}

export const AGE_POLICY: Readonly<Record<AgeBand, AgePolicy>> = {
  '13-15': {
    privateByDefault: true,
    mayGoPublic: false,
    forYouReachesStrangers: false,
    comments: { default: 'friends', mayAllowEveryone: false },
    remix: { default: false, mayTurnOn: false },
    directMessages: false,
    dailyLimitMinutes: 60,
    quietHours: { from: 21, to: 8 },
    matureContent: 'never',
    restrictedModeByDefault: true,
  },
  '16-17': {
    privateByDefault: true,
    mayGoPublic: true,
    forYouReachesStrangers: true,
    comments: { default: 'everyone', mayAllowEveryone: true },
    remix: { default: false, mayTurnOn: true },
    directMessages: false,
    dailyLimitMinutes: 60,
    quietHours: { from: 22, to: 8 },
    matureContent: 'never',
    restrictedModeByDefault: false,
  },
  '18+': {
    privateByDefault: false,
    mayGoPublic: true,
    forYouReachesStrangers: true,
    comments: { default: 'everyone', mayAllowEveryone: true },
    remix: { default: true, mayTurnOn: true },
    directMessages: true,
    dailyLimitMinutes: null,
    quietHours: null,
    matureContent: 'unless-restricted',
    restrictedModeByDefault: false,
  },
};

/** The band on `today` (UTC), from a YYYY-MM-DD birthdate. Under 13 has no band: sign-up refuses it. */
export function ageBandOn(birthdate: string, today: Date): AgeBand {
  const age = ageOn(birthdate, today);
  if (age < 16) return '13-15';
  if (age < 18) return '16-17';
  return '18+';
}

export const agePolicy = (band: AgeBand): AgePolicy => AGE_POLICY[band];

/** May an account of this band be public? (13–15: no; the account stays private.) */
export const mayGoPublic = (band: AgeBand): boolean => AGE_POLICY[band].mayGoPublic;

/** May this band's videos reach, in For You, someone who is not an approved follower? */
export const forYouReachesStrangers = (band: AgeBand): boolean => AGE_POLICY[band].forYouReachesStrangers;

/** Is `hour` (0–23, the person's local time) inside the band's notification quiet hours? */
export function inQuietHours(band: AgeBand, hour: number): boolean {
  const q = AGE_POLICY[band].quietHours;
  if (!q) return false;
  return q.from > q.to ? hour >= q.from || hour < q.to : hour >= q.from && hour < q.to;
}

/** May a mature-labelled video be shown to this band (with restricted mode on or off)? */
export const mayShowMatureContent = (band: AgeBand, restrictedMode: boolean): boolean =>
  AGE_POLICY[band].matureContent === 'unless-restricted' && !restrictedMode;

/** May others duet, stitch or download this band's videos, given the owner's own setting? */
export const remixAllowed = (band: AgeBand, ownerTurnedOn: boolean | null): boolean =>
  AGE_POLICY[band].remix.mayTurnOn && (ownerTurnedOn ?? AGE_POLICY[band].remix.default);
