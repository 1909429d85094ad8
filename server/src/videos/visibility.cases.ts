// The visibility rule as a table, shared by its unit test (the JavaScript predicate) and its
// integration test (the SQL fragment on a real database): every visibility × viewer × status.
import type { Visibility, VideoStatus } from './visibility.ts';

export type Standing = 'author' | 'follower' | 'stranger' | 'anonymous';

export interface VisibilityCase {
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
export const STANDINGS: Standing[] = ['author', 'follower', 'stranger', 'anonymous'];

// Who may see a published video, by its visibility (authors always see their own).
const admitted: Record<Visibility, Standing[]> = {
  public: ['author', 'follower', 'stranger', 'anonymous'],
  followers: ['author', 'follower'],
  private: ['author'],
};

export const visibilityCases: VisibilityCase[] = VISIBILITIES.flatMap((visibility) =>
  STATUSES.flatMap((status) =>
    STANDINGS.map((viewer) => {
      const ready = status === 'ready';
      return {
        visibility,
        status,
        viewer,
        see: viewer === 'author' || (ready && admitted[visibility].includes(viewer)),
        watch: ready && admitted[visibility].includes(viewer),
      };
    }),
  ),
);
