import type { WorkingCalendar } from '../../domain/calendar/calendar.ts';
import { projectCases, projectCasesPartition, projectsView, PROJECTS_PARTITION } from '../../domain/projections/projects.ts';
import { projectSchedule, type CaseProgress, type ProjectSchedule } from '../../domain/project/schedule.ts';
import type { ProjectState } from '../../domain/project/types.ts';
import type { LocalDate } from '../../domain/time.ts';
import { Forbidden, type Caller } from '../auth/access.ts';
import { todayAt, type Runtime } from '../runtime.ts';
import type { Request } from '../http/route.ts';
import { NotFound } from '../../domain/errors.ts';
import { fold } from '../../domain/decider.ts';
import { assertFileable, projectAggregate } from '../../domain/project/aggregate.ts';

/** What a project's page, list and worklist show beside the project's own state: today, the calendar, its cases as they stand. */
export interface ProjectSight {
  today: LocalDate;
  calendar: WorkingCalendar;
  cases: ReadonlyMap<string, CaseProgress>;
}

/** An agent works the projects of their own site; directors and administrators every project. */
export function assertProjectReader(caller: Caller, state: Pick<ProjectState, 'siteId' | 'projectNo'>): void {
  if (caller.actor.role === 'agent' && caller.siteId !== state.siteId) throw new Forbidden(`project ${state.projectNo} is not at your site (${caller.siteId ?? 'none'})`);
}

/** The cases filed for a project's steps, as the views have them now. */
export async function casesOf(rt: Runtime, projectId: string): Promise<Map<string, CaseProgress>> {
  const docs = await rt.views.docs(projectCases, projectCasesPartition(projectId));
  return new Map(docs.map(({ doc }) => [doc.caseId, { caseId: doc.caseId, status: doc.status, deadline: doc.deadline }]));
}

export async function sightOf(rt: Runtime, projectId: string, now: string): Promise<ProjectSight> {
  const [calendar, cases] = await Promise.all([rt.calendars.calendar(), casesOf(rt, projectId)]);
  return { today: todayAt(rt, now), calendar, cases };
}

export const scheduleOf = (rt: Runtime, state: ProjectState, sight: ProjectSight): ProjectSchedule =>
  projectSchedule(state, { today: sight.today, calendar: sight.calendar, stallAfterWorkingDays: rt.county.county.agency.stallAfterWorkingDays, cases: sight.cases });

/** A project as the API shows it: its state, each step's state today, the critical path. */
export function projectView(rt: Runtime, state: ProjectState, version: number, sight: ProjectSight) {
  const schedule = scheduleOf(rt, state, sight);
  return {
    projectId: state.projectId,
    projectNo: state.projectNo,
    name: state.name,
    enterprise: state.enterprise,
    investment: state.investment,
    siteId: state.siteId,
    siteName: rt.county.site(state.siteId)?.name ?? state.siteId,
    agentId: state.agentId,
    status: state.status,
    registeredDate: state.registeredDate,
    closedDate: state.closedDate,
    planVersion: state.plan?.version ?? 0,
    steps: schedule.steps,
    expectedFinish: schedule.expectedFinish,
    criticalPath: schedule.criticalPath,
    blockingStepId: schedule.blockingStepId,
    filings: state.filings,
    followUps: state.followUps,
    version,
  };
}

/** Every project the views hold (one partition: a county takes on tens a year, not thousands). */
export async function allProjects(rt: Runtime): Promise<ProjectState[]> {
  return (await rt.views.docs(projectsView, PROJECTS_PARTITION)).map((d) => d.doc);
}

/** A project in a list: its progress and what holds it up. */
export function projectSummary(state: ProjectState, schedule: ProjectSchedule) {
  return {
    projectId: state.projectId,
    projectNo: state.projectNo,
    name: state.name,
    enterprise: state.enterprise.name,
    investment: state.investment,
    siteId: state.siteId,
    agentId: state.agentId,
    status: state.status,
    registeredDate: state.registeredDate,
    steps: schedule.steps.length,
    stepsDone: schedule.steps.filter((s) => s.state === 'done').length,
    expectedFinish: schedule.expectedFinish,
    blockingStepId: schedule.blockingStepId,
    blockingItemName: schedule.steps.find((s) => s.stepId === schedule.blockingStepId)?.itemName ?? null,
  };
}

export const noProject = (id: string) => () => new NotFound(`no project ${id}`);

/** A project from its own stream (one consistent Query), for those who may read it. */
export async function readProject(rt: Runtime, id: string, request: Pick<Request, 'caller'>): Promise<{ state: ProjectState; version: number }> {
  const { events, version } = await rt.events.read<Parameters<typeof projectAggregate.evolve>[1]>(projectAggregate.streamPrefix + id);
  const state = fold(projectAggregate, events.map((e) => e.event));
  if (!state) throw noProject(id)();
  assertProjectReader(request.caller, state);
  return { state, version };
}

/** The step a case files, checked against the project's stream: it exists, the caller may work it, and its prerequisites are done. */
export async function fileableStep(rt: Runtime, request: Pick<Request, 'caller'>, projectId: string, stepId: string) {
  const { state } = await readProject(rt, projectId, request);
  return { state, step: assertFileable(state, stepId) };
}
