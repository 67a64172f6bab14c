import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../api/client.ts';

export interface Loaded<T> {
  data: T | undefined;
  /** What to show for a refusal, in Chinese. */
  error: string | undefined;
  /** The refusal itself, with its status: a 404 is often an answer ("not published yet"), not a fault. */
  problem: ApiProblem | undefined;
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
  const [state, setState] = useState<{ key?: string; tick: number; data?: T; problem?: ApiProblem }>({ tick: -1 });
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    let live = true;
    latest.current().then(
      (data) => live && setState({ key, tick, data }),
      (e: unknown) => {
        const problem = e instanceof ApiProblem ? e : new ApiProblem({ status: 0, message: '读取失败，请刷新重试', fields: [] });
        // What was on screen stays through a failed reload, unless it is gone (404).
        if (live) setState((s) => ({ key, tick, ...(s.key === key && problem.status !== 404 ? { data: s.data } : {}), problem }));
      },
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const current = state.key === key;
  const problem = current ? state.problem : undefined;
  return { data: current ? state.data : undefined, error: problem?.message, problem, loading: !current || state.tick !== tick, reload };
}
