// A roving tabindex: a group of controls is one Tab stop; the arrow keys (and Home / End) move
// between its controls, and Tab leaves the group from the one last used (at first the one marked
// data-roving-default, else the first).
import { useLayoutEffect, useRef, type FocusEvent, type KeyboardEvent, type RefObject } from 'react';

const ITEM = '[data-roving]';

export function useRovingFocus<T extends HTMLElement>(group: RefObject<T | null>) {
  const current = useRef<HTMLElement | null>(null);

  // every render: exactly one control of the group is reachable with Tab
  useLayoutEffect(() => {
    const items = [...(group.current?.querySelectorAll<HTMLElement>(ITEM) ?? [])];
    const fallback = items.find((item) => item.hasAttribute('data-roving-default')) ?? items[0];
    const chosen = current.current && items.includes(current.current) ? current.current : fallback;
    for (const item of items) item.tabIndex = item === chosen ? 0 : -1;
  });

  function onFocus(event: FocusEvent<T>) {
    const target = event.target as HTMLElement;
    if (!target.matches(ITEM)) return;
    current.current = target;
    for (const item of group.current?.querySelectorAll<HTMLElement>(ITEM) ?? []) item.tabIndex = item === target ? 0 : -1;
  }

  function onKeyDown(event: KeyboardEvent<T>) {
    const items = [...(group.current?.querySelectorAll<HTMLElement>(ITEM) ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (at < 0) return;
    const next = ({ ArrowDown: at + 1, ArrowRight: at + 1, ArrowUp: at - 1, ArrowLeft: at - 1, Home: 0, End: items.length - 1 } as Record<string, number>)[event.key];
    if (next === undefined) return;
    event.preventDefault(); // the feed's own arrow keys stay quiet while the group has the focus
    items[(next + items.length) % items.length]?.focus();
  }

  return { onFocus, onKeyDown };
}
