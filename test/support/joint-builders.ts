import type { CaseCommand, CommandMeta } from '../../domain/case/commands.ts';
import type { CaseContext } from '../../domain/case/context.ts';
import type { OpinionResult } from '../../domain/case/joint.ts';
import { type County, countySchema, indexCounty } from '../../domain/county.ts';
import { applicant, at, command, testCalendar } from './builders.ts';

/**
 * A county with joint items (联办件): completion acceptance by six departments (the worked example of
 * shared/domain.md), a joint survey by three units, and a joint drawing review without a site visit.
 * Fixed ids; the quality station and the archives have no window of their own, the housing window
 * answers for them.
 */
export const jointCounty: County = countySchema().parse({
  code: '339998',
  key: 'jointland',
  name: '联办测试县',
  timeZone: 'Asia/Shanghai',
  departments: [
    { id: 'D-HC', name: '住房和城乡建设局' },
    { id: 'D-NR', name: '自然资源和规划局' },
    { id: 'D-FIRE', name: '消防救援大队' },
    { id: 'D-CAD', name: '人民防空办公室' },
    { id: 'D-LAND', name: '土地管理所' },
    { id: 'D-ARCH', name: '城建档案馆' },
    { id: 'D-QS', name: '建设工程质量监督站' },
    { id: 'D-REG', name: '不动产登记中心' },
  ],
  sites: [{ id: 'S-CENTER', name: '联办测试县行政服务中心', level: 'county', parentId: null }],
  windows: [
    { id: 'W-HC', name: '住建窗口（联合验收牵头）', departmentId: 'D-HC', siteId: 'S-CENTER' },
    { id: 'W02', name: '自然资源窗口', departmentId: 'D-NR', siteId: 'S-CENTER' },
    { id: 'W-FIRE', name: '消防窗口', departmentId: 'D-FIRE', siteId: 'S-CENTER' },
    { id: 'W-CAD', name: '人防窗口', departmentId: 'D-CAD', siteId: 'S-CENTER' },
    { id: 'W-LAND', name: '土地窗口', departmentId: 'D-LAND', siteId: 'S-CENTER' },
    { id: 'W-REG', name: '不动产登记窗口', departmentId: 'D-REG', siteId: 'S-CENTER' },
  ],
  items: [
    {
      code: 'JA-1',
      name: '建设工程竣工联合验收',
      windowId: 'W-HC',
      type: 'joint',
      committedDays: 20,
      statutoryDays: 60,
      materials: [
        { code: 'M1', name: '竣工联合验收申请表' },
        { code: 'M2', name: '规划核实测量成果' },
        { code: 'M3', name: '消防验收资料' },
        { code: 'M4', name: '人防工程竣工资料' },
        { code: 'M5', name: '土地核验资料' },
        { code: 'M6', name: '城建档案移交资料' },
        { code: 'M7', name: '工程质量竣工报告' },
      ],
      joint: {
        inspection: true,
        departments: [
          { departmentId: 'D-NR', days: 5, materials: ['M1', 'M2'], inspects: true },
          { departmentId: 'D-FIRE', days: 5, materials: ['M1', 'M3'], inspects: true },
          { departmentId: 'D-CAD', days: 5, materials: ['M1', 'M4'], inspects: true },
          { departmentId: 'D-LAND', days: 5, materials: ['M1', 'M5'], inspects: true },
          { departmentId: 'D-ARCH', days: 3, materials: ['M6'], inspects: false, windowId: 'W-HC' },
          { departmentId: 'D-QS', days: 5, materials: ['M1', 'M7'], inspects: true, windowId: 'W-HC' },
        ],
      },
    },
    {
      // "One registration, one pre-check notice, one joint survey": 30 working days became 6.
      code: 'JS-1',
      name: '工程建设项目联合测量',
      windowId: 'W02',
      type: 'joint',
      committedDays: 6,
      statutoryDays: 30,
      materials: [
        { code: 'M1', name: '联合测量申请表' },
        { code: 'M2', name: '建设工程规划许可证' },
        { code: 'M3', name: '不动产权籍调查资料' },
      ],
      joint: {
        inspection: true,
        departments: [
          { departmentId: 'D-REG', days: 5, materials: ['M1', 'M3'], inspects: true },
          { departmentId: 'D-HC', days: 6, materials: ['M1'], inspects: true },
          { departmentId: 'D-NR', days: 6, materials: ['M1', 'M2'], inspects: true },
        ],
      },
    },
    {
      // Reviewed on the drawings alone: no site visit.
      code: 'JD-1',
      name: '施工图联合审查',
      windowId: 'W-HC',
      type: 'joint',
      committedDays: 10,
      statutoryDays: 20,
      materials: [
        { code: 'M1', name: '施工图设计文件' },
        { code: 'M2', name: '消防设计文件' },
        { code: 'M3', name: '人防设计文件' },
      ],
      joint: {
        inspection: false,
        departments: [
          { departmentId: 'D-FIRE', days: 5, materials: ['M1', 'M2'], inspects: false },
          { departmentId: 'D-CAD', days: 5, materials: ['M1', 'M3'], inspects: false },
          { departmentId: 'D-QS', days: 4, materials: ['M1'], inspects: false, windowId: 'W-HC' },
        ],
      },
    },
    {
      code: 'COM-6',
      name: '建设工程规划许可',
      windowId: 'W02',
      type: 'commitment',
      committedDays: 6,
      statutoryDays: 20,
      materials: [{ code: 'M1', name: '申请表' }],
    },
  ],
});

export const jointIndex = indexCounty(jointCounty);

export const jointContext: CaseContext = { county: jointIndex, calendar: testCalendar() };

/** The completion-acceptance departments, in catalogue order. */
export const acceptanceDepartments = ['D-NR', 'D-FIRE', 'D-CAD', 'D-LAND', 'D-ARCH', 'D-QS'] as const;
/** Those of them that come to the joint inspection (all but the archives). */
export const inspectingDepartments = ['D-NR', 'D-FIRE', 'D-CAD', 'D-LAND', 'D-QS'] as const;

/** The window that answers for a department of a joint item (its own, or the one the item names). */
export function answeringWindow(departmentId: string, itemCode = 'JA-1'): string {
  const named = jointIndex.item(itemCode)?.joint?.departments.find((d) => d.departmentId === departmentId)?.windowId;
  return named ?? jointIndex.windowOfDepartment(departmentId)?.id ?? 'W-HC';
}

const lead = (itemCode = 'JA-1'): Partial<CommandMeta> => ({ windowId: jointIndex.item(itemCode)?.windowId ?? 'W-HC', actor: { id: 'clerk-hc', role: 'clerk' } });

/** Submission of a joint item with every material on file. */
export function jointSubmitted(options: { itemCode?: string; date?: string; caseId?: string; materials?: string[] } = {}): CaseCommand {
  const itemCode = options.itemCode ?? 'JA-1';
  const materials = options.materials ?? jointIndex.item(itemCode)?.materials.map((m) => m.code) ?? [];
  return command(
    'SubmitCase',
    { caseId: options.caseId ?? 'joint-1', caseNo: '339998-20261102-00001', itemCode, applicant: { ...applicant, organization: '测试置业有限公司' }, channel: 'window', materials },
    at(options.date ?? '2026-11-02', '09:00'),
    lead(itemCode),
  );
}

export const acceptJoint = (date: string, time = '10:00', itemCode = 'JA-1') => command('AcceptCase', {}, at(date, time), lead(itemCode));

/** Appoint the joint inspection for `date` at `time`, decided at `now`. */
export const scheduleInspection = (date: string, time: string, now: string, place = '项目现场（城东路8号）') =>
  command('ScheduleJointInspection', { at: at(date, time), place }, now, lead());

/** Record the inspection's attendance: `absent` maps a department to `null` (no reason) or its reason. */
export function recordInspection(date: string, present: readonly string[], absent: Readonly<Record<string, string | null>> = {}, time = '11:30'): CaseCommand {
  return command(
    'RecordJointInspection',
    { present: [...present], absent: Object.entries(absent).map(([departmentId, reason]) => (reason === null ? { departmentId, justified: false } : { departmentId, justified: true, reason })) },
    at(date, time),
    lead(),
  );
}

/** Raw attendance, for refusals the helper above cannot express (duplicates, a justified absence without reason). */
export const recordAttendance = (date: string, present: string[], absent: { departmentId: string; justified: boolean; reason?: string }[], time = '11:30') =>
  command('RecordJointInspection', { present, absent }, at(date, time), lead());

/** A department's opinion, given at its answering window: a rectification lists `items`, a failure its `note`. */
export function opinion(departmentId: string, result: OpinionResult, date: string, options: { items?: string[]; note?: string; time?: string; itemCode?: string } = {}): CaseCommand {
  const items = options.items ?? (result === 'rectify' ? ['整改一项'] : undefined);
  const note = options.note ?? (result === 'fail' ? '不符合验收条件' : undefined);
  return command(
    'GiveDepartmentOpinion',
    { departmentId, result, ...(items === undefined ? {} : { items: items.map((text) => ({ text })) }), ...(note === undefined ? {} : { note }) },
    at(date, options.time ?? '14:00'),
    { windowId: answeringWindow(departmentId, options.itemCode), actor: { id: `clerk-${departmentId.toLowerCase()}`, role: 'clerk' } },
  );
}

export const issueRectification = (date: string, time = '16:00') => command('IssueJointRectification', {}, at(date, time), lead());

export const completeRectification = (date: string, time = '09:30') => command('CompleteJointRectification', {}, at(date, time), lead());

/** The deadline sweep (超时默许) for `date`, run by the center's timer at `now`. */
export const sweep = (date: string, now: string) =>
  command('SweepJointDeadlines', { date }, now, { actor: { id: 'joint-sweeper', role: 'system' }, windowId: null, siteId: null, commandId: `sweep-${date}-${now}` });

export const suspendJoint = (date: string, time = '16:00') => command('SuspendCase', { procedure: 'expert-review', reason: '专家论证' }, at(date, time), lead());

export const resumeJoint = (date: string, time = '09:00') => command('ResumeCase', {}, at(date, time), lead());

export const completeJoint = (date: string, decision: 'approved' | 'denied' = 'approved', time = '15:00') => command('CompleteCase', { decision }, at(date, time), lead());
