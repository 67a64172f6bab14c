import type { Filing, Project, ProjectStep, WorklistItem } from './model.ts';

/** A step of the plan as the agent reads it (代办计划), with its tag colour and the timeline's bar colour. */
export const stepStates: Record<ProjectStep['state'], { label: string; color: string; bar: string }> = {
  waiting: { label: '待前置', color: 'default', bar: '#8c8c8c' },
  ready: { label: '可申报', color: 'blue', bar: '#1d4ed8' },
  filed: { label: '已申报', color: 'geekblue', bar: '#597ef7' },
  done: { label: '已办结', color: 'green', bar: '#52c41a' },
  denied: { label: '未获批', color: 'red', bar: '#ff4d4f' },
  stalled: { label: '停滞', color: 'orange', bar: '#fa8c16' },
};

/** Why a step stalled. */
export const stalledReasons: Record<NonNullable<ProjectStep['stalled']>, string> = {
  overdue: '办件已超过办结期限',
  untouched: '可申报后长时间未申报',
};

/** The worklist's kinds, most urgent first (the API's order). */
export const worklistKinds: Record<WorklistItem['kind'], { label: string; color: string }> = {
  overdue: { label: '逾期', color: 'red' },
  stalled: { label: '停滞', color: 'orange' },
  target: { label: '目标临近', color: 'gold' },
  refile: { label: '重新申报', color: 'magenta' },
  file: { label: '可申报', color: 'blue' },
};

export const projectStatus: Record<Project['status'], { label: string; color: string }> = {
  open: { label: '代办中', color: 'processing' },
  closed: { label: '已结案', color: 'default' },
};

/** How a filed case ended. */
export const filingOutcomes: Record<NonNullable<Filing['outcome']>, { label: string; color: string }> = {
  approved: { label: '准予许可', color: 'green' },
  forwarded: { label: '已上报', color: 'cyan' },
  denied: { label: '不予许可', color: 'red' },
  rejected: { label: '不予受理', color: 'volcano' },
};

/** A case's bar on the timeline: green with a permit, red without, the step's colour while it is open (blue, orange once overdue). */
export function caseColour(outcome: Filing['outcome'], state: ProjectStep['state']): string {
  if (outcome === 'approved' || outcome === 'forwarded') return stepStates.done.bar;
  if (outcome === 'denied' || outcome === 'rejected') return stepStates.denied.bar;
  return state === 'stalled' ? stepStates.stalled.bar : stepStates.filed.bar;
}
