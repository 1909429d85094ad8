// What a failed form submission says, and where — the one helper every form uses.
// The server names a field problem by where it is in the request (`body.email`,
// `body.keywordFilters.3`); a form shows it next to its field (`email`, `keywordFilters`),
// and says anything it cannot place once, above the submit button.
import type { ErrorCode } from '@cliptide/contract';
import { friendlyMessage } from './error-messages.ts';
import { ApiError } from './problem.ts';

export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  general: string | null;
}

export const noFormErrors = { fields: {}, general: null } as const satisfies FormErrors<never>;

/** The request field an issue path names: `body.keywordFilters.3` → `keywordFilters`. */
export function fieldOf(path: string): string {
  const [where, field] = path.split('.');
  return where === 'body' && field ? field : '';
}

/**
 * Sorts a failed submission's problems onto the form's fields.
 * `byCode` places whole-request problems on a field (`username_taken` → `username`).
 */
export function formErrors<F extends string>(error: unknown, fields: readonly F[], byCode: Partial<Record<ErrorCode, F>> = {}): FormErrors<F> {
  const placed: Partial<Record<F, string>> = {};
  let unplaced = !(error instanceof ApiError) || error.issues.length === 0;
  if (error instanceof ApiError) {
    for (const issue of error.issues) {
      const field = fieldOf(issue.path) as F;
      if (fields.includes(field)) placed[field] ??= issue.message;
      else unplaced = true;
    }
    const target = byCode[error.code as ErrorCode];
    if (target) {
      placed[target] ??= friendlyMessage(error);
      unplaced = false;
    }
  }
  return { fields: placed, general: unplaced ? friendlyMessage(error) : null };
}
