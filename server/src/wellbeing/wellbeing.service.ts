// Wellbeing: the daily screen-time limit, the take-a-break reminder, restricted mode and the passcode
// that guards loosening them — one row of settings per account (so a paired parent can later lock the
// same settings), defaults from the age policy at sign-up. Watch time is counted here, on the server,
// from the view events the player sends (screen-time.ts: the ledger no forged event can outrun), per
// local day in the account's time zone; the feeds ask `assertFeedOpen` before they serve a page.
import type { WellbeingSettings } from '@cliptide/contract';
import { SCREEN_TIME_EXTENSION_MINUTES } from '@cliptide/contract';
import { agePolicy, ageBandOn, type AgeBand } from '../accounts/age-policy.ts';
import type { PasswordHasher } from '../accounts/password.ts';
import { createLoginThrottle } from '../accounts/login-throttle.ts';
import { DomainError, notFound } from '../shared/errors.ts';
import { NO_ADULT_CONTENT, viewerContent, type ViewerContent } from '../videos/visibility.ts';
import { canonicalTimeZone, creditWatch, datesEnding, localDate, wholeMinutes } from './screen-time.ts';
import type { WellbeingRepository, WellbeingRow, SettingsPatch } from './wellbeing.repository.ts';

export interface WellbeingDeps {
  repo: WellbeingRepository;
  passwords: PasswordHasher;
  now: () => Date;
  /** How long one minute of screen time is, in ms (60 000; shorter only in tests and demos: SCREEN_TIME_MINUTE_MS). */
  minuteMs?: number;
}

export interface WellbeingPatchInput {
  dailyLimitMinutes?: number | null | undefined;
  breakReminderMinutes?: number | null | undefined;
  restrictedMode?: boolean | undefined;
  timeZone?: string | undefined;
  passcode?: string | undefined;
  newPasscode?: string | null | undefined;
}

/** A band with a default limit (13–17) needs the passcode to loosen its settings: the active decision. */
const passcodeGuards = (band: AgeBand): boolean => agePolicy(band).dailyLimitMinutes !== null;

export function createWellbeingService(deps: WellbeingDeps) {
  const { repo } = deps;
  const minuteMs = deps.minuteMs ?? 60_000;
  const throttle = createLoginThrottle(() => deps.now().getTime());

  const defaultsFor = (band: AgeBand) => ({ dailyLimitMinutes: agePolicy(band).dailyLimitMinutes, restrictedMode: agePolicy(band).restrictedModeByDefault });

  /** The account's row; an account without one (made while this shipped) gets its band's defaults now. */
  async function row(accountId: string): Promise<WellbeingRow> {
    const found = await repo.find(accountId);
    if (found) return found;
    // the band is read from the birthdate by the repository's join, so insert with a neutral default first
    if (!(await repo.insertDefaults(accountId, { dailyLimitMinutes: null, restrictedMode: false }))) throw notFound('Account');
    const inserted = (await repo.find(accountId))!;
    const defaults = defaultsFor(ageBandOn(inserted.birthdate, deps.now()));
    await repo.update(accountId, defaults);
    return { ...inserted, daily_limit_minutes: defaults.dailyLimitMinutes, restricted_mode: defaults.restrictedMode };
  }

  async function today(r: WellbeingRow) {
    const date = localDate(deps.now(), r.time_zone);
    const week = datesEnding(date, 7);
    const days = await repo.days(r.account_id, week[0]!, date);
    const byDay = new Map(days.map((d) => [d.day, d]));
    const t = byDay.get(date);
    const usedMinutes = wholeMinutes(Number(t?.watched_ms ?? 0), minuteMs);
    const extraMinutes = t?.extra_minutes ?? 0;
    const locked = r.daily_limit_minutes !== null && usedMinutes >= r.daily_limit_minutes + extraMinutes;
    return { date, usedMinutes, extraMinutes, locked, week: week.map((d) => ({ date: d, minutes: wholeMinutes(Number(byDay.get(d)?.watched_ms ?? 0), minuteMs) })) };
  }

  async function view(r: WellbeingRow): Promise<WellbeingSettings> {
    const t = await today(r);
    return {
      dailyLimitMinutes: r.daily_limit_minutes,
      usedTodayMinutes: t.usedMinutes,
      extraMinutesToday: t.extraMinutes,
      locked: t.locked,
      breakReminderMinutes: r.break_reminder_minutes,
      restrictedMode: r.restricted_mode,
      passcodeSet: r.passcode_hash !== null,
      passcodeNeededToLoosen: passcodeGuards(ageBandOn(r.birthdate, deps.now())),
      timeZone: r.time_zone,
      today: t.date,
      week: t.week,
    };
  }

  /** Checks a passcode, throttled per account like passwords (a few free tries, then growing waits). */
  async function checkPasscode(r: WellbeingRow, passcode: string | undefined): Promise<void> {
    if (!r.passcode_hash) throw new DomainError('passcode_required', 'Set a passcode first: it is what lets you change this');
    if (!passcode) throw new DomainError('passcode_required', 'Enter your passcode to change this');
    const key = `passcode ${r.account_id}`;
    const waitMs = throttle.waitMs(key);
    if (waitMs > 0) throw new DomainError('rate_limited', `Too many wrong passcodes; try again in ${Math.ceil(waitMs / 1000)} s`);
    if (!(await deps.passwords.verify(r.passcode_hash, passcode))) {
      throttle.failed(key);
      throw new DomainError('wrong_passcode', 'That passcode is not right');
    }
    throttle.succeeded(key);
  }

  return {
    /** At sign-up: the band's defaults (13–17 a 60-minute limit, 13–15 restricted mode). */
    async initialize(accountId: string, band: AgeBand): Promise<void> {
      await repo.insertDefaults(accountId, defaultsFor(band));
    },

    async get(accountId: string): Promise<WellbeingSettings> {
      return view(await row(accountId));
    },

    async update(accountId: string, input: WellbeingPatchInput): Promise<WellbeingSettings> {
      const r = await row(accountId);
      const patch: SettingsPatch = {};
      if (input.timeZone !== undefined) {
        const zone = canonicalTimeZone(input.timeZone);
        if (!zone) throw new DomainError('validation_failed', `Unknown time zone "${input.timeZone}"`, [{ path: 'body.timeZone', message: 'an IANA time zone such as Europe/Berlin' }]);
        if (zone !== r.time_zone) {
          // Moving to a zone where it is another date never starts a fresh day: the new date keeps at least today's use.
          const from = localDate(deps.now(), r.time_zone);
          const to = localDate(deps.now(), zone);
          if (from !== to) await repo.carryDay(accountId, from, to);
          patch.timeZone = zone;
        }
      }
      if (input.dailyLimitMinutes !== undefined) patch.dailyLimitMinutes = input.dailyLimitMinutes;
      if (input.breakReminderMinutes !== undefined) patch.breakReminderMinutes = input.breakReminderMinutes;
      if (input.restrictedMode !== undefined) patch.restrictedMode = input.restrictedMode;

      const limitLoosened =
        input.dailyLimitMinutes !== undefined &&
        r.daily_limit_minutes !== null &&
        (input.dailyLimitMinutes === null || input.dailyLimitMinutes > r.daily_limit_minutes);
      const restrictedLoosened = input.restrictedMode === false && r.restricted_mode;
      const guarded = passcodeGuards(ageBandOn(r.birthdate, deps.now()));
      let passcodeChecked = false;
      if (guarded && (limitLoosened || restrictedLoosened)) {
        await checkPasscode(r, input.passcode);
        passcodeChecked = true;
      }
      if (input.newPasscode !== undefined) {
        // changing or removing a passcode takes the current one (setting the first does not)
        if (r.passcode_hash && !passcodeChecked) await checkPasscode(r, input.passcode);
        if (input.newPasscode === null && guarded) {
          throw new DomainError('age_restricted', 'Under 18 the passcode can be changed, not removed');
        }
        patch.passcodeHash = input.newPasscode === null ? null : await deps.passwords.hash(input.newPasscode);
      }
      await repo.update(accountId, patch);
      return view((await repo.find(accountId))!);
    },

    /** 30 more minutes today: takes the passcode (always under 18, and whenever one is set). */
    async extend(accountId: string, passcode: string | undefined): Promise<WellbeingSettings> {
      const r = await row(accountId);
      if (r.daily_limit_minutes === null) throw new DomainError('conflict', 'There is no daily limit to extend');
      if (r.passcode_hash || passcodeGuards(ageBandOn(r.birthdate, deps.now()))) await checkPasscode(r, passcode);
      await repo.addExtraMinutes(accountId, localDate(deps.now(), r.time_zone), SCREEN_TIME_EXTENSION_MINUTES);
      return view(r);
    },

    /** A view event's watch time (already capped by the video's length) counts toward today. */
    async recordWatch(accountId: string, watchedMs: number): Promise<void> {
      await row(accountId);
      const now = deps.now();
      await repo.credit(accountId, (r) => ({ day: localDate(now, r.time_zone), ...creditWatch(watchedMs, now, r.credited_until) }));
    },

    /** The feeds ask this first: the daily limit, when reached, pauses them until local midnight. */
    async assertFeedOpen(accountId: string): Promise<void> {
      const t = await today(await row(accountId));
      if (t.locked) {
        throw new DomainError('screen_time_limit', "You've reached your daily limit. Enter your passcode for 30 more minutes, or come back tomorrow.");
      }
    },

    /** What content the viewer may be shown (For You asks; the SQL half of the rule reads the same row). */
    async contentFor(accountId: string | null): Promise<ViewerContent> {
      if (!accountId) return NO_ADULT_CONTENT;
      const r = await row(accountId).catch(() => null);
      return r ? viewerContent(r.birthdate, r.restricted_mode, deps.now()) : NO_ADULT_CONTENT;
    },
  };
}
export type WellbeingService = ReturnType<typeof createWellbeingService>;
