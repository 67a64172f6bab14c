import { useEffect, useState } from 'react';
import { useLoad, type Loaded } from '../../lib/useLoad.ts';

export type Read<T> = Loaded<T>;

/** Reads what a panel shows whenever `key` changes or `reload` is called (the console's one loader, keyed by a string). */
export const useRead = <T>(key: string, load: () => Promise<T>): Read<T> => useLoad(load, [key]);

/** Re-renders every `ms`, so that what depends on the clock (a check falling due) moves on by itself. */
export function useTick(ms: number): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setCount((c) => c + 1), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return count;
}
