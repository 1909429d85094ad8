// SQL for wellbeing: one settings row per account, and the watch time counted per local day.
import { maybeOne, type Queryable } from '../db/database.ts';

export interface WellbeingRow {
  account_id: string;
  birthdate: string;
  daily_limit_minutes: number | null;
  break_reminder_minutes: number | null;
  restricted_mode: boolean;
  passcode_hash: string | null;
  time_zone: string;
  credited_until: Date | null;
}

export interface DayRow {
  day: string;
  watched_ms: number;
  extra_minutes: number;
}

export interface SettingsPatch {
  dailyLimitMinutes?: number | null;
  breakReminderMinutes?: number | null;
  restrictedMode?: boolean;
  passcodeHash?: string | null;
  timeZone?: string;
}

/** What the ledger decides for one view, given the locked row. */
export type CreditDecision = (row: { credited_until: Date | null; time_zone: string }) => { day: string; creditMs: number; creditedUntil: Date };

const SELECT = `select w.account_id, a.birthdate::text as birthdate, w.daily_limit_minutes, w.break_reminder_minutes, w.restricted_mode,
    w.passcode_hash, w.time_zone, w.credited_until
  from wellbeing_settings w join accounts a on a.id = w.account_id`;

export function createWellbeingRepository(db: Queryable & { transaction<T>(w: (tx: Queryable) => Promise<T>): Promise<T> }) {
  return {
    find: (accountId: string) => maybeOne<WellbeingRow>(db, `${SELECT} where w.account_id = $1`, [accountId]),

    /** The row with these defaults, unless the account has one; false when the account does not exist. */
    async insertDefaults(accountId: string, d: { dailyLimitMinutes: number | null; restrictedMode: boolean }): Promise<boolean> {
      const rows = await db.query(
        `insert into wellbeing_settings (account_id, daily_limit_minutes, restricted_mode)
         select id, $2, $3 from accounts where id = $1
         on conflict (account_id) do nothing returning 1`,
        [accountId, d.dailyLimitMinutes, d.restrictedMode],
      );
      return rows.length > 0 || (await db.query('select 1 from accounts where id = $1', [accountId])).length > 0;
    },

    async update(accountId: string, p: SettingsPatch): Promise<void> {
      const sets: string[] = [];
      const params: (string | number | boolean | null)[] = [accountId];
      const set = (column: string, value: string | number | boolean | null) => {
        params.push(value);
        sets.push(`${column} = $${params.length}`);
      };
      if (p.dailyLimitMinutes !== undefined) set('daily_limit_minutes', p.dailyLimitMinutes);
      if (p.breakReminderMinutes !== undefined) set('break_reminder_minutes', p.breakReminderMinutes);
      if (p.restrictedMode !== undefined) set('restricted_mode', p.restrictedMode);
      if (p.passcodeHash !== undefined) set('passcode_hash', p.passcodeHash);
      if (p.timeZone !== undefined) set('time_zone', p.timeZone);
      if (sets.length === 0) return;
      await db.query(`update wellbeing_settings set ${sets.join(', ')}, updated_at = now() where account_id = $1`, params);
    },

    /** Credits watch time under a lock on the account's ledger, so concurrent views add up exactly. */
    async credit(accountId: string, decide: CreditDecision): Promise<number> {
      return db.transaction(async (tx) => {
        const row = await maybeOne<{ credited_until: Date | null; time_zone: string }>(
          tx,
          'select credited_until, time_zone from wellbeing_settings where account_id = $1 for update',
          [accountId],
        );
        if (!row) return 0;
        const { day, creditMs, creditedUntil } = decide(row);
        if (creditMs <= 0) return 0;
        await tx.query('update wellbeing_settings set credited_until = $2 where account_id = $1', [accountId, creditedUntil]);
        await tx.query(
          `insert into screen_time_days (account_id, day, watched_ms) values ($1, $2, $3)
           on conflict (account_id, day) do update set watched_ms = screen_time_days.watched_ms + excluded.watched_ms`,
          [accountId, day, creditMs],
        );
        return creditMs;
      });
    },

    days(accountId: string, from: string, to: string): Promise<DayRow[]> {
      return db.query<DayRow>(
        `select day::text as day, watched_ms::float8 as watched_ms, extra_minutes from screen_time_days
         where account_id = $1 and day between $2 and $3 order by day`,
        [accountId, from, to],
      );
    },

    async addExtraMinutes(accountId: string, day: string, minutes: number): Promise<void> {
      await db.query(
        `insert into screen_time_days (account_id, day, extra_minutes) values ($1, $2, $3)
         on conflict (account_id, day) do update set extra_minutes = screen_time_days.extra_minutes + excluded.extra_minutes`,
        [accountId, day, minutes],
      );
    },

    /** A new time zone names another date: that date starts with at least what `from` had used. */
    async carryDay(accountId: string, from: string, to: string): Promise<void> {
      await db.query(
        `insert into screen_time_days (account_id, day, watched_ms, extra_minutes)
         select account_id, $3, watched_ms, extra_minutes from screen_time_days where account_id = $1 and day = $2
         on conflict (account_id, day) do update set watched_ms = greatest(screen_time_days.watched_ms, excluded.watched_ms),
           extra_minutes = greatest(screen_time_days.extra_minutes, excluded.extra_minutes)`,
        [accountId, from, to],
      );
    },
  };
}
export type WellbeingRepository = ReturnType<typeof createWellbeingRepository>;
