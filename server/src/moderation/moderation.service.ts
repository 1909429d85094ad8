// Trust and safety (decision 023): reports, the moderation queue, claims, decisions and their effects,
// appeals to a different moderator, automatic holds, and the public enforcement report. No HTTP, no SQL.
//
// Every moderator read or change of someone's personal data (reporters' notes, the subject's account,
// content and record) goes through `forModerator`, which passes the access gateway (decision 025):
// checked against the policy for the purpose "moderation" and logged in the subject's region's
// transparency log before anything is returned. Reporter identities are never shown to moderators.
import {
  CATEGORY_SEVERITY,
  type Decision,
  type DecisionAction,
  type EnforcementReport,
  type OperatorGrant,
  type PolicyReason,
  type QueueItem,
  type Report,
  type ReportCategory,
  type ReportTargetType,
} from '@cliptide/contract';
import { userSummary } from '../accounts/account.views.ts';
import { DomainError, forbidden, notFound } from '../shared/errors.ts';
import { decodeCursor, pageOf } from '../shared/cursor.ts';
import { videoView } from '../videos/video.views.ts';
import type { DecisionRow, Effect, ModerationRepository, QueueRow, ReportRow } from './moderation.repository.ts';
import type { AccessRequest } from '../gateway/gateway.ts';

/** How long a claim keeps other moderators off an item. */
export const CLAIM_SECONDS = 15 * 60;
/** The window in which distinct reporters count towards an automatic hold. */
export const HOLD_WINDOW_SECONDS = 3600;
const QUEUE_PAGE = 50;
const REPORT_PAGE = 30;

/**
 * Decisions the person concerned may appeal (once), from their account. A suspended or banned person
 * cannot log in, so those are not appealable here (docs/decisions/023: a known gap, by support mail).
 */
const APPEALABLE: readonly DecisionAction[] = ['label_adult', 'remove', 'restrict'];

/** The moderator as the service knows them: who, and for which regions they hold the role. */
export interface Moderator {
  id: string;
  grants: readonly OperatorGrant[];
}

export interface ModerationDeps {
  repo: ModerationRepository;
  /** May this viewer watch this video (the one visibility rule)? A report needs the reporter to have seen it. */
  canSeeVideo: (videoId: string, viewerId: string) => Promise<boolean>;
  /** A video's For You standing changed (held, removed, restored). */
  onVideoChanged: (videoId: string) => Promise<unknown>;
  /** A video left public view (removed, labelled 18+): its media moves to a fresh, uncached prefix. */
  onVideoNarrowed: (videoId: string) => Promise<unknown>;
  /** Tell the person a decision concerns. */
  notifyDecision: (recipientId: string, decisionId: string) => Promise<unknown>;
  holdThreshold: number;
  /** The access gateway's one call (gateway/gateway.ts). */
  access: <T>(req: AccessRequest, read: () => Promise<T>) => Promise<{ value: T }>;
}

/** What a moderator sees of a subject: what the policy's moderator rule names. */
const MODERATION_DATA = ['profile', 'account', 'activity', 'content'] as const;

function reportView(r: ReportRow): Report {
  return {
    id: r.id,
    target: { type: r.target_type, id: r.target_id },
    category: r.category,
    note: r.note,
    createdAt: r.created_at.toISOString(),
    status: r.resolved_at ? 'resolved' : 'open',
    outcome: r.outcome,
    resolvedAt: r.resolved_at?.toISOString() ?? null,
  };
}

const gravest = (categories: ReportCategory[]): ReportCategory =>
  categories.reduce<ReportCategory>((best, c) => (CATEGORY_SEVERITY[c] < CATEGORY_SEVERITY[best] ? c : best), 'other');

/** Which actions fit which target (appeal items take only appeal outcomes). */
function checkAction(kind: 'report' | 'appeal', targetType: ReportTargetType, action: DecisionAction) {
  const fits =
    kind === 'appeal'
      ? action === 'appeal_upheld' || action === 'appeal_reversed'
      : action === 'dismiss' ||
        action === 'restrict' ||
        action === 'suspend' ||
        action === 'ban' ||
        (action === 'label_adult' && targetType === 'video') ||
        (action === 'remove' && (targetType === 'video' || targetType === 'comment'));
  if (!fits) throw new DomainError('validation_failed', `"${action}" does not apply to this ${kind === 'appeal' ? 'appeal' : targetType}`, [{ path: 'body.action', message: 'not for this item' }]);
}

/** What a decision does; `undo` gives what reversing it on appeal does. */
function effectsOf(d: { action: DecisionAction; target_type: ReportTargetType; target_id: string; subject_id: string; days: number | null }, undo = false): Effect[] {
  switch (d.action) {
    case 'label_adult':
      return [{ kind: 'label_adult', videoId: d.target_id, on: !undo }];
    case 'remove':
      return [d.target_type === 'video' ? { kind: 'remove_video', videoId: d.target_id, on: !undo } : { kind: 'remove_comment', commentId: d.target_id, on: !undo }];
    case 'restrict':
      return [{ kind: 'restrict', accountId: d.subject_id, days: undo ? null : d.days }];
    case 'suspend':
      return [{ kind: 'suspend', accountId: d.subject_id, days: undo ? null : d.days }];
    case 'ban':
      return [{ kind: 'suspend', accountId: d.subject_id, days: undo ? null : 'forever' }];
    default:
      return [];
  }
}

export function createModerationService(deps: ModerationDeps) {
  const { repo } = deps;

  /** The one place moderators read or change a subject's personal data: through the gateway, logged first. */
  async function forModerator<T>(moderator: Moderator, row: Pick<QueueRow, 'subject_id' | 'subject_region'>, read: () => Promise<T>): Promise<T> {
    const access = await deps.access(
      {
        actor: moderator,
        role: 'moderator',
        jurisdiction: row.subject_region,
        purpose: 'moderation',
        subject: { id: row.subject_id, region: row.subject_region },
        dataClasses: MODERATION_DATA,
      },
      read,
    );
    return access.value;
  }

  const jurisdictions = (m: Moderator) => m.grants.filter((g) => g.role === 'moderator').map((g) => g.jurisdiction);

  async function queueView(row: QueueRow, moderator: Moderator): Promise<QueueItem> {
    const history = await repo.history(row.subject_id, 20);
    const appealed = row.appeal_of ? await repo.decision(row.appeal_of) : null;
    const video = row.target_type === 'video' ? await repo.videoAnyState(row.target_id) : null;
    const comment = row.target_type === 'comment' ? await repo.commentAnyState(row.target_id) : null;
    const category = appealed ? appealed.category : gravest(row.categories);
    return {
      id: row.id,
      kind: row.kind,
      target: { type: row.target_type, id: row.target_id },
      severity: row.severity,
      category,
      categories: row.categories,
      reportCount: row.report_count,
      reach: row.reach,
      notes: row.notes,
      openedAt: row.opened_at.toISOString(),
      held: row.held,
      claim: row.claimed_by && row.claim_expires_at && row.claim_expires_at > new Date() ? { mine: row.claimed_by === moderator.id, expiresAt: row.claim_expires_at.toISOString() } : null,
      subject: userSummary({ id: row.subject_id, username: row.subject_username, display_name: row.subject_display_name, avatar_key: row.subject_avatar_key }),
      video: video ? videoView(video) : null,
      comment: comment ? { id: comment.id, body: comment.body, videoId: comment.video_id } : null,
      history: history
        .filter((h) => h.item_id !== row.id)
        .map((h) => ({ action: h.action, policy: h.policy as PolicyReason, targetType: h.target_type, createdAt: h.created_at.toISOString() })),
      appeal: appealed
        ? { decision: { action: appealed.action, policy: appealed.policy as PolicyReason, days: appealed.days, createdAt: appealed.created_at.toISOString() }, note: row.appeal_note }
        : null,
    };
  }

  /**
   * An open item this moderator may work on: the subject lives in one of their jurisdictions, and it is
   * not about themselves (nobody judges their own case). Anything else is as if it did not exist.
   */
  async function openItem(moderator: Moderator, id: string): Promise<QueueRow> {
    const row = await repo.item(id);
    if (!row || row.closed_at || !jurisdictions(moderator).includes(row.subject_region) || row.subject_id === moderator.id) throw notFound('Queue item');
    return row;
  }

  return {
    forModerator,

    /** A signed-in person reports something they can see. */
    async report(reporterId: string, input: { target: { type: ReportTargetType; id: string }; category: ReportCategory; note?: string | undefined }): Promise<Report> {
      const { type, id } = input.target;
      let subjectId: string;
      switch (type) {
        case 'video': {
          const video = await repo.videoSubject(id);
          if (!video || !(await deps.canSeeVideo(id, reporterId))) throw notFound('Video');
          subjectId = video.author_id;
          break;
        }
        case 'comment': {
          const comment = await repo.commentSubject(id);
          if (!comment || !(await deps.canSeeVideo(comment.video_id, reporterId))) throw notFound('Comment');
          subjectId = comment.author_id;
          break;
        }
        case 'account':
          if (!(await repo.accountExists(id))) throw notFound('Account');
          subjectId = id;
          break;
        case 'sound':
          // part of the contract already; there are no sounds yet, so no sound can be found
          throw notFound('Sound');
      }
      if (subjectId === reporterId) throw new DomainError('validation_failed', 'You cannot report yourself', [{ path: 'body.target', message: 'is yours' }]);
      const row = await repo.insertReport({
        reporterId,
        targetType: type,
        targetId: id,
        subjectId,
        category: input.category,
        severity: CATEGORY_SEVERITY[input.category],
        note: input.note ? input.note : null,
      });
      if (!row) throw new DomainError('conflict', 'You already reported this; a moderator will look at it');
      if (type === 'video') {
        // never removed without a human: only kept out of For You until a moderator decides
        const trusted = await repo.isTrustedFlagger(reporterId);
        if (trusted || (await repo.recentReporters(id, HOLD_WINDOW_SECONDS)) >= deps.holdThreshold) {
          if (await repo.hold(id)) await deps.onVideoChanged(id);
        }
      }
      return reportView(row);
    },

    async myReports(reporterId: string, cursor?: string) {
      const rows = await repo.reportsBy(reporterId, decodeCursor(cursor), REPORT_PAGE);
      return pageOf(rows, REPORT_PAGE, (r) => [r.created_at.toISOString(), r.id], reportView);
    },

    async queue(moderator: Moderator): Promise<QueueItem[]> {
      const rows = await repo.queue(moderator.id, jurisdictions(moderator), QUEUE_PAGE);
      return Promise.all(rows.map((r) => forModerator(moderator, r, () => queueView(r, moderator))));
    },

    async item(moderator: Moderator, id: string): Promise<QueueItem> {
      const row = await openItem(moderator, id);
      return forModerator(moderator, row, () => queueView(row, moderator));
    },

    /** Claims an item for CLAIM_SECONDS; another moderator's live claim, or one's own decision under appeal, refuses. */
    async claim(moderator: Moderator, id: string): Promise<QueueItem> {
      const row = await openItem(moderator, id);
      if (row.excluded_moderator_id === moderator.id) throw forbidden('An appeal goes to a different moderator than the one who decided');
      if (!(await repo.claim(id, moderator.id, CLAIM_SECONDS))) throw new DomainError('conflict', 'Another moderator is working on this item');
      return forModerator(moderator, row, async () => queueView((await repo.item(id))!, moderator));
    },

    async release(moderator: Moderator, id: string): Promise<void> {
      if (!(await repo.release(id, moderator.id))) throw new DomainError('conflict', 'You do not hold a claim on this item');
    },

    /** Decides a claimed item: records who, what, when and why, applies the effect, tells the person concerned. */
    async decide(moderator: Moderator, id: string, input: { action: DecisionAction; policy: PolicyReason; days?: number | undefined; note?: string | undefined }): Promise<{ decisionId: string }> {
      const row = await openItem(moderator, id);
      checkAction(row.kind, row.target_type, input.action);
      const needsDays = input.action === 'restrict' || input.action === 'suspend';
      if (needsDays && !input.days) throw new DomainError('validation_failed', 'Say for how many days', [{ path: 'body.days', message: 'required for restrict and suspend' }]);
      if ((input.action === 'dismiss') !== (input.policy === 'no_violation') && row.kind === 'report') {
        throw new DomainError('validation_failed', 'A dismissal cites no violation; any other decision cites the rule broken', [{ path: 'body.policy', message: 'does not fit the action' }]);
      }
      const appealed = row.appeal_of ? await repo.decision(row.appeal_of) : null;
      const effects = appealed ? (input.action === 'appeal_reversed' ? effectsOf(appealed, true) : []) : effectsOf({ ...row, action: input.action, days: input.days ?? null });
      const decision = await forModerator(moderator, row, () => repo.decide(
        {
          itemId: id,
          moderatorId: moderator.id,
          subjectId: row.subject_id,
          targetType: row.target_type,
          targetId: row.target_id,
          action: input.action,
          policy: input.policy,
          category: appealed ? appealed.category : gravest(row.categories),
          days: needsDays ? (input.days ?? null) : null,
          note: input.note ? input.note : null,
          appealOf: appealed?.id ?? null,
        },
        effects,
      ));
      if (!decision) throw new DomainError('conflict', 'Claim this item first (your claim may have expired)');
      if (row.target_type === 'video') await deps.onVideoChanged(row.target_id);
      if (row.target_type === 'video' && (input.action === 'remove' || input.action === 'label_adult')) await deps.onVideoNarrowed(row.target_id);
      if (input.action !== 'dismiss') await deps.notifyDecision(row.subject_id, decision.id);
      return { decisionId: decision.id };
    },

    /** The decisions about this person (what, under which rule, whether they may still appeal). */
    async decisionsAbout(accountId: string): Promise<Decision[]> {
      const rows = await repo.decisionsAbout(accountId, 100);
      return rows.map((r) => ({
        id: r.id,
        target: { type: r.target_type, id: r.target_id },
        action: r.action,
        policy: r.policy as PolicyReason,
        days: r.days,
        note: r.note,
        createdAt: r.created_at.toISOString(),
        caption: r.caption,
        appealable: APPEALABLE.includes(r.action) && !r.appeal_opened_at,
        appeal: r.appeal_opened_at
          ? {
              status: r.appeal_outcome === 'appeal_upheld' ? 'upheld' : r.appeal_outcome === 'appeal_reversed' ? 'reversed' : 'pending',
              createdAt: r.appeal_opened_at.toISOString(),
              decidedAt: r.appeal_decided_at?.toISOString() ?? null,
            }
          : null,
      }));
    },

    /** The person a decision concerns asks, once, for another moderator to look again. */
    async appeal(accountId: string, decisionId: string, note: string | undefined): Promise<Decision> {
      const decision: DecisionRow | null = await repo.decision(decisionId);
      if (!decision || decision.subject_id !== accountId || decision.appeal_of) throw notFound('Decision');
      if (!APPEALABLE.includes(decision.action)) throw new DomainError('validation_failed', 'This decision cannot be appealed');
      const opened = await repo.openAppeal({ decision, severity: CATEGORY_SEVERITY[decision.category], note: note ? note : null });
      if (!opened) throw new DomainError('conflict', 'This decision was already appealed');
      return (await this.decisionsAbout(accountId)).find((d) => d.id === decisionId)!;
    },

    /** Refuses a post (upload, comment) from an account a decision keeps from posting. */
    async assertMayPost(accountId: string): Promise<void> {
      const s = await repo.standing(accountId);
      if (s?.suspended_until) throw new DomainError('account_suspended', 'This account is suspended');
      if (s?.posting_restricted_until) {
        throw new DomainError('account_restricted', `A moderation decision keeps this account from posting until ${s.posting_restricted_until.toISOString().slice(0, 10)}`);
      }
    },

    setTrustedFlagger: (accountId: string, on: boolean) => repo.setTrustedFlagger(accountId, on),

    async enforcement(now: Date): Promise<EnforcementReport> {
      const { decisions, reports } = await repo.enforcement();
      return { generatedAt: now.toISOString(), rows: decisions, reports };
    },
  };
}
export type ModerationService = ReturnType<typeof createModerationService>;
