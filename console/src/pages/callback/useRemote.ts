import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiProblem } from '../../api/client.ts';

export interface Remote<T> {
  /** The last answer of this `load` (kept while a reload runs, so the list does not flash empty). */
  data: T | undefined;
  error: ApiProblem | undefined;
  loading: boolean;
  reload: () => void;
}

/**
 * A read that runs whenever `load` changes (give it a `useCallback` over what it reads) and on
 * `reload()`; an answer that arrives after a newer request was made is dropped.
 */
export function useRemote<T>(load: () => Promise<T>): Remote<T> {
  const [tick, setTick] = useState(0);
  const request = useMemo(() => ({ load, tick }), [load, tick]);
  const [answer, setAnswer] = useState<{ request?: typeof request; data?: T; error?: ApiProblem }>({});
  useEffect(() => {
    let live = true;
    request.load().then(
      (data) => live && setAnswer({ request, data }),
      (error: unknown) => live && setAnswer((previous) => ({ request, data: previous.request?.load === request.load ? previous.data : undefined, error: error instanceof ApiProblem ? error : new ApiProblem({ status: 0, message: '读取失败，请刷新页面', fields: [] }) })),
    );
    return () => {
      live = false;
    };
  }, [request]);
  const reload = useCallback(() => setTick((t) => t + 1), []);
  return { data: answer.request?.load === load ? answer.data : undefined, error: answer.request === request ? answer.error : undefined, loading: answer.request !== request, reload };
}
