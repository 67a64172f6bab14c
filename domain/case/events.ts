import type { ItemType } from '../county.ts';
import type { EventMeta } from '../meta.ts';
import type { LocalDate } from '../time.ts';

export type { Actor, EventMeta, Role } from '../meta.ts';

/** How an application reached the center. */
export const channels = ['window', 'online', 'township', 'village', 'agent'] as const;
export type Channel = (typeof channels)[number];

/** Special procedures that stop the clock (特别程序). */
export const procedures = ['hearing', 'expert-review', 'inspection', 'testing', 'other'] as const;
export type Procedure = (typeof procedures)[number];

export const decisions = ['approved', 'denied', 'forwarded'] as const;
export type Decision = (typeof decisions)[number];

export const deliveryMethods = ['in-person', 'post', 'electronic'] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];

export interface Applicant {
  name: string;
  phone: string;
  idNumber?: string | undefined;
  organization?: string | undefined;
}

type Event<Type extends string, Data> = { type: Type; data: Data; meta: EventMeta };

/** An application registered at a window, a site or online (收件). */
export type CaseSubmitted = Event<
  'CaseSubmitted',
  {
    caseId: string;
    caseNo: string;
    item: { code: string; name: string; type: ItemType; committedDays: number; statutoryDays: number };
    windowId: string;
    departmentId: string;
    siteId: string;
    channel: Channel;
    applicant: Applicant;
    materials: string[];
    submittedDate: LocalDate;
  }
>;

/** One-time notice listing everything missing (一次性告知). */
export type MaterialsRequested = Event<'MaterialsRequested', { missing: string[]; note: string | null; noticeDate: LocalDate }>;

/** The applicant brought what the notice asked for (补正材料). */
export type MaterialsSupplied = Event<'MaterialsSupplied', { materials: string[] }>;

/** Application accepted (受理): the clock starts the next working day. */
export type CaseAccepted = Event<'CaseAccepted', { acceptedDate: LocalDate; deadline: LocalDate; deadlineProvisional: boolean }>;

/** Application not accepted (不予受理), with the reason given to the applicant. */
export type CaseRejected = Event<'CaseRejected', { reason: string; rejectedDate: LocalDate }>;

/** A special procedure started (特别程序): the clock stops. */
export type CaseSuspended = Event<'CaseSuspended', { procedure: Procedure; reason: string; suspendedDate: LocalDate }>;

/** The special procedure ended (特别程序结束): the clock runs again, the deadline moves. */
export type CaseResumed = Event<
  'CaseResumed',
  { resumedDate: LocalDate; stoppedWorkingDays: number; deadline: LocalDate; deadlineProvisional: boolean }
>;

/** Moved to another window (转办), or forwarded from a township/village site to the county (上报/转报). */
export type CaseTransferred = Event<
  'CaseTransferred',
  { fromWindowId: string; fromSiteId: string; toWindowId: string; toSiteId: string; toDepartmentId: string; kind: 'transfer' | 'forward' }
>;

/** Decision made (办结): approved, denied, or forwarded up for a report-up item. */
export type CaseCompleted = Event<
  'CaseCompleted',
  { decision: Decision; note: string | null; completedDate: LocalDate; deadline: LocalDate; onTime: boolean; early: boolean | null }
>;

/** Result handed to the applicant (送达). */
export type CaseDelivered = Event<'CaseDelivered', { method: DeliveryMethod; deliveredDate: LocalDate }>;

export type CaseEvent =
  | CaseSubmitted
  | MaterialsRequested
  | MaterialsSupplied
  | CaseAccepted
  | CaseRejected
  | CaseSuspended
  | CaseResumed
  | CaseTransferred
  | CaseCompleted
  | CaseDelivered;

export type CaseEventType = CaseEvent['type'];

export const caseEventTypes = [
  'CaseSubmitted',
  'MaterialsRequested',
  'MaterialsSupplied',
  'CaseAccepted',
  'CaseRejected',
  'CaseSuspended',
  'CaseResumed',
  'CaseTransferred',
  'CaseCompleted',
  'CaseDelivered',
] as const satisfies readonly CaseEventType[];
