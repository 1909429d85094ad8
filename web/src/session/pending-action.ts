// An action a logged-out visitor tried (like, save, follow, comment) is remembered while they log
// in or sign up, and completed afterwards on the same video — once, and only for a few minutes.
export type PendingAction =
  | { kind: 'like' | 'save' | 'comment'; videoId: string }
  | { kind: 'follow'; username: string };

const KEY = 'cliptide:pending-action';
const FRESH_MS = 15 * 60_000;

export function rememberAction(action: PendingAction) {
  try {
    window.sessionStorage.setItem(KEY, JSON.stringify({ action, at: Date.now() }));
  } catch {
    // storage unavailable: the visitor repeats the action after logging in
  }
}

export function forgetAction() {
  try {
    window.sessionStorage.removeItem(KEY);
  } catch {
    // nothing kept
  }
}

function read(): PendingAction | null {
  try {
    const kept = JSON.parse(window.sessionStorage.getItem(KEY) ?? 'null') as { action: PendingAction; at: number } | null;
    return kept && Date.now() - kept.at < FRESH_MS ? kept.action : null;
  } catch {
    return null;
  }
}

/** Removes and returns the pending action when it is the one asked about. */
export function takeAction(matches: (action: PendingAction) => boolean): PendingAction | null {
  const action = read();
  if (!action || !matches(action)) return null;
  forgetAction();
  return action;
}

export const hasPendingAction = () => read() !== null;
