import type { CaseEvent } from '../case/events.ts';
import type { CaseState, Rectification } from '../case/state.ts';
import { documentProjection, type ViewKey } from './projection.ts';

/** Every rectification (整改): open ones together, finished ones by the month they ended. */
export interface RectificationView extends Rectification {
  caseId: string;
  caseNo: string;
  itemName: string;
}

const finished = (r: Rectification) => r.status === 'closed' || r.status === 'voided';
export const openRectificationsPartition = 'rectifications#open';
export const doneRectificationsPartition = (month: string) => `rectifications#done#${month}`;

function keyOf(r: Rectification, done: boolean): ViewKey {
  return { pk: done ? doneRectificationsPartition((r.closedDate ?? (r.status === 'voided' ? r.recheckedDate : null) ?? r.openedDate).slice(0, 7)) : openRectificationsPartition, sk: `${r.openedDate}#${r.rectificationId}` };
}

export const rectifications = documentProjection<CaseEvent, CaseState, RectificationView>({
  name: 'rectifications',
  canHandle: ['RectificationOpened', 'RectificationVerified', 'RectificationResolved', 'RectificationAppealed', 'RectificationRechecked', 'RectificationFollowedUp', 'RectificationClosed', 'CallbackAttempted'],
  keys: ({ before, after }) =>
    after.rectifications
      .filter((r) => JSON.stringify(r) !== JSON.stringify(before?.rectifications.find((b) => b.rectificationId === r.rectificationId)))
      .flatMap((r) => [keyOf(r, false), ...(finished(r) ? [keyOf(r, true)] : [])]),
  evolve: ({ after }, key) => {
    const r = after.rectifications.find((x) => key.sk.endsWith(`#${x.rectificationId}`));
    if (!r) return undefined;
    const wanted = keyOf(r, finished(r));
    return wanted.pk === key.pk ? { ...r, caseId: after.caseId, caseNo: after.caseNo, itemName: after.item.name } : undefined;
  },
});
