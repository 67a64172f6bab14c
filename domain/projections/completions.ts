import type { CaseEvent } from '../case/events.ts';
import type { CaseState } from '../case/state.ts';
import type { LocalDate } from '../time.ts';
import { documentProjection } from './projection.ts';

/** The cases completed on a day: what callback lists sample from and default reviews look at. No personal data. */
export interface Completion {
  caseId: string;
  caseNo: string;
  windowId: string;
  itemName: string;
  itemType: CaseState['item']['type'];
  completedDate: LocalDate;
}

export const completionsPartition = (date: LocalDate) => `completions#${date}`;

export const completions = documentProjection<CaseEvent, CaseState, Completion>({
  name: 'completions',
  canHandle: ['CaseCompleted'],
  keys: ({ after }) => [{ pk: completionsPartition(after.completedDate ?? ''), sk: after.caseId }],
  evolve: ({ after }) => ({ caseId: after.caseId, caseNo: after.caseNo, windowId: after.windowId, itemName: after.item.name, itemType: after.item.type, completedDate: after.completedDate ?? '' }),
});
