import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiProblem } from '../../api/client.ts';

export interface Read<T> {
  data: T | undefined;
  /** The refusal, with its status: a 404 is often an answer ("not published yet"), not a fault. */
  problem: ApiProblem | undefined;
  loading: boolean;
  /** Reads again; what is on screen stays there meanwhile. */
  reload: () => void;
}

/**
 * Reads what a panel shows whenever `key` changes or `reload` is called. An answer that arrives after
 * the panel has moved on to another key is dropped, so a slow answer never overwrites a newer one.
 */
export function useRead<T>(key: string, load: () => Promise<T>): Read<T> {
  const [tick, setTick] = useState(0);
  const [state, setState] = useState<{ key?: string; tick: number; data?: T; problem?: ApiProblem }>({ tick: -1 });
  const latest = useRef(load);
  useEffect(() => {
    latest.current = load;
  });
  useEffect(() => {
    let live = true;
    latest.current().then(
      (data) => {
        if (live) setState({ key, tick, data });
      },
      (error: unknown) => {
        const problem = error instanceof ApiProblem ? error : new ApiProblem({ status: 0, message: '读取失败，请刷新重试', fields: [] });
        if (live) setState((s) => ({ key, tick, ...(s.key === key && problem.status !== 404 ? { data: s.data } : {}), problem }));
      },
    );
    return () => {
      live = false;
    };
  }, [key, tick]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  const current = state.key === key;
  return { data: current ? state.data : undefined, problem: current ? state.problem : undefined, loading: !current || state.tick !== tick, reload };
}

/** Re-renders every `ms`, so that what depends on the clock (a check falling due) moves on by itself. */
export function useTick(ms: number): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setCount((c) => c + 1), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return count;
}
