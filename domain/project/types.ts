import type { Decision } from '../case/events.ts';
import type { CommandMeta, EventMeta } from '../meta.ts';
import type { LocalDate } from '../time.ts';

/**
 * Agency projects (代理代办): an enterprise's investment project, carried by an agent (代办员) through
 * every permit it needs. The project is its own aggregate (`project#<id>`); each permit is a step of
 * its plan, filed as an ordinary case. The process manager follows the steps' cases and records
 * their filing and outcome here, exactly once.
 */

type Event<T extends string, D> = { type: T; data: D; meta: EventMeta };

/** The enterprise, named by its unified social credit code (统一社会信用代码, GB 32100-2015). */
export interface Enterprise {
  name: string;
  creditCode: string;
}

/** A step of the plan as the agent set it: the permit (a catalogue item), the steps it must follow, an optional target date. */
export interface PlanStepInput {
  stepId: string;
  itemCode: string;
  after: string[];
  targetDate?: LocalDate | null;
}

/** A step of a plan as recorded: the catalogue item's name and committed days as they were when the plan was set. */
export interface PlanStep {
  stepId: string;
  itemCode: string;
  itemName: string;
  committedDays: number;
  after: string[];
  targetDate: LocalDate | null;
}

/** Which case event made the process manager record something: its stream and version (the command's key derives from them). */
export interface Cause {
  stream: string;
  version: number;
}

/** A project was taken on (代办项目登记). */
export type ProjectRegistered = Event<
  'ProjectRegistered',
  {
    projectId: string;
    projectNo: string;
    name: string;
    enterprise: Enterprise;
    /** 万元 (ten thousand yuan), up to two decimals. */
    investment: number;
    siteId: string;
    registeredDate: LocalDate;
  }
>;
/** An agent was assigned to the project (指派代办员); `previous` is the one they replace. */
export type AgentAssigned = Event<'AgentAssigned', { agentId: string; previous: string | null }>;
/** The plan of permits (代办计划), as a new version: earlier versions stay in the history. */
export type PlanSet = Event<'PlanSet', { planVersion: number; steps: PlanStep[]; setDate: LocalDate }>;
/** A case was submitted for a step (申报): recorded by the process manager from the case's `CaseSubmitted`. */
export type StepFiled = Event<'StepFiled', { stepId: string; caseId: string; caseNo: string; itemCode: string; filedAt: string; filedDate: LocalDate; cause: Cause }>;
/** The step's case was completed with a permit (办结): approved, or forwarded to the higher level. */
export type StepCompleted = Event<
  'StepCompleted',
  { stepId: string; caseId: string; decision: Exclude<Decision, 'denied'>; completedAt: string; completedDate: LocalDate; onTime: boolean | null; cause: Cause }
>;
/** The step's case ended without a permit: not accepted (不予受理) or denied (不予许可); the step may be filed again. */
export type StepDenied = Event<'StepDenied', { stepId: string; caseId: string; how: 'rejected' | 'denied'; reason: string | null; deniedAt: string; deniedDate: LocalDate; cause: Cause }>;
/** A visit or call (走访/电话跟进): what the enterprise needs, what is blocking. */
export type FollowUpRecorded = Event<'FollowUpRecorded', { followUpNo: number; at: string; note: string; blockers: string[] }>;
/** The project was closed (办结归档). */
export type ProjectClosed = Event<'ProjectClosed', { closedAt: string; closedDate: LocalDate; note: string | null }>;

export type ProjectEvent = ProjectRegistered | AgentAssigned | PlanSet | StepFiled | StepCompleted | StepDenied | FollowUpRecorded | ProjectClosed;

/** Register a project (登记代办项目); the adapter has made its id and number. An agent who registers it is assigned to it (`agentId`). */
export type RegisterProject = {
  type: 'RegisterProject';
  data: { projectId: string; projectNo: string; name: string; enterprise: Enterprise; investment: number; siteId: string; agentId?: string | undefined };
  meta: CommandMeta;
};
/** Assign an agent (指派代办员). */
export type AssignAgent = { type: 'AssignAgent'; data: { agentId: string }; meta: CommandMeta };
/** Set the plan (制定代办计划): a new version of the whole plan. */
export type SetPlan = { type: 'SetPlan'; data: { steps: PlanStepInput[] }; meta: CommandMeta };
/** Record that a case was filed for a step (the process manager, from `CaseSubmitted`). */
export type RecordStepFiled = { type: 'RecordStepFiled'; data: { stepId: string; caseId: string; caseNo: string; itemCode: string; filedAt: string; cause: Cause }; meta: CommandMeta };
/** Record how a step's case ended (the process manager, from `CaseCompleted` / `CaseRejected`). */
export type RecordStepOutcome = {
  type: 'RecordStepOutcome';
  data: { stepId: string; caseId: string; outcome: 'approved' | 'forwarded' | 'denied' | 'rejected'; reason: string | null; at: string; onTime: boolean | null; cause: Cause };
  meta: CommandMeta;
};
/** Record a visit or call (记录跟进). */
export type RecordFollowUp = { type: 'RecordFollowUp'; data: { at: string; note: string; blockers: string[] }; meta: CommandMeta };
/** Close the project (结案). */
export type CloseProject = { type: 'CloseProject'; data: { note: string | null }; meta: CommandMeta };

export type ProjectCommand = RegisterProject | AssignAgent | SetPlan | RecordStepFiled | RecordStepOutcome | RecordFollowUp | CloseProject;

/** What deciding needs beyond the stream: the catalogue (a plan names its items) and the county's time zone. */
export interface ProjectContext {
  timeZone: string;
  item(code: string): { name: string; committedDays: number } | undefined;
  /** Whether the site exists (a registration names one). */
  site(id: string): boolean;
}

/** One case filed for a step, and how it ended: a step may be filed again after a denial. */
export interface Filing {
  stepId: string;
  caseId: string;
  caseNo: string;
  itemCode: string;
  filedAt: string;
  filedDate: LocalDate;
  outcome: 'approved' | 'forwarded' | 'denied' | 'rejected' | null;
  reason: string | null;
  closedAt: string | null;
  closedDate: LocalDate | null;
  onTime: boolean | null;
}

export interface FollowUp {
  followUpNo: number;
  at: string;
  note: string;
  blockers: string[];
  by: string;
}

export interface ProjectState {
  projectId: string;
  projectNo: string;
  name: string;
  enterprise: Enterprise;
  investment: number;
  siteId: string;
  registeredAt: string;
  registeredDate: LocalDate;
  agentId: string | null;
  /** The current plan (null until one is set) and how many versions there have been. */
  plan: { version: number; setAt: string; setDate: LocalDate; steps: PlanStep[] } | null;
  /** Every plan version's steps (the history; the last is `plan`). */
  plans: { version: number; setDate: LocalDate; steps: PlanStep[] }[];
  /** Every case filed for a step, ordered by filing time then case id (independent of the order the process manager saw them). */
  filings: Filing[];
  followUps: FollowUp[];
  status: 'open' | 'closed';
  closedAt: string | null;
  closedDate: LocalDate | null;
}
