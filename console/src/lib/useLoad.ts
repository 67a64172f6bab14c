import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../api/client.ts';

export interface Loaded<T> {
  data: T | undefined;
  error: string | undefined;
  loading: boolean;
  /** Loads again (after a change, or on a timer); the old data stays on screen meanwhile. */
  reload: () => void;
}

/**
 * Loads what a page shows, again whenever `deps` change or `reload` is called; an API refusal
 * becomes its Chinese message. An answer that arrives after the page moved on is dropped.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const key = JSON.stringify(deps);
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ key?: string; tick: number; data?: T; error?: string }>({ tick: -1 });
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    let live = true;
    latest.current().then(
      (data) => live && setState({ key, tick, data }),
      (e: unknown) => live && setState((s) => ({ key, tick, ...(s.key === key ? { data: s.data } : {}), error: e instanceof ApiProblem ? e.message : '读取失败，请刷新重试' })),
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const current = state.key === key;
  return { data: current ? state.data : undefined, error: current ? state.error : undefined, loading: !current || state.tick !== tick, reload };
}
