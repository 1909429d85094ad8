/**
 * The engine's event time and the schedule of its periodic passes (expiry, index refresh):
 * advanced only by events, so a replay of the log runs the passes at the same points.
 */

/** The clock as a snapshot stores it (JSON has no infinities: "never yet" is a very small finite number). */
export interface ClockSnapshot {
  now: number;
  nextExpireAt: number;
  nextIndexAt: number;
  eventsSinceIndex: number;
  events: number;
}

const finite = (x: number): number => (x === -Infinity ? -1e300 : x);

export class EventClock {
  private time: ClockSnapshot = { now: -Infinity, nextExpireAt: -Infinity, nextIndexAt: -Infinity, eventsSinceIndex: 0, events: 0 };

  /** the latest event time (-Infinity, or -1e300 after a restore, before any) */
  get now(): number {
    return this.time.now;
  }

  /** when the next index refresh is due (event time) */
  get nextIndexAt(): number {
    return this.time.nextIndexAt;
  }

  /** events applied so far */
  get events(): number {
    return this.time.events;
  }

  /** Time of the latest event applied (0 before any). */
  lastEventAt(): number {
    const now = this.time.now;
    return Number.isFinite(now) && now > -1e300 ? now : 0;
  }

  /** Counts one event at `at` (the clock never goes back). */
  tick(at: number): void {
    const c = this.time;
    if (at > c.now) c.now = at;
    c.events++;
    c.eventsSinceIndex++;
  }

  /** True when expiry is due; schedules the next one `everyMs` on (the caller runs this one). */
  expiryDue(everyMs: number): boolean {
    const c = this.time;
    if (c.now < c.nextExpireAt) return false;
    c.nextExpireAt = c.now + everyMs;
    return true;
  }

  indexDue(): boolean {
    return this.time.now >= this.time.nextIndexAt;
  }

  /** Records an index refresh now; the next is due `everyMs` on. */
  indexRefreshed(everyMs: number): void {
    this.time.nextIndexAt = this.time.now + everyMs;
    this.time.eventsSinceIndex = 0;
  }

  snapshot(): ClockSnapshot {
    const c = this.time;
    return { now: finite(c.now), nextExpireAt: finite(c.nextExpireAt), nextIndexAt: finite(c.nextIndexAt), eventsSinceIndex: c.eventsSinceIndex, events: c.events };
  }

  restore(s: ClockSnapshot): void {
    this.time = { ...s };
  }
}
