// SQL for mails: queued rows, their delivery, and the outbox admins read.
import { maybeOne, one, type Queryable } from '../db/database.ts';
import type { Mail } from './mail.types.ts';

export interface MailRow {
  id: string;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string;
  template: string;
  transport: 'smtp' | 'outbox';
  status: 'queued' | 'sent' | 'failed';
  created_at: Date;
}

export function createMailRepository(db: Queryable) {
  return {
    async insert(mail: Mail, transport: 'smtp' | 'outbox'): Promise<string> {
      const row = await one<{ id: string }>(
        db,
        `insert into mails (to_address, subject, text_body, html_body, template, transport) values ($1, $2, $3, $4, $5, $6) returning id::text as id`,
        [mail.to, mail.subject, mail.text, mail.html, mail.template, transport],
      );
      return row.id;
    },
    find: (id: string) => maybeOne<MailRow>(db, `select id::text as id, to_address, subject, text_body, html_body, template, transport, status, created_at from mails where id = $1::bigint`, [id]),
    /** Sent: through SMTP the bodies (which may hold a link) are erased; the outbox keeps them. */
    async markSent(id: string): Promise<void> {
      await db.query(
        `update mails set status = 'sent', sent_at = now(), error = null,
           text_body = case when transport = 'smtp' then '' else text_body end,
           html_body = case when transport = 'smtp' then '' else html_body end
         where id = $1::bigint`,
        [id],
      );
    },
    async markFailed(id: string, error: string): Promise<void> {
      await db.query(`update mails set status = 'failed', error = $2, text_body = '', html_body = '' where id = $1::bigint`, [id, error.slice(0, 2000)]);
    },
    /** The outbox, newest first; `before`: an id to continue below; `to`: one recipient only. */
    outbox: (opts: { before: string | null; to: string | null; limit: number }) =>
      db.query<MailRow>(
        `select id::text as id, to_address, subject, text_body, html_body, template, transport, status, created_at from mails
         where transport = 'outbox' and status = 'sent' and ($1::bigint is null or id < $1::bigint) and ($2::text is null or lower(to_address) = lower($2))
         order by id desc limit $3`,
        [opts.before, opts.to, opts.limit],
      ),
  };
}
export type MailRepository = ReturnType<typeof createMailRepository>;
