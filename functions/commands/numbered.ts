import type { Runtime } from '../runtime.ts';

/**
 * How a new stream takes its number from a named counter (项目编号 …), to spread into a command's
 * handling: the command is decided once with a stand-in number, so that a refused one takes none,
 * then made with the next number, which the same transaction as the events takes; a race for the
 * number is read and decided again (contended), so numbers have no gaps and no repeats.
 */
export function numbered<C>(rt: Pick<Runtime, 'events'>, counter: string, check: (command: C) => void, make: (n: number) => C) {
  let read = 0;
  return {
    isNew: true as const,
    command: async () => {
      check(make(1));
      read = await rt.events.sequenceValue(counter);
      return make(read + 1);
    },
    extra: () => [rt.events.takeSequence(counter, read)],
    contended: true as const,
  };
}
