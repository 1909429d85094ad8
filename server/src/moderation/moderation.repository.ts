// SQL for reports, the moderation queue, decisions (append-only) and appeals, and for what a decision
// does to videos, comments and accounts (decision 023).
import type { DecisionAction, ReportCategory, ReportTargetType } from '@cliptide/contract';
import { maybeOne, type Database, type Queryable } from '../db/database.ts';
import type { CursorKey } from '../shared/cursor.ts';
import { videoSelect, type VideoRow } from '../videos/video.sql.ts';

export interface ReportRow {
  id: string;
  target_type: ReportTargetType;
  target_id: string;
  category: ReportCategory;
  note: string | null;
  created_at: Date;
  resolved_at: Date | null;
  outcome: DecisionAction | null;
}

export interface ItemRow {
  id: string;
  kind: 'report' | 'appeal';
  target_type: ReportTargetType;
  target_id: string;
  subject_id: string;
  severity: number;
  appeal_of: string | null;
  appeal_note: string | null;
  excluded_moderator_id: string | null;
  claimed_by: string | null;
  claim_expires_at: Date | null;
  opened_at: Date;
  closed_at: Date | null;
}

export interface QueueRow extends ItemRow {
  report_count: number;
  categories: ReportCategory[];
  notes: string[];
  reach: number;
  held: boolean;
  subject_username: string;
  subject_display_name: string;
  subject_avatar_key: string | null;
  /** The subject's home region: the jurisdiction a moderator must hold. */
  subject_region: string;
}

export interface DecisionRow {
  id: string;
  item_id: string;
  moderator_id: string;
  subject_id: string;
  target_type: ReportTargetType;
  target_id: string;
  action: DecisionAction;
  policy: string;
  category: ReportCategory;
  days: number | null;
  note: string | null;
  appeal_of: string | null;
  created_at: Date;
}

export interface SubjectDecisionRow extends DecisionRow {
  caption: string | null;
  appeal_opened_at: Date | null;
  appeal_outcome: DecisionAction | null;
  appeal_decided_at: Date | null;
}

export interface NewDecision {
  itemId: string;
  moderatorId: string;
  subjectId: string;
  targetType: ReportTargetType;
  targetId: string;
  action: DecisionAction;
  policy: string;
  category: ReportCategory;
  days: number | null;
  note: string | null;
  appealOf: string | null;
}

/** What a decision does (or, reversed, undoes) to its target and to the account it concerns. */
export type Effect =
  | { kind: 'none' }
  | { kind: 'label_adult'; videoId: string; on: boolean }
  | { kind: 'remove_video'; videoId: string; on: boolean }
  | { kind: 'remove_comment'; commentId: string; on: boolean }
  | { kind: 'restrict'; accountId: string; days: number | null }
  | { kind: 'suspend'; accountId: string; days: number | null | 'forever' };

const ITEM_COLUMNS = `i.id, i.kind, i.target_type, i.target_id, i.subject_id, i.severity, i.appeal_of, i.appeal_note,
  i.excluded_moderator_id, i.claimed_by, i.claim_expires_at, i.opened_at, i.closed_at`;

const OPEN_REPORTS = `from reports r where r.target_type = i.target_type and r.target_id = i.target_id and r.resolved_at is null`;

const QUEUE_SELECT = `select ${ITEM_COLUMNS},
    (select count(*) ${OPEN_REPORTS})::int as report_count,
    coalesce((select array_agg(distinct r.category) ${OPEN_REPORTS}), '{}') as categories,
    coalesce((select array_agg(r.note order by r.created_at) ${OPEN_REPORTS} and coalesce(r.note, '') <> ''), '{}') as notes,
    (case when i.target_type = 'video' then (select count(*) from engagement_events e
       where e.video_id = i.target_id and e.kind = 'view' and e.created_at > now() - interval '1 day') else 0 end)::int as reach,
    (case when i.target_type = 'video' then exists(select 1 from videos hv where hv.id = i.target_id and hv.held_at is not null) else false end) as held,
    s.username as subject_username, s.display_name as subject_display_name, s.avatar_key as subject_avatar_key,
    s.home_region as subject_region
  from moderation_items i join accounts s on s.id = i.subject_id`;

/**
 * Until when the account's standing decisions of these actions last (null: none): every decision not
 * reversed on appeal — the one being reversed already has its reversal recorded — a ban for ever.
 */
const standingUntil = (actions: string) => `
  select max(case d.action when 'ban' then 'infinity'::timestamptz else d.created_at + make_interval(days => d.days) end)
  from moderation_decisions d
  where d.subject_id = $1 and d.appeal_of is null and d.action in (${actions})
    and not exists (select 1 from moderation_decisions r where r.appeal_of = d.id and r.action = 'appeal_reversed')`;

async function applyEffect(tx: Queryable, e: Effect): Promise<void> {
  switch (e.kind) {
    case 'none':
      return;
    case 'label_adult':
      await tx.query('update videos set adult_only = $2 where id = $1', [e.videoId, e.on]);
      return;
    case 'remove_video':
      await tx.query(`update videos set removed_at = ${e.on ? 'now()' : 'null'} where id = $1`, [e.videoId]);
      return;
    case 'remove_comment': {
      // like a deletion for the counters, but kept (an appeal may restore it)
      const [row] = await tx.query<{ video_id: string; parent_id: string | null; reply_count: number }>(
        `update comments set removed_at = ${e.on ? 'now()' : 'null'} where id = $1 and (removed_at is null) = $2 returning video_id, parent_id, reply_count`,
        [e.commentId, e.on],
      );
      if (!row) return;
      const sign = e.on ? -1 : 1;
      if (row.parent_id) await tx.query('update comments set reply_count = reply_count + $2 where id = $1', [row.parent_id, sign]);
      await tx.query('update videos set comment_count = comment_count + $2 where id = $1', [row.video_id, sign * (1 + row.reply_count)]);
      return;
    }
    case 'restrict':
      if (e.days === null) {
        // a reversal: what the decisions still standing say (a later restriction stays)
        await tx.query(`update accounts set posting_restricted_until = (${standingUntil("'restrict'")}) where id = $1`, [e.accountId]);
        return;
      }
      await tx.query(`update accounts set posting_restricted_until = greatest(posting_restricted_until, now() + make_interval(days => $2)) where id = $1`, [
        e.accountId,
        e.days,
      ]);
      return;
    case 'suspend':
      if (e.days === null) {
        // a reversal: what the decisions still standing say (a later suspension or a ban stays)
        await tx.query(`update accounts set suspended_until = (${standingUntil("'suspend', 'ban'")}) where id = $1`, [e.accountId]);
        return;
      }
      await tx.query(
        `update accounts set suspended_until = ${e.days === 'forever' ? `'infinity'::timestamptz` : `now() + make_interval(days => $2)`} where id = $1`,
        e.days === 'forever' ? [e.accountId] : [e.accountId, e.days],
      );
      // sessions end now: the next request is anonymous
      await tx.query('delete from sessions where account_id = $1', [e.accountId]);
      return;
  }
}

export function createModerationRepository(db: Database) {
  return {
    /** Who a video is by, and whether it is already held; null when there is no such video. */
    videoSubject: (id: string) => maybeOne<{ author_id: string }>(db, 'select author_id from videos where id = $1 and removed_at is null', [id]),
    commentSubject: (id: string) =>
      maybeOne<{ author_id: string; video_id: string; body: string }>(db, 'select author_id, video_id, body from comments where id = $1 and removed_at is null', [id]),
    accountExists: async (id: string) => (await db.query('select 1 from accounts where id = $1', [id])).length > 0,
    /** The video whatever its state (removed, private): for the moderator looking at a report or appeal. */
    videoAnyState: (id: string) => maybeOne<VideoRow>(db, `${videoSelect('null')} where v.id = $1`, [id]),
    commentAnyState: (id: string) => maybeOne<{ id: string; body: string; video_id: string }>(db, 'select id, body, video_id from comments where id = $1', [id]),
    isTrustedFlagger: async (id: string) => (await maybeOne<{ t: boolean }>(db, 'select trusted_flagger as t from accounts where id = $1', [id]))?.t ?? false,

    /**
     * Records a report and opens (or joins) the target's queue item. Null when the reporter already has
     * an open report on this target.
     */
    async insertReport(r: { reporterId: string; targetType: ReportTargetType; targetId: string; subjectId: string; category: ReportCategory; severity: number; note: string | null }): Promise<ReportRow | null> {
      return db.transaction(async (tx) => {
        const [row] = await tx.query<ReportRow>(
          `insert into reports (reporter_id, target_type, target_id, category, note) values ($1, $2, $3, $4, $5)
           on conflict (reporter_id, target_type, target_id) where resolved_at is null do nothing
           returning id, target_type, target_id, category, note, created_at, resolved_at, outcome`,
          [r.reporterId, r.targetType, r.targetId, r.category, r.note],
        );
        if (!row) return null;
        await tx.query(
          `insert into moderation_items (kind, target_type, target_id, subject_id, severity) values ('report', $1, $2, $3, $4)
           on conflict (kind, target_type, target_id) where closed_at is null
           do update set severity = least(moderation_items.severity, excluded.severity)`,
          [r.targetType, r.targetId, r.subjectId, r.severity],
        );
        return row;
      });
    },

    /** Distinct accounts that reported this video within the last `seconds`. */
    async recentReporters(videoId: string, seconds: number): Promise<number> {
      const [row] = await db.query<{ n: number }>(
        `select count(distinct reporter_id)::int as n from reports
         where target_type = 'video' and target_id = $1 and created_at > now() - make_interval(secs => $2)`,
        [videoId, seconds],
      );
      return row?.n ?? 0;
    },

    /** Holds the video from For You; true when it was not held yet. */
    async hold(videoId: string): Promise<boolean> {
      return (await db.query('update videos set held_at = now() where id = $1 and held_at is null and removed_at is null returning 1', [videoId])).length > 0;
    },

    reportsBy(reporterId: string, cursor: CursorKey | null, limit: number): Promise<ReportRow[]> {
      return db.query<ReportRow>(
        `select id, target_type, target_id, category, note, created_at, resolved_at, outcome from reports
         where reporter_id = $1 ${cursor ? 'and (created_at, id) < ($3::timestamptz, $4::uuid)' : ''}
         order by created_at desc, id desc limit $2`,
        [reporterId, limit + 1, ...(cursor ?? [])],
      );
    },

    /** Open items in these jurisdictions (the subject's home region), gravest first, then most reported, then widest reach. */
    queue(moderatorId: string, jurisdictions: string[], limit: number): Promise<QueueRow[]> {
      return db.query<QueueRow>(
        `${QUEUE_SELECT}
         where i.closed_at is null and s.home_region = any($2::text[])
           and (i.excluded_moderator_id is null or i.excluded_moderator_id <> $1)
           and i.subject_id <> $1
         order by i.severity, report_count desc, reach desc, i.opened_at, i.id
         limit $3`,
        [moderatorId, jurisdictions, limit],
      );
    },

    item: (id: string) => maybeOne<QueueRow>(db, `${QUEUE_SELECT} where i.id = $1`, [id]),

    /**
     * Claims an open item for `seconds`: the database decides between moderators racing (a conditional
     * update). Not an appeal of one's own decision. True when the claim is this moderator's.
     */
    async claim(itemId: string, moderatorId: string, seconds: number): Promise<boolean> {
      const rows = await db.query(
        `update moderation_items set claimed_by = $2, claim_expires_at = now() + make_interval(secs => $3)
         where id = $1 and closed_at is null
           and (claimed_by is null or claimed_by = $2 or claim_expires_at <= now())
           and (excluded_moderator_id is null or excluded_moderator_id <> $2)
         returning id`,
        [itemId, moderatorId, seconds],
      );
      return rows.length > 0;
    },

    async release(itemId: string, moderatorId: string): Promise<boolean> {
      const rows = await db.query(
        'update moderation_items set claimed_by = null, claim_expires_at = null where id = $1 and claimed_by = $2 and closed_at is null returning id',
        [itemId, moderatorId],
      );
      return rows.length > 0;
    },

    /**
     * Records the decision, applies its effect and closes the item, in one transaction; null when the
     * item is not (any more) open and claimed by this moderator.
     */
    async decide(d: NewDecision, effects: Effect[]): Promise<DecisionRow | null> {
      return db.transaction(async (tx) => {
        const [item] = await tx.query<{ id: string }>(
          `select id from moderation_items where id = $1 and closed_at is null and claimed_by = $2 and claim_expires_at > now() for update`,
          [d.itemId, d.moderatorId],
        );
        if (!item) return null;
        // recorded first: a reversal's effect reads which decisions still stand
        const [decision] = await tx.query<DecisionRow>(
          `insert into moderation_decisions (item_id, moderator_id, subject_id, target_type, target_id, action, policy, category, days, note, appeal_of)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) returning *`,
          [d.itemId, d.moderatorId, d.subjectId, d.targetType, d.targetId, d.action, d.policy, d.category, d.days, d.note, d.appealOf],
        );
        for (const e of effects) await applyEffect(tx, e);
        await tx.query('update moderation_items set closed_at = now(), claimed_by = null, claim_expires_at = null where id = $1', [d.itemId]);
        if (!d.appealOf) {
          await tx.query(
            `update reports set resolved_at = now(), outcome = $3 where target_type = $1 and target_id = $2 and resolved_at is null`,
            [d.targetType, d.targetId, d.action],
          );
          // a human looked: the hold ends (a removal hides the video anyway)
          if (d.targetType === 'video') await tx.query('update videos set held_at = null where id = $1', [d.targetId]);
        }
        return decision!;
      });
    },

    decision: (id: string) => maybeOne<DecisionRow>(db, 'select * from moderation_decisions where id = $1', [id]),

    /** Decisions about this account (not dismissals), newest first, with their appeal. */
    decisionsAbout(subjectId: string, limit: number): Promise<SubjectDecisionRow[]> {
      return db.query<SubjectDecisionRow>(
        `select d.*,
           (case d.target_type when 'video' then (select caption from videos where id = d.target_id)
              when 'comment' then (select body from comments where id = d.target_id) else null end) as caption,
           ai.opened_at as appeal_opened_at, ad.action as appeal_outcome, ad.created_at as appeal_decided_at
         from moderation_decisions d
         left join moderation_items ai on ai.kind = 'appeal' and ai.appeal_of = d.id
         left join moderation_decisions ad on ad.appeal_of = d.id
         where d.subject_id = $1 and d.appeal_of is null and d.action <> 'dismiss'
         order by d.created_at desc limit $2`,
        [subjectId, limit],
      );
    },

    /** The creator's record as a moderator sees it: every decision about them, newest first. */
    history(subjectId: string, limit: number): Promise<DecisionRow[]> {
      return db.query<DecisionRow>('select * from moderation_decisions where subject_id = $1 order by created_at desc limit $2', [subjectId, limit]);
    },

    /** Opens the appeal of a decision; null when it already has one (an appeal is made once). */
    async openAppeal(a: { decision: DecisionRow; severity: number; note: string | null }): Promise<boolean> {
      const rows = await db.query(
        `insert into moderation_items (kind, target_type, target_id, subject_id, severity, appeal_of, appeal_note, excluded_moderator_id)
         values ('appeal', $1, $2, $3, $4, $5, $6, $7)
         on conflict do nothing returning id`,
        [a.decision.target_type, a.decision.target_id, a.decision.subject_id, a.severity, a.decision.id, a.note, a.decision.moderator_id],
      );
      return rows.length > 0;
    },

    /** Whether the account may post now, and why not. */
    standing: (accountId: string) =>
      maybeOne<{ posting_restricted_until: Date | null; suspended_until: Date | null }>(
        db,
        `select case when posting_restricted_until > now() then posting_restricted_until end as posting_restricted_until,
           case when suspended_until > now() then suspended_until end as suspended_until
         from accounts where id = $1`,
        [accountId],
      ),

    async setTrustedFlagger(accountId: string, on: boolean): Promise<void> {
      await db.query('update accounts set trusted_flagger = $2 where id = $1', [accountId, on]);
    },

    /** Public counts: decisions per month, category and action; reports per month and category. No personal data. */
    async enforcement(): Promise<{ decisions: { month: string; category: ReportCategory; action: DecisionAction; count: number }[]; reports: { month: string; category: ReportCategory; count: number }[] }> {
      const decisions = await db.query<{ month: string; category: ReportCategory; action: DecisionAction; count: number }>(
        `select to_char(date_trunc('month', created_at at time zone 'UTC'), 'YYYY-MM') as month, category, action, count(*)::int as count
         from moderation_decisions group by 1, 2, 3 order by 1 desc, 2, 3`,
      );
      const reports = await db.query<{ month: string; category: ReportCategory; count: number }>(
        `select to_char(date_trunc('month', created_at at time zone 'UTC'), 'YYYY-MM') as month, category, count(*)::int as count
         from reports group by 1, 2 order by 1 desc, 2`,
      );
      return { decisions, reports };
    },
  };
}
export type ModerationRepository = ReturnType<typeof createModerationRepository>;
