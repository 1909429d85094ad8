// Request rate limits, counted in this process per key (a client address or an account) in fixed
// one-minute windows. Keys are what an attacker cannot forge: the socket's address, or the address
// a configured trusted proxy reports (TRUST_PROXY), and the signed-in account.
export interface RateLimit {
  /** Requests per minute from one client address (signed in or not). */
  perAddress: number;
  /** Requests per minute from one signed-in account, whatever its address. */
  perAccount?: number;
}

export interface RateLimiter {
  /** Counts one request against each key; the wait in ms when one of them is over its limit, else 0. */
  take(keys: { key: string; max: number }[]): number;
}

const WINDOW_MS = 60_000;
/** Past this many live keys, expired windows are swept on the next request. */
const SWEEP_AT = 50_000;

export function createRateLimiter(now: () => number = Date.now): RateLimiter {
  const windows = new Map<string, { count: number; resetAt: number }>();
  function sweep(t: number) {
    for (const [key, w] of windows) if (w.resetAt <= t) windows.delete(key);
  }
  return {
    take(keys) {
      const t = now();
      if (windows.size > SWEEP_AT) sweep(t);
      let waitMs = 0;
      for (const { key, max } of keys) {
        let w = windows.get(key);
        if (!w || w.resetAt <= t) {
          w = { count: 0, resetAt: t + WINDOW_MS };
          windows.set(key, w);
        }
        w.count += 1;
        if (w.count > max) waitMs = Math.max(waitMs, w.resetAt - t);
      }
      return waitMs;
    },
  };
}
