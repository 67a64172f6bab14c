import type { Aggregate } from '../decider.ts';
import type { CaseCommand } from './commands.ts';
import type { CaseContext } from './context.ts';
import { decide } from './decide.ts';
import { caseEventTypes, type CaseEvent } from './events.ts';
import { evolve, type CaseState } from './state.ts';
import { caseStreamPrefix } from './stream.ts';

/** The case (办件): one application for one service item, from submission to delivery, with what was said of it. */
export const caseAggregate: Aggregate<CaseCommand, CaseEvent, CaseState | undefined, CaseContext> = {
  name: 'case',
  streamPrefix: caseStreamPrefix,
  eventTypes: caseEventTypes,
  initialState: () => undefined,
  evolve,
  decide,
};
