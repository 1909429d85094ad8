// A cursor-paginated list (feeds, grids, comments): first page on mount, more on demand,
// duplicates dropped, one request at a time, loading and error states.
// For You may serve a video again once the viewer has seen everything: `repeats: 'not-adjacent'`
// keeps such repeats and drops only one that would follow itself.
// `cache` keeps the list in this module while the page is away (a feed or a grid left for a
// profile or a video and come back to): 'restore' shows it as it was, 'revalidate' shows it and
// reloads its first page behind it.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Page } from '@cliptide/contract';

export type LoadPage<T> = (cursor: string | null, signal: AbortSignal) => Promise<Page<T>>;

interface ListState<T> {
  items: T[];
  cursor: string | null;
  done: boolean;
  loading: boolean;
  error: unknown;
  /** The list this state belongs to (a key change starts another one). */
  key?: string;
}

const initial = <T,>(key?: string): ListState<T> => ({ items: [], cursor: null, done: false, loading: true, error: null, key });

export interface PagedListOptions {
  repeats?: 'never' | 'not-adjacent';
  cache?: 'restore' | 'revalidate';
}

const lists = new Map<string, ListState<unknown>>();

/** The list kept under `key`, as it was left (nothing in flight). */
export function cachedList<T>(key: string): ListState<T> | undefined {
  const kept = lists.get(key) as ListState<T> | undefined;
  return kept && { ...kept, loading: false, error: null };
}

export function cacheList<T>(key: string, state: ListState<T>) {
  lists.set(key, state as ListState<unknown>);
}

export function forgetCachedLists(prefix: string) {
  for (const key of lists.keys()) if (key.startsWith(prefix)) lists.delete(key);
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
  const cache = options.cache;
  const [state, setState] = useState<ListState<T>>(() => (cache && cachedList<T>(key)) || initial<T>(key));
  const keyRef = useRef(key);
  keyRef.current = key;
  const loadRef = useRef(load);
  loadRef.current = load;
  const inFlight = useRef<AbortController | null>(null);
  const stateRef = useRef(state);
  stateRef.current = state;

  const fetchPage = useCallback((cursor: string | null, reset: boolean | 'refresh') => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setState((s) => (reset === true ? initial<T>(keyRef.current) : { ...s, loading: true, error: null }));
    loadRef.current(cursor, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        inFlight.current = null;
        setState((s) => {
          const items = appendPage(reset ? [] : s.items, page.items, repeats);
          return { items, cursor: page.nextCursor, done: page.nextCursor === null, loading: false, error: null, key: s.key };
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
    const kept = cache && cachedList<T>(key);
    if (kept && kept.items.length > 0) {
      setState({ ...kept, key });
      if (cache === 'revalidate') fetchPage(null, 'refresh');
    } else {
      fetchPage(null, true);
    }
    return () => inFlight.current?.abort();
  }, [key, fetchPage, cache]);

  useEffect(() => {
    if (cache && state.key === key) cacheList(key, state);
  }, [cache, key, state]);

  const loadMore = useCallback(() => {
    const s = stateRef.current;
    if (s.loading || s.done || s.error) return;
    fetchPage(s.cursor, false);
  }, [fetchPage]);

  const retry = useCallback(() => {
    const s = stateRef.current;
    fetchPage(s.items.length === 0 ? null : s.cursor, s.items.length === 0);
  }, [fetchPage]);

  /** Asks for the first page again without showing a loading state; replaces the list only when it has items. */
  const refreshQuietly = useCallback(() => {
    if (inFlight.current) return;
    const controller = new AbortController();
    inFlight.current = controller;
    loadRef.current(null, controller.signal).then(
      (page) => {
        if (controller.signal.aborted) return;
        inFlight.current = null;
        if (page.items.length === 0) return;
        setState((s) => ({ items: appendPage([], page.items, repeats), cursor: page.nextCursor, done: page.nextCursor === null, loading: false, error: null, key: s.key }));
      },
      () => {
        if (!controller.signal.aborted) inFlight.current = null;
      },
    );
  }, [repeats]);

  const prepend = useCallback((item: T) => setState((s) => ({ ...s, items: [item, ...s.items.filter((i) => i.id !== item.id)] })), []);
  const update = useCallback((id: string, change: (item: T) => T) => setState((s) => ({ ...s, items: s.items.map((i) => (i.id === id ? change(i) : i)) })), []);
  const remove = useCallback((id: string) => setState((s) => ({ ...s, items: s.items.filter((i) => i.id !== id) })), []);

  return { ...state, loadMore, retry, reload: () => fetchPage(null, true), refreshQuietly, prepend, update, remove };
}
