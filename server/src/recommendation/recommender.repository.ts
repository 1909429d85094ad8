// SQL for the recommender: its input log, its snapshots, the catalogue it ranks, viewers' controls.
import type { EngineEvent } from '@cliptide/recommender';
import { jsonb, maybeOne, type Queryable } from '../db/database.ts';
import { publishedSql, type Visibility, type VideoStatus } from '../videos/visibility.ts';
import { hiddenCreatorsSql } from '../blocks/block.sql.ts';

/** What the engine's `canSee` asks the visibility rule about. */
export interface AudienceRow {
  id: string;
  author_id: string;
  visibility: Visibility;
  status: VideoStatus;
  adult_only: boolean;
  caption: string;
  author_private: boolean;
  author_birthdate: string;
}

/** What the rule needs to know of an author (their privacy, and their age band from the birthdate). */
export interface AuthorStandingRow {
  id: string;
  private: boolean;
  birthdate: string;
}

export interface CatalogueRow extends AudienceRow {
  caption: string;
  duration_ms: number | null;
  published_at: Date;
  home_region: string;
  hashtags: string[];
}

// Every published video, whoever may see it: the engine asks the visibility rule per viewer.
const CATALOGUE = `select v.id, v.author_id, v.visibility, v.status, v.adult_only, a.private as author_private, a.birthdate::text as author_birthdate, v.caption, v.duration_ms, v.published_at, a.home_region,
    coalesce((select array_agg(h.tag order by h.tag) from video_hashtags h where h.video_id = v.id), '{}') as hashtags
  from videos v join accounts a on a.id = v.author_id where ${publishedSql('v')}`;

export function createRecommenderRepository(db: Queryable) {
  return {
    async append(event: EngineEvent): Promise<number> {
      const [row] = await db.query<{ id: number }>('insert into recommender_events (event) values ($1::text::jsonb) returning id', [jsonb(event)]);
      return Number(row!.id);
    },

    async eventsAfter(id: number, limit: number): Promise<{ id: number; event: EngineEvent }[]> {
      const rows = await db.query<{ id: number; event: EngineEvent }>('select id, event from recommender_events where id > $1 order by id limit $2', [id, limit]);
      return rows.map((r) => ({ id: Number(r.id), event: r.event }));
    },

    async latestSnapshot(): Promise<{ last_event_id: number; state: string } | null> {
      const row = await maybeOne<{ last_event_id: number; state: string }>(db, 'select last_event_id, state from recommender_snapshots order by id desc limit 1');
      return row ? { ...row, last_event_id: Number(row.last_event_id) } : null;
    },

    async saveSnapshot(lastEventId: number, state: string): Promise<void> {
      await db.query('insert into recommender_snapshots (last_event_id, state) values ($1, $2)', [lastEventId, state]);
      await db.query('delete from recommender_snapshots where id not in (select id from recommender_snapshots order by id desc limit 2)');
    },

    catalogue(): Promise<CatalogueRow[]> {
      return db.query<CatalogueRow>(CATALOGUE);
    },

    async catalogueEntry(videoId: string): Promise<CatalogueRow | null> {
      return maybeOne<CatalogueRow>(db, `${CATALOGUE} and v.id = $1`, [videoId]);
    },

    /** Who may see these videos, for those of them that are published. */
    audiences(ids: string[]): Promise<AudienceRow[]> {
      if (ids.length === 0) return Promise.resolve([]);
      return db.query<AudienceRow>(
        `select v.id, v.author_id, v.visibility, v.status, v.adult_only, v.caption, a.private as author_private, a.birthdate::text as author_birthdate
         from videos v join accounts a on a.id = v.author_id where v.id = any($1::uuid[]) and ${publishedSql('v')}`,
        [ids],
      );
    },

    /** Authors whose privacy changed at or after `since` (null: none asked yet), and the database's clock now. */
    async authorsChangedSince(since: Date): Promise<{ now: Date; authors: AuthorStandingRow[] }> {
      const [clock] = await db.query<{ now: Date }>('select now() as now');
      const authors = await db.query<AuthorStandingRow>(
        'select id, private, birthdate::text as birthdate from accounts where privacy_changed_at >= $1',
        [since],
      );
      return { now: clock!.now, authors };
    },

    async viewerContext(accountId: string) {
      return maybeOne<{ home_region: string; created_at: Date; personalized_feed: boolean; keyword_filters: string[] | null; follows: string[]; hidden_creators: string[] }>(
        db,
        `select a.home_region, a.created_at, a.personalized_feed, p.keyword_filters,
           coalesce((select array_agg(f.followee_id::text) from follows f where f.follower_id = a.id), '{}') as follows,
           ${hiddenCreatorsSql('a.id')} as hidden_creators
         from accounts a left join feed_preferences p on p.account_id = a.id where a.id = $1`,
        [accountId],
      );
    },

    async setKeywordFilters(accountId: string, filters: string[]): Promise<void> {
      await db.query(
        `insert into feed_preferences (account_id, keyword_filters) values ($1, $2)
         on conflict (account_id) do update set keyword_filters = excluded.keyword_filters, updated_at = now()`,
        [accountId, filters],
      );
    },
  };
}
export type RecommenderRepository = ReturnType<typeof createRecommenderRepository>;
