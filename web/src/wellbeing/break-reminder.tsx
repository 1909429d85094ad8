// "Take a break": after the chosen minutes of continuous watching, a card the viewer can dismiss.
// Watching is counted while a video plays on a visible page; five minutes without one start over.
// A nudge, not a rule (the daily limit is the server's).
import { useEffect, useState } from 'react';
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { START, tick } from './break-timer.ts';
import { useWellbeing } from './wellbeing-store.ts';

const TICK_MS = 5_000;

const somethingPlays = () => document.visibilityState === 'visible' && [...document.querySelectorAll('video')].some((v) => !v.paused && !v.ended);

export function BreakReminder() {
  const { settings } = useWellbeing();
  const minutes = settings?.breakReminderMinutes ?? null;
  const [due, setDue] = useState(false);
  const [watchedMinutes, setWatchedMinutes] = useState(0);

  useEffect(() => {
    if (minutes === null) return;
    let count = START;
    const timer = window.setInterval(() => {
      const step = tick(count, somethingPlays(), TICK_MS, minutes);
      count = step.timer;
      if (step.dueAfterMinutes !== null) {
        setWatchedMinutes(step.dueAfterMinutes);
        setDue(true);
      }
    }, TICK_MS);
    return () => window.clearInterval(timer);
  }, [minutes]);

  if (!due) return null;
  return (
    <aside className="break-reminder card" role="status" aria-label="Break reminder">
      <p>
        <strong>Time for a break?</strong> You’ve been watching for {watchedMinutes} minutes.
      </p>
      <div className="row">
        <button type="button" className="button button-primary" onClick={() => setDue(false)}>
          Dismiss
        </button>
        <Link className="button" to={paths.wellbeingSettings()} onClick={() => setDue(false)}>
          Reminder settings
        </Link>
      </div>
    </aside>
  );
}
