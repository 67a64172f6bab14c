import type { AttendanceEvent, AttendanceState } from '../attendance/aggregate.ts';
import type { CaseEvent } from '../case/events.ts';
import type { CaseState } from '../case/state.ts';
import type { SiteInspectionEvent, SiteInspectionState, SiteInspected } from '../site-inspection/aggregate.ts';
import type { LocalDate } from '../time.ts';
import { counterProjection, documentProjection, type ViewKey } from './projection.ts';
import { scorecardPartition } from './supervision.ts';

/**
 * What the assessments beyond the windows read besides the windows' deductions (考核): forwards from
 * grassroots sites, wrong numbers their callbacks found, bad reviews' rectifications by the month they
 * fall due, the center's inspections of sites — each with the event behind it, filed in the month's
 * scorecard partition — plus each worker's completions and their days at the terminal.
 */
type Ref = { stream: string; version: number };

/** A grassroots site forwarded a case to the county (上报/转县级): on time within the county's working days. */
export interface ForwardingFact {
  kind: 'forwarding';
  siteId: string;
  receivedSiteId: string;
  caseNo: string;
  submittedDate: LocalDate;
  date: LocalDate;
  ref: Ref;
}

/** A callback found the number recorded at the receiving site wrong. */
export interface WrongNumberFact {
  kind: 'wrong-number';
  siteId: string;
  windowId: string;
  caseNo: string;
  date: LocalDate;
  ref: Ref;
}

/** A bad review's rectification, filed under the month it falls due: resolved (rectified or explained) by then, or not. A voided one is gone. */
export interface RectificationFact {
  kind: 'rectification';
  windowId: string;
  rectificationId: string;
  caseNo: string;
  openedDate: LocalDate;
  resolveDue: LocalDate;
  resolvedDate: LocalDate | null;
  ref: Ref;
}

export interface SiteInspectionFact extends Omit<SiteInspected['data'], 'inspectorId'> {
  kind: 'site-inspection';
  inspectorId: string;
  ref: Ref;
}

export type AssessmentFact = ForwardingFact | WrongNumberFact | RectificationFact | SiteInspectionFact;

const factKey = (date: LocalDate, subject: string, kind: AssessmentFact['kind'], id: string): ViewKey => ({ pk: scorecardPartition(date.slice(0, 7)), sk: `${subject}#${kind}#${id}` });

const rectificationOf = (event: CaseEvent, after: CaseState) => {
  if (event.type !== 'RectificationOpened' && event.type !== 'RectificationResolved' && event.type !== 'RectificationRechecked') return undefined;
  return after.rectifications.find((r) => r.rectificationId === event.data.rectificationId);
};

export const caseAssessmentFacts = documentProjection<CaseEvent, CaseState, ForwardingFact | WrongNumberFact | RectificationFact>({
  name: 'assessment-case',
  canHandle: ['CaseTransferred', 'CallbackAttempted', 'RectificationOpened', 'RectificationResolved', 'RectificationRechecked'],
  keys: ({ event, after, version }) => {
    if (event.type === 'CaseTransferred') {
      if (event.data.kind !== 'forward') return [];
      return [factKey(event.data.transferredDate ?? event.meta.at.slice(0, 10), `site#${event.data.fromSiteId}`, 'forwarding', `${after.caseId}#${version}`)];
    }
    if (event.type === 'CallbackAttempted') return event.data.outcome === 'wrong-number' ? [factKey(event.data.attemptDate, `site#${after.receivedSiteId}`, 'wrong-number', event.data.attemptId)] : [];
    const r = rectificationOf(event, after);
    // A re-check that upholds the review changes nothing; one that voids it takes the rectification out.
    if (!r || (event.type === 'RectificationRechecked' && event.data.result !== 'voided')) return [];
    return [factKey(r.resolveDue, `window#${r.windowId}`, 'rectification', r.rectificationId)];
  },
  evolve: ({ event, after, stream, version }) => {
    const ref = { stream, version };
    if (event.type === 'CaseTransferred') return { kind: 'forwarding', siteId: event.data.fromSiteId, receivedSiteId: after.receivedSiteId, caseNo: after.caseNo, submittedDate: after.submittedDate, date: event.data.transferredDate ?? event.meta.at.slice(0, 10), ref };
    if (event.type === 'CallbackAttempted') return { kind: 'wrong-number', siteId: after.receivedSiteId, windowId: after.windowId, caseNo: after.caseNo, date: event.data.attemptDate, ref };
    const r = rectificationOf(event, after);
    if (!r || r.status === 'voided') return undefined;
    return { kind: 'rectification', windowId: r.windowId, rectificationId: r.rectificationId, caseNo: after.caseNo, openedDate: r.openedDate, resolveDue: r.resolveDue, resolvedDate: r.resolvedDate, ref };
  },
});

export const siteInspectionFacts = documentProjection<SiteInspectionEvent, SiteInspectionState, SiteInspectionFact>({
  name: 'assessment-site-inspection',
  canHandle: ['SiteInspected'],
  keys: ({ event }) => [factKey(event.data.date, `site#${event.data.siteId}`, 'site-inspection', event.data.date)],
  evolve: ({ event, stream, version }) => ({ kind: 'site-inspection', ...event.data, ref: { stream, version } }),
});

/** Each worker's completions of the month (办件量, 按期办结), one counter row per worker and window. */
export const staffStatsPartition = (month: string) => `staff-stats#${month}`;
export const staffStats = counterProjection<CaseEvent, CaseState>({
  name: 'staff-stats',
  canHandle: ['CaseCompleted'],
  keys: ({ event, after }) => (event.type === 'CaseCompleted' && event.meta.actor.role === 'clerk' ? [{ pk: staffStatsPartition(event.data.completedDate.slice(0, 7)), sk: `${event.meta.actor.id}#${event.meta.windowId ?? after.windowId}` }] : []),
  deltas: ({ event }): Record<string, number> => (event.type === 'CaseCompleted' ? { completed: 1, onTime: event.data.onTime ? 1 : 0, late: event.data.onTime ? 0 : 1 } : {}),
  labels: (key) => {
    const [staffId, windowId] = key.sk.split('#') as [string, string];
    return { staffId, windowId };
  },
});

/** A worker's day at the terminal, filed under its month. */
export const attendancePartition = (month: string) => `attendance#${month}`;
export type AttendanceDay = AttendanceState & { stream: string };
export const attendanceView = documentProjection<AttendanceEvent, AttendanceState, AttendanceDay>({
  name: 'attendance',
  canHandle: ['ClerkSignedIn', 'ClerkSignedOut', 'LeaveRecorded'],
  keys: ({ event }) => [{ pk: attendancePartition(event.data.date.slice(0, 7)), sk: `${event.data.staffId}#${event.data.date}` }],
  evolve: ({ after, stream }) => ({ ...after, stream }),
});
