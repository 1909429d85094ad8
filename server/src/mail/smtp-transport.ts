// Sending through an SMTP server (SMTP_URL, e.g. smtps://user:pass@mail.example.org:465) with nodemailer.
import nodemailer from 'nodemailer';
import type { Mail, MailTransport } from './mail.types.ts';

export function createSmtpTransport(url: string, from: string): MailTransport {
  const transport = nodemailer.createTransport(url);
  return {
    kind: 'smtp',
    async deliver(mail: Mail) {
      await transport.sendMail({ from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    },
    close: () => transport.close(),
  };
}

/** No SMTP configured: the mail row itself is the delivery; an admin reads it at /operator/outbox. */
export function createOutboxTransport(): MailTransport {
  return { kind: 'outbox', deliver: async () => {}, close: () => {} };
}
