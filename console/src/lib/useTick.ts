import { useEffect, useState } from 'react';

/** Re-renders every `ms`, so that what depends on the clock (a check falling due) moves on by itself. */
export function useTick(ms: number): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setCount((c) => c + 1), ms);
    return () => clearInterval(timer);
  }, [ms]);
  return count;
}
