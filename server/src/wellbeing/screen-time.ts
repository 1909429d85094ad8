// Screen time as arithmetic: the local day, and how much of a view event's claimed watch time is
// credited. No I/O here (the service and repository do that); the unit tests pin every rule.
//
// The ledger: each account has a clock, `creditedUntil`. An event claiming `watchedMs` is credited
// at most the time between that clock and now (never more than MAX_CREDIT_MS back, so a long idle
// gap is not a reserve to spend), and the clock moves forward by what was credited. So, over any
// span of time, what is credited never exceeds that span plus MAX_CREDIT_MS — a forged event claiming
// ten hours counts at most ten minutes, and two tabs playing at once count as one screen, not two.
// Views the web batches (several sent together) are credited in full as long as they fit the time
// that passed.

/** The most one event (or a burst of them) can be credited beyond the time that passed. */
export const MAX_CREDIT_MS = 10 * 60_000;

export interface Credit {
  creditMs: number;
  creditedUntil: Date;
}

/** How much of `claimMs` to count now, given the account's ledger clock (null: never credited). */
export function creditWatch(claimMs: number, now: Date, creditedUntil: Date | null): Credit {
  const t = now.getTime();
  const floor = t - MAX_CREDIT_MS;
  const from = creditedUntil ? Math.max(creditedUntil.getTime(), floor) : floor;
  const creditMs = Math.max(0, Math.min(Math.floor(claimMs), t - from));
  return { creditMs, creditedUntil: new Date(from + creditMs) };
}

/** The canonical IANA name of a time zone, or null when it is not one. */
export function canonicalTimeZone(name: string): string | null {
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]{0,63}$/.test(name)) return null;
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

/** The date (YYYY-MM-DD) it is at `now` in `timeZone`. */
export function localDate(now: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The `count` dates ending with `last` (YYYY-MM-DD), oldest first. */
export function datesEnding(last: string, count: number): string[] {
  const end = Date.parse(`${last}T00:00:00Z`);
  return Array.from({ length: count }, (_, i) => new Date(end - (count - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

/** Whole minutes of watch time (rounded down: a limit is reached when the full minutes are used). */
export const wholeMinutes = (ms: number, minuteMs: number): number => Math.floor(ms / minuteMs);
