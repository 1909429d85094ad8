// Trust and safety: reports, the moderation queue, decisions, appeals and the public enforcement
// report (decision 023).
import { z } from 'zod';
import { userSummary } from './accounts.ts';
import { page, timestamp } from './common.ts';
import { video } from './videos.ts';
import { MAX_REPORT_NOTE_LENGTH } from './limits.ts';

export const REPORT_TARGET_TYPES = ['video', 'comment', 'account', 'sound'] as const;
export const reportTargetType = z.enum(REPORT_TARGET_TYPES).meta({ id: 'ReportTargetType' });

/** The community guidelines' sections: what a report says is wrong, and the policy a decision cites. */
export const REPORT_CATEGORIES = [
  'minor_safety',
  'child_sexual_exploitation',
  'harassment',
  'hate',
  'violence',
  'self_harm',
  'nudity',
  'spam',
  'impersonation',
  'intellectual_property',
  'other',
] as const;
export const reportCategory = z.enum(REPORT_CATEGORIES).meta({ id: 'ReportCategory' });

/** Lower is graver: the queue shows the gravest first. */
export const CATEGORY_SEVERITY: Record<(typeof REPORT_CATEGORIES)[number], number> = {
  minor_safety: 0,
  child_sexual_exploitation: 0,
  self_harm: 1,
  violence: 1,
  harassment: 2,
  hate: 2,
  nudity: 2,
  spam: 2,
  impersonation: 2,
  intellectual_property: 2,
  other: 3,
};

/** A decision cites one of the guidelines' sections, or says nothing was wrong. */
export const POLICY_REASONS = [...REPORT_CATEGORIES.filter((c) => c !== 'other'), 'no_violation'] as const;
export const policyReason = z.enum(POLICY_REASONS).meta({ id: 'PolicyReason' });

export const DECISION_ACTIONS = ['dismiss', 'label_adult', 'remove', 'restrict', 'suspend', 'ban', 'appeal_upheld', 'appeal_reversed'] as const;
export const decisionAction = z.enum(DECISION_ACTIONS).meta({ id: 'DecisionAction' });

export const reportTarget = z.object({ type: reportTargetType, id: z.uuid('an id') }).meta({ id: 'ReportTarget' });
export const reportBody = z.object({
  target: reportTarget,
  category: reportCategory,
  note: z.string().trim().max(MAX_REPORT_NOTE_LENGTH).optional(),
});

export const report = z
  .object({
    id: z.uuid(),
    target: reportTarget,
    category: reportCategory,
    note: z.string().nullable(),
    createdAt: timestamp,
    status: z.enum(['open', 'resolved']),
    outcome: decisionAction.nullable().meta({ description: 'what was decided, once resolved' }),
    resolvedAt: timestamp.nullable(),
  })
  .meta({ id: 'Report' });
export const reportResponse = z.object({ report });
export const reportPage = page(report).meta({ id: 'ReportPage' });

/** A decision as the person it concerns sees it (no moderator identity). */
export const decision = z
  .object({
    id: z.uuid(),
    target: reportTarget,
    action: decisionAction,
    policy: policyReason,
    days: z.number().int().nullable(),
    note: z.string().nullable(),
    createdAt: timestamp,
    caption: z.string().nullable().meta({ description: "the video's caption or the comment's text, when it still exists" }),
    appealable: z.boolean(),
    appeal: z
      .object({ status: z.enum(['pending', 'upheld', 'reversed']), createdAt: timestamp, decidedAt: timestamp.nullable() })
      .nullable(),
  })
  .meta({ id: 'ModerationDecision' });
export const decisionList = z.object({ items: z.array(decision) });
export const decisionParams = z.object({ id: z.uuid('a decision id') });
export const appealBody = z.object({ decisionId: z.uuid('a decision id'), note: z.string().trim().max(MAX_REPORT_NOTE_LENGTH).optional() });
export const appealResponse = z.object({ decision });

/** An entry of the queue: one target, however many reports, or one appeal. */
export const queueItem = z
  .object({
    id: z.uuid(),
    kind: z.enum(['report', 'appeal']),
    target: reportTarget,
    severity: z.number().int(),
    category: reportCategory.meta({ description: 'the gravest category reported' }),
    categories: z.array(reportCategory),
    reportCount: z.number().int(),
    reach: z.number().int().meta({ description: "the target's views in the last day" }),
    notes: z.array(z.string()).meta({ description: "reporters' notes, without who wrote them" }),
    openedAt: timestamp,
    held: z.boolean().meta({ description: 'hidden from For You pending review' }),
    claim: z.object({ mine: z.boolean(), expiresAt: timestamp }).nullable(),
    subject: userSummary,
    video: video.nullable(),
    comment: z.object({ id: z.uuid(), body: z.string(), videoId: z.uuid() }).nullable(),
    history: z.array(
      z.object({ action: decisionAction, policy: policyReason, targetType: reportTargetType, createdAt: timestamp }).meta({ id: 'SubjectDecision' }),
    ),
    appeal: z
      .object({ decision: z.object({ action: decisionAction, policy: policyReason, days: z.number().int().nullable(), createdAt: timestamp }), note: z.string().nullable() })
      .nullable(),
  })
  .meta({ id: 'QueueItem' });
export const queueResponse = z.object({ items: z.array(queueItem) });
export const queueItemParams = z.object({ id: z.uuid('a queue item id') });
export const queueItemResponse = z.object({ item: queueItem });
export const decideBody = z
  .object({
    action: decisionAction,
    policy: policyReason,
    days: z.number().int().min(1).max(3650).optional().meta({ description: 'for restrict and suspend' }),
    note: z.string().trim().max(MAX_REPORT_NOTE_LENGTH).optional(),
  })
  .meta({ id: 'DecideBody' });
export const decideResponse = z.object({ decisionId: z.uuid() });

export const enforcementRow = z
  .object({ month: z.string().regex(/^\d{4}-\d{2}$/), category: reportCategory, action: decisionAction, count: z.number().int() })
  .meta({ id: 'EnforcementRow' });
export const enforcementReport = z
  .object({
    generatedAt: timestamp,
    rows: z.array(enforcementRow),
    reports: z.array(z.object({ month: z.string(), category: reportCategory, count: z.number().int() })),
  })
  .meta({ id: 'EnforcementReport' });

export type ReportTargetType = z.output<typeof reportTargetType>;
export type ReportCategory = z.output<typeof reportCategory>;
export type PolicyReason = z.output<typeof policyReason>;
export type DecisionAction = z.output<typeof decisionAction>;
export type Report = z.output<typeof report>;
export type ReportPage = z.output<typeof reportPage>;
export type Decision = z.output<typeof decision>;
export type QueueItem = z.output<typeof queueItem>;
export type EnforcementReport = z.output<typeof enforcementReport>;
