import type { LocalDate } from '../time.ts';
import type { ProjectCalendar, ProjectSchedule, StepView } from './schedule.ts';
import type { Filing, ProjectState } from './types.ts';

/**
 * The agent's to-do list (代办员待办), most urgent first. The kinds, in rank order: a step's case past
 * its deadline (`overdue`); a step ready, or denied, and left untouched too long (`stalled`); a step
 * not done whose target date is within five working days or past (`target`); a denied step to file
 * again (`refile`); a step ready to file (`file`). A step appears once, under its most urgent kind.
 */
export const worklistKinds = ['overdue', 'stalled', 'target', 'refile', 'file'] as const;
export type WorklistKind = (typeof worklistKinds)[number];

/** A target date this close (working days) or past puts its step on the list. */
export const targetHorizonWorkingDays = 5;

export interface WorklistItem {
  projectId: string;
  projectNo: string;
  projectName: string;
  enterprise: string;
  stepId: string;
  itemCode: string;
  itemName: string;
  kind: WorklistKind;
  /** The case's deadline (overdue), else the step's target date. */
  due: LocalDate | null;
  critical: boolean;
  /** When the step became ready to file (its last prerequisite done, or its last refusal). */
  readySince: LocalDate | null;
  expectedFinish: LocalDate;
  /** The step's latest case: the overdue one, or the refused one to file again. */
  case: { caseNo: string; outcome: Filing['outcome']; reason: string | null; closedDate: LocalDate | null; deadline: LocalDate | null } | null;
}

/** Orders items by urgency (待办排序): kind rank, then due date (none last), then critical first, then project number and step. */
export function byUrgency(a: WorklistItem, b: WorklistItem): number {
  const keys = (i: WorklistItem) => [worklistKinds.indexOf(i.kind), i.due === null ? 1 : 0, i.due ?? '', i.critical ? 0 : 1, i.projectNo, i.stepId] as const;
  const [x, y] = [keys(a), keys(b)];
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return x[k]! < y[k]! ? -1 : 1;
  return 0;
}

/** The step's most urgent kind and its due date, or null when it needs nothing of the agent. */
function itemOf(step: StepView, targetHorizon: LocalDate): { kind: WorklistKind; due: LocalDate | null } | null {
  const due = step.targetDate;
  if (step.stalled === 'overdue') return { kind: 'overdue', due: step.case!.deadline };
  if (step.stalled === 'untouched') return { kind: 'stalled', due };
  if (step.state !== 'done' && due !== null && due <= targetHorizon) return { kind: 'target', due };
  if (step.state === 'denied') return { kind: 'refile', due };
  if (step.state === 'ready') return { kind: 'file', due };
  return null;
}

/** The agent's to-do items (代办员待办) across their open projects, most urgent first. */
export function worklistOf(projects: readonly { state: ProjectState; schedule: ProjectSchedule }[], today: LocalDate, calendar: Pick<ProjectCalendar, 'addWorkingDays'>): WorklistItem[] {
  const targetHorizon = calendar.addWorkingDays(today, targetHorizonWorkingDays);
  return projects
    .filter(({ state }) => state.status === 'open')
    .flatMap(({ state, schedule }) =>
      schedule.steps.flatMap((step) => {
        const item = itemOf(step, targetHorizon);
        if (!item) return [];
        const { projectId, projectNo, name: projectName } = state;
        const last = state.filings.findLast((f) => f.stepId === step.stepId);
        const latest = last && { caseNo: last.caseNo, outcome: last.outcome, reason: last.reason, closedDate: last.closedDate, deadline: step.case?.caseNo === last.caseNo ? step.case.deadline : null };
        return [{ projectId, projectNo, projectName, enterprise: state.enterprise.name, stepId: step.stepId, itemCode: step.itemCode, itemName: step.itemName, critical: step.critical, readySince: step.readySince, expectedFinish: step.expectedFinish, case: latest ?? null, ...item }];
      }),
    )
    .sort(byUrgency);
}
