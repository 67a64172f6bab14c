import type { CaseEvent } from '../../../domain/case/events.ts';
import type { CommandMeta } from '../../../domain/meta.ts';
import { projectAggregate } from '../../../domain/project/aggregate.ts';
import type { Filing, PlanStepInput, ProjectCommand, ProjectContext, RecordStepFiled, RecordStepOutcome } from '../../../domain/project/types.ts';
import { localDateOf, type LocalDate } from '../../../domain/time.ts';
import { at, meta, testCalendar, testIndex } from '../../support/builders.ts';
import { specFor } from '../../support/given.ts';

/** Builders for the agency project's tests: fixed ids, Beijing wall-clock times, the test county's catalogue. */
export const TZ = 'Asia/Shanghai';
export const calendar = testCalendar();
export const projectContext: ProjectContext = { timeZone: TZ, item: (code) => testIndex.item(code), site: (id) => testIndex.site(id) !== undefined };
export const projects = specFor(projectAggregate, projectContext);

/** Valid codes in the test county's division (339999), checks computed by hand. */
export const CREDIT_CODE = '91339999MA2D8K3L1G';

const agent = { actor: { id: 'agent-1', role: 'agent' as const }, windowId: null, siteId: 'S-CENTER' };
const asAgent = (now: string, overrides: Partial<CommandMeta> = {}) => meta(now, { ...agent, ...overrides });

type Data<T extends ProjectCommand['type']> = Extract<ProjectCommand, { type: T }>['data'];

export const register = (data: Partial<Data<'RegisterProject'>> = {}, now = at('2026-11-02', '09:00')): ProjectCommand => ({
  type: 'RegisterProject',
  data: { projectId: 'P1', projectNo: '339999-XM-2026-0001', name: '年产十万吨饲料加工项目', enterprise: { name: '测试县丰收饲料有限公司', creditCode: CREDIT_CODE }, investment: 5200.5, siteId: 'S-CENTER', ...data },
  meta: asAgent(now),
});
export const assign = (agentId: string, now = at('2026-11-02', '09:30')): ProjectCommand => ({ type: 'AssignAgent', data: { agentId }, meta: asAgent(now) });
export const setPlan = (steps: PlanStepInput[], now = at('2026-11-02', '10:00')): ProjectCommand => ({ type: 'SetPlan', data: { steps }, meta: asAgent(now) });
export const followUp = (data: Partial<Data<'RecordFollowUp'>> = {}, now = at('2026-11-05', '16:00')): ProjectCommand => ({
  type: 'RecordFollowUp',
  data: { at: at('2026-11-05', '15:00'), note: '走访企业，土地证明尚在办理', blockers: ['土地证明'], ...data },
  meta: asAgent(now),
});
export const close = (note: string | null = null, now = at('2026-12-10', '10:00')): ProjectCommand => ({ type: 'CloseProject', data: { note }, meta: asAgent(now) });

const system = { actor: { id: 'process-manager', role: 'system' as const }, windowId: null, siteId: null };
/** The process manager's record of a case filed for a step (as `projectCommandFor` makes it). */
export const filed = (stepId: string, caseId: string, date: LocalDate, time = '09:00', itemCode = 'COM-6'): RecordStepFiled => ({
  type: 'RecordStepFiled',
  data: { stepId, caseId, caseNo: caseNoOf(caseId), itemCode, filedAt: at(date, time), cause: { stream: `case#${caseId}`, version: 1 } },
  meta: meta(at(date, time), system),
});
/** The process manager's record of how a step's case ended. */
export const outcome = (stepId: string, caseId: string, how: RecordStepOutcome['data']['outcome'], date: LocalDate, options: { onTime?: boolean | null; reason?: string | null; time?: string } = {}): RecordStepOutcome => ({
  type: 'RecordStepOutcome',
  data: { stepId, caseId, outcome: how, reason: options.reason ?? null, at: at(date, options.time ?? '15:00'), onTime: options.onTime !== undefined ? options.onTime : how === 'approved' || how === 'forwarded' ? true : null, cause: { stream: `case#${caseId}`, version: 3 } },
  meta: meta(at(date, options.time ?? '15:00'), system),
});
export const caseNoOf = (caseId: string) => `339999-20261102-${caseId.replace(/\D/g, '').padStart(5, '0')}`;

/** A filing as the state keeps it (for `toEqual`). */
export function filing(stepId: string, caseId: string, filedAt: string, itemCode: string, end: Partial<Pick<Filing, 'outcome' | 'reason' | 'closedAt' | 'onTime'>> = {}): Filing {
  const closedAt = end.closedAt ?? null;
  return { stepId, caseId, caseNo: caseNoOf(caseId), itemCode, filedAt, filedDate: localDateOf(filedAt, TZ), outcome: null, reason: null, onTime: null, ...end, closedAt, closedDate: closedAt && localDateOf(closedAt, TZ) };
}

/**
 * The worked example's plan (two branches after the company is set up): S1 company registration (5
 * working days) → S2 planning permit (6) → S4 a change registration (0) → S5 a second planning permit
 * (6); and S1 → S3 land pre-review, reported up (10) → S5.
 */
export const fiveSteps: PlanStepInput[] = [
  { stepId: 'S1', itemCode: 'COM-5', after: [] },
  { stepId: 'S2', itemCode: 'COM-6', after: ['S1'] },
  { stepId: 'S3', itemCode: 'UP-10', after: ['S1'], targetDate: '2026-11-25' },
  { stepId: 'S4', itemCode: 'IMM-1', after: ['S2'] },
  { stepId: 'S5', itemCode: 'COM-6', after: ['S3', 'S4'], targetDate: '2026-12-04' },
];

type CaseData<T extends CaseEvent['type']> = Extract<CaseEvent, { type: T }>['data'];
/** A case event as the case stream holds it (only the fields the project reads matter). */
export function caseEvent<T extends 'CaseSubmitted' | 'CaseAccepted' | 'CaseCompleted' | 'CaseRejected'>(type: T, data: CaseData<T>, instant: string): CaseEvent {
  return { type, data, meta: { actor: { id: 'clerk-1', role: 'clerk' }, windowId: 'W02', siteId: 'S-CENTER', at: instant, commandId: `cmd-${instant}`, correlationId: 'corr-case' } } as CaseEvent;
}
export const caseSubmitted = (caseId: string, instant: string, itemCode = 'COM-6') =>
  caseEvent(
    'CaseSubmitted',
    {
      caseId,
      caseNo: caseNoOf(caseId),
      item: { code: itemCode, name: '建设工程规划许可', type: 'commitment', committedDays: 6, statutoryDays: 20 },
      windowId: 'W02',
      departmentId: 'D-NR',
      siteId: 'S-CENTER',
      channel: 'agent',
      applicant: { name: '测试县丰收饲料有限公司' },
      materials: ['M1', 'M2', 'M3'],
      submittedDate: localDateOf(instant, TZ),
    },
    instant,
  );
