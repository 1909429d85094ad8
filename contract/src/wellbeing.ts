// Wellbeing: the daily screen-time limit (counted by the server from view events, per local day),
// the take-a-break reminder, restricted mode and the passcode that guards loosening them.
import { z } from 'zod';
import {
  MAX_BREAK_REMINDER_MINUTES,
  MAX_DAILY_LIMIT_MINUTES,
  MIN_BREAK_REMINDER_MINUTES,
  MIN_DAILY_LIMIT_MINUTES,
  SCREEN_TIME_EXTENSION_MINUTES,
} from './limits.ts';

/** 4–8 digits, like a phone's PIN. */
export const passcode = z.string().regex(/^[0-9]{4,8}$/, '4 to 8 digits');

export const wellbeingSettings = z
  .object({
    dailyLimitMinutes: z.number().int().nullable().meta({ description: `${MIN_DAILY_LIMIT_MINUTES}–${MAX_DAILY_LIMIT_MINUTES}; null: no limit` }),
    usedTodayMinutes: z.number().int().meta({ description: 'watch time counted today (local day), whole minutes' }),
    extraMinutesToday: z.number().int().meta({ description: `minutes added today with the passcode (${SCREEN_TIME_EXTENSION_MINUTES} per request)` }),
    locked: z.boolean().meta({ description: 'the limit (plus extensions) is reached: feeds answer screen_time_limit until local midnight' }),
    breakReminderMinutes: z.number().int().nullable().meta({ description: 'remind after this many minutes of continuous watching; null: off' }),
    restrictedMode: z.boolean().meta({ description: 'hide 18+ videos and captions/hashtags on the restricted keyword list' }),
    passcodeSet: z.boolean(),
    passcodeNeededToLoosen: z.boolean().meta({ description: 'raising or turning off the limit, or turning restricted mode off, needs the passcode (13–17)' }),
    timeZone: z.string().meta({ description: 'IANA time zone of the local day' }),
    today: z.iso.date(),
    week: z.array(z.object({ date: z.iso.date(), minutes: z.number().int() })).meta({ description: 'the last 7 local days, oldest first, today last' }),
  })
  .meta({ id: 'WellbeingSettings' });
export const wellbeingResponse = z.object({ wellbeing: wellbeingSettings });

export const wellbeingPatchBody = z.object({
  dailyLimitMinutes: z.number().int().min(MIN_DAILY_LIMIT_MINUTES).max(MAX_DAILY_LIMIT_MINUTES).nullable().optional(),
  breakReminderMinutes: z.number().int().min(MIN_BREAK_REMINDER_MINUTES).max(MAX_BREAK_REMINDER_MINUTES).nullable().optional(),
  restrictedMode: z.boolean().optional(),
  timeZone: z.string().min(1).max(64).optional().meta({ description: 'IANA name, e.g. Europe/Berlin (the browser sends its own)' }),
  passcode: passcode.optional().meta({ description: 'the current passcode: needed to loosen a 13–17 limit and to change or remove the passcode' }),
  newPasscode: passcode.nullable().optional().meta({ description: 'sets (or with null removes) the passcode' }),
});

export const extendBody = z.object({ passcode: passcode.optional().meta({ description: 'required when a passcode is set, and always for 13–17' }) });

export type WellbeingSettings = z.output<typeof wellbeingSettings>;
export type WellbeingPatch = z.input<typeof wellbeingPatchBody>;
