// Reports, decisions, appeals, the moderation queue and the enforcement report (decision 023).
import type { Decision, DecisionAction, EnforcementReport, PolicyReason, QueueItem, Report, ReportCategory, ReportPage, ReportTargetType } from '@cliptide/contract';
import { get, request, withCursor } from './http.ts';

export const sendReport = (target: { type: ReportTargetType; id: string }, category: ReportCategory, note?: string) =>
  request<{ report: Report }>('POST', '/reports', { body: { target, category, ...(note ? { note } : {}) } });
export const fetchMyReports = (cursor?: string | null, signal?: AbortSignal) => get<ReportPage>(withCursor('/me/reports', cursor), signal);
export const fetchMyDecisions = (signal?: AbortSignal) => get<{ items: Decision[] }>('/me/decisions', signal);
export const appealDecision = (decisionId: string, note?: string) =>
  request<{ decision: Decision }>('POST', '/appeals', { body: { decisionId, ...(note ? { note } : {}) } });

export const fetchQueue = (signal?: AbortSignal) => get<{ items: QueueItem[] }>('/moderation/queue', signal);
export const claimItem = (id: string) => request<{ item: QueueItem }>('POST', `/moderation/items/${encodeURIComponent(id)}/claim`, { body: {} });
export const releaseItem = (id: string) => request<void>('POST', `/moderation/items/${encodeURIComponent(id)}/release`, { body: {} });
export const decideItem = (id: string, decision: { action: DecisionAction; policy: PolicyReason; days?: number; note?: string }) =>
  request<{ decisionId: string }>('POST', `/moderation/items/${encodeURIComponent(id)}/decision`, { body: decision });

export const fetchEnforcement = (signal?: AbortSignal) => get<EnforcementReport>('/transparency/enforcement', signal);
