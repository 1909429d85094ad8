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

// What the video is, to whom (decision 021): a published public video of a public account, labelled
// 18+ or not, its caption holding a restricted keyword or not, and viewers by age band and restricted mode.
export type ContentKind = 'plain' | 'adult-only' | 'keyword' | 'adult-only-keyword';
export type ContentViewer = 'author' | 'adult' | 'adult-restricted' | 'minor-16-17' | 'minor-13-15-restricted' | 'anonymous';
export const CONTENT_KINDS: ContentKind[] = ['plain', 'adult-only', 'keyword', 'adult-only-keyword'];
export const CONTENT_VIEWERS: ContentViewer[] = ['author', 'adult', 'adult-restricted', 'minor-16-17', 'minor-13-15-restricted', 'anonymous'];
/** Each viewer's birthdate relative to "now" (years ago) and restricted mode; anonymous has neither. */
export const CONTENT_VIEWER_FACTS: Record<Exclude<ContentViewer, 'anonymous'>, { yearsOld: number; restricted: boolean }> = {
  author: { yearsOld: 30, restricted: true },
  adult: { yearsOld: 30, restricted: false },
  'adult-restricted': { yearsOld: 30, restricted: true },
  'minor-16-17': { yearsOld: 16, restricted: false },
  'minor-13-15-restricted': { yearsOld: 14, restricted: true },
};
export const CONTENT_CAPTIONS: Record<ContentKind, { caption: string; adultOnly: boolean }> = {
  plain: { caption: 'sunset over the harbour #travel', adultOnly: false },
  'adult-only': { caption: 'late night comedy set #standup', adultOnly: true },
  keyword: { caption: 'watch till the end #NSFW', adultOnly: false },
  'adult-only-keyword': { caption: 'uncut and nsfw', adultOnly: true },
};

export interface ContentCase {
  content: ContentKind;
  viewer: ContentViewer;
  /** canSeeVideo and canWatchVideo alike (the video is published). */
  watch: boolean;
}

// Written out: who is shown what (the author always sees their own).
const shown: Record<ContentKind, ContentViewer[]> = {
  plain: ['author', 'adult', 'adult-restricted', 'minor-16-17', 'minor-13-15-restricted', 'anonymous'],
  'adult-only': ['author', 'adult'],
  keyword: ['author', 'adult', 'minor-16-17', 'anonymous'],
  'adult-only-keyword': ['author', 'adult'],
};

export const contentCases: ContentCase[] = CONTENT_KINDS.flatMap((content) => CONTENT_VIEWERS.map((viewer) => ({ content, viewer, watch: shown[content].includes(viewer) })));
