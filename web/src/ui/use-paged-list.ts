// A cursor-paginated list (feeds, grids, comments): first page on mount, more on demand,
// duplicates dropped, one request at a time, loading and error states.
// For You may serve a video again once the viewer has seen everything: `repeats: 'not-adjacent'`
// keeps such repeats and drops only one that would follow itself.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@cliptide/contract';

export type LoadPage<T> = (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>;

interface ListState<T> {
  items: T[];
  cursor: string | null;
  done: boolean;
  loading: boolean;
  error: unknown;
}

const initial = <T,>(): ListState<T> => ({ items: [], cursor: null, done: false, loading: true, error: null });

export interface PagedListOptions {
  repeats?: 'never' | 'not-adjacent';
}

export function appendPage<T extends { id: string }>(base: T[], incoming: T[], repeats: PagedListOptions['repeats']): T[] {
  if (repeats === 'not-adjacent') {
    const out = [...base];
    for (const item of incoming) if (out.at(-1)?.id !== item.id) out.push(item);
    return out;
  }
  const seen = new Set(base.map((item) => item.id));
  return [...base, ...incoming.filter((item) => !seen.has(item.id))];
}

/** `key` identifies the list: when it changes the list starts over. */
export function usePagedList<T extends { id: string }>(key: string, load: LoadPage<T>, options: PagedListOptions = {}) {
  const repeats = options.repeats ?? 'never';
  const [state, setState] = useState<ListState<T>>(initial);
  const loadRef = useRef(load);
  loadRef.current = load;
  const inFlight = useRef<AbortController | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  const fetchPage = useCallback((cursor: string | null, reset: boolean) => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setState((s) => (reset ? initial<T>() : { ...s, loading: true, error: null }));
    loadRef.current(cursor, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        inFlight.current = null;
        setState((s) => {
          const items = appendPage(reset ? [] : s.items, page.items, repeats);
          return { items, cursor: page.nextCursor, done: page.nextCursor === null, loading: false, error: null };
        });
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        inFlight.current = null;
        setState((s) => ({ ...s, loading: false, error }));
      },
    );
  }, [repeats]);

  useEffect(() => {
    fetchPage(null, true);
    return () => inFlight.current?.abort();
  }, [key, fetchPage]);

  const loadMore = useCallback(() => {
    const s = stateRef.current;
    if (s.loading || s.done || s.error) return;
    fetchPage(s.cursor, false);
  }, [fetchPage]);

  const retry = useCallback(() => {
    const s = stateRef.current;
    fetchPage(s.items.length === 0 ? null : s.cursor, s.items.length === 0);
  }, [fetchPage]);

  const prepend = useCallback((item: T) => setState((s) => ({ ...s, items: [item, ...s.items.filter((i) => i.id !== item.id)] })), []);
  const update = useCallback((id: string, change: (item: T) => T) => setState((s) => ({ ...s, items: s.items.map((i) => (i.id === id ? change(i) : i)) })), []);
  const remove = useCallback((id: string) => setState((s) => ({ ...s, items: s.items.filter((i) => i.id !== id) })), []);

  return { ...state, loadMore, retry, reload: () => fetchPage(null, true), prepend, update, remove };
}
