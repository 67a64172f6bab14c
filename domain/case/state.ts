import type { ItemType } from '../county.ts';
import type { LocalDate } from '../time.ts';
import { answersInvitation, type Level, type ReviewChannel } from '../reviews/levels.ts';
import { evolveJoint, resumeJoint, type JointState } from './joint.ts';
import type { Applicant, CallbackOutcome, CaseEvent, Channel, Decision, DeliveryMethod, Procedure, ProjectLink, RecheckResult, RectificationVerified, Resolution } from './events.ts';

export const caseStatuses = ['submitted', 'awaiting-materials', 'accepted', 'suspended', 'rejected', 'completed', 'delivered'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** Statuses in which the case still sits in a window's backlog. */
export const openStatuses: readonly CaseStatus[] = ['submitted', 'awaiting-materials', 'accepted', 'suspended'];

export interface Review {
  reviewId: string;
  level: Level;
  /** `default` for a default review (默认评价). */
  channel: ReviewChannel | 'default';
  reviewDate: LocalDate;
  /** The window the case was at when it was reviewed: its figures stay there after a transfer. */
  windowId: string;
  bad: boolean;
  /** Voided by a re-check, or replaced (a default review, by a real one): it no longer counts. */
  voided: boolean;
  replaced: boolean;
}

export const rectificationStatuses = ['opened', 'verified', 'appealed', 'resolved', 'followed-up', 'closed', 'voided'] as const;
export type RectificationStatus = (typeof rectificationStatuses)[number];

export interface Rectification {
  rectificationId: string;
  reviewId: string;
  level: Level;
  windowId: string;
  status: RectificationStatus;
  openedDate: LocalDate;
  callbackDue: LocalDate;
  resolveDue: LocalDate;
  calledBackDate: LocalDate | null;
  finding: RectificationVerified['data']['finding'] | null;
  resolvedHow: Resolution | null;
  resolvedDate: LocalDate | null;
  appealReason: string | null;
  recheck: RecheckResult | null;
  recheckedDate: LocalDate | null;
  followUpSatisfied: boolean | null;
  closedDate: LocalDate | null;
}

export interface CallbackState {
  attempts: { listDate: LocalDate; outcome: CallbackOutcome; attemptDate: LocalDate }[];
  /** The attempts' ids: an attempt recorded again (a resend) is no new attempt. */
  attemptIds: string[];
  /** Attempts in the current round (a bad review starts a new one: it is owed its own callback). */
  round: number;
  /** Reached, refused or a wrong number: no more attempts this round. */
  settled: boolean;
}

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
  /** The receipt's query code (查询码) for the public progress lookup (null on older cases). */
  queryCode: string | null;
  /** The agency project’s step the case files (代理代办), or null (absent from states projected before projects existed). */
  project: ProjectLink | null;
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
  reviews: Review[];
  /** The SMS rating invitation: due at completion, answered by a rating reply. */
  sms: { phoneKey: string; answered: boolean; messageIds: string[] } | null;
  callback: CallbackState;
  rectifications: Rectification[];
  /** A joint case's departments, inspection and rectification rounds (联合审批), from its acceptance. */
  joint: JointState | null;
  /**
   * The window worker who took the case's latest step (承办人): a review, an archive problem or a late
   * completion is theirs on the worker's monthly score (absent from states projected before it existed).
   */
  handledBy?: { id: string; windowId: string } | null;
  updatedAt: string;
}

/** Steps a window worker takes on a case, making it theirs (承办). */
const handlingSteps: ReadonlySet<CaseEvent['type']> = new Set(['CaseSubmitted', 'MaterialsRequested', 'MaterialsSupplied', 'CaseAccepted', 'CaseRejected', 'CaseSuspended', 'CaseResumed', 'CaseCompleted', 'CaseDelivered']);

/** The worker a step makes the case's, or the one before when a step is not a window worker's. */
function handlerAfter(state: CaseState | undefined, event: CaseEvent, windowId: string): CaseState['handledBy'] {
  if (event.meta.actor.role === 'clerk' && handlingSteps.has(event.type)) return { id: event.meta.actor.id, windowId: event.meta.windowId ?? windowId };
  // A transfer hands the case on: its next worker is whoever takes the next step at the new window.
  if (event.type === 'CaseTransferred') return null;
  return state?.handledBy ?? null;
}

/** Folds one event into the case. Pure; the `default` branch breaks the build on a new event type. */
export function evolve(state: CaseState | undefined, event: CaseEvent): CaseState {
  const next = evolveCase(state, event);
  return { ...next, handledBy: handlerAfter(state, event, next.windowId) };
}

function evolveCase(state: CaseState | undefined, event: CaseEvent): CaseState {
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
      queryCode: d.queryCode ?? null,
      project: d.project ?? null,
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
      reviews: [],
      sms: null,
      callback: { attempts: [], attemptIds: [], round: 0, settled: false },
      rectifications: [],
      joint: null,
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
        joint: state.joint && resumeJoint(state.joint, event.data.stoppedWorkingDays, event.data.jointDeadlines ?? []),
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
    case 'CaseReviewed': {
      const d = event.data;
      const reviews = state.reviews.map((r) => (r.reviewId === d.replacesDefault ? { ...r, replaced: true } : r));
      reviews.push({ reviewId: d.reviewId, level: d.level, channel: d.channel, reviewDate: d.reviewDate, windowId: state.windowId, bad: d.bad, voided: false, replaced: false });
      return { ...next, reviews, sms: answersInvitation(d) && state.sms ? { ...state.sms, answered: true } : state.sms };
    }
    case 'DefaultReviewApplied':
      return {
        ...next,
        reviews: [...state.reviews, { reviewId: event.data.reviewId, level: event.data.level, channel: 'default', reviewDate: event.data.reviewDate, windowId: state.windowId, bad: false, voided: false, replaced: false }],
      };
    case 'RatingInvitationDue':
      return { ...next, sms: { phoneKey: event.data.phoneKey, answered: false, messageIds: [] } };
    case 'SmsReplyReceived': {
      const id = event.data.messageId;
      return id === null || !state.sms ? next : { ...next, sms: { ...state.sms, messageIds: [...state.sms.messageIds, id] } };
    }
    case 'CallbackAttempted': {
      const d = event.data;
      const settled = d.outcome !== 'no-answer';
      // A reached callback is the callback a bad review is owed within its working day.
      const rectifications = d.outcome === 'reached' ? state.rectifications.map((r) => (r.calledBackDate === null ? { ...r, calledBackDate: d.attemptDate } : r)) : state.rectifications;
      return {
        ...next,
        callback: {
          attempts: [...state.callback.attempts, { listDate: d.listDate, outcome: d.outcome, attemptDate: d.attemptDate }],
          attemptIds: [...state.callback.attemptIds, d.attemptId],
          round: state.callback.round + 1,
          settled,
        },
        rectifications,
      };
    }
    case 'RectificationOpened': {
      const d = event.data;
      // A bad review given on a callback was heard on that call; any other is owed a callback of its own.
      const heard = state.reviews.find((r) => r.reviewId === d.reviewId)?.channel === 'callback';
      return {
        ...next,
        callback: heard ? state.callback : { ...state.callback, round: 0, settled: false },
        rectifications: [
          ...state.rectifications,
          {
            rectificationId: d.rectificationId,
            reviewId: d.reviewId,
            level: d.level,
            windowId: d.windowId,
            status: 'opened',
            openedDate: d.openedDate,
            callbackDue: d.callbackDue,
            resolveDue: d.resolveDue,
            calledBackDate: heard ? d.openedDate : null,
            finding: null,
            resolvedHow: null,
            resolvedDate: null,
            appealReason: null,
            recheck: null,
            recheckedDate: null,
            followUpSatisfied: null,
            closedDate: null,
          },
        ],
      };
    }
    case 'RectificationVerified':
      return withRectification(next, event.data.rectificationId, () => ({ status: 'verified', finding: event.data.finding }));
    case 'RectificationResolved':
      return withRectification(next, event.data.rectificationId, () => ({ status: 'resolved', resolvedHow: event.data.how, resolvedDate: event.data.resolvedDate }));
    case 'RectificationAppealed':
      return withRectification(next, event.data.rectificationId, () => ({ status: 'appealed', appealReason: event.data.reason }));
    case 'RectificationRechecked': {
      const voided = event.data.result === 'voided';
      const after = withRectification(next, event.data.rectificationId, () => ({ status: voided ? 'voided' : 'verified', recheck: event.data.result, recheckedDate: event.data.recheckedDate }));
      const reviewId = state.rectifications.find((r) => r.rectificationId === event.data.rectificationId)?.reviewId;
      return voided ? { ...after, reviews: after.reviews.map((r) => (r.reviewId === reviewId ? { ...r, voided: true } : r)) } : after;
    }
    case 'RectificationFollowedUp':
      return withRectification(next, event.data.rectificationId, () => ({ status: 'followed-up', followUpSatisfied: event.data.satisfied }));
    case 'RectificationClosed':
      return withRectification(next, event.data.rectificationId, () => ({ status: 'closed', closedDate: event.data.closedDate }));
    case 'JointRectificationCompleted':
      // The applicant's rectification time stands the case's own clock still, as a special procedure does.
      return {
        ...next,
        joint: evolveJoint(state.joint, event),
        suspendedWorkingDays: state.suspendedWorkingDays + event.data.stoppedWorkingDays,
        deadline: event.data.caseDeadline,
        deadlineProvisional: event.data.caseDeadlineProvisional,
      };
    case 'JointReviewOpened':
    case 'JointInspectionScheduled':
    case 'JointInspectionHeld':
    case 'DepartmentDeemedConsenting':
    case 'DepartmentOpinionGiven':
    case 'JointRectificationIssued':
    case 'DepartmentDeemedApproving':
      return { ...next, joint: evolveJoint(state.joint, event) };
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled event ${(unhandled as CaseEvent).type}`);
    }
  }
}

function withRectification(state: CaseState, id: string, change: (r: Rectification) => Partial<Rectification>): CaseState {
  return { ...state, rectifications: state.rectifications.map((r) => (r.rectificationId === id ? { ...r, ...change(r) } : r)) };
}

export function fold(events: readonly CaseEvent[]): CaseState | undefined {
  return events.reduce<CaseState | undefined>(evolve, undefined);
}
