import type { WorkingCalendar } from '../calendar/calendar.ts';
import type { CaseStatus } from '../case/state.ts';
import type { LocalDate } from '../time.ts';
import { doneFilingOf, filingsOf, openFilingOf, topologicalOrder } from './plan.ts';
import type { PlanStep, ProjectState } from './types.ts';

/**
 * A project's schedule today (代办进度): each step's state, its baseline and expected dates, the
 * critical path (关键路径) and the step blocking it. Derived from the state and the steps' cases,
 * never stored.
 */
export const stepStates = ['waiting', 'ready', 'filed', 'done', 'denied', 'stalled'] as const;
export type StepState = (typeof stepStates)[number];

export type ProjectCalendar = Pick<WorkingCalendar, 'addWorkingDays' | 'workingDaysBetween' | 'workingDayOnOrAfter' | 'isWorkingDay'>;

/** What the case views say of a step's case: its status and deadline. */
export interface CaseProgress {
  caseId: string;
  status: CaseStatus;
  deadline: LocalDate | null;
}

export interface ScheduleInput {
  today: LocalDate;
  calendar: ProjectCalendar;
  /** A step ready (or denied) for more than this many working days without a case is stalled (停滞). */
  stallAfterWorkingDays: number;
  /** The steps' cases by case id. */
  cases: ReadonlyMap<string, CaseProgress>;
}

/** One step of the plan today (步骤进度). */
export interface StepView extends PlanStep {
  /** `stalled`: ready but untouched too long, or filed and past its case's deadline (a denied step stays `denied`, with `stalled` set). */
  state: StepState;
  stalled: 'overdue' | 'untouched' | null;
  /** When its last prerequisite was done, or the plan was set, or the step was last denied, whichever is latest; null while waiting. */
  readySince: LocalDate | null;
  /** The latest case filed for the step. */
  case: { caseId: string; caseNo: string; status: CaseStatus | null; deadline: LocalDate | null; filedDate: LocalDate } | null;
  filings: number;
  /** The baseline from the current plan's date (计划). */
  planned: { start: LocalDate; finish: LocalDate };
  /** The first filing's date, and the date the permit came. */
  actual: { start: LocalDate | null; finish: LocalDate | null };
  expectedFinish: LocalDate;
  critical: boolean;
  blocking: boolean;
  /** Not done and expected after its target date. */
  targetAtRisk: boolean;
}

export interface ProjectSchedule {
  steps: StepView[];
  expectedFinish: LocalDate | null;
  criticalPath: string[];
  blockingStepId: string | null;
}

const latest = (dates: readonly (LocalDate | null | undefined)[]): LocalDate | null => dates.reduce<LocalDate | null>((max, d) => (d != null && (max === null || d > max) ? d : max), null);

/** The project's schedule today (代办进度), steps in topological order. A closed project's is computed all the same. */
export function projectSchedule(state: ProjectState, input: ScheduleInput): ProjectSchedule {
  const { today, calendar, stallAfterWorkingDays, cases } = input;
  const plan = state.plan;
  if (!plan) return { steps: [], expectedFinish: null, criticalPath: [], blockingStepId: null };
  const views = new Map<string, StepView>();
  /** A step's prerequisites, in topological order (the order they were added in). */
  const prerequisitesOf = (after: readonly string[]) => [...views.values()].filter((v) => after.includes(v.stepId));

  for (const step of topologicalOrder(plan.steps)) {
    const filings = filingsOf(state, step.stepId);
    const done = doneFilingOf(filings);
    const open = openFilingOf(filings);
    const last = filings.at(-1);
    const prerequisites = prerequisitesOf(step.after);
    const doneDate = done?.closedDate ?? null;
    const progress = last ? cases.get(last.caseId) : undefined;
    const deadline = progress?.deadline ?? null;
    const lastDenial = latest(filings.filter((f) => f.outcome === 'denied' || f.outcome === 'rejected').map((f) => f.closedDate));
    const readySince = prerequisites.every((p) => p.state === 'done') ? latest([plan.setDate, lastDenial, ...prerequisites.map((p) => p.actual.finish)]) : null;

    let stepState: StepState;
    let stalled: StepView['stalled'] = null;
    let expectedFinish: LocalDate;
    const fresh = () => calendar.addWorkingDays(calendar.workingDayOnOrAfter(today), step.committedDays);
    const untouched = readySince !== null && calendar.workingDaysBetween(readySince, today) > stallAfterWorkingDays;
    if (done) {
      stepState = 'done';
      expectedFinish = doneDate!;
    } else if (open) {
      stalled = deadline !== null && deadline < today ? 'overdue' : null;
      stepState = stalled ? 'stalled' : 'filed';
      expectedFinish = deadline !== null && deadline >= today ? deadline : latest([today, calendar.addWorkingDays(open.filedDate, step.committedDays)])!;
    } else if (last) {
      stepState = 'denied';
      stalled = untouched ? 'untouched' : null;
      expectedFinish = fresh();
    } else if (readySince !== null) {
      stalled = untouched ? 'untouched' : null;
      stepState = stalled ? 'stalled' : 'ready';
      expectedFinish = fresh();
    } else {
      stepState = 'waiting';
      expectedFinish = calendar.addWorkingDays(latest(prerequisites.map((p) => p.expectedFinish))!, step.committedDays);
    }
    const plannedStart = latest([plan.setDate, ...prerequisites.map((p) => p.planned.finish)])!;
    views.set(step.stepId, {
      ...step,
      state: stepState,
      stalled,
      readySince,
      case: last ? { caseId: last.caseId, caseNo: last.caseNo, status: progress?.status ?? null, deadline, filedDate: last.filedDate } : null,
      filings: filings.length,
      planned: { start: plannedStart, finish: calendar.addWorkingDays(calendar.workingDayOnOrAfter(plannedStart), step.committedDays) },
      actual: { start: filings[0]?.filedDate ?? null, finish: doneDate },
      expectedFinish,
      critical: false,
      blocking: false,
      targetAtRisk: !done && step.targetDate !== null && expectedFinish > step.targetDate,
    });
  }

  const steps = [...views.values()];
  /** The step finishing last; ties go to the earlier one in topological order. */
  const lastToFinish = (candidates: readonly StepView[]) => candidates.reduce<StepView | undefined>((max, s) => (max === undefined || s.expectedFinish > max.expectedFinish ? s : max), undefined);
  const criticalPath: string[] = [];
  for (let step = lastToFinish(steps); step; step = lastToFinish(prerequisitesOf(step.after))) {
    criticalPath.unshift(step.stepId);
    step.critical = true;
  }
  const blocking = criticalPath.map((id) => views.get(id)!).find((s) => s.state !== 'done');
  if (blocking) blocking.blocking = true;
  return { steps, expectedFinish: latest(steps.map((s) => s.expectedFinish)), criticalPath, blockingStepId: blocking?.stepId ?? null };
}
