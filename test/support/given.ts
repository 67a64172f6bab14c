import { expect } from 'vitest';
import { caseAggregate } from '../../domain/case/aggregate.ts';
import type { CaseContext } from '../../domain/case/context.ts';
import { fold, type Decider } from '../../domain/decider.ts';
import type { DomainError } from '../../domain/errors.ts';
import { context as defaultContext } from './builders.ts';

type ErrorClass = abstract new (...args: never[]) => DomainError;

/**
 * Specs for any decider, emmett's way: `given(history).when(command).then(events)` or `.thenThrows(Error)`.
 * The history is commands (run through the decider, each against the state before it) or events.
 */
export function specFor<C, E extends { type: string }, S, X>(decider: Decider<C, E, S, X>, defaultContextOf: X) {
  /** Runs commands one after another through decide/evolve, collecting the history. */
  const run = (commands: readonly C[], context: X = defaultContextOf): E[] => {
    const history: E[] = [];
    for (const command of commands) history.push(...decider.decide(command, fold(decider, history), context));
    return history;
  };
  const after = (events: E[], context: X) => {
    const state = fold(decider, events);
    return {
      state,
      events,
      when(command: C) {
        const attempt = () => decider.decide(command, state, context);
        return {
          then(expected: object[] | ((produced: E[], next: S) => void)) {
            const produced = attempt();
            if (typeof expected === 'function') expected(produced, fold(decider, [...events, ...produced]));
            else expect(produced).toMatchObject(expected);
            return produced;
          },
          thenThrows(errorClass: ErrorClass, message?: RegExp) {
            let thrown: unknown;
            try {
              attempt();
            } catch (error) {
              thrown = error;
            }
            expect(thrown).toBeInstanceOf(errorClass);
            if (message) expect((thrown as Error).message).toMatch(message);
            return thrown as DomainError;
          },
        };
      },
    };
  };
  return {
    run,
    /** After these commands. */
    given: (earlier: readonly C[], context: X = defaultContextOf) => after(run(earlier, context), context),
    /** After these events. */
    givenEvents: (events: readonly E[], context: X = defaultContextOf) => after([...events], context),
  };
}

const cases = specFor<Parameters<typeof caseAggregate.decide>[0], Parameters<typeof caseAggregate.evolve>[1], ReturnType<typeof caseAggregate.initialState>, CaseContext>(caseAggregate, defaultContext);
/** The case's specs: given(earlier commands).when(command).then(events). */
export const { run, given } = cases;
