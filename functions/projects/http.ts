import * as z from 'zod/mini';
import { projectAggregate } from '../../domain/project/aggregate.ts';
import { agencyStats } from '../../domain/project/stats.ts';
import type { ProjectCommand, ProjectState } from '../../domain/project/types.ts';
import { worklistOf } from '../../domain/project/worklist.ts';
import { Forbidden } from '../auth/access.ts';
import { numbered } from '../commands/numbered.ts';
import { commandReply, versioned } from '../http/command-reply.ts';
import { commandMeta } from '../http/request-meta.ts';
import { defineRoute, type Request } from '../http/route.ts';
import { dateRange } from '../http/schemas.ts';
import { ulid } from '../ids.ts';
import type { Runtime } from '../runtime.ts';
import { todayAt } from '../runtime.ts';
import { projectContext } from './process-manager.ts';
import { allProjects, assertProjectReader, casesOf, noProject, projectSummary, projectView, readProject, scheduleOf, sightOf } from './read.ts';
import { AgencyStats, AgencyStatsQuery, AssignAgentBody, CloseBody, FollowUpBody, PlanBody, ProjectParams, ProjectsQuery, ProjectSummary, ProjectView, RegisterProjectBody, Worklist } from './schemas.ts';

/**
 * Agency projects (代理代办): an agent carries an enterprise's investment project through every
 * permit it needs. The project's steps are filed as ordinary cases (`POST /cases` with `projectId`
 * and `stepId`); the process manager records their outcome on the project.
 */

const ENTRY = 'projects' as const;
/** Who works projects: agents (their own site's), directors and administrators. */
const WORKERS = ['agent', 'director', 'admin'] as const;

/** One command on an existing project for an HTTP request, exactly once; the reply is the project as it stands after it. */
async function onProject(rt: Runtime, request: Request, id: string, command: (state: ProjectState) => ProjectCommand) {
  const sight = await sightOf(rt, id, request.now);
  return commandReply(
    rt,
    request,
    {
      aggregate: projectAggregate,
      id,
      mustExist: noProject(id),
      authorize: (state) => state && assertProjectReader(request.caller, state),
      command: (state) => command(state!),
      context: projectContext(rt.county),
    },
    ({ state, version }) => versioned(projectView(rt, state!, version, sight), version),
  );
}

function projectStep<B extends typeof AssignAgentBody | typeof PlanBody | typeof FollowUpBody | typeof CloseBody>(
  method: 'POST' | 'PUT',
  path: string,
  operationId: string,
  summary: string,
  body: B,
  access: readonly ('agent' | 'director' | 'admin')[],
  command: (body: z.output<B>, request: Request) => ProjectCommand,
) {
  return defineRoute({
    method,
    path: `/projects/{id}/${path}`,
    entry: ENTRY,
    operationId,
    summary,
    params: ProjectParams,
    body,
    response: { status: 200, schema: ProjectView },
    command: true,
    access,
    handle: (request, rt) => onProject(rt, request, request.params.id, () => command(request.body as z.output<B>, request)),
  });
}

export const projectRoutes = [
  defineRoute({
    method: 'POST',
    path: '/projects',
    entry: ENTRY,
    operationId: 'registerProject',
    summary: 'Take on an enterprise’s investment project (代办项目登记): 201 with its id and number; an agent registers at their own site and is assigned to it',
    body: RegisterProjectBody,
    response: { status: 201, schema: ProjectView },
    command: true,
    access: WORKERS,
    handle: async (request, rt) => {
      const { caller } = request;
      const body = request.body;
      const siteId = body.siteId ?? caller.siteId ?? rt.county.centerSite.id;
      if (caller.actor.role === 'agent' && siteId !== caller.siteId) throw new Forbidden(`an agent registers projects at their own site (${caller.siteId ?? 'none'})`);
      const projectId = ulid(Date.parse(request.now));
      const today = todayAt(rt, request.now);
      const year = today.slice(0, 4);
      const counter = `projectNo#${year}`;
      const context = projectContext(rt.county);
      const command = (n: number): ProjectCommand => ({
        type: 'RegisterProject',
        data: { projectId, projectNo: `DB${rt.county.county.code}-${year}-${String(n).padStart(4, '0')}`, name: body.name, enterprise: body.enterprise, investment: body.investment, siteId, ...(caller.actor.role === 'agent' ? { agentId: caller.actor.id } : {}) },
        meta: commandMeta(request, { windowId: null, siteId }),
      });
      const calendar = await rt.calendars.calendar();
      return commandReply(
        rt,
        request,
        { aggregate: projectAggregate, id: projectId, ...numbered(rt, counter, (c: ProjectCommand) => projectAggregate.decide(c, undefined, context), command), context },
        ({ state, version }) => versioned(projectView(rt, state!, version, { today, calendar, cases: new Map() }), version, 201, { location: `/projects/${projectId}` }),
      );
    },
  }),
  projectStep('POST', 'agent', 'assignProjectAgent', 'Assign the project’s agent (指派代办员)', AssignAgentBody, ['director', 'admin'], (body, request) => ({ type: 'AssignAgent', data: { agentId: body.agentId }, meta: commandMeta(request) })),
  projectStep(
    'PUT',
    'plan',
    'setProjectPlan',
    'Set the plan of permits (代办计划) as a new version: each step a catalogue item after the steps it must follow; a cycle or an unknown item is 422 naming the step',
    PlanBody,
    WORKERS,
    (body, request) => ({ type: 'SetPlan', data: { steps: body.steps.map((s) => ({ stepId: s.stepId, itemCode: s.itemCode, after: s.after, targetDate: s.targetDate ?? null })) }, meta: commandMeta(request) }),
  ),
  projectStep('POST', 'follow-ups', 'recordProjectFollowUp', 'Record a visit or call (走访/电话跟进): what the enterprise needs, what is blocking', FollowUpBody, WORKERS, (body, request) => ({
    type: 'RecordFollowUp',
    data: { at: new Date(body.at).toISOString(), note: body.note, blockers: body.blockers ?? [] },
    meta: commandMeta(request),
  })),
  projectStep('POST', 'close', 'closeProject', 'Close the project (结案)', CloseBody, WORKERS, (body, request) => ({ type: 'CloseProject', data: { note: body.note ?? null }, meta: commandMeta(request) })),
  defineRoute({
    method: 'GET',
    path: '/projects/{id}',
    entry: ENTRY,
    operationId: 'getProject',
    summary: 'A project with each step’s state today (waiting, ready, filed, done, denied, stalled), its case, planned and actual dates, and the critical path’s expected finish',
    params: ProjectParams,
    response: { status: 200, schema: ProjectView },
    access: WORKERS,
    handle: async (request, rt) => {
      const [{ state, version }, sight] = await Promise.all([readProject(rt, request.params.id, request), sightOf(rt, request.params.id, request.now)]);
      return versioned(projectView(rt, state, version, sight), version);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/projects',
    entry: ENTRY,
    operationId: 'listProjects',
    summary: 'The projects, newest first (an agent’s: their own site’s)',
    query: ProjectsQuery,
    response: { status: 200, schema: z.array(ProjectSummary) },
    access: WORKERS,
    handle: async (request, rt) => {
      const { caller } = request;
      // An agent sees their own site's projects (none without a site).
      const siteId = caller.actor.role === 'agent' ? (caller.siteId ?? '') : request.query.siteId;
      const projects = (await allProjects(rt)).filter((p) => (siteId === undefined || p.siteId === siteId) && (request.query.status === undefined || p.status === request.query.status));
      const [calendar, cases] = await Promise.all([rt.calendars.calendar(), Promise.all(projects.map((p) => casesOf(rt, p.projectId)))]);
      const today = todayAt(rt, request.now);
      return { body: projects.map((p, i) => projectSummary(p, scheduleOf(rt, p, { today, calendar, cases: cases[i]! }))).sort((a, b) => b.projectNo.localeCompare(a.projectNo)) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/agents/me/worklist',
    entry: ENTRY,
    operationId: 'getAgentWorklist',
    summary: 'The agent’s open projects and what to do next, most urgent first: overdue cases, stalled steps, targets within five working days, steps to file again, steps ready to file',
    response: { status: 200, schema: Worklist },
    access: ['agent'],
    handle: async (request, rt) => {
      const agentId = request.caller.actor.id;
      const mine = (await allProjects(rt)).filter((p) => p.agentId === agentId && p.status === 'open');
      const [calendar, cases] = await Promise.all([rt.calendars.calendar(), Promise.all(mine.map((p) => casesOf(rt, p.projectId)))]);
      const today = todayAt(rt, request.now);
      const scheduled = mine.map((state, i) => ({ state, schedule: scheduleOf(rt, state, { today, calendar, cases: cases[i]! }) }));
      return { body: { agentId, today, items: worklistOf(scheduled, today, calendar), projects: scheduled.map(({ state, schedule }) => projectSummary(state, schedule)) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/stats/agency',
    entry: ENTRY,
    operationId: 'getAgencyStats',
    summary: 'The agency figures for a period (代理代办统计): projects served and their investment, permits filed and done, working days per permit, on-time rate, by agent and by site',
    query: AgencyStatsQuery.check(z.superRefine(dateRange)),
    response: { status: 200, schema: AgencyStats },
    access: ['director', 'admin'],
    handle: async (request, rt) => {
      const { from, to, siteId } = request.query;
      const [projects, calendar] = await Promise.all([allProjects(rt), rt.calendars.calendar()]);
      return { body: agencyStats(projects, { from, to, ...(siteId === undefined ? {} : { siteId }) }, calendar) };
    },
  }),
];

