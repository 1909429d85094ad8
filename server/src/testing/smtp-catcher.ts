// A real SMTP server for tests (smtp-server), keeping every mail it receives, parsed (mailparser).
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';

export interface CaughtMail {
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
}

export interface SmtpCatcher {
  url: string;
  mails: CaughtMail[];
  /** Waits for a mail to this address matching `subject` (and returns it). */
  next(to: string, subject?: RegExp, timeoutMs?: number): Promise<CaughtMail>;
  /** Refuse the next `n` mails to this address with a temporary error (to test retries). */
  refuseNext(to: string, n: number): void;
  close(): Promise<void>;
}

export async function startSmtpCatcher(): Promise<SmtpCatcher> {
  const mails: CaughtMail[] = [];
  const taken = new Set<CaughtMail>();
  const refuse = new Map<string, number>();
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase()).find((a) => (refuse.get(a) ?? 0) > 0);
      if (to) {
        refuse.set(to, refuse.get(to)! - 1);
        stream.resume();
        stream.on('end', () => callback(Object.assign(new Error('try again later'), { responseCode: 451 })));
        return;
      }
      simpleParser(stream)
        .then((parsed) => {
          mails.push({
            from: parsed.from?.text ?? '',
            to: session.envelope.rcptTo.map((r) => r.address.toLowerCase()),
            subject: parsed.subject ?? '',
            text: parsed.text ?? '',
            html: typeof parsed.html === 'string' ? parsed.html : '',
          });
          callback();
        })
        .catch((error: Error) => callback(error));
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as { port: number }).port;
  return {
    url: `smtp://127.0.0.1:${port}`,
    mails,
    async next(to, subject, timeoutMs = 30_000) {
      const started = Date.now();
      for (;;) {
        const found = mails.find((m) => !taken.has(m) && m.to.includes(to.toLowerCase()) && (!subject || subject.test(m.subject)));
        if (found) {
          taken.add(found);
          return found;
        }
        if (Date.now() - started > timeoutMs) throw new Error(`no mail to ${to}${subject ? ` matching ${subject}` : ''}; got: ${mails.map((m) => `${m.to.join(',')}: ${m.subject}`).join(' | ')}`);
        await new Promise((r) => setTimeout(r, 25));
      }
    },
    refuseNext(to, n) {
      refuse.set(to.toLowerCase(), n);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The token of the first link in a mail's text to this path. */
export function tokenFromMail(mail: { text: string }, path: string): string {
  const match = new RegExp(`https?://[^\\s]+${path}\\?token=([^\\s]+)`).exec(mail.text);
  if (!match) throw new Error(`no ${path} link in:\n${mail.text}`);
  return decodeURIComponent(match[1]!);
}
