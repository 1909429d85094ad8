// What a new password must be: long enough, and not one of the 10,000 most common passwords (the
// frequency-ordered list that @zxcvbn-ts/language-common ships), nor the account's own name or e-mail.
// Existing accounts keep working: the rule is checked when a password is chosen, not at log-in.
import { createRequire } from 'node:module';
import { MIN_PASSWORD_LENGTH } from '@cliptide/contract';

const COMMON_COUNT = 10_000;
let common: Set<string> | null = null;

function commonPasswords(): Set<string> {
  if (!common) {
    const list = createRequire(import.meta.url)('@zxcvbn-ts/language-common/src/passwords.json') as string[];
    common = new Set(list.slice(0, COMMON_COUNT));
  }
  return common;
}

/** Why this password may not be chosen, or null when it may. */
export function passwordProblem(password: string, account: { username: string; email: string }): string | null {
  if ([...password].length < MIN_PASSWORD_LENGTH) return `at least ${MIN_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  if (commonPasswords().has(lower)) return 'is one of the most common passwords; choose another';
  if (lower === account.username.toLowerCase() || lower === account.email.toLowerCase()) return 'must not be your username or e-mail';
  return null;
}
