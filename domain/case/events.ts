import type { ItemType } from '../county.ts';
import { allOf } from '../decider.ts';
import type { Level, ReviewChannel } from '../reviews/levels.ts';
import type { EventMeta } from '../meta.ts';
import type { LocalDate } from '../time.ts';
import { jointEventTypes, type JointEvent } from './joint.ts';

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
  /** Absent when the applicant gave none (callbacks then skip the case). */
  phone?: string | undefined;
  idNumber?: string | undefined;
  organization?: string | undefined;
  /** The applicant declined callbacks and rating messages (不接受回访). */
  optOut?: boolean | undefined;
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
    /** The receipt's query code (查询码) for the public progress lookup; absent on cases submitted before it existed. */
    queryCode?: string;
    /** The agency project's step the case files (代理代办); absent on every other case. */
    project?: ProjectLink;
  }
>;

/** A case filed for a step of an agency project (代办项目): the project follows the case's outcome. */
export interface ProjectLink {
  projectId: string;
  stepId: string;
}

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
  {
    resumedDate: LocalDate;
    stoppedWorkingDays: number;
    deadline: LocalDate;
    deadlineProvisional: boolean;
    /** A joint case's unanswered departments: their deadlines moved by the same days. */
    jointDeadlines?: { departmentId: string; deadline: LocalDate }[];
  }
>;

/** Moved to another window (转办), or forwarded from a township/village site to the county (上报/转报). */
export type CaseTransferred = Event<
  'CaseTransferred',
  /** `transferredDate`: the county-local day (absent from events recorded before it was). */
  { fromWindowId: string; fromSiteId: string; toWindowId: string; toSiteId: string; toDepartmentId: string; kind: 'transfer' | 'forward'; transferredDate?: LocalDate }
>;

/** Decision made (办结): approved, denied, or forwarded up for a report-up item. */
export type CaseCompleted = Event<
  'CaseCompleted',
  {
    decision: Decision;
    note: string | null;
    completedDate: LocalDate;
    deadline: LocalDate;
    onTime: boolean;
    early: boolean | null;
    /** A joint case: working days from acceptance, against the sum of its departments' limits (what going one after another would have taken). */
    joint?: { workingDays: number; serialWorkingDays: number };
  }
>;

/** Result handed to the applicant (送达). */
export type CaseDelivered = Event<'CaseDelivered', { method: DeliveryMethod; deliveredDate: LocalDate }>;

/** A rating of the service (好差评), at acceptance or at completion, through a channel. */
export type CaseReviewed = Event<
  'CaseReviewed',
  { reviewId: string; level: Level; channel: ReviewChannel; tags: string[]; text: string | null; bad: boolean; reviewDate: LocalDate; replacesDefault: string | null }
>;

/** No rating within the county's window: its default level counts (默认好评) until a real review replaces it. */
export type DefaultReviewApplied = Event<'DefaultReviewApplied', { reviewId: string; level: Level; afterDays: number; reviewDate: LocalDate }>;

/** Completion invites the applicant to rate by SMS (短信评议); sending it belongs to the notifications work. */
export type RatingInvitationDue = Event<'RatingInvitationDue', { phoneKey: string; completedAt: string }>;

/** A reply to the rating invitation that is not a rating, kept as it came. */
export type SmsReplyReceived = Event<'SmsReplyReceived', { text: string; receivedAt: string; receivedDate: LocalDate; messageId: string | null }>;

export const callbackOutcomes = ['reached', 'no-answer', 'wrong-number', 'refused'] as const;
export type CallbackOutcome = (typeof callbackOutcomes)[number];
export const callbackQuestions = ['attitude', 'speed', 'oneTimeNotice', 'timeLimit', 'integrity'] as const;
export type CallbackAnswers = Partial<Record<(typeof callbackQuestions)[number], boolean>>;

/** A telephone callback attempt (电话回访) from a day's list. */
export type CallbackAttempted = Event<
  'CallbackAttempted',
  { attemptId: string; listDate: LocalDate; attempt: number; outcome: CallbackOutcome; level: Level | null; answers: CallbackAnswers | null; comment: string | null; staffId: string; attemptDate: LocalDate }
>;

/** A bad review opens a rectification (整改) with its deadlines in working days. */
export type RectificationOpened = Event<
  'RectificationOpened',
  { rectificationId: string; reviewId: string; level: Level; openedDate: LocalDate; callbackDue: LocalDate; resolveDue: LocalDate; windowId: string }
>;

export const verificationFindings = ['confirmed', 'mistaken', 'malicious'] as const;
/** The center verified the complaint (核实). */
export type RectificationVerified = Event<'RectificationVerified', { rectificationId: string; finding: (typeof verificationFindings)[number]; note: string | null; verifiedDate: LocalDate }>;

/** How a window answers a bad review: it rectified (整改) or explained (说明). */
export const resolutions = ['rectified', 'explained'] as const;
export type Resolution = (typeof resolutions)[number];
/** The window rectified (整改) or explained (说明) what the review complained of. */
export type RectificationResolved = Event<'RectificationResolved', { rectificationId: string; how: Resolution; note: string; resolvedDate: LocalDate }>;

/** The window appealed the review as mistaken or malicious (申诉). */
export type RectificationAppealed = Event<'RectificationAppealed', { rectificationId: string; reason: string; appealedDate: LocalDate }>;

/** The re-check (复核): the review stands, or it is voided and no longer counts. */
export type RectificationRechecked = Event<'RectificationRechecked', { rectificationId: string; result: RecheckResult; note: string | null; recheckedDate: LocalDate }>;
/** A re-check's result: the review stands (upheld) or no longer counts (voided). */
export const recheckResults = ['upheld', 'voided'] as const;
export type RecheckResult = (typeof recheckResults)[number];

/** The follow-up callback after rectification (回访). */
export type RectificationFollowedUp = Event<'RectificationFollowedUp', { rectificationId: string; satisfied: boolean; note: string | null; followedUpDate: LocalDate }>;

/** The rectification is closed (办结). */
export type RectificationClosed = Event<'RectificationClosed', { rectificationId: string; note: string | null; closedDate: LocalDate }>;

/** The events that move a case through its lifecycle (reviews, callbacks and rectifications never do). */
export type LifecycleEvent = CaseSubmitted | MaterialsRequested | MaterialsSupplied | CaseAccepted | CaseRejected | CaseSuspended | CaseResumed | CaseTransferred | CaseCompleted | CaseDelivered;

/** What the applicant and the center said of the service: reviews (好差评), the SMS invitation and replies, callbacks, rectifications. */
export type ReviewEvent =
  | CaseReviewed
  | DefaultReviewApplied
  | RatingInvitationDue
  | SmsReplyReceived
  | CallbackAttempted
  | RectificationOpened
  | RectificationVerified
  | RectificationResolved
  | RectificationAppealed
  | RectificationRechecked
  | RectificationFollowedUp
  | RectificationClosed;

export type { JointEvent } from './joint.ts';

export type CaseEvent = LifecycleEvent | ReviewEvent | JointEvent;
export type CaseEventType = CaseEvent['type'];

export const lifecycleEventTypes = allOf<LifecycleEvent['type']>({
  CaseSubmitted: true,
  MaterialsRequested: true,
  MaterialsSupplied: true,
  CaseAccepted: true,
  CaseRejected: true,
  CaseSuspended: true,
  CaseResumed: true,
  CaseTransferred: true,
  CaseCompleted: true,
  CaseDelivered: true,
});
export const isLifecycleEvent = (event: CaseEvent): event is LifecycleEvent => (lifecycleEventTypes as readonly string[]).includes(event.type);

export const caseEventTypes: readonly CaseEventType[] = [
  ...lifecycleEventTypes,
  ...allOf<ReviewEvent['type']>({
    CaseReviewed: true,
    DefaultReviewApplied: true,
    RatingInvitationDue: true,
    SmsReplyReceived: true,
    CallbackAttempted: true,
    RectificationOpened: true,
    RectificationVerified: true,
    RectificationResolved: true,
    RectificationAppealed: true,
    RectificationRechecked: true,
    RectificationFollowedUp: true,
    RectificationClosed: true,
  }),
  ...jointEventTypes,
];
