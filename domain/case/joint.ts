import type { WorkingCalendar } from '../calendar/calendar.ts';
import type { CountyIndex, Item } from '../county.ts';
import { allOf } from '../decider.ts';
import { IllegalTransition, InvalidInput, RuleViolation, type FieldError } from '../errors.ts';
import { eventMetaOf, type CommandMeta, type EventMeta } from '../meta.ts';
import { addDays, localDateOf, type LocalDate } from '../time.ts';
import { deadlineOf } from './deadline.ts';

/**
 * Joint approval (联合验收, 联合测量): one window accepts, every department of the item reviews in
 * parallel against its own fixed working-day limit, those that inspect meet at one joint site
 * inspection, and their rectification requests go to the applicant as one combined list.
 *
 * It lives in the case's own stream rather than in an aggregate beside it: completing the case is
 * allowed only on the departments' answers, and one stream makes that check and the completion one
 * decision (no cross-stream race, no process manager); the case's timeline, which archive checks
 * read, then holds every department's step; and the handful of departments answering one case at
 * human speed costs a retried append at worst.
 */

/** Where a department's review stands. */
export const jointTaskStatuses = ['open', 'passed', 'rectify', 'failed', 'deemed-consenting', 'deemed-approving'] as const;
export type JointTaskStatus = (typeof jointTaskStatuses)[number];
/** A department's answer. */
export const opinionResults = ['pass', 'rectify', 'fail'] as const;
export type OpinionResult = (typeof opinionResults)[number];

/** Statuses that let the case be approved. */
export const approvingStatuses: readonly JointTaskStatus[] = ['passed', 'deemed-consenting', 'deemed-approving'];

type Event<Type extends string, Data> = { type: Type; data: Data; meta: EventMeta };
type Command<Type extends string, Data> = { type: Type; data: Data; meta: CommandMeta };

export interface JointTaskTerms {
  departmentId: string;
  /** The window that answers for the department (its scorecard). */
  windowId: string;
  days: number;
  inspects: boolean;
  materials: string[];
}

/** Acceptance of a joint case opens one task per department, each with its working-day deadline (联合审查启动). */
export type JointReviewOpened = Event<'JointReviewOpened', { acceptedDate: LocalDate; inspection: boolean; tasks: (JointTaskTerms & { deadline: LocalDate; deadlineProvisional: boolean })[] }>;
/** The joint site inspection is appointed (联合踏勘/验收 time and place), or moved. */
export type JointInspectionScheduled = Event<'JointInspectionScheduled', { at: string; date: LocalDate; place: string }>;
export interface Absence {
  departmentId: string;
  justified: boolean;
  reason: string | null;
}
/** The joint inspection took place: who came, who did not and why (联合验收现场). */
export type JointInspectionHeld = Event<'JointInspectionHeld', { heldDate: LocalDate; present: string[]; absent: Absence[] }>;
/** A department absent from the inspection without good reason is deemed to consent (无正当理由缺席默认). */
export type DepartmentDeemedConsenting = Event<'DepartmentDeemedConsenting', { departmentId: string; windowId: string; deemedDate: LocalDate }>;
/** A department's opinion (部门意见): pass, the rectifications it asks for, or fail. */
export type DepartmentOpinionGiven = Event<
  'DepartmentOpinionGiven',
  { departmentId: string; windowId: string; result: OpinionResult; items: { text: string }[]; note: string | null; answeredDate: LocalDate; deadline: LocalDate; workingDaysToAnswer: number }
>;
/** The combined list of every department's rectifications, in one notice (一次性整改通知). */
export type JointRectificationIssued = Event<'JointRectificationIssued', { round: number; issuedDate: LocalDate; items: { departmentId: string; text: string }[]; departments: string[] }>;
/** The applicant reports the rectification done: the departments that asked review again, their clocks moved on by the days stopped. */
export type JointRectificationCompleted = Event<
  'JointRectificationCompleted',
  {
    round: number;
    completedDate: LocalDate;
    stoppedWorkingDays: number;
    departments: { departmentId: string; deadline: LocalDate }[];
    /** The case's own deadline, moved by the same days (the applicant's time does not count against the center). */
    caseDeadline: LocalDate;
    caseDeadlineProvisional: boolean;
  }
>;
/** A department that let its deadline pass without an opinion is deemed to approve (超时默许). */
export type DepartmentDeemedApproving = Event<'DepartmentDeemedApproving', { departmentId: string; windowId: string; deadline: LocalDate; deemedDate: LocalDate; sweepDate: LocalDate }>;

export type JointEvent =
  | JointReviewOpened
  | JointInspectionScheduled
  | JointInspectionHeld
  | DepartmentDeemedConsenting
  | DepartmentOpinionGiven
  | JointRectificationIssued
  | JointRectificationCompleted
  | DepartmentDeemedApproving;

/** Appoint the joint inspection (安排联合验收). */
export type ScheduleJointInspection = Command<'ScheduleJointInspection', { at: string; place: string }>;
/** Record who came to the joint inspection (记录联合验收). */
export type RecordJointInspection = Command<'RecordJointInspection', { present: string[]; absent: { departmentId: string; justified: boolean; reason?: string | undefined }[] }>;
/** A department gives its opinion (部门出具意见). */
export type GiveDepartmentOpinion = Command<'GiveDepartmentOpinion', { departmentId: string; result: OpinionResult; items?: { text: string }[] | undefined; note?: string | undefined }>;
/** Issue the combined rectification list (出具整改通知). */
export type IssueJointRectification = Command<'IssueJointRectification', Record<string, never>>;
/** The applicant reports the rectification done (整改完成). */
export type CompleteJointRectification = Command<'CompleteJointRectification', Record<string, never>>;
/** Deem every department whose deadline is before `date` and that has not answered to approve (超时默许). */
export type SweepJointDeadlines = Command<'SweepJointDeadlines', { date: LocalDate }>;

export type JointCommand = ScheduleJointInspection | RecordJointInspection | GiveDepartmentOpinion | IssueJointRectification | CompleteJointRectification | SweepJointDeadlines;

export interface JointTask extends JointTaskTerms {
  status: JointTaskStatus;
  /** The deadline as last decided (recomputed against the current calendar on read). */
  deadline: LocalDate;
  deadlineProvisional: boolean;
  /** Working days its clock stood still in finished rectification rounds (and special procedures). */
  stoppedWorkingDays: number;
  /** While a rectification it asked for is with the applicant: the day its clock stopped. */
  stoppedSince: LocalDate | null;
  answeredAt: string | null;
  answeredDate: LocalDate | null;
  /** The rectifications it asked for last. */
  items: { text: string }[];
  note: string | null;
  /** In the rectification round out now, or waiting for the next notice. */
  round: number | null;
}

export interface JointRectificationRound {
  round: number;
  issuedDate: LocalDate;
  items: { departmentId: string; text: string }[];
  departments: string[];
  completedDate: LocalDate | null;
  stoppedWorkingDays: number | null;
}

export interface JointState {
  acceptedDate: LocalDate;
  tasks: JointTask[];
  inspection: {
    required: boolean;
    at: string | null;
    date: LocalDate | null;
    place: string | null;
    heldDate: LocalDate | null;
    present: string[];
    absent: Absence[];
  };
  rectifications: JointRectificationRound[];
}

export const jointEventTypes = allOf<JointEvent['type']>({
  JointReviewOpened: true,
  JointInspectionScheduled: true,
  JointInspectionHeld: true,
  DepartmentDeemedConsenting: true,
  DepartmentOpinionGiven: true,
  JointRectificationIssued: true,
  JointRectificationCompleted: true,
  DepartmentDeemedApproving: true,
});

/** A task's deadline against `calendar`: acceptance + its days + the days its clock stood still. */
export function taskDeadline(acceptedDate: LocalDate, task: Pick<JointTask, 'days' | 'stoppedWorkingDays'>, calendar: WorkingCalendar) {
  const deadline = calendar.addWorkingDays(acceptedDate, task.days + task.stoppedWorkingDays);
  return { deadline, provisional: calendar.anyProvisional(acceptedDate, deadline) };
}

/** The rectification round with the applicant now, if any. */
export const openRound = (joint: JointState): JointRectificationRound | undefined => joint.rectifications.find((r) => r.completedDate === null);

/**
 * The tasks at acceptance of a joint item (none for any other item). A department answers through the
 * window the county names for it, else its window at the case's site (a township's own), else its first.
 */
export function openJointReview(item: Item | undefined, acceptedDate: LocalDate, siteId: string, county: CountyIndex, calendar: WorkingCalendar, meta: EventMeta): JointReviewOpened[] {
  if (item?.type !== 'joint' || item.joint === undefined) return [];
  const tasks = item.joint.departments.map((d) => {
    const { deadline, provisional } = taskDeadline(acceptedDate, { days: d.days, stoppedWorkingDays: 0 }, calendar);
    const here = county.county.windows.find((w) => w.departmentId === d.departmentId && w.siteId === siteId);
    const windowId = d.windowId ?? here?.id ?? county.windowOfDepartment(d.departmentId)?.id ?? item.windowId;
    return { departmentId: d.departmentId, windowId, days: d.days, inspects: d.inspects, materials: [...d.materials], deadline, deadlineProvisional: provisional };
  });
  return [{ type: 'JointReviewOpened', data: { acceptedDate, inspection: item.joint.inspection, tasks }, meta }];
}

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/** The county-local HH:MM of an instant. */
function localMinutes(instant: string, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).formatToParts(Date.parse(instant));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  return part('hour') * 60 + part('minute');
}

/**
 * The latest date a sweep may run for at `now`: a deadline day is over when the hall has closed, so
 * after closing time the sweep may count today as passed (date = tomorrow), before it only yesterday.
 */
export function latestSweepDate(now: string, county: CountyIndex): LocalDate {
  const { timeZone, supervision } = county.county;
  const today = localDateOf(now, timeZone);
  return localMinutes(now, timeZone) >= minutesOf(supervision.hall.closes) ? addDays(today, 1) : today;
}

function taskOf(joint: JointState, departmentId: string, path: string): JointTask {
  const task = joint.tasks.find((t) => t.departmentId === departmentId);
  if (!task) throw new InvalidInput('Not a department of this joint case', [{ path, message: `department ${departmentId} has no task in this case` }]);
  return task;
}

const describeStatus: Record<JointTaskStatus, string> = {
  open: 'is still reviewing',
  passed: 'has passed it',
  rectify: 'asked for rectification',
  failed: 'has failed it',
  'deemed-consenting': 'is deemed consenting (absent from the inspection without reason)',
  'deemed-approving': 'is deemed approving (its deadline passed without an opinion)',
};

/** What the joint commands need of the case. */
export interface JointCase {
  caseNo: string;
  status: string;
  joint: JointState | null;
  item: { committedDays: number };
  suspendedWorkingDays: number;
}

/** Decides a joint command: the events to append, or a domain error. Pure. */
export function decideJoint(command: JointCommand, state: JointCase, context: { county: CountyIndex; calendar: WorkingCalendar }, today: LocalDate): JointEvent[] {
  const joint = state.joint;
  if (command.type === 'SweepJointDeadlines') {
    const latest = latestSweepDate(command.meta.now, context.county);
    if (command.data.date > latest) {
      throw new RuleViolation('A sweep cannot count a day as passed before the hall has closed on it', { date: command.data.date, latest });
    }
    // A suspended case's clocks stand still; a closed or not yet accepted case has nothing to deem.
    if (joint === null || state.status !== 'accepted') return [];
    return sweep(joint, command, context.calendar, today);
  }
  if (joint === null) {
    throw new IllegalTransition(state.status === 'submitted' || state.status === 'awaiting-materials' ? `case ${state.caseNo} is not accepted yet: its joint review opens at acceptance` : `case ${state.caseNo} is not a joint case`);
  }
  if (state.status !== 'accepted') throw new IllegalTransition(`cannot ${command.type} a case that is ${state.status}`);
  const meta = eventMetaOf(command.meta);
  const { calendar } = context;
  switch (command.type) {
    case 'ScheduleJointInspection': {
      if (!joint.inspection.required) throw new RuleViolation('This item has no joint inspection', {});
      if (joint.inspection.heldDate !== null) throw new IllegalTransition(`the joint inspection was held on ${joint.inspection.heldDate}`);
      const at = new Date(command.data.at).toISOString();
      if (at < command.meta.now) throw new InvalidInput('An inspection is appointed for a time to come', [{ path: 'at', message: `${command.data.at} has passed` }]);
      const date = localDateOf(at, context.county.county.timeZone);
      if (!calendar.isWorkingDay(date)) throw new InvalidInput('An inspection is appointed on a working day', [{ path: 'at', message: `${date} is not a working day` }]);
      // An inspecting department answers after the inspection: holding it after their time runs out would deem them approving unheard.
      const due = joint.tasks
        .filter((t) => t.inspects && t.status === 'open')
        .map((t) => taskDeadline(joint.acceptedDate, t, calendar).deadline)
        .sort()[0];
      if (due !== undefined && date > due) throw new RuleViolation('The joint inspection is held within the inspecting departments’ time limits', { date, latest: due });
      return [{ type: 'JointInspectionScheduled', data: { at, date, place: command.data.place }, meta }];
    }
    case 'RecordJointInspection':
      return recordInspection(joint, command, today);
    case 'GiveDepartmentOpinion': {
      const d = command.data;
      const task = taskOf(joint, d.departmentId, 'departmentId');
      if (task.status !== 'open') throw new IllegalTransition(`department ${d.departmentId} ${describeStatus[task.status]}`);
      if (task.inspects && joint.inspection.required && joint.inspection.heldDate === null) {
        throw new IllegalTransition(`department ${d.departmentId} gives its opinion after the joint inspection, which has not been held`);
      }
      const { deadline } = taskDeadline(joint.acceptedDate, task, calendar);
      if (today > deadline) {
        throw new RuleViolation('The department’s deadline has passed: it is deemed to approve (超时默许)', { departmentId: d.departmentId, deadline });
      }
      const items = (d.items ?? []).map((i) => ({ text: i.text }));
      const errors: FieldError[] = [];
      if (d.result === 'rectify' && items.length === 0) errors.push({ path: 'items', message: 'a rectification opinion lists what to rectify' });
      if (d.result === 'pass' && items.length > 0) errors.push({ path: 'items', message: 'a passing opinion asks for no rectification' });
      if (d.result === 'fail' && (d.note === undefined || d.note.trim() === '') && items.length === 0) errors.push({ path: 'note', message: 'a failing opinion gives its reason' });
      if (errors.length > 0) throw new InvalidInput('The opinion does not fit its result', errors);
      const stoppedBefore = task.stoppedWorkingDays;
      const workingDaysToAnswer = Math.max(0, calendar.workingDaysBetween(joint.acceptedDate, today) - stoppedBefore);
      return [
        {
          type: 'DepartmentOpinionGiven',
          data: { departmentId: d.departmentId, windowId: task.windowId, result: d.result, items, note: d.note ?? null, answeredDate: today, deadline, workingDaysToAnswer },
          meta,
        },
      ];
    }
    case 'IssueJointRectification': {
      const out = openRound(joint);
      if (out) throw new IllegalTransition(`the combined list of round ${out.round} is still with the applicant`);
      const asking = joint.tasks.filter((t) => t.status === 'rectify');
      if (asking.length === 0) throw new IllegalTransition('no department has asked for a rectification');
      return [
        {
          type: 'JointRectificationIssued',
          data: {
            round: joint.rectifications.length + 1,
            issuedDate: today,
            items: asking.flatMap((t) => t.items.map((i) => ({ departmentId: t.departmentId, text: i.text }))),
            departments: asking.map((t) => t.departmentId),
          },
          meta,
        },
      ];
    }
    case 'CompleteJointRectification': {
      const out = openRound(joint);
      if (!out) throw new IllegalTransition('no combined rectification list is with the applicant');
      const stopped = calendar.workingDaysBetween(out.issuedDate, today);
      const departments = joint.tasks
        .filter((t) => out.departments.includes(t.departmentId))
        .map((t) => ({ departmentId: t.departmentId, deadline: taskDeadline(joint.acceptedDate, { days: t.days, stoppedWorkingDays: t.stoppedWorkingDays + stopped }, calendar).deadline }));
      const caseDeadline = deadlineOf(joint.acceptedDate, state.item.committedDays, state.suspendedWorkingDays + stopped, calendar);
      return [
        {
          type: 'JointRectificationCompleted',
          data: { round: out.round, completedDate: today, stoppedWorkingDays: stopped, departments, caseDeadline: caseDeadline.deadline, caseDeadlineProvisional: caseDeadline.provisional },
          meta,
        },
      ];
    }
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${(unhandled as JointCommand).type}`);
    }
  }
}

function recordInspection(joint: JointState, command: RecordJointInspection, today: LocalDate): JointEvent[] {
  const { inspection } = joint;
  if (!inspection.required) throw new RuleViolation('This item has no joint inspection', {});
  if (inspection.heldDate !== null) throw new IllegalTransition(`the joint inspection was held on ${inspection.heldDate}`);
  if (inspection.date === null) throw new IllegalTransition('the joint inspection has not been appointed');
  if (today < inspection.date) throw new RuleViolation('The inspection is recorded on or after its appointed day', { appointed: inspection.date });
  const { present, absent } = command.data;
  const inspecting = new Set(joint.tasks.filter((t) => t.inspects).map((t) => t.departmentId));
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  const check = (departmentId: string, path: string) => {
    if (!joint.tasks.some((t) => t.departmentId === departmentId)) errors.push({ path, message: `department ${departmentId} has no task in this case` });
    else if (!inspecting.has(departmentId)) errors.push({ path, message: `department ${departmentId} does not inspect` });
    else if (seen.has(departmentId)) errors.push({ path, message: `department ${departmentId} is listed twice` });
    seen.add(departmentId);
  };
  present.forEach((id, i) => check(id, `present.${i}`));
  absent.forEach((a, i) => {
    check(a.departmentId, `absent.${i}.departmentId`);
    if (a.justified && (a.reason === undefined || a.reason.trim() === '')) errors.push({ path: `absent.${i}.reason`, message: 'a justified absence gives its reason' });
  });
  const missing = [...inspecting].filter((id) => !seen.has(id));
  if (missing.length > 0) errors.push({ path: 'present', message: `every inspecting department is present or absent; not listed: ${missing.join(', ')}` });
  if (errors.length > 0) throw new InvalidInput('The attendance does not fit the inspecting departments', errors);
  const meta = eventMetaOf(command.meta);
  const held: JointEvent = { type: 'JointInspectionHeld', data: { heldDate: today, present: [...present], absent: absent.map((a) => ({ departmentId: a.departmentId, justified: a.justified, reason: a.reason ?? null })) }, meta };
  const deemed: JointEvent[] = absent
    .filter((a) => !a.justified)
    .map((a) => joint.tasks.find((t) => t.departmentId === a.departmentId)!)
    .filter((t) => t.status === 'open')
    .map((t) => ({ type: 'DepartmentDeemedConsenting', data: { departmentId: t.departmentId, windowId: t.windowId, deemedDate: today }, meta }));
  return [held, ...deemed];
}

function sweep(joint: JointState, command: SweepJointDeadlines, calendar: WorkingCalendar, today: LocalDate): JointEvent[] {
  const meta = eventMetaOf(command.meta);
  return joint.tasks.flatMap((task): JointEvent[] => {
    if (task.status !== 'open') return [];
    const { deadline } = taskDeadline(joint.acceptedDate, task, calendar);
    if (!(deadline < command.data.date)) return [];
    return [{ type: 'DepartmentDeemedApproving', data: { departmentId: task.departmentId, windowId: task.windowId, deadline, deemedDate: today, sweepDate: command.data.date }, meta }];
  });
}

const withTask = (joint: JointState, departmentId: string, change: (t: JointTask) => Partial<JointTask>): JointState => ({
  ...joint,
  tasks: joint.tasks.map((t) => (t.departmentId === departmentId ? { ...t, ...change(t) } : t)),
});

/** Folds a joint event into the case's joint part. Pure. */
export function evolveJoint(joint: JointState | null, event: JointEvent): JointState {
  if (event.type === 'JointReviewOpened') {
    const d = event.data;
    return {
      acceptedDate: d.acceptedDate,
      tasks: d.tasks.map((t) => ({ ...t, status: 'open', stoppedWorkingDays: 0, stoppedSince: null, answeredAt: null, answeredDate: null, items: [], note: null, round: null })),
      inspection: { required: d.inspection, at: null, date: null, place: null, heldDate: null, present: [], absent: [] },
      rectifications: [],
    };
  }
  if (joint === null) throw new Error(`${event.type} before JointReviewOpened`);
  switch (event.type) {
    case 'JointInspectionScheduled':
      return { ...joint, inspection: { ...joint.inspection, at: event.data.at, date: event.data.date, place: event.data.place } };
    case 'JointInspectionHeld':
      return { ...joint, inspection: { ...joint.inspection, heldDate: event.data.heldDate, present: [...event.data.present], absent: event.data.absent.map((a) => ({ ...a })) } };
    case 'DepartmentDeemedConsenting':
      return withTask(joint, event.data.departmentId, () => ({ status: 'deemed-consenting', answeredAt: event.meta.at, answeredDate: event.data.deemedDate }));
    case 'DepartmentDeemedApproving':
      return withTask(joint, event.data.departmentId, () => ({ status: 'deemed-approving', answeredAt: event.meta.at, answeredDate: event.data.deemedDate, deadline: event.data.deadline }));
    case 'DepartmentOpinionGiven': {
      const d = event.data;
      const status: JointTaskStatus = d.result === 'pass' ? 'passed' : d.result === 'fail' ? 'failed' : 'rectify';
      return withTask(joint, d.departmentId, () => ({ status, answeredAt: event.meta.at, answeredDate: d.answeredDate, items: d.items.map((i) => ({ ...i })), note: d.note, deadline: d.deadline }));
    }
    case 'JointRectificationIssued': {
      const d = event.data;
      const round: JointRectificationRound = { round: d.round, issuedDate: d.issuedDate, items: d.items.map((i) => ({ ...i })), departments: [...d.departments], completedDate: null, stoppedWorkingDays: null };
      return {
        ...joint,
        tasks: joint.tasks.map((t) => (d.departments.includes(t.departmentId) ? { ...t, stoppedSince: d.issuedDate, round: d.round } : t)),
        rectifications: [...joint.rectifications, round],
      };
    }
    case 'JointRectificationCompleted': {
      const d = event.data;
      const deadlines = new Map(d.departments.map((x) => [x.departmentId, x.deadline]));
      return {
        ...joint,
        // Only the departments that asked review again; the others' answers stand.
        tasks: joint.tasks.map((t) => {
          const deadline = deadlines.get(t.departmentId);
          return deadline === undefined ? t : { ...t, status: 'open', stoppedSince: null, round: null, stoppedWorkingDays: t.stoppedWorkingDays + d.stoppedWorkingDays, deadline, answeredAt: null, answeredDate: null };
        }),
        rectifications: joint.rectifications.map((r) => (r.round === d.round ? { ...r, completedDate: d.completedDate, stoppedWorkingDays: d.stoppedWorkingDays } : r)),
      };
    }
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled event ${(unhandled as JointEvent).type}`);
    }
  }
}

/** The unanswered departments, whose clocks a special procedure stands still as it does the case's. */
export const clockedTasks = (joint: JointState): JointTask[] => joint.tasks.filter((t) => t.status === 'open' || (t.status === 'rectify' && t.round === null));

/** After a special procedure: each unanswered department's deadline moved by the days it lasted (the event carries them). */
export function resumeJoint(joint: JointState, stoppedWorkingDays: number, deadlines: readonly { departmentId: string; deadline: LocalDate }[]): JointState {
  const moved = new Map(deadlines.map((d) => [d.departmentId, d.deadline]));
  return {
    ...joint,
    tasks: joint.tasks.map((t) => {
      const deadline = moved.get(t.departmentId);
      return deadline === undefined ? t : { ...t, stoppedWorkingDays: t.stoppedWorkingDays + stoppedWorkingDays, deadline };
    }),
  };
}

/** The unanswered departments' deadlines once a special procedure of `stopped` working days ends. */
export function jointDeadlinesAfter(joint: JointState, stopped: number, calendar: WorkingCalendar) {
  return clockedTasks(joint).map((t) => ({ departmentId: t.departmentId, deadline: taskDeadline(joint.acceptedDate, { days: t.days, stoppedWorkingDays: t.stoppedWorkingDays + stopped }, calendar).deadline }));
}

/** Whether the case may be decided now, and how: approved once every department passed, consented or was deemed approving; denied once one failed. */
export function jointDecisionAllowed(joint: JointState, decision: string): void {
  const failed = joint.tasks.filter((t) => t.status === 'failed').map((t) => t.departmentId);
  if (decision === 'denied') {
    if (failed.length === 0) throw new IllegalTransition('a joint case is denied on a department’s failing opinion, and none has failed');
    return;
  }
  if (failed.length > 0) throw new IllegalTransition(`department ${failed.join(', ')} failed the case: it can only be denied`);
  const waiting = joint.tasks.filter((t) => !approvingStatuses.includes(t.status)).map((t) => `${t.departmentId} (${t.status})`);
  if (waiting.length > 0) throw new IllegalTransition(`a joint case completes once every department has passed, consented or been deemed approving; waiting for ${waiting.join(', ')}`);
}

/** The combined rectification list as it stands: the round out now or last, and the items asked for since and not yet issued. */
export function rectificationView(joint: JointState) {
  const last = joint.rectifications.at(-1) ?? null;
  const pending = joint.tasks.filter((t) => t.status === 'rectify' && t.round === null).flatMap((t) => t.items.map((i) => ({ departmentId: t.departmentId, text: i.text })));
  return {
    round: last?.round ?? null,
    status: last === null ? ('none' as const) : last.completedDate === null ? ('issued' as const) : ('completed' as const),
    issuedDate: last?.issuedDate ?? null,
    completedDate: last?.completedDate ?? null,
    stoppedWorkingDays: last?.stoppedWorkingDays ?? null,
    items: last?.items ?? [],
    /** Asked for since the last notice: they go out in the next one. */
    pending,
    rounds: joint.rectifications.length,
  };
}

/** What a terminal shows of a joint case: each department's task with its deadline against today's calendar. */
export function jointView(joint: JointState, calendar: WorkingCalendar) {
  return {
    acceptedDate: joint.acceptedDate,
    tasks: joint.tasks.map((t) => {
      const settled = t.status !== 'open' && !(t.status === 'rectify' && t.round === null);
      const current = settled ? { deadline: t.deadline, provisional: t.deadlineProvisional } : taskDeadline(joint.acceptedDate, t, calendar);
      return {
        departmentId: t.departmentId,
        windowId: t.windowId,
        status: t.status,
        days: t.days,
        inspects: t.inspects,
        materials: t.materials,
        deadline: current.deadline,
        deadlineProvisional: current.provisional,
        stoppedWorkingDays: t.stoppedWorkingDays,
        clockStopped: t.stoppedSince !== null,
        answeredAt: t.answeredAt,
        answeredDate: t.answeredDate,
        items: t.items,
        note: t.note,
      };
    }),
    inspection: { ...joint.inspection },
    rectification: rectificationView(joint),
    /** What the same departments would have taken one after another (the sum of their limits). */
    serialWorkingDays: joint.tasks.reduce((sum, t) => sum + t.days, 0),
  };
}
