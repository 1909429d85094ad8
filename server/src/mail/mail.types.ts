// What a mail is, and the one interface every way of sending implements.

export interface MailContent {
  subject: string;
  text: string;
  html: string;
  /** Which template made it (shown in the outbox; never the recipient's data). */
  template: string;
}

export interface Mail extends MailContent {
  to: string;
}

export interface MailTransport {
  /** 'smtp': handed to a mail server; 'outbox': kept in the database for an admin to read. */
  readonly kind: 'smtp' | 'outbox';
  /** Delivers one mail; throws on a fault worth retrying. */
  deliver(mail: Mail): Promise<void>;
  close(): void;
}
