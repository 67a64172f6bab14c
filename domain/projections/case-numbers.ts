import type { CaseEvent } from '../case/events.ts';
import type { CaseState } from '../case/state.ts';
import { documentProjection } from './projection.ts';

/**
 * Case numbers (办件号) to case ids: what the public progress lookup starts from. Nothing else: the
 * lookup checks the code against the case's own stream (one consistent Query), so no view holds a
 * phone number's digits or the query code, and the answer is as current as the case.
 */
export const caseNoPartition = (caseNo: string) => `case-no#${caseNo}`;
export const caseNoKey = (caseNo: string) => ({ pk: caseNoPartition(caseNo), sk: 'case' });

export const caseNumbers = documentProjection<CaseEvent, CaseState, { caseId: string }>({
  name: 'case-numbers',
  canHandle: ['CaseSubmitted'],
  keys: ({ after }) => [caseNoKey(after.caseNo)],
  evolve: ({ after }) => ({ caseId: after.caseId }),
});
