import { useEffect, useRef } from 'react';

/**
 * Alt+letter shortcuts for a page (a terminal's clerk works from the keyboard). Alt keeps them out of
 * the way of typing; `event.code` makes them independent of the input method (拼音 or not).
 */
export function useHotkeys(keys: Record<string, () => void>): void {
  const current = useRef(keys);
  useEffect(() => {
    current.current = keys;
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (!event.altKey || event.ctrlKey || event.metaKey) return;
      const letter = /^Key([A-Z])$/.exec(event.code)?.[1];
      const run = letter ? current.current[letter] : undefined;
      if (!run) return;
      event.preventDefault();
      run();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
