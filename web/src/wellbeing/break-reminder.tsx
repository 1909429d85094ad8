// "Take a break": after the chosen minutes of continuous watching, a card the viewer can dismiss.
// Watching is counted while a video plays on a visible page; five minutes without one start over.
// A nudge, not a rule (the daily limit is the server's).
import { useEffect, useState } from 'react';
import { Link } from '../router/link.tsx';
import { paths } from '../router/routes.ts';
import { useWellbeing } from './wellbeing-store.ts';

const TICK_MS = 5_000;
const PAUSE_RESETS_MS = 5 * 60_000;

const somethingPlays = () => document.visibilityState === 'visible' && [...document.querySelectorAll('video')].some((v) => !v.paused && !v.ended);

export function BreakReminder() {
  const { settings } = useWellbeing();
  const minutes = settings?.breakReminderMinutes ?? null;
  const [due, setDue] = useState(false);
  const [watchedMs, setWatchedMs] = useState(0);

  useEffect(() => {
    if (minutes === null) return;
    let watched = 0;
    let idle = 0;
    const timer = window.setInterval(() => {
      if (somethingPlays()) {
        idle = 0;
        watched += TICK_MS;
        if (watched >= minutes * 60_000) {
          setWatchedMs(watched);
          setDue(true);
          watched = 0;
        }
      } else {
        idle += TICK_MS;
        if (idle >= PAUSE_RESETS_MS) watched = 0;
      }
    }, TICK_MS);
    return () => window.clearInterval(timer);
  }, [minutes]);

  if (!due) return null;
  return (
    <aside className="break-reminder card" role="status" aria-label="Break reminder">
      <p>
        <strong>Time for a break?</strong> You’ve been watching for {Math.round(watchedMs / 60_000)} minutes.
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
