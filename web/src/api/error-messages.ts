// Every API error code mapped to words a person understands — the one place that does it.
import type { ErrorCode } from '@cliptide/contract';
import { ApiError } from './problem.ts';

// Typed by the contract's codes: a code the server adds without words here does not compile.
const messages: Record<ErrorCode | 'network', string> = {
  validation_failed: 'Some of that doesn’t look right. Please check and try again.',
  unauthenticated: 'Please log in to do that.',
  forbidden: 'You’re not allowed to do that.',
  not_found: 'We couldn’t find that. It may have been removed.',
  conflict: 'That changed in the meantime. Please try again.',
  username_taken: 'That username is taken. Try another one.',
  email_taken: 'An account with that email already exists. Try logging in.',
  too_young: 'You need to be at least 13 to use Cliptide.',
  invalid_credentials: 'That username or password is wrong.',
  rate_limited: 'You’re going a bit fast. Wait a minute and try again.',
  payload_too_large: 'That file is too large.',
  unsupported_media_type: 'The app sent a kind of request this server does not take; reload the page.',
  upload_incomplete: 'The upload didn’t finish. Pick the file again to resume.',
  media_rejected: 'We couldn’t use that file as a video.',
  comments_disabled: 'Comments are turned off for this video.',
  age_restricted: 'That isn’t available at your age.',
  cross_border_denied: 'The access policy does not let your jurisdiction read data held in that region.',
  purpose_denied: 'The access policy does not allow that purpose (or that data) for your role.',
  email_unverified: 'Confirm your email address first: open the link we sent you (you can send it again from Settings → Security).',
  wrong_password: 'That password is wrong.',
  invalid_code: 'That code is wrong or was already used. Enter the current code from your app, or a recovery code.',
  invalid_token: 'That link is invalid, expired or already used. Ask for a new one.',
  screen_time_limit: 'You’ve reached your daily limit. Enter your passcode to keep watching.',
  passcode_required: 'That needs your passcode. Set one first if you haven’t.',
  wrong_passcode: 'That passcode isn’t right.',
  account_restricted: 'Your account can’t post right now because of a moderation decision.',
  account_suspended: 'This account is suspended.',
  blocked: 'You blocked this account. Unblock it first (Settings → Blocked and muted).',
  internal: 'Something went wrong on our side. Please try again.',
  network: 'You seem to be offline. Check your connection and try again.',
};

/** A friendly sentence for any error thrown by the API client (or anything else). */
export function friendlyMessage(error: unknown): string {
  if (error instanceof ApiError) return messages[error.code as ErrorCode] ?? messages.internal;
  if (error instanceof TypeError) return messages.network;
  return messages.internal;
}
