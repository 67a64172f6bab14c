import type { WorkingCalendar } from '../../domain/calendar/calendar.ts';
import { currentDeadline } from '../../domain/case/deadline.ts';
import { isLifecycleEvent, type CaseEvent, type Decision, type DeliveryMethod, type LifecycleEvent } from '../../domain/case/events.ts';
import type { CaseState, CaseStatus } from '../../domain/case/state.ts';
import { localDateOf, type LocalDate } from '../../domain/time.ts';

/**
 * The words a citizen reads for each step of a case (zh-CN), in one place. Only lifecycle events are
 * steps: reviews, callbacks, rectifications and a joint case's departments are the center's business.
 */
export const stepLabels: Record<LifecycleEvent['type'], string> = {
  CaseSubmitted: '收件',
  MaterialsRequested: '一次性告知',
  MaterialsSupplied: '补正',
  CaseAccepted: '受理',
  CaseRejected: '不予受理',
  CaseSuspended: '特别程序',
  CaseResumed: '恢复',
  CaseTransferred: '转办',
  CaseCompleted: '办结',
  CaseDelivered: '送达',
};
/** A grassroots site's case forwarded up to the county (转报) rather than moved between windows. */
export const forwardedLabel = '转报';

const stepLabel = (event: LifecycleEvent) => (event.type === 'CaseTransferred' && event.data.kind === 'forward' ? forwardedLabel : stepLabels[event.type]);

/**
 * What the public lookup answers (办件进度查询): the case's status, item, dates and steps — and nothing
 * that names anyone: no applicant, no phone or ID number, no staff, no window, no reasons or notes
 * (a clerk's free text may name people).
 */
export interface Progress {
  caseNo: string;
  status: CaseStatus;
  itemName: string;
  acceptedDate: LocalDate | null;
  deadline: LocalDate | null;
  steps: { step: string; date: LocalDate }[];
  completion: { decision: Decision; date: LocalDate } | null;
  collection: { method: DeliveryMethod; deliveredDate: LocalDate } | null;
}

export function progressOf(state: CaseState, events: readonly CaseEvent[], calendar: WorkingCalendar, timeZone: string): Progress {
  const steps = events.filter(isLifecycleEvent).map((event) => ({ step: stepLabel(event), date: localDateOf(event.meta.at, timeZone) }));
  const delivered = events.findLast((e): e is Extract<CaseEvent, { type: 'CaseDelivered' }> => e.type === 'CaseDelivered');
  return {
    caseNo: state.caseNo,
    status: state.status,
    itemName: state.item.name,
    acceptedDate: state.acceptedDate,
    deadline: currentDeadline(state, calendar)?.deadline ?? null,
    steps,
    completion: state.decision === null || state.completedDate === null ? null : { decision: state.decision, date: state.completedDate },
    collection: delivered === undefined ? null : { method: delivered.data.method, deliveredDate: delivered.data.deliveredDate },
  };
}
