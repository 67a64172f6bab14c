import type { LocalDate } from '../time.ts';
import type { ProjectCalendar, ProjectSchedule, StepView } from './schedule.ts';
import type { ProjectState } from './types.ts';

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
  detail: string;
}

/** Orders items by urgency (待办排序): kind rank, then due date (none last), then critical first, then project number and step. */
export function byUrgency(a: WorklistItem, b: WorklistItem): number {
  const keys = (i: WorklistItem) => [worklistKinds.indexOf(i.kind), i.due === null ? 1 : 0, i.due ?? '', i.critical ? 0 : 1, i.projectNo, i.stepId] as const;
  const [x, y] = [keys(a), keys(b)];
  for (let k = 0; k < x.length; k++) if (x[k] !== y[k]) return x[k]! < y[k]! ? -1 : 1;
  return 0;
}

/** The step's most urgent kind and what to say about it, or null when it needs nothing of the agent. */
function itemOf(step: StepView, state: ProjectState, targetHorizon: LocalDate): { kind: WorklistKind; due: LocalDate | null; detail: string } | null {
  const last = state.filings.findLast((f) => f.stepId === step.stepId);
  const due = step.targetDate;
  if (step.stalled === 'overdue') return { kind: 'overdue', due: step.case!.deadline, detail: `case ${step.case!.caseNo} was due ${step.case!.deadline}` };
  if (step.stalled === 'untouched') {
    return { kind: 'stalled', due, detail: step.state === 'denied' ? `${last!.outcome} on ${last!.closedDate}, not filed again` : `ready since ${step.readySince}, not filed` };
  }
  if (step.state !== 'done' && due !== null && due <= targetHorizon) return { kind: 'target', due, detail: `target ${due}, expected ${step.expectedFinish}` };
  if (step.state === 'denied') return { kind: 'refile', due, detail: `case ${last!.caseNo} ${last!.outcome}${last!.reason ? `: ${last!.reason}` : ''}` };
  if (step.state === 'ready') return { kind: 'file', due, detail: `ready since ${step.readySince}` };
  return null;
}

/** The agent's to-do items (代办员待办) across their open projects, most urgent first. */
export function worklistOf(projects: readonly { state: ProjectState; schedule: ProjectSchedule }[], today: LocalDate, calendar: Pick<ProjectCalendar, 'addWorkingDays'>): WorklistItem[] {
  const targetHorizon = calendar.addWorkingDays(today, targetHorizonWorkingDays);
  return projects
    .filter(({ state }) => state.status === 'open')
    .flatMap(({ state, schedule }) =>
      schedule.steps.flatMap((step) => {
        const item = itemOf(step, state, targetHorizon);
        if (!item) return [];
        const { projectId, projectNo, name: projectName } = state;
        return [{ projectId, projectNo, projectName, enterprise: state.enterprise.name, stepId: step.stepId, itemCode: step.itemCode, itemName: step.itemName, critical: step.critical, ...item }];
      }),
    )
    .sort(byUrgency);
}
