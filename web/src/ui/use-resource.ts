// One thing fetched for a view (a profile, a video): loading, error and retry.
import { useCallback, useEffect, useRef, useState } from 'react';

interface Resource<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  retry: () => void;
  set: (data: T) => void;
}

export function useResource<T>(key: string, load: (signal: AbortSignal) => Promise<T>): Resource<T> {
  const [state, setState] = useState<{ key: string; data?: T; error: unknown; loading: boolean }>({ key, error: null, loading: true });
  const [attempt, setAttempt] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    const controller = new AbortController();
    setState({ key, error: null, loading: true });
    loadRef.current(controller.signal).then(
      (data) => !controller.signal.aborted && setState({ key, data, error: null, loading: false }),
      (error: unknown) => !controller.signal.aborted && setState({ key, error, loading: false }),
    );
    return () => controller.abort();
  }, [key, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const set = useCallback((data: T) => setState((s) => ({ ...s, data })), []);
  const current = state.key === key;
  return { data: current ? state.data : undefined, error: current ? state.error : null, loading: !current || state.loading, retry, set };
}
