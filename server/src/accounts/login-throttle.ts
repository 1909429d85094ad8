// Log-in throttling per target account: after a few wrong passwords each further attempt waits twice
// as long as the last, up to a cap. Attempts during the wait are refused without being counted, so an
// attacker cannot push the wait past the cap: the owner is delayed at most MAX_WAIT_MS, never locked out.
// Counted in this process (like the per-address limits); a success clears the account's record.

/** Wrong passwords in a row before the first wait. */
export const FREE_FAILURES = 5;
const FIRST_WAIT_MS = 1_000;
export const MAX_WAIT_MS = 60_000;
/** A record idle this long is forgotten. */
const FORGET_AFTER_MS = 24 * 3600_000;
const SWEEP_AT = 50_000;

export interface LoginThrottle {
  /** Milliseconds until this account may be tried again; 0 when it may be now. */
  waitMs(account: string): number;
  failed(account: string): void;
  succeeded(account: string): void;
}

export function createLoginThrottle(now: () => number): LoginThrottle {
  const records = new Map<string, { failures: number; lastAt: number; nextAt: number }>();
  const live = (account: string) => {
    const r = records.get(account);
    if (r && now() - r.lastAt > FORGET_AFTER_MS) {
      records.delete(account);
      return undefined;
    }
    return r;
  };
  return {
    waitMs: (account) => Math.max(0, (live(account)?.nextAt ?? 0) - now()),
    failed(account) {
      const t = now();
      if (records.size > SWEEP_AT) for (const [k, r] of records) if (t - r.lastAt > FORGET_AFTER_MS) records.delete(k);
      const failures = (live(account)?.failures ?? 0) + 1;
      const over = failures - FREE_FAILURES + 1;
      const wait = over > 0 ? Math.min(MAX_WAIT_MS, FIRST_WAIT_MS * 2 ** (over - 1)) : 0;
      records.set(account, { failures, lastAt: t, nextAt: t + wait });
    },
    succeeded: (account) => void records.delete(account),
  };
}
