// Every mail Cliptide sends, in plain text and HTML. Everything put into the HTML is escaped.
import type { MailContent } from './mail.types.ts';

export const escapeHtml = (s: string): string =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

interface Part {
  /** A paragraph of text. */
  p?: string;
  /** A link shown as a button, with its label. */
  link?: { href: string; label: string };
}

function render(template: string, subject: string, greeting: string, parts: Part[]): MailContent {
  const text = [greeting, ...parts.map((part) => (part.link ? `${part.link.label}:\n${part.link.href}` : part.p!)), '— Cliptide'].join('\n\n') + '\n';
  const body = parts
    .map((part) =>
      part.link
        ? `<p><a href="${escapeHtml(part.link.href)}" style="display:inline-block;padding:10px 16px;background:#111;color:#fff;border-radius:6px;text-decoration:none">${escapeHtml(part.link.label)}</a></p>` +
          `<p style="font-size:13px;color:#555">Or paste this address into your browser:<br>${escapeHtml(part.link.href)}</p>`
        : `<p>${escapeHtml(part.p!)}</p>`,
    )
    .join('\n');
  const html = `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family:system-ui,sans-serif;line-height:1.5;color:#111;max-width:560px;margin:0 auto;padding:16px">
<p>${escapeHtml(greeting)}</p>
${body}
<p>— Cliptide</p>
</body></html>`;
  return { template, subject, text, html };
}

const hello = (username: string) => `Hi @${username},`;

export const mailTemplates = {
  verifyEmail: (username: string, link: string, hours: number) =>
    render('verify_email', 'Confirm your email address', hello(username), [
      { p: 'Please confirm that this is your email address, so that you can keep posting and can recover your account.' },
      { link: { href: link, label: 'Confirm my email address' } },
      { p: `The link works once, for ${hours} hours. If you did not sign up for Cliptide, ignore this mail.` },
    ]),
  changeEmailConfirm: (username: string, link: string, hours: number) =>
    render('change_email_confirm', 'Confirm your new email address', hello(username), [
      { p: 'You asked to use this address for your Cliptide account. Confirm it with this link:' },
      { link: { href: link, label: 'Use this address' } },
      { p: `The link works once, for ${hours} hours. If you did not ask for this, ignore this mail.` },
    ]),
  changeEmailNotice: (username: string, newAddress: string) =>
    render('change_email_notice', 'Your email address is being changed', hello(username), [
      { p: `Someone signed in to your account asked to change its email address to ${newAddress}. It changes once that address is confirmed.` },
      { p: 'If this was not you, change your password now and sign out the other sessions in Settings → Security.' },
    ]),
  passwordReset: (username: string, link: string, minutes: number) =>
    render('password_reset', 'Reset your password', hello(username), [
      { p: 'Someone (hopefully you) asked to reset the password of your Cliptide account.' },
      { link: { href: link, label: 'Choose a new password' } },
      { p: `The link works once, for ${minutes} minutes. If you did not ask for this, ignore this mail: your password stays as it is.` },
    ]),
  passwordChanged: (username: string) =>
    render('password_changed', 'Your password was changed', hello(username), [
      { p: 'The password of your Cliptide account was just changed, and every other session was signed out.' },
      { p: 'If this was not you, reset your password from the log-in page at once.' },
    ]),
  twoFactorChanged: (username: string, on: boolean) =>
    render('two_factor_changed', on ? 'Two-factor sign-in is on' : 'Two-factor sign-in was turned off', hello(username), [
      { p: on ? 'Signing in to your account now also needs a code from your authenticator app (or a recovery code).' : 'Signing in to your account no longer needs a code.' },
      { p: 'If this was not you, reset your password and check Settings → Security.' },
    ]),
};
