// HTTP for reports, the moderation queue (moderators only), decisions, appeals and the public
// enforcement report (decision 023).
import {
  appealBody,
  appealResponse,
  cursorQuery,
  decideBody,
  decideResponse,
  decisionList,
  enforcementReport,
  queueItemParams,
  queueItemResponse,
  queueResponse,
  reportBody,
  reportPage,
  reportResponse,
} from '@cliptide/contract';
import type { Router } from '../http/route.ts';
import type { ModerationService } from './moderation.service.ts';

export function moderationRoutes(route: Router, moderation: ModerationService, limits: { writePerMinute: number; reportsPerMinute: number }, now: () => Date) {
  const rateLimit = { perAccount: limits.writePerMinute, perAddress: limits.writePerMinute * 4 };

  route({
    method: 'POST',
    url: '/api/v1/reports',
    summary: 'Report a video, comment, account or sound (one open report per target)',
    tag: 'moderation',
    auth: 'required',
    body: reportBody,
    status: 201,
    response: reportResponse,
    errors: ['not_found', 'conflict'],
    rateLimit: { perAccount: limits.reportsPerMinute, perAddress: limits.reportsPerMinute * 4 },
    handler: async ({ viewer, body }) => ({ report: await moderation.report(viewer.id, body) }),
  });

  route({
    method: 'GET',
    url: '/api/v1/me/reports',
    summary: 'What you reported, newest first, with what was decided',
    tag: 'moderation',
    auth: 'required',
    query: cursorQuery,
    response: reportPage,
    handler: ({ viewer, query }) => moderation.myReports(viewer.id, query.cursor),
  });

  route({
    method: 'GET',
    url: '/api/v1/me/decisions',
    summary: 'Moderation decisions about your videos, comments and account, with their appeals',
    tag: 'moderation',
    auth: 'required',
    response: decisionList,
    handler: async ({ viewer }) => ({ items: await moderation.decisionsAbout(viewer.id) }),
  });

  route({
    method: 'POST',
    url: '/api/v1/appeals',
    summary: 'Appeal a decision (once): a different moderator looks again, and that outcome is final',
    tag: 'moderation',
    auth: 'required',
    body: appealBody,
    status: 201,
    response: appealResponse,
    errors: ['not_found', 'conflict'],
    rateLimit,
    handler: async ({ viewer, body }) => ({ decision: await moderation.appeal(viewer.id, body.decisionId, body.note) }),
  });

  route({
    method: 'GET',
    url: '/api/v1/moderation/queue',
    summary: 'Open items in your jurisdictions: gravest first, then most reported, then widest reach',
    tag: 'moderation',
    auth: 'required',
    operator: ['moderator'],
    response: queueResponse,
    handler: async ({ viewer }) => ({ items: await moderation.queue(viewer) }),
  });

  route({
    method: 'GET',
    url: '/api/v1/moderation/items/:id',
    summary: 'One open queue item',
    tag: 'moderation',
    auth: 'required',
    operator: ['moderator'],
    params: queueItemParams,
    response: queueItemResponse,
    errors: ['not_found'],
    handler: async ({ viewer, params }) => ({ item: await moderation.item(viewer, params.id) }),
  });

  route({
    method: 'POST',
    url: '/api/v1/moderation/items/:id/claim',
    summary: 'Claim an item for 15 minutes so that no other moderator works on it (renewing your own claim)',
    tag: 'moderation',
    auth: 'required',
    operator: ['moderator'],
    params: queueItemParams,
    response: queueItemResponse,
    errors: ['not_found', 'conflict'],
    rateLimit,
    handler: async ({ viewer, params }) => ({ item: await moderation.claim(viewer, params.id) }),
  });

  route({
    method: 'POST',
    url: '/api/v1/moderation/items/:id/release',
    summary: 'Give back your claim on an item',
    tag: 'moderation',
    auth: 'required',
    operator: ['moderator'],
    params: queueItemParams,
    status: 204,
    response: null,
    errors: ['not_found', 'conflict'],
    rateLimit,
    handler: ({ viewer, params }) => moderation.release(viewer, params.id),
  });

  route({
    method: 'POST',
    url: '/api/v1/moderation/items/:id/decision',
    summary: 'Decide a claimed item, citing a policy; recorded for good and told to the person concerned',
    tag: 'moderation',
    auth: 'required',
    operator: ['moderator'],
    params: queueItemParams,
    body: decideBody,
    status: 201,
    response: decideResponse,
    errors: ['not_found', 'conflict'],
    rateLimit,
    handler: ({ viewer, params, body }) => moderation.decide(viewer, params.id, body),
  });

  route({
    method: 'GET',
    url: '/api/v1/transparency/enforcement',
    summary: 'The public enforcement report: reports and decisions per month and category (no personal data)',
    tag: 'moderation',
    auth: 'none',
    response: enforcementReport,
    handler: () => moderation.enforcement(now()),
  });
}
