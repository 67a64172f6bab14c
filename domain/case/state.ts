import type { ItemType } from '../county.ts';
import type { LocalDate } from '../time.ts';
import type { Applicant, CaseEvent, Channel, Decision, DeliveryMethod, Procedure } from './events.ts';

export const caseStatuses = ['submitted', 'awaiting-materials', 'accepted', 'suspended', 'rejected', 'completed', 'delivered'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Statuses in which the case still sits in a window's backlog. */
export const openStatuses: readonly CaseStatus[] = ['submitted', 'awaiting-materials', 'accepted', 'suspended'];

export interface CaseState {
  caseId: string;
  caseNo: string;
  version: number;
  status: CaseStatus;
  item: { code: string; name: string; type: ItemType; committedDays: number; statutoryDays: number };
  windowId: string;
  departmentId: string;
  siteId: string;
  /** Where the case was first received (stays put when the case is forwarded). */
  receivedSiteId: string;
  channel: Channel;
  applicant: Applicant;
  /** Material codes on file. */
  materials: string[];
  /** The open one-time notice's list, while unanswered. */
  missing: string[] | null;
  materialsRequests: number;
  submittedAt: string;
  submittedDate: LocalDate;
  acceptedAt: string | null;
  acceptedDate: LocalDate | null;
  /** The deadline as last decided (recomputed against the current calendar on read). */
  deadline: LocalDate | null;
  deadlineProvisional: boolean;
  /** Working days the clock was stopped by special procedures that have ended. */
  suspendedWorkingDays: number;
  suspension: { since: LocalDate; procedure: Procedure; reason: string } | null;
  rejectedAt: string | null;
  rejectionReason: string | null;
  completedAt: string | null;
  completedDate: LocalDate | null;
  decision: Decision | null;
  onTime: boolean | null;
  early: boolean | null;
  deliveredAt: string | null;
  deliveryMethod: DeliveryMethod | null;
  updatedAt: string;
}

/** Folds one event into the case. Pure; the `default` branch breaks the build on a new event type. */
export function evolve(state: CaseState | undefined, event: CaseEvent): CaseState {
  if (event.type === 'CaseSubmitted') {
    const d = event.data;
    return {
      caseId: d.caseId,
      caseNo: d.caseNo,
      version: 1,
      status: 'submitted',
      item: d.item,
      windowId: d.windowId,
      departmentId: d.departmentId,
      siteId: d.siteId,
      receivedSiteId: d.siteId,
      channel: d.channel,
      applicant: d.applicant,
      materials: [...d.materials],
      missing: null,
      materialsRequests: 0,
      submittedAt: event.meta.at,
      submittedDate: d.submittedDate,
      acceptedAt: null,
      acceptedDate: null,
      deadline: null,
      deadlineProvisional: false,
      suspendedWorkingDays: 0,
      suspension: null,
      rejectedAt: null,
      rejectionReason: null,
      completedAt: null,
      completedDate: null,
      decision: null,
      onTime: null,
      early: null,
      deliveredAt: null,
      deliveryMethod: null,
      updatedAt: event.meta.at,
    };
  }
  if (!state) throw new Error(`${event.type} before CaseSubmitted`);
  const next: CaseState = { ...state, version: state.version + 1, updatedAt: event.meta.at };
  switch (event.type) {
    case 'MaterialsRequested':
      return { ...next, status: 'awaiting-materials', missing: [...event.data.missing], materialsRequests: state.materialsRequests + 1 };
    case 'MaterialsSupplied':
      return {
        ...next,
        status: 'submitted',
        missing: null,
        materials: [...new Set([...state.materials, ...event.data.materials])],
      };
    case 'CaseAccepted':
      return {
        ...next,
        status: 'accepted',
        acceptedAt: event.meta.at,
        acceptedDate: event.data.acceptedDate,
        deadline: event.data.deadline,
        deadlineProvisional: event.data.deadlineProvisional,
      };
    case 'CaseRejected':
      return { ...next, status: 'rejected', rejectedAt: event.meta.at, rejectionReason: event.data.reason, missing: null };
    case 'CaseSuspended':
      return {
        ...next,
        status: 'suspended',
        suspension: { since: event.data.suspendedDate, procedure: event.data.procedure, reason: event.data.reason },
      };
    case 'CaseResumed':
      return {
        ...next,
        status: 'accepted',
        suspension: null,
        suspendedWorkingDays: state.suspendedWorkingDays + event.data.stoppedWorkingDays,
        deadline: event.data.deadline,
        deadlineProvisional: event.data.deadlineProvisional,
      };
    case 'CaseTransferred':
      return { ...next, windowId: event.data.toWindowId, siteId: event.data.toSiteId, departmentId: event.data.toDepartmentId };
    case 'CaseCompleted':
      return {
        ...next,
        status: 'completed',
        completedAt: event.meta.at,
        completedDate: event.data.completedDate,
        decision: event.data.decision,
        deadline: event.data.deadline,
        onTime: event.data.onTime,
        early: event.data.early,
      };
    case 'CaseDelivered':
      return { ...next, status: 'delivered', deliveredAt: event.meta.at, deliveryMethod: event.data.method };
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled event ${(unhandled as CaseEvent).type}`);
    }
  }
}

export function fold(events: readonly CaseEvent[]): CaseState | undefined {
  return events.reduce<CaseState | undefined>(evolve, undefined);
}
