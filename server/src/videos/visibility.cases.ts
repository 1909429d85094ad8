// The visibility rule as a table, shared by its unit test (the JavaScript predicate) and its
// integration test (the SQL fragment on a real database): every account × visibility × viewer × status.
import type { Visibility, VideoStatus } from './visibility.ts';

/** `requester` asked to follow and was not approved (yet): a stranger to the rule. */
/** `blocked`: the author blocked them (a follow row left behind changes nothing); `blocker`: they blocked the author (decision 022). */
export type Standing = 'author' | 'follower' | 'requester' | 'stranger' | 'anonymous' | 'blocked' | 'blocker';
export type AccountPrivacy = 'public-account' | 'private-account';

export interface VisibilityCase {
  account: AccountPrivacy;
  visibility: Visibility;
  status: VideoStatus;
  viewer: Standing;
  /** canSeeVideo: the video itself. */
  see: boolean;
  /** canWatchVideo: lists, feeds, engagement, media, For You. */
  watch: boolean;
}

export const VISIBILITIES: Visibility[] = ['public', 'followers', 'private'];
export const STATUSES: VideoStatus[] = ['ready', 'processing', 'uploading', 'failed'];
export const STANDINGS: Standing[] = ['author', 'follower', 'requester', 'stranger', 'anonymous', 'blocked', 'blocker'];
export const ACCOUNTS: AccountPrivacy[] = ['public-account', 'private-account'];

// Who may see a published video, by its account and its visibility (authors always see their own).
// `blocked` and `blocker` are admitted nowhere.
const admitted: Record<AccountPrivacy, Record<Visibility, Standing[]>> = {
  'public-account': {
    public: ['author', 'follower', 'requester', 'stranger', 'anonymous'],
    followers: ['author', 'follower'],
    private: ['author'],
  },
  'private-account': {
    public: ['author', 'follower'],
    followers: ['author', 'follower'],
    private: ['author'],
  },
};

export const visibilityCases: VisibilityCase[] = ACCOUNTS.flatMap((account) =>
  VISIBILITIES.flatMap((visibility) =>
    STATUSES.flatMap((status) =>
      STANDINGS.map((viewer) => {
        const ready = status === 'ready';
        return {
          account,
          visibility,
          status,
          viewer,
          see: viewer === 'author' || (ready && admitted[account][visibility].includes(viewer)),
          watch: ready && admitted[account][visibility].includes(viewer),
        };
      }),
    ),
  ),
);
