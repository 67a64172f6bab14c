import { expect } from 'vitest';
import { decide, type CaseContext } from '../../domain/case/decide.ts';
import type { CaseCommand } from '../../domain/case/commands.ts';
import type { CaseEvent } from '../../domain/case/events.ts';
import { fold, type CaseState } from '../../domain/case/state.ts';
import type { DomainError } from '../../domain/errors.ts';
import { context as defaultContext } from './builders.ts';

/** Runs commands one after another through decide/evolve, collecting the history. */
export function run(commands: CaseCommand[], context: CaseContext = defaultContext): CaseEvent[] {
  const history: CaseEvent[] = [];
  for (const command of commands) history.push(...decide(command, fold(history), context));
  return history;
}

/** given(earlier commands).when(command).then(events) / .thenThrows(ErrorClass) */
export function given(earlier: CaseCommand[], context: CaseContext = defaultContext) {
  const events = run(earlier, context);
  const state: CaseState | undefined = fold(events);
  return {
    state,
    when(command: CaseCommand) {
      const attempt = () => decide(command, state, context);
      return {
        then(expected: object[] | ((events: CaseEvent[], after: CaseState | undefined) => void)) {
          const produced = attempt();
          if (typeof expected === 'function') {
            expected(produced, fold([...events, ...produced]));
          } else {
            expect(produced).toMatchObject(expected);
          }
          return produced;
        },
        thenThrows(errorClass: abstract new (...args: never[]) => DomainError, message?: RegExp) {
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
}
