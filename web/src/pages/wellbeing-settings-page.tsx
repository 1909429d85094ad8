// Wellbeing: the daily screen-time limit, the take-a-break reminder, restricted mode, the passcode,
// and this week's watch time as a bar chart. The server counts the time and enforces the limit; a
// 13–17-year-old needs their passcode to raise or turn off the limit or turn restricted mode off.
import { useEffect, useId, useState, type FormEvent } from 'react';
import type { AgeBand, Me, WellbeingPatch, WellbeingSettings } from '@cliptide/contract';
import { saveWellbeing } from '../api/wellbeing.ts';
import { formErrors, noFormErrors, type FormErrors } from '../api/form-errors.ts';
import { Redirect } from '../router/redirect.tsx';
import { paths } from '../router/routes.ts';
import { useSession } from '../session/session.tsx';
import { Loading } from '../ui/states.tsx';
import { useToast } from '../ui/toast.tsx';
import { refreshWellbeing, useWellbeing, wellbeingLoaded } from '../wellbeing/wellbeing-store.ts';

const LIMITS = [40, 60, 90, 120];
const REMINDERS = [10, 20, 30, 45, 60, 90];

/** What the settings mean, said to each age band. */
const explanation: Record<AgeBand, string> = {
  '13-15':
    'Under 16, a 60-minute daily limit and restricted mode start on. You can lower the limit any time; raising it, turning it off or turning restricted mode off takes your passcode. Videos for adults are never shown to you.',
  '16-17':
    'Under 18, a 60-minute daily limit starts on. You can lower it any time; raising it or turning it off takes your passcode. Videos for adults are never shown to you.',
  '18+': 'These tools are yours to use as you like: a daily limit, a reminder to take a break, and restricted mode, which hides videos for adults and captions with mature words.',
};

export function WellbeingSettingsPage() {
  const { user } = useSession();
  const { settings } = useWellbeing();
  useEffect(() => void refreshWellbeing(), []);
  if (user === undefined) return <Loading />;
  if (user === null) return <Redirect to={paths.login(paths.wellbeingSettings())} />;
  if (!settings) return <Loading />;
  return <WellbeingSettingsForm user={user} settings={settings} />;
}

type Field = 'dailyLimitMinutes' | 'breakReminderMinutes' | 'restrictedMode' | 'passcode' | 'newPasscode';

function WellbeingSettingsForm({ user, settings }: { user: Me; settings: WellbeingSettings }) {
  const toast = useToast();
  const ids = { limit: useId(), reminder: useId(), passcode: useId(), current: useId(), next: useId() };
  const [limit, setLimit] = useState<string>(settings.dailyLimitMinutes === null ? 'off' : String(settings.dailyLimitMinutes));
  const [reminder, setReminder] = useState<string>(settings.breakReminderMinutes === null ? 'off' : String(settings.breakReminderMinutes));
  const [restricted, setRestricted] = useState(settings.restrictedMode);
  const [passcode, setPasscode] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors<Field>>(noFormErrors);
  const [codeErrors, setCodeErrors] = useState<FormErrors<Field>>(noFormErrors);
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');

  const chosenLimit = limit === 'off' ? null : Number(limit);
  const loosening =
    settings.passcodeNeededToLoosen &&
    ((settings.dailyLimitMinutes !== null && (chosenLimit === null || chosenLimit > settings.dailyLimitMinutes)) || (settings.restrictedMode && !restricted));
  const limitChoices = [...new Set([...LIMITS, ...(settings.dailyLimitMinutes ? [settings.dailyLimitMinutes] : [])])].sort((a, b) => a - b);
  const reminderChoices = [...new Set([...REMINDERS, ...(settings.breakReminderMinutes ? [settings.breakReminderMinutes] : [])])].sort((a, b) => a - b);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors(noFormErrors);
    const patch: WellbeingPatch = {
      dailyLimitMinutes: chosenLimit,
      breakReminderMinutes: reminder === 'off' ? null : Number(reminder),
      restrictedMode: restricted,
      ...(loosening && passcode ? { passcode } : {}),
    };
    try {
      wellbeingLoaded((await saveWellbeing(patch)).wellbeing);
      setPasscode('');
      toast('Saved');
    } catch (err) {
      setErrors(formErrors(err, ['dailyLimitMinutes', 'breakReminderMinutes', 'restrictedMode', 'passcode'], { wrong_passcode: 'passcode', passcode_required: 'passcode' }));
    } finally {
      setBusy(false);
    }
  }

  async function savePasscode(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setCodeErrors(noFormErrors);
    try {
      wellbeingLoaded((await saveWellbeing({ newPasscode: next, ...(settings.passcodeSet ? { passcode: current } : {}) })).wellbeing);
      setCurrent('');
      setNext('');
      toast(settings.passcodeSet ? 'Passcode changed' : 'Passcode set');
    } catch (err) {
      setCodeErrors(formErrors(err, ['passcode', 'newPasscode'], { wrong_passcode: 'passcode', passcode_required: 'passcode' }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="page auth-page settings-page wellbeing-page">
      <h1>Wellbeing</h1>
      <p className="field-hint">{explanation[user.ageBand]}</p>

      <section className="card form" aria-labelledby="today-heading">
        <h2 id="today-heading">Screen time</h2>
        <p className="screen-time-today">
          <strong>{settings.usedTodayMinutes} min</strong> today
          {settings.dailyLimitMinutes !== null && (
            <>
              {' '}
              of {settings.dailyLimitMinutes + settings.extraMinutesToday} min
              {settings.extraMinutesToday > 0 && <> (including {settings.extraMinutesToday} extra)</>}
            </>
          )}
        </p>
        <WeekChart week={settings.week} limit={settings.dailyLimitMinutes} />
      </section>

      <form className="card form" onSubmit={(e) => void save(e)} aria-labelledby="settings-heading" noValidate>
        <h2 id="settings-heading">Limits and filters</h2>
        <div className="field">
          <label htmlFor={ids.limit}>Daily limit</label>
          <select id={ids.limit} value={limit} onChange={(e) => setLimit(e.target.value)}>
            <option value="off">Off</option>
            {limitChoices.map((m) => (
              <option key={m} value={String(m)}>
                {m} minutes
              </option>
            ))}
          </select>
          {errors.fields.dailyLimitMinutes && <p className="field-error">{errors.fields.dailyLimitMinutes}</p>}
        </div>
        <div className="field">
          <label htmlFor={ids.reminder}>Remind me to take a break after</label>
          <select id={ids.reminder} value={reminder} onChange={(e) => setReminder(e.target.value)}>
            <option value="off">Off</option>
            {reminderChoices.map((m) => (
              <option key={m} value={String(m)}>
                {m} minutes of watching
              </option>
            ))}
          </select>
        </div>
        <label className="switch-row">
          <input type="checkbox" role="switch" checked={restricted} aria-describedby="restricted-hint" onChange={(e) => setRestricted(e.target.checked)} />
          <span>Restricted mode</span>
        </label>
        <p className="field-hint" id="restricted-hint">
          Hides videos marked for adults (18+) and videos whose caption or hashtags use words on Cliptide’s restricted list.
        </p>
        {loosening && (
          <div className="field">
            <label htmlFor={ids.passcode}>Your passcode</label>
            <input
              id={ids.passcode}
              type="password"
              inputMode="numeric"
              autoComplete="off"
              value={passcode}
              aria-invalid={errors.fields.passcode ? true : undefined}
              aria-describedby={`${ids.passcode}-hint`}
              onChange={(e) => setPasscode(e.target.value)}
            />
            <p className="field-hint" id={`${ids.passcode}-hint`}>
              {settings.passcodeSet ? 'Raising or turning off the limit, or turning restricted mode off, takes your passcode.' : 'Set a passcode below first: raising or turning off the limit takes it.'}
            </p>
            {errors.fields.passcode && (
              <p className="field-error" role="alert">
                {errors.fields.passcode}
              </p>
            )}
          </div>
        )}
        {errors.general && (
          <p className="form-error" role="alert">
            {errors.general}
          </p>
        )}
        <button type="submit" className="button button-primary" disabled={busy}>
          Save
        </button>
      </form>

      <form className="card form" onSubmit={(e) => void savePasscode(e)} aria-labelledby="passcode-heading" noValidate>
        <h2 id="passcode-heading">Passcode</h2>
        <p className="field-hint">
          {settings.passcodeSet ? 'Your passcode is set.' : 'No passcode yet.'} It lets you keep watching for 30 more minutes when you reach your limit
          {settings.passcodeNeededToLoosen ? ', and guards changes that loosen your settings' : ''}. 4 to 8 digits.
        </p>
        {settings.passcodeSet && (
          <div className="field">
            <label htmlFor={ids.current}>Current passcode</label>
            <input id={ids.current} type="password" inputMode="numeric" autoComplete="off" value={current} aria-invalid={codeErrors.fields.passcode ? true : undefined} onChange={(e) => setCurrent(e.target.value)} />
            {codeErrors.fields.passcode && (
              <p className="field-error" role="alert">
                {codeErrors.fields.passcode}
              </p>
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor={ids.next}>{settings.passcodeSet ? 'New passcode' : 'Passcode'}</label>
          <input id={ids.next} type="password" inputMode="numeric" autoComplete="off" value={next} aria-invalid={codeErrors.fields.newPasscode ? true : undefined} onChange={(e) => setNext(e.target.value)} />
          {codeErrors.fields.newPasscode && (
            <p className="field-error" role="alert">
              {codeErrors.fields.newPasscode}
            </p>
          )}
        </div>
        {codeErrors.general && (
          <p className="form-error" role="alert">
            {codeErrors.general}
          </p>
        )}
        <button type="submit" className="button" disabled={busy || next === ''}>
          {settings.passcodeSet ? 'Change passcode' : 'Set passcode'}
        </button>
      </form>
    </div>
  );
}

const weekday = (date: string) => new Date(`${date}T12:00:00Z`).toLocaleDateString(undefined, { weekday: 'short', timeZone: 'UTC' });

/** The last seven days as bars, each with its minutes in text (a list, so screen readers read it). */
function WeekChart({ week, limit }: { week: WellbeingSettings['week']; limit: number | null }) {
  const top = Math.max(limit ?? 0, ...week.map((d) => d.minutes), 1);
  return (
    <ul className="week-chart" aria-label="Watch time in the last 7 days">
      {week.map((d, i) => (
        <li key={d.date} className={i === week.length - 1 ? 'is-today' : undefined}>
          <span className="week-bar-track" aria-hidden="true">
            <span className="week-bar" style={{ height: `${Math.round((d.minutes / top) * 100)}%` }} />
          </span>
          <span className="week-value">{d.minutes} min</span>
          <span className="week-day">
            <abbr title={d.date}>{i === week.length - 1 ? 'Today' : weekday(d.date)}</abbr>
          </span>
        </li>
      ))}
    </ul>
  );
}
