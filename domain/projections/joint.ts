import { jointEventTypes, type JointTask, type JointTaskStatus } from '../case/joint.ts';
import type { CaseEvent } from '../case/events.ts';
import type { CaseState, CaseStatus } from '../case/state.ts';
import type { LocalDate } from '../time.ts';
import { counterProjection, documentProjection, type Counters, type ViewKey } from './projection.ts';

/** The events that change a joint task as a view shows it: every joint event, and the case's steps that move its clocks or close it. */
const jointViewEvents = [...jointEventTypes, 'CaseSuspended', 'CaseResumed', 'CaseTransferred', 'CaseCompleted'] as const satisfies readonly CaseEvent['type'][];

/** One department's task in a joint case, as its inbox lists it (no personal data but the applicant's organisation). */
export interface JointTaskEntry {
  caseId: string;
  caseNo: string;
  item: { code: string; name: string };
  /** The lead window that accepted the case. */
  windowId: string;
  caseStatus: CaseStatus;
  organization: string | null;
  departmentId: string;
  status: JointTaskStatus;
  days: number;
  inspects: boolean;
  acceptedDate: LocalDate;
  stoppedWorkingDays: number;
  /** While the applicant rectifies what it asked for: the day its clock stopped. */
  stoppedSince: LocalDate | null;
  /** The deadline when the entry was written; the query recomputes it against today's calendar. */
  deadline: LocalDate;
  inspection: { date: LocalDate | null; at: string | null; place: string | null; heldDate: LocalDate | null };
  answeredDate: LocalDate | null;
  items: { text: string }[];
}

export const jointTasksPartition = (departmentId: string) => `jointTasks#${departmentId}`;
const taskKey = (departmentId: string, status: JointTaskStatus, caseId: string): ViewKey => ({ pk: jointTasksPartition(departmentId), sk: `${status}#${caseId}` });

function entryOf(state: CaseState, task: JointTask): JointTaskEntry {
  const joint = state.joint!;
  return {
    caseId: state.caseId,
    caseNo: state.caseNo,
    item: { code: state.item.code, name: state.item.name },
    windowId: state.windowId,
    caseStatus: state.status,
    organization: state.applicant.organization ?? null,
    departmentId: task.departmentId,
    status: task.status,
    days: task.days,
    inspects: task.inspects,
    acceptedDate: joint.acceptedDate,
    stoppedWorkingDays: task.stoppedWorkingDays,
    stoppedSince: task.stoppedSince,
    deadline: task.deadline,
    inspection: { date: joint.inspection.date, at: joint.inspection.at, place: joint.inspection.place, heldDate: joint.inspection.heldDate },
    answeredDate: task.answeredDate,
    items: task.items,
  };
}

/** Each department's joint tasks (部门待办), filed by status: the inbox reads the open ones. */
export const jointTasks = documentProjection<CaseEvent, CaseState, JointTaskEntry>({
  name: 'joint-tasks',
  canHandle: jointViewEvents,
  keys: ({ before, after }) => {
    const keys = new Map<string, ViewKey>();
    for (const state of [before, after]) for (const t of state?.joint?.tasks ?? []) keys.set(`${t.departmentId} ${t.status}`, taskKey(t.departmentId, t.status, after.caseId));
    return [...keys.values()];
  },
  evolve: ({ after }, key) => {
    const task = after.joint?.tasks.find((t) => taskKey(t.departmentId, t.status, after.caseId).pk === key.pk && taskKey(t.departmentId, t.status, after.caseId).sk === key.sk);
    return task ? entryOf(after, task) : undefined;
  },
});

/** Open tasks by deadline, across departments: what the daily sweep looks at (超时默许). */
export const jointDuePartition = 'jointDue';
export interface JointDueEntry {
  caseId: string;
  departmentId: string;
  deadline: LocalDate;
}
const dueKey = (task: Pick<JointTask, 'deadline' | 'departmentId'>, caseId: string): ViewKey => ({ pk: jointDuePartition, sk: `${task.deadline}#${caseId}#${task.departmentId}` });
const isDue = (state: CaseState | undefined, task: JointTask) => state !== undefined && task.status === 'open' && (state.status === 'accepted' || state.status === 'suspended');

export const jointDue = documentProjection<CaseEvent, CaseState, JointDueEntry>({
  name: 'joint-due',
  canHandle: jointViewEvents,
  keys: ({ before, after }) => {
    const keys = new Map<string, ViewKey>();
    for (const state of [before, after]) for (const t of state?.joint?.tasks ?? []) if (isDue(state, t)) keys.set(dueKey(t, after.caseId).sk, dueKey(t, after.caseId));
    return [...keys.values()];
  },
  evolve: ({ after }, key) => {
    const task = after.joint?.tasks.find((t) => isDue(after, t) && dueKey(t, after.caseId).sk === key.sk);
    return task ? { caseId: after.caseId, departmentId: task.departmentId, deadline: task.deadline } : undefined;
  },
});

/**
 * Joint approval's counters, one row per (date, item, department — or `-` for the case as a whole):
 * `GET /stats/joint` adds them up over a period. Working days per completed case are also kept as a
 * histogram (`wd:9` …) so that the median needs no per-case documents.
 */
export const jointStatsPartition = (date: LocalDate) => `jointStats#${date.slice(0, 7)}`;
export interface JointStatsLabels {
  date: LocalDate;
  itemCode: string;
  /** `-` for the case's own figures. */
  departmentId: string;
}
const statsKey = (labels: JointStatsLabels): ViewKey => ({ pk: jointStatsPartition(labels.date), sk: `${labels.date}#${labels.itemCode}#${labels.departmentId}` });
export function jointStatsLabels(key: ViewKey): JointStatsLabels {
  const [date, itemCode, departmentId] = key.sk.split('#') as [string, string, string];
  return { date, itemCode, departmentId };
}
export const histogramPrefix = 'wd:';

function rows(event: CaseEvent, after: CaseState): { key: ViewKey; deltas: Counters }[] {
  const item = after.item.code;
  const row = (date: LocalDate, departmentId: string, deltas: Counters) => ({ key: statsKey({ date, itemCode: item, departmentId }), deltas });
  switch (event.type) {
    case 'JointReviewOpened':
      return [row(event.data.acceptedDate, '-', { cases: 1 }), ...event.data.tasks.map((t) => row(event.data.acceptedDate, t.departmentId, { tasks: 1 }))];
    case 'DepartmentOpinionGiven':
      return [row(event.data.answeredDate, event.data.departmentId, { answered: 1, answerWorkingDays: event.data.workingDaysToAnswer, [event.data.result]: 1 })];
    case 'DepartmentDeemedConsenting':
      return [row(event.data.deemedDate, event.data.departmentId, { deemedConsents: 1 })];
    case 'DepartmentDeemedApproving':
      return [row(event.data.deemedDate, event.data.departmentId, { deemedApprovals: 1 })];
    case 'JointRectificationIssued':
      return [row(event.data.issuedDate, '-', { rectifications: 1, rectificationItems: event.data.items.length })];
    case 'CaseCompleted': {
      const figures = event.data.joint;
      if (!figures) return [];
      return [
        row(event.data.completedDate, '-', {
          completed: 1,
          [event.data.decision]: 1,
          workingDays: figures.workingDays,
          serialWorkingDays: figures.serialWorkingDays,
          [`${histogramPrefix}${figures.workingDays}`]: 1,
        }),
      ];
    }
    default:
      return [];
  }
}

export const jointStatistics = counterProjection<CaseEvent, CaseState>({
  name: 'joint-statistics',
  canHandle: [...jointEventTypes, 'CaseCompleted'],
  keys: ({ event, after }) => rows(event, after).map((r) => r.key),
  deltas: ({ event, after }, key) => rows(event, after).find((r) => r.key.sk === key.sk)?.deltas ?? {},
  labels: (key) => ({ ...jointStatsLabels(key) }),
});
