import { allOf, type Aggregate } from '../decider.ts';
import { IllegalTransition, InvalidInput, NotFound, RuleViolation, type FieldError } from '../errors.ts';
import { eventMetaOf } from '../meta.ts';
import { localDateOf } from '../time.ts';
import { creditCodeProblem } from './credit-code.ts';
import { doneFilingOf, filingsOf, openFilingOf, validatePlan } from './plan.ts';
import type { Filing, PlanStep, ProjectCommand, ProjectContext, ProjectEvent, ProjectState, RecordStepFiled, RecordStepOutcome } from './types.ts';

export const projectEventTypes = allOf<ProjectEvent['type']>({
  ProjectRegistered: true,
  AgentAssigned: true,
  PlanSet: true,
  StepFiled: true,
  StepCompleted: true,
  StepDenied: true,
  FollowUpRecorded: true,
  ProjectClosed: true,
});

/** Filings stay ordered by filing time, then case id: the same state whatever order different cases' events arrive in. */
const byFiling = (a: Filing, b: Filing) => (a.filedAt === b.filedAt ? (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0) : a.filedAt < b.filedAt ? -1 : 1);

export function evolveProject(state: ProjectState | undefined, event: ProjectEvent): ProjectState {
  if (event.type === 'ProjectRegistered') {
    const { projectId, projectNo, name, enterprise, investment, siteId, registeredDate } = event.data;
    return { projectId, projectNo, name, enterprise, investment, siteId, registeredAt: event.meta.at, registeredDate, agentId: null, plan: null, plans: [], filings: [], followUps: [], status: 'open', closedAt: null, closedDate: null };
  }
  if (!state) throw new Error(`${event.type} before ProjectRegistered`);
  const closeFiling = (caseId: string, patch: Partial<Filing>) => ({ ...state, filings: state.filings.map((f) => (f.caseId === caseId ? { ...f, ...patch } : f)) });
  switch (event.type) {
    case 'AgentAssigned':
      return { ...state, agentId: event.data.agentId };
    case 'PlanSet': {
      const { planVersion: version, steps, setDate } = event.data;
      return { ...state, plan: { version, setAt: event.meta.at, setDate, steps }, plans: [...state.plans, { version, setDate, steps }] };
    }
    case 'StepFiled': {
      const { stepId, caseId, caseNo, itemCode, filedAt, filedDate } = event.data;
      const filing: Filing = { stepId, caseId, caseNo, itemCode, filedAt, filedDate, outcome: null, reason: null, closedAt: null, closedDate: null, onTime: null };
      return { ...state, filings: [...state.filings, filing].sort(byFiling) };
    }
    case 'StepCompleted': {
      const d = event.data;
      return closeFiling(d.caseId, { outcome: d.decision, closedAt: d.completedAt, closedDate: d.completedDate, onTime: d.onTime });
    }
    case 'StepDenied': {
      const d = event.data;
      return closeFiling(d.caseId, { outcome: d.how, reason: d.reason, closedAt: d.deniedAt, closedDate: d.deniedDate });
    }
    case 'FollowUpRecorded':
      return { ...state, followUps: [...state.followUps, { ...event.data, by: event.meta.actor.id }] };
    case 'ProjectClosed':
      return { ...state, status: 'closed', closedAt: event.data.closedAt, closedDate: event.data.closedDate };
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled event ${(unhandled as ProjectEvent).type}`);
    }
  }
}

/**
 * Whether a case may be filed for the step now (申报前检查), for the case submit route: the step
 * (returned) is in the current plan, not done, not under way, and every step it waits for is done.
 * A step denied or not accepted may be filed again.
 */
export function assertFileable(state: ProjectState | undefined, stepId: string): PlanStep {
  if (!state) throw new NotFound('no such project');
  const step = state.plan?.steps.find((s) => s.stepId === stepId);
  if (!step) throw new NotFound(`project ${state.projectNo} has no step ${stepId} in its plan`);
  if (state.status === 'closed') throw new IllegalTransition(`project ${state.projectNo} is closed`);
  const filings = filingsOf(state, stepId);
  const done = doneFilingOf(filings);
  if (done) throw new IllegalTransition(`step ${stepId} is done: case ${done.caseNo} was ${done.outcome}`);
  const open = openFilingOf(filings);
  if (open) throw new IllegalTransition(`step ${stepId} is already filed as case ${open.caseNo}`);
  const waitingFor = step.after.filter((p) => !doneFilingOf(filingsOf(state, p)));
  if (waitingFor.length > 0) throw new RuleViolation(`step ${stepId} waits for ${waitingFor.join(', ')}`, { stepId, waitingFor });
  return step;
}

function register(command: Extract<ProjectCommand, { type: 'RegisterProject' }>, state: ProjectState | undefined, context: ProjectContext): ProjectEvent[] {
  const { agentId, ...d } = command.data;
  if (state) throw new IllegalTransition(`project ${state.projectNo} is already registered`);
  const errors: FieldError[] = [];
  const creditCode = creditCodeProblem(d.enterprise.creditCode);
  if (creditCode) errors.push({ path: 'body.enterprise.creditCode', message: creditCode });
  if (!(Number.isFinite(d.investment) && d.investment > 0)) errors.push({ path: 'body.investment', message: 'the investment (万元) must be more than 0' });
  if (!context.site(d.siteId)) errors.push({ path: 'body.siteId', message: `no site ${d.siteId}` });
  if (errors.length > 0) throw new InvalidInput(errors.length === 1 ? errors[0]!.message : 'The registration has several problems', errors);
  const registeredDate = localDateOf(command.meta.now, context.timeZone);
  const meta = eventMetaOf(command.meta);
  const registered: ProjectEvent = { type: 'ProjectRegistered', data: { ...d, registeredDate }, meta };
  // An agent who takes a project on carries it.
  return agentId === undefined ? [registered] : [registered, { type: 'AgentAssigned', data: { agentId, previous: null }, meta }];
}

/** Two versions of a plan say the same (field by field: a stored event's keys may come back in another order). */
const samePlan = (a: readonly PlanStep[], b: readonly PlanStep[]) =>
  a.length === b.length &&
  a.every((s, i) => {
    const t = b[i]!;
    return s.stepId === t.stepId && s.itemCode === t.itemCode && s.itemName === t.itemName && s.committedDays === t.committedDays && s.targetDate === t.targetDate && s.after.join() === t.after.join();
  });

/** The process manager's commands: facts about the steps' cases, recorded once and never refused. */
function record(command: RecordStepFiled | RecordStepOutcome, state: ProjectState | undefined, context: ProjectContext): ProjectEvent[] {
  const meta = eventMetaOf(command.meta);
  const filing = state?.filings.find((f) => f.caseId === command.data.caseId);
  if (command.type === 'RecordStepFiled') {
    if (!state || filing) return [];
    const { stepId, caseId, caseNo, itemCode, filedAt, cause } = command.data;
    return [{ type: 'StepFiled', data: { stepId, caseId, caseNo, itemCode, filedAt, filedDate: localDateOf(filedAt, context.timeZone), cause }, meta }];
  }
  // Never filed (cannot happen in stream order) or already closed: nothing to record.
  if (!filing || filing.outcome !== null) return [];
  const { outcome, at, cause } = command.data;
  const date = localDateOf(at, context.timeZone);
  const { stepId, caseId } = filing;
  if (outcome === 'approved' || outcome === 'forwarded') {
    return [{ type: 'StepCompleted', data: { stepId, caseId, decision: outcome, completedAt: at, completedDate: date, onTime: command.data.onTime, cause }, meta }];
  }
  return [{ type: 'StepDenied', data: { stepId, caseId, how: outcome, reason: command.data.reason, deniedAt: at, deniedDate: date, cause }, meta }];
}

/** Decides one command on a project. Pure: the time comes in the command's metadata. */
export function decideProject(command: ProjectCommand, state: ProjectState | undefined, context: ProjectContext): ProjectEvent[] {
  if (command.type === 'RegisterProject') return register(command, state, context);
  if (command.type === 'RecordStepFiled' || command.type === 'RecordStepOutcome') return record(command, state, context);
  if (!state) throw new NotFound('no such project');
  if (state.status === 'closed') throw new IllegalTransition(`project ${state.projectNo} is ${command.type === 'CloseProject' ? 'already ' : ''}closed`);
  const meta = eventMetaOf(command.meta);
  const now = command.meta.now;
  switch (command.type) {
    case 'AssignAgent': {
      const { agentId } = command.data;
      if (agentId === state.agentId) return [];
      return [{ type: 'AgentAssigned', data: { agentId, previous: state.agentId }, meta }];
    }
    case 'SetPlan': {
      const steps = validatePlan(command.data.steps, context, state);
      if (state.plan && samePlan(steps, state.plan.steps)) return [];
      return [{ type: 'PlanSet', data: { planVersion: (state.plan?.version ?? 0) + 1, steps, setDate: localDateOf(now, context.timeZone) }, meta }];
    }
    case 'RecordFollowUp': {
      const { at, note, blockers } = command.data;
      if (Date.parse(at) > Date.parse(now)) throw new RuleViolation(`a follow-up is recorded after it happened: ${at} is in the future`, { at });
      return [{ type: 'FollowUpRecorded', data: { followUpNo: state.followUps.length + 1, at, note, blockers }, meta }];
    }
    case 'CloseProject':
      return [{ type: 'ProjectClosed', data: { closedAt: now, closedDate: localDateOf(now, context.timeZone), note: command.data.note }, meta }];
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${(unhandled as ProjectCommand).type}`);
    }
  }
}

/** An agency project (代办项目): its enterprise, agent, plan of permits, the steps' cases and the follow-ups. */
export const projectAggregate: Aggregate<ProjectCommand, ProjectEvent, ProjectState | undefined, ProjectContext> = {
  name: 'project',
  streamPrefix: 'project#',
  eventTypes: projectEventTypes,
  initialState: () => undefined,
  evolve: evolveProject,
  decide: decideProject,
};
