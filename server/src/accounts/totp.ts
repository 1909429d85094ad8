// TOTP (RFC 6238): 6 digits, 30-second steps, HMAC-SHA1 (what every authenticator app reads), through
// the otpauth library. A code is accepted one step early or late (clock drift); the step it matched is
// returned so that the caller can refuse a code used before (replay).
import { Secret, TOTP } from 'otpauth';
import QRCode from 'qrcode';
import { TOTP_DIGITS, TOTP_PERIOD_SECONDS } from '@cliptide/contract';

const ISSUER = 'Cliptide';

const totpOf = (secret: string, label: string) =>
  new TOTP({ issuer: ISSUER, label, secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: TOTP_DIGITS, period: TOTP_PERIOD_SECONDS });

/** A new random secret (160 bits, base32). */
export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

export function otpauthUrl(secret: string, username: string): string {
  return totpOf(secret, username).toString();
}

/** The QR code of an otpauth:// URI, drawn here (no outside service) as an SVG data: URL. */
export async function qrCodeDataUrl(text: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
}

/** The time step a valid code belongs to, or null when it is not valid now (±1 step). */
export function matchTotp(secret: string, code: string, nowMs: number): number | null {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  const delta = totpOf(secret, 'x').validate({ token, timestamp: nowMs, window: 1 });
  if (delta === null) return null;
  return Math.floor(nowMs / 1000 / TOTP_PERIOD_SECONDS) + delta;
}
