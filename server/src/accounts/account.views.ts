// Row → API shapes for people. Only these fields leave the server.
import type { Me, OperatorGrant, PublicUser, UserSummary } from '@cliptide/contract';
import { ADULT_AGE, ageOn } from './age.ts';
import { ageBandOn, mayGoPublic } from './age-policy.ts';

export interface AccountRow {
  id: string;
  username: string;
  email: string;
  display_name: string;
  bio: string;
  avatar_key: string | null;
  home_region: string;
  birthdate: string | Date;
  personalized_feed: boolean;
  follower_count: number;
  following_count: number;
  like_count: number;
  video_count: number;
  created_at: Date;
  private: boolean;
  likes_public: boolean;
  follow_requests: number;
  viewer_follows?: boolean | null;
  viewer_requested?: boolean | null;
  viewer_blocking?: boolean | null;
  viewer_muting?: boolean | null;
  operator_grants: OperatorGrant[];
  email_verified_at: Date | null;
  pending_email: string | null;
  totp_enabled_at: Date | null;
}

export const mediaUrl = (key: string | null): string | null => (key ? `/media/${key}` : null);

export const userSummary = (r: { author_id?: string; id?: string; username: string; display_name: string; avatar_key: string | null }): UserSummary => ({
  id: (r.author_id ?? r.id)!,
  username: r.username,
  displayName: r.display_name,
  avatarUrl: mediaUrl(r.avatar_key),
});

export function publicUser(r: AccountRow, viewerId: string | null): PublicUser {
  return {
    ...userSummary(r),
    bio: r.bio,
    counts: { followers: r.follower_count, following: r.following_count, likes: r.like_count, videos: r.video_count },
    private: r.private,
    likesPublic: r.likes_public,
    viewer: {
      following: r.viewer_follows === true,
      requested: r.viewer_requested === true,
      isSelf: viewerId === r.id,
      blocking: r.viewer_blocking === true,
      muting: r.viewer_muting === true,
    },
  };
}

export const isoDate = (d: string | Date): string => (typeof d === 'string' ? d.slice(0, 10) : d.toISOString().slice(0, 10));

/** `mayPost`: the posting rule's answer (account-security.service.ts). */
export function me(r: AccountRow, today: Date, mayPost: boolean): Me {
  const birthdate = isoDate(r.birthdate);
  const band = ageBandOn(birthdate, today);
  return {
    ...publicUser(r, r.id),
    email: r.email,
    homeRegion: r.home_region,
    birthdate,
    isMinor: ageOn(birthdate, today) < ADULT_AGE,
    ageBand: band,
    mayGoPublic: mayGoPublic(band),
    followRequests: r.follow_requests,
    personalizedFeed: r.personalized_feed,
    emailVerified: r.email_verified_at != null,
    pendingEmail: r.pending_email ?? null,
    mayPost,
    twoFactor: r.totp_enabled_at != null,
    operator: r.operator_grants,
    createdAt: r.created_at.toISOString(),
  };
}
export type { Me };
