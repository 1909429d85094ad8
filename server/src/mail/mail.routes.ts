// The outbox: mails kept in the database when no SMTP server is configured (admins only).
import { outboxQuery, outboxResponse } from '@cliptide/contract';
import type { Router } from '../http/route.ts';
import type { MailService } from './mail.service.ts';

export function mailRoutes(route: Router, mail: MailService) {
  route({
    method: 'GET',
    url: '/api/v1/operator/outbox',
    summary: 'Mails kept in the outbox (no SMTP_URL configured), newest first',
    tag: 'operators',
    auth: 'required',
    operator: ['admin'],
    query: outboxQuery,
    response: outboxResponse,
    handler: async ({ query }) => mail.outbox(query.cursor, query.to),
  });
}
