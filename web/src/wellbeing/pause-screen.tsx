// The pause: when the server says the daily limit is reached, the feeds stop behind a full-screen
// card. Continuing is an active decision — the passcode, for 30 more minutes — and the server checks
// it (and refuses the feeds until then). Nothing here enforces anything on its own.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { extendScreenTime } from '../api/wellbeing.ts';
import { formErrors, noFormErrors, type FormErrors } from '../api/form-errors.ts';
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { dialogClosed, dialogOpened } from '../ui/open-dialogs.ts';
import { useWellbeing, wellbeingLoaded } from './wellbeing-store.ts';

export function PauseScreen() {
  const { settings } = useWellbeing();
  const heading = useId();
  const input = useId();
  const [passcode, setPasscode] = useState('');
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors<'passcode'>>(noFormErrors);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    // stop whatever is playing, and put the focus on the card
    for (const video of document.querySelectorAll('video')) video.pause();
    panel.current?.focus();
    dialogOpened(); // the feed's keys (next video, play) wait while it shows
    return dialogClosed;
  }, []);

  async function extend(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setErrors(noFormErrors);
    try {
      wellbeingLoaded((await extendScreenTime(passcode)).wellbeing);
    } catch (err) {
      setErrors(formErrors(err, ['passcode'], { wrong_passcode: 'passcode', passcode_required: 'passcode' }));
      setBusy(false);
    }
  }

  const limit = settings?.dailyLimitMinutes;
  return (
    <div className="pause-screen" role="dialog" aria-modal="true" aria-labelledby={heading}>
      <div className="pause-card card form" ref={panel} tabIndex={-1}>
        <h1 id={heading}>You’ve reached your daily limit</h1>
        {settings && limit != null && (
          <p>
            You’ve watched {settings.usedTodayMinutes} minutes today; your limit is {limit} minutes
            {settings.extraMinutesToday > 0 ? ` plus ${settings.extraMinutesToday} extra` : ''}. The feeds open again at midnight.
          </p>
        )}
        {settings?.passcodeSet || settings?.passcodeNeededToLoosen === false ? (
          <form className="form" onSubmit={(e) => void extend(e)} noValidate>
            <div className="field">
              <label htmlFor={input}>Passcode</label>
              <input
                id={input}
                type="password"
                inputMode="numeric"
                autoComplete="off"
                value={passcode}
                aria-invalid={errors.fields.passcode ? true : undefined}
                onChange={(e) => setPasscode(e.target.value)}
              />
              {errors.fields.passcode && (
                <p className="field-error" role="alert">
                  {errors.fields.passcode}
                </p>
              )}
            </div>
            {errors.general && (
              <p className="form-error" role="alert">
                {errors.general}
              </p>
            )}
            <button type="submit" className="button button-primary" disabled={busy || (settings?.passcodeSet === true && passcode === '')}>
              Continue for 30 minutes
            </button>
          </form>
        ) : (
          <p className="field-hint">You haven’t set a passcode, so today’s watching is done. You can set one in your wellbeing settings for another day.</p>
        )}
        <Link className="button" to={paths.wellbeingSettings()}>
          Wellbeing settings
        </Link>
      </div>
    </div>
  );
}
