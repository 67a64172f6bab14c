import { WorkingCalendar, type YearRules } from '../../domain/calendar/calendar.ts';
import type { CaseCommand, CommandMeta } from '../../domain/case/commands.ts';
import type { CaseContext } from '../../domain/case/context.ts';
import type { CaseEvent } from '../../domain/case/events.ts';
import { type County, countySchema, indexCounty } from '../../domain/county.ts';
import { lunarDates, publishedYears } from '../../functions/calendar/published.ts';

/** A small county with fixed ids, enough for every transition. */
export const testCounty: County = countySchema().parse({
  code: '339999',
  key: 'testland',
  name: '测试县',
  timeZone: 'Asia/Shanghai',
  departments: [
    { id: 'D-MR', name: '市场监督管理局' },
    { id: 'D-NR', name: '自然资源和规划局' },
    { id: 'D-TOWN', name: '乡镇便民服务中心' },
  ],
  sites: [
    { id: 'S-CENTER', name: '测试县行政服务中心', level: 'county', parentId: null },
    { id: 'S-T1', name: '东镇便民服务中心', level: 'township', parentId: 'S-CENTER' },
    { id: 'S-T1-V1', name: '东村代办点', level: 'village', parentId: 'S-T1' },
  ],
  windows: [
    { id: 'W01', name: '市场监管窗口', departmentId: 'D-MR', siteId: 'S-CENTER' },
    { id: 'W02', name: '自然资源窗口', departmentId: 'D-NR', siteId: 'S-CENTER' },
    { id: 'WT-1', name: '东镇综合窗口', departmentId: 'D-TOWN', siteId: 'S-T1' },
  ],
  items: [
    {
      code: 'IMM-1',
      name: '个体工商户变更登记',
      windowId: 'W01',
      type: 'immediate',
      committedDays: 0,
      statutoryDays: 15,
      materials: [{ code: 'M1', name: '变更登记申请书' }],
    },
    {
      code: 'COM-6',
      name: '建设工程规划许可',
      windowId: 'W02',
      type: 'commitment',
      committedDays: 6,
      statutoryDays: 20,
      materials: [
        { code: 'M1', name: '申请表' },
        { code: 'M2', name: '设计方案' },
        { code: 'M3', name: '土地证明' },
      ],
    },
    {
      code: 'COM-5',
      name: '企业设立登记（五证合一）',
      windowId: 'W01',
      type: 'commitment',
      committedDays: 5,
      statutoryDays: 15,
      materials: [{ code: 'M1', name: '设立登记申请书' }],
    },
    {
      code: 'UP-10',
      name: '建设用地预审（报市级）',
      windowId: 'W02',
      type: 'report-up',
      committedDays: 10,
      statutoryDays: 20,
      materials: [{ code: 'M1', name: '预审申请表' }],
    },
  ],
});

export const testIndex = indexCounty(testCounty);

export function testCalendar(amended: ReadonlyMap<number, YearRules> = new Map(), county: YearRules = { holidays: [], workdays: [] }) {
  return new WorkingCalendar({ published: publishedYears(), county, amended, lunar: lunarDates });
}

export const context: CaseContext = { county: testIndex, calendar: testCalendar() };

/** Beijing-time wall clock on a date, as a UTC instant. */
export function at(date: string, time = '10:00'): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString();
}

export function meta(now: string, overrides: Partial<CommandMeta> = {}): CommandMeta {
  return {
    actor: { id: 'clerk-1', role: 'clerk' },
    windowId: 'W02',
    siteId: 'S-CENTER',
    now,
    commandId: `cmd-${now}`,
    correlationId: 'corr-1',
    ...overrides,
  };
}

type Data<T extends CaseCommand['type']> = Extract<CaseCommand, { type: T }>['data'];

export function command<T extends CaseCommand['type']>(type: T, data: Data<T>, now: string, overrides: Partial<CommandMeta> = {}): CaseCommand {
  return { type, data, meta: meta(now, overrides) } as CaseCommand;
}

export const applicant = { name: '张三', phone: '13812341234', idNumber: '331022199001011234' };

export function submitted(options: { itemCode?: string; date?: string; materials?: string[]; caseId?: string; channel?: 'window' | 'township' | 'village' | 'online' | 'agent'; siteId?: string } = {}) {
  return command(
    'SubmitCase',
    {
      caseId: options.caseId ?? 'case-1',
      caseNo: '339999-20261102-00001',
      itemCode: options.itemCode ?? 'COM-6',
      applicant,
      channel: options.channel ?? 'window',
      siteId: options.siteId,
      materials: options.materials ?? ['M1', 'M2', 'M3'],
    },
    at(options.date ?? '2026-11-02', '09:00'),
  );
}

/** The events a command sequence produces, folded step by step (for building `given` histories). */
export type History = CaseEvent[];
