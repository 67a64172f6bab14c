import * as z from 'zod/mini';
import { caseStatuses } from '../../domain/case/state.ts';
import { Id, LocalDateString, named, Nullable, Text } from '../http/schemas.ts';

/** Agency projects (代理代办): what the routes take and answer. */

export const StepId = z.string().check(z.regex(/^[A-Za-z0-9_-]{1,32}$/, '1–32 letters, digits, "_" or "-"'));
export const ProjectId = z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a project id (26 characters, Crockford base32)'));
export const ProjectParams = z.strictObject({ id: ProjectId });

export const RegisterProjectBody = z.strictObject({
  name: Text(120),
  enterprise: z.strictObject({
    name: Text(120),
    creditCode: z.string().check(z.trim(), z.length(18, 'a unified social credit code has 18 characters'), z.describe('统一社会信用代码 (GB 32100-2015), with its check character')),
  }),
  investment: z.number().check(z.positive(), z.lte(100_000_000), z.multipleOf(0.01), z.describe('万元 (ten thousand yuan)')),
  siteId: z.optional(Id).check(z.describe('the park or township (site) the project is at; an agent’s own site when left out')),
});
export const AssignAgentBody = z.strictObject({ agentId: Id });
export const PlanBody = z.strictObject({
  steps: z
    .array(
      z.strictObject({
        stepId: StepId,
        itemCode: z.string().check(z.minLength(1), z.maxLength(64)),
        after: z._default(z.array(StepId).check(z.maxLength(60)), []),
        targetDate: z.optional(LocalDateString),
      }),
    )
    .check(z.minLength(1), z.maxLength(60)),
});
export const FollowUpBody = z.strictObject({ at: z.iso.datetime({ offset: true }), note: Text(2000), blockers: z.optional(z.array(Text(200)).check(z.maxLength(20))) });
export const CloseBody = z.strictObject({ note: z.optional(Text(1000)) });
export const ProjectsQuery = z.strictObject({ siteId: z.optional(Id), status: z.optional(z.enum(['open', 'closed'])) });

const stepStateValues = ['waiting', 'ready', 'filed', 'done', 'denied', 'stalled'] as const;
const StepView = z.object({
  stepId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  committedDays: z.int(),
  after: z.array(z.string()),
  targetDate: Nullable(LocalDateString),
  state: z.enum(stepStateValues),
  stalled: Nullable(z.enum(['overdue', 'untouched'])),
  readySince: Nullable(LocalDateString),
  case: Nullable(z.object({ caseId: z.string(), caseNo: z.string(), status: Nullable(z.enum(caseStatuses)), deadline: Nullable(LocalDateString), filedDate: LocalDateString })),
  filings: z.int(),
  planned: z.object({ start: LocalDateString, finish: LocalDateString }),
  actual: z.object({ start: Nullable(LocalDateString), finish: Nullable(LocalDateString) }),
  expectedFinish: LocalDateString,
  critical: z.boolean(),
  blocking: z.boolean(),
  targetAtRisk: z.boolean(),
});
const Filing = z.object({
  stepId: z.string(),
  caseId: z.string(),
  caseNo: z.string(),
  itemCode: z.string(),
  filedAt: z.string(),
  filedDate: LocalDateString,
  outcome: Nullable(z.enum(['approved', 'forwarded', 'denied', 'rejected'])),
  reason: Nullable(z.string()),
  closedAt: Nullable(z.string()),
  closedDate: Nullable(LocalDateString),
  onTime: Nullable(z.boolean()),
});
export const ProjectView = named('Project', z.object({
  projectId: z.string(),
  projectNo: z.string().check(z.meta({ example: 'DB331022-2026-0013' })),
  name: z.string(),
  enterprise: z.object({ name: z.string(), creditCode: z.string() }),
  investment: z.number().check(z.describe('万元')),
  siteId: z.string(),
  siteName: z.string(),
  agentId: Nullable(z.string()),
  status: z.enum(['open', 'closed']),
  registeredDate: LocalDateString,
  closedDate: Nullable(LocalDateString),
  planVersion: z.int().check(z.describe('0 until a plan is set; each new plan is the next version (the earlier ones stay in the history)')),
  steps: z.array(StepView),
  expectedFinish: Nullable(LocalDateString).check(z.describe('the critical path’s finish from the items’ committed working days and the filed cases’ deadlines')),
  criticalPath: z.array(z.string()),
  blockingStepId: Nullable(z.string()),
  filings: z.array(Filing),
  followUps: z.array(z.object({ followUpNo: z.int(), at: z.string(), note: z.string(), blockers: z.array(z.string()), by: z.string() })),
  version: z.int(),
}));

export const ProjectSummary = named('ProjectSummary', z.object({
  projectId: z.string(),
  projectNo: z.string(),
  name: z.string(),
  enterprise: z.string(),
  investment: z.number(),
  siteId: z.string(),
  agentId: Nullable(z.string()),
  status: z.enum(['open', 'closed']),
  registeredDate: LocalDateString,
  steps: z.int(),
  stepsDone: z.int(),
  expectedFinish: Nullable(LocalDateString),
  blockingStepId: Nullable(z.string()),
  blockingItemName: Nullable(z.string()),
}));

export const WorklistItem = z.object({
  projectId: z.string(),
  projectNo: z.string(),
  projectName: z.string(),
  enterprise: z.string(),
  stepId: z.string(),
  itemCode: z.string(),
  itemName: z.string(),
  kind: z.enum(['overdue', 'stalled', 'target', 'refile', 'file']),
  due: Nullable(LocalDateString),
  critical: z.boolean(),
  readySince: Nullable(LocalDateString),
  expectedFinish: LocalDateString,
  case: Nullable(z.object({ caseNo: z.string(), outcome: Nullable(z.enum(['approved', 'forwarded', 'denied', 'rejected'])), reason: Nullable(z.string()), closedDate: Nullable(LocalDateString), deadline: Nullable(LocalDateString) })).check(z.describe('the step’s latest case: the overdue one, or the refused one to file again')),
});
export const Worklist = named('AgentWorklist', z.object({
  agentId: z.string(),
  today: LocalDateString,
  items: z.array(WorklistItem).check(z.describe('what to do next, most urgent first: overdue cases, stalled steps, targets within five working days, steps to file again, steps ready to file')),
  projects: z.array(ProjectSummary),
}));

const StatsRow = { projects: z.int(), investment: z.number(), permits: z.int(), permitsDone: z.int() };
export const AgencyStatsQuery = z.strictObject({ from: LocalDateString, to: LocalDateString, siteId: z.optional(Id) });
export const AgencyStats = named('AgencyStats', z.object({
  from: LocalDateString,
  to: LocalDateString,
  siteId: Nullable(z.string()),
  projects: z.int(),
  investment: z.number().check(z.describe('万元')),
  permits: z.int(),
  permitsDone: z.int(),
  averageWorkingDaysPerPermit: Nullable(z.number()),
  onTimeRate: Nullable(z.number()),
  byAgent: z.array(z.object({ agentId: Nullable(z.string()), ...StatsRow })),
  bySite: z.array(z.object({ siteId: z.string(), ...StatsRow })),
}));
