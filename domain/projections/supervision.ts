import type { CaseEvent } from '../case/events.ts';
import type { CaseState } from '../case/state.ts';
import type { ArchiveEvent, ArchiveState } from '../archive/aggregate.ts';
import type { RosterEvent, RosterState } from '../roster/aggregate.ts';
import { videoCheckItems } from '../roster/aggregate.ts';
import type { Deduction } from '../scorecard/scorecard.ts';
import { documentProjection, type ViewKey } from './projection.ts';

/** The index of rosters by date. */
export const rostersPartition = 'rosters';

/** The day's roster as published and revised, with the checks recorded so far. */
export const rosterView = documentProjection<RosterEvent, RosterState, RosterState>({
  name: 'roster',
  canHandle: ['RosterPublished', 'RosterRevised', 'VideoCheckRecorded'],
  keys: ({ after }) => [{ pk: `roster#${after.date}`, sk: 'roster' }],
  evolve: ({ after }) => after,
});

/** Rosters by date, with what the next day's draw continues from. */
export const rosterIndex = documentProjection<RosterEvent, RosterState, { date: string; carry: RosterState['carry'] }>({
  name: 'roster-index',
  canHandle: ['RosterPublished'],
  keys: ({ after }) => [{ pk: rostersPartition, sk: after.date }],
  evolve: ({ after }) => ({ date: after.date, carry: after.carry }),
});

/** The month's archive sample and the findings recorded on it. */
export const archiveView = documentProjection<ArchiveEvent, ArchiveState, ArchiveState>({
  name: 'archive-check',
  canHandle: ['ArchiveSampleDrawn', 'ArchiveCheckRecorded'],
  keys: ({ after }) => [{ pk: `archive#${after.month}`, sk: 'archive' }],
  evolve: ({ after }) => after,
});

/** Deductions for the window scorecards, one document each, filed under the month they arose in. */
export const scorecardPartition = (month: string) => `scorecard#${month}`;
const deductionKey = (d: Deduction, id: string): ViewKey => ({ pk: scorecardPartition(d.date.slice(0, 7)), sk: `${d.windowId}#${d.kind}#${id}` });

export const videoCheckDeductions = documentProjection<RosterEvent, RosterState, Deduction>({
  name: 'scorecard-video',
  canHandle: ['VideoCheckRecorded'],
  keys: ({ event, stream, version }) => {
    if (event.type !== 'VideoCheckRecorded') return [];
    return videoCheckItems
      .filter((item) => !event.data.items[item] && !(item === 'atPost' && event.data.items.coverArranged === true))
      .map((item) => deductionKey({ kind: 'video-check', windowId: event.data.windowId, date: event.data.checkedDate, detail: item, ref: { stream, version } }, `${event.data.checkId}#${item}`));
  },
  evolve: ({ event, stream, version }, key) =>
    event.type === 'VideoCheckRecorded' ? { kind: 'video-check', windowId: event.data.windowId, date: event.data.checkedDate, detail: key.sk.split('#').at(-1)!, ref: { stream, version }, at: event.data.checkedAt } : undefined,
});

export const archiveDeductions = documentProjection<ArchiveEvent, ArchiveState, Deduction>({
  name: 'scorecard-archive',
  canHandle: ['ArchiveCheckRecorded'],
  keys: ({ event, stream, version }) =>
    event.type === 'ArchiveCheckRecorded'
      ? event.data.problems.map((p, i) => deductionKey({ kind: 'archive-problem', windowId: event.data.windowId, date: event.data.checkedDate, detail: p.code, ref: { stream, version } }, `${event.data.caseId}#${i}`))
      : [],
  evolve: ({ event, stream, version }, key) => {
    if (event.type !== 'ArchiveCheckRecorded') return undefined;
    const problem = event.data.problems[Number(key.sk.split('#').at(-1))];
    return problem ? { kind: 'archive-problem', windowId: event.data.windowId, date: event.data.checkedDate, detail: problem.code, ref: { stream, version }, staffIds: event.data.signedBy ?? [] } : undefined;
  },
});

/** A department deemed approving or consenting costs the window that answers for it (its department's, or the one the county names). */
function jointDeduction(event: CaseEvent, stream: string, version: number): Deduction | undefined {
  if (event.type === 'DepartmentDeemedApproving') return { kind: 'joint-deemed-approval', windowId: event.data.windowId, date: event.data.deemedDate, detail: event.data.departmentId, ref: { stream, version } };
  if (event.type === 'DepartmentDeemedConsenting') return { kind: 'joint-absence', windowId: event.data.windowId, date: event.data.deemedDate, detail: event.data.departmentId, ref: { stream, version } };
  return undefined;
}

/** Bad reviews (until voided) and late completions count against the window the case was at; a department's silence or absence in a joint case against its window. */
export const caseDeductions = documentProjection<CaseEvent, CaseState, Deduction>({
  name: 'scorecard-case',
  canHandle: ['CaseReviewed', 'RectificationRechecked', 'CaseCompleted', 'DepartmentDeemedApproving', 'DepartmentDeemedConsenting'],
  keys: ({ event, after, stream, version }) => {
    const joint = jointDeduction(event, stream, version);
    if (joint) return [deductionKey(joint, `${after.caseId}-${joint.detail}`)];
    if (event.type === 'CaseReviewed' && event.data.bad) return [deductionKey({ kind: 'bad-review', windowId: after.windowId, date: event.data.reviewDate, detail: event.data.level, ref: { stream, version } }, event.data.reviewId)];
    if (event.type === 'CaseCompleted' && !event.data.onTime) return [deductionKey({ kind: 'late-completion', windowId: after.windowId, date: event.data.completedDate, detail: event.data.deadline, ref: { stream, version } }, after.caseId)];
    if (event.type === 'RectificationRechecked' && event.data.result === 'voided') {
      const r = after.rectifications.find((x) => x.rectificationId === event.data.rectificationId);
      const review = after.reviews.find((x) => x.reviewId === r?.reviewId);
      return review ? [deductionKey({ kind: 'bad-review', windowId: r!.windowId, date: review.reviewDate, detail: review.level, ref: { stream, version } }, review.reviewId)] : [];
    }
    return [];
  },
  evolve: ({ event, after, stream, version }) => {
    const joint = jointDeduction(event, stream, version);
    if (joint) return joint;
    const worker = { staffIds: after.handledBy ? [after.handledBy.id] : [], siteId: after.receivedSiteId };
    if (event.type === 'CaseReviewed' && event.data.bad) return { kind: 'bad-review', windowId: after.windowId, date: event.data.reviewDate, detail: event.data.level, ref: { stream, version }, ...worker };
    if (event.type === 'CaseCompleted' && !event.data.onTime) return { kind: 'late-completion', windowId: after.windowId, date: event.data.completedDate, detail: event.data.deadline, ref: { stream, version }, ...worker };
    // A voided review no longer costs the window anything.
    return undefined;
  },
});
