import { lifecycleEventTypes, type CaseEvent } from '../case/events.ts';
import { openStatuses, type CaseState, type CaseStatus } from '../case/state.ts';
import type { ItemType } from '../county.ts';
import type { LocalDate } from '../time.ts';
import { documentProjection, type ViewKey } from './projection.ts';

/** One open case in a window's backlog (窗口队列): what a clerk needs to rank it. */
export interface QueueEntry {
  caseId: string;
  caseNo: string;
  windowId: string;
  status: CaseStatus;
  item: { code: string; name: string; type: ItemType; committedDays: number };
  channel: CaseState['channel'];
  siteId: string;
  receivedSiteId: string;
  submittedAt: string;
  acceptedDate: LocalDate | null;
  suspendedWorkingDays: number;
  suspendedSince: LocalDate | null;
  /** The deadline when the entry was written; the query recomputes it against today's calendar. */
  deadline: LocalDate | null;
  missing: string[] | null;
}

export const queuePartition = (windowId: string) => `queue#${windowId}`;
export const queueKey = (windowId: string, caseId: string): ViewKey => ({ pk: queuePartition(windowId), sk: caseId });

function entryOf(state: CaseState): QueueEntry {
  return {
    caseId: state.caseId,
    caseNo: state.caseNo,
    windowId: state.windowId,
    status: state.status,
    item: { code: state.item.code, name: state.item.name, type: state.item.type, committedDays: state.item.committedDays },
    channel: state.channel,
    siteId: state.siteId,
    receivedSiteId: state.receivedSiteId,
    submittedAt: state.submittedAt,
    acceptedDate: state.acceptedDate,
    suspendedWorkingDays: state.suspendedWorkingDays,
    // A joint case's clock also stands still while the applicant works on the combined rectification list.
    suspendedSince: state.suspension?.since ?? (state.joint?.rectifications.find((r) => r.completedDate === null)?.issuedDate ?? null),
    deadline: state.deadline,
    missing: state.missing,
  };
}

/** Each window's open cases: an entry while the case is open at that window, gone when it moves or closes. */
export const windowQueue = documentProjection<CaseEvent, CaseState, QueueEntry>({
  name: 'window-queue',
  canHandle: [...lifecycleEventTypes, 'JointRectificationIssued', 'JointRectificationCompleted'],
  keys: ({ before, after }) => {
    const keys = [queueKey(after.windowId, after.caseId)];
    if (before && before.windowId !== after.windowId) keys.push(queueKey(before.windowId, before.caseId));
    return keys;
  },
  evolve: ({ after }, key) => (openStatuses.includes(after.status) && key.pk === queuePartition(after.windowId) ? entryOf(after) : undefined),
});
