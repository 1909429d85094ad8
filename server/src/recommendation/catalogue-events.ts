// Tells the recommender's log that a video changed (published, edited, deleted). Needs only the
// database, so a separate worker process can publish videos the API processes then rank.
import type { RecommenderRepository } from './recommender.repository.ts';
import { videoMeta } from './video-meta.ts';

export function createCatalogueEvents(repo: RecommenderRepository, now: () => number) {
  return {
    async videoChanged(videoId: string): Promise<void> {
      const row = await repo.catalogueEntry(videoId);
      await repo.append(row ? { type: 'video_upsert', at: now(), video: videoMeta(row) } : { type: 'video_remove', at: now(), videoId });
    },
  };
}
export type CatalogueEvents = ReturnType<typeof createCatalogueEvents>;
