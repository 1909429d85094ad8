// Mail: queue a mail (a row, then a send_mail job), deliver it through the configured transport
// (SMTP or the outbox), and list the outbox. No HTTP here.
import type { OutboxMail } from '@cliptide/contract';
import type { MailRepository } from './mail.repository.ts';
import type { Mail, MailTransport } from './mail.types.ts';

export interface MailDeps {
  repo: MailRepository;
  transport: MailTransport;
  enqueueSend: (mailId: string) => Promise<void>;
}

const PAGE = 50;

export function createMailService(deps: MailDeps) {
  return {
    transportKind: deps.transport.kind,

    /** Queues a mail; the send_mail job delivers it (so a slow mail server never holds a request). */
    async send(mail: Mail): Promise<void> {
      const id = await deps.repo.insert(mail, deps.transport.kind);
      await deps.enqueueSend(id);
    },

    /** The job's work: deliver once; throwing makes the queue retry with backoff. */
    async deliver(mailId: string): Promise<'sent' | 'gone'> {
      const row = await deps.repo.find(mailId);
      if (!row || row.status !== 'queued') return 'gone';
      await deps.transport.deliver({ to: row.to_address, subject: row.subject, text: row.text_body, html: row.html_body, template: row.template });
      await deps.repo.markSent(mailId);
      return 'sent';
    },

    gaveUp: (mailId: string, error: string) => deps.repo.markFailed(mailId, error),

    async outbox(cursor: string | undefined, to: string | undefined): Promise<{ items: OutboxMail[]; nextCursor: string | null }> {
      const before = cursor && /^\d+$/.test(cursor) ? cursor : null;
      const rows = await deps.repo.outbox({ before, to: to ?? null, limit: PAGE + 1 });
      const items = rows.slice(0, PAGE).map((r) => ({
        id: r.id,
        to: r.to_address,
        subject: r.subject,
        text: r.text_body,
        html: r.html_body,
        template: r.template,
        createdAt: r.created_at.toISOString(),
      }));
      return { items, nextCursor: rows.length > PAGE ? items[items.length - 1]!.id : null };
    },

    close: () => deps.transport.close(),
  };
}
export type MailService = ReturnType<typeof createMailService>;
