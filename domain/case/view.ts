import type { WorkingCalendar } from '../calendar/calendar.ts';
import { maskIdNumber, maskPhone } from '../privacy.ts';
import { currentDeadline } from './deadline.ts';
import type { Applicant, CaseEvent } from './events.ts';
import type { CaseState } from './state.ts';
import { jointView } from './joint.ts';

export interface PrivacyOptions {
  /** Only callback staff and administrators see phone numbers whole. */
  revealPhone: boolean;
}

export function applicantView(applicant: Applicant, privacy: PrivacyOptions): Applicant {
  return {
    name: applicant.name,
    ...(applicant.phone === undefined ? {} : { phone: privacy.revealPhone ? applicant.phone : maskPhone(applicant.phone) }),
    ...(applicant.idNumber === undefined ? {} : { idNumber: privacy.revealPhone ? applicant.idNumber : maskIdNumber(applicant.idNumber) }),
    ...(applicant.organization === undefined ? {} : { organization: applicant.organization }),
    ...(applicant.optOut === undefined ? {} : { optOut: applicant.optOut }),
  };
}

/** What a terminal shows of a case; the deadline is recomputed against today's calendar while the case is open. */
export function caseView(state: CaseState, calendar: WorkingCalendar, privacy: PrivacyOptions) {
  const deadline = currentDeadline(state, calendar);
  return {
    caseId: state.caseId,
    caseNo: state.caseNo,
    status: state.status,
    version: state.version,
    item: state.item,
    windowId: state.windowId,
    departmentId: state.departmentId,
    siteId: state.siteId,
    receivedSiteId: state.receivedSiteId,
    channel: state.channel,
    applicant: applicantView(state.applicant, privacy),
    /** Printed on the receipt (查询码); absent on cases submitted before there was one. */
    ...(state.queryCode === null ? {} : { queryCode: state.queryCode }),
    ...(state.project ? { project: state.project } : {}),
    materials: state.materials,
    missing: state.missing,
    materialsRequests: state.materialsRequests,
    submittedAt: state.submittedAt,
    acceptedAt: state.acceptedAt,
    acceptedDate: state.acceptedDate,
    deadline: deadline?.deadline ?? null,
    deadlineProvisional: deadline?.provisional ?? false,
    suspendedWorkingDays: state.suspendedWorkingDays,
    suspension: state.suspension,
    rejectedAt: state.rejectedAt,
    rejectionReason: state.rejectionReason,
    completedAt: state.completedAt,
    decision: state.decision,
    onTime: state.onTime,
    early: state.early,
    deliveredAt: state.deliveredAt,
    deliveryMethod: state.deliveryMethod,
    /** A joint case's departments (联合审批), from acceptance. */
    joint: state.joint === null ? null : jointView(state.joint, calendar),
    updatedAt: state.updatedAt,
  };
}

export type CaseView = ReturnType<typeof caseView>;

/** What a timeline shows of an event's data: personal data masked as in the case view, and never the salted phone key. */
function shownData(event: CaseEvent, privacy: PrivacyOptions) {
  switch (event.type) {
    case 'CaseSubmitted':
      return { ...event.data, applicant: applicantView(event.data.applicant, privacy) };
    case 'RatingInvitationDue': {
      const { phoneKey: _key, ...rest } = event.data;
      return rest;
    }
    default:
      return event.data;
  }
}

/** One line of a case's timeline, with personal data masked as in the case view. */
export function timelineEntry(event: CaseEvent, version: number, privacy: PrivacyOptions) {
  const data = shownData(event, privacy);
  return {
    version,
    type: event.type,
    at: event.meta.at,
    actor: event.meta.actor,
    windowId: event.meta.windowId,
    siteId: event.meta.siteId,
    data,
  };
}
