// Keyboard and wheel for the feed: ↑/↓ or j/k move, space plays/pauses, m mutes, l likes;
// one wheel gesture moves one video. Space and Enter on a focused button or link press it:
// they reach the player only when nothing that takes them has the focus.
import { useEffect, useRef, type RefObject } from 'react';
import { anyDialogOpen } from '../ui/open-dialogs.ts';

export interface FeedCommands {
  next: () => void;
  previous: () => void;
  togglePlay: () => void;
  toggleMute: () => void;
  like: () => void;
}

const WHEEL_THRESHOLD = 20;
const WHEEL_GESTURE_GAP_MS = 180;

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName) || target.closest('dialog, [role="dialog"]') !== null;
}

/**
 * A focused control that Space or Enter activates by itself (a button, a link…). The seek bar is
 * not one: Space there plays or pauses, as in other players.
 */
export function takesActivationKeys(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.closest('button, a[href], summary, [role="button"], [role="link"], [role="switch"], [role="checkbox"], [role="tab"]') !== null;
}

export function useFeedKeys(scroller: RefObject<HTMLElement | null>, commands: FeedCommands) {
  const latest = useRef(commands);
  latest.current = commands;

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.metaKey || event.ctrlKey || event.altKey || isTyping(event.target)) return;
      if (anyDialogOpen()) return;
      if ((event.key === ' ' || event.key === 'Enter') && takesActivationKeys(event.target)) {
        // a link takes Enter only; Space on it must not scroll the feed behind
        if (event.key === ' ' && event.target instanceof HTMLElement && event.target.closest('a[href]')) event.preventDefault();
        return;
      }
      const c = latest.current;
      const action: Record<string, () => void> = {
        ArrowDown: c.next,
        j: c.next,
        ArrowUp: c.previous,
        k: c.previous,
        ' ': c.togglePlay,
        m: c.toggleMute,
        l: c.like,
      };
      const run = action[event.key];
      if (!run) return;
      event.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const gesture = useRef({ lastWheel: 0, moved: false, accumulated: 0 });
  useEffect(() => {
    const element = scroller.current;
    if (!element) return;
    const g = gesture.current;
    const onWheel = (event: WheelEvent) => {
      if (isTyping(event.target)) return;
      event.preventDefault();
      const now = performance.now();
      if (now - g.lastWheel > WHEEL_GESTURE_GAP_MS) {
        g.moved = false; // a new gesture
        g.accumulated = 0;
      }
      g.lastWheel = now;
      if (g.moved) return;
      g.accumulated += event.deltaY;
      if (Math.abs(g.accumulated) < WHEEL_THRESHOLD) return;
      g.moved = true;
      if (g.accumulated > 0) latest.current.next();
      else latest.current.previous();
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => element.removeEventListener('wheel', onWheel);
  });
}
