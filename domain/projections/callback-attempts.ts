import type { CaseEvent } from '../case/events.ts';
import type { CaseState } from '../case/state.ts';
import { documentProjection } from './projection.ts';

/** The attempts made on a case from one day's list, shown next to the list's entries. */
export const callbackListPartition = (date: string) => `callback-list#${date}`;

export const callbackAttempts = documentProjection<CaseEvent, CaseState, { caseId: string; attempts: CaseState['callback']['attempts'] }>({
  name: 'callback-attempts',
  canHandle: ['CallbackAttempted'],
  keys: ({ event, after }) => (event.type === 'CallbackAttempted' ? [{ pk: callbackListPartition(event.data.listDate), sk: `attempts#${after.caseId}` }] : []),
  evolve: ({ event, after }) =>
    event.type === 'CallbackAttempted' ? { caseId: after.caseId, attempts: after.callback.attempts.filter((a) => a.listDate === event.data.listDate) } : undefined,
});
