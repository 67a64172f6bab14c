import { caseSteps, type ArchiveProblemCode, type TimelineEvent } from './labels.ts';

/**
 * What the case's own record says about each point of the archive checklist, shown beside the
 * problem codes: the checker compares the paper file with it. A `warn` is where the record itself
 * already suggests the problem (a decision after the deadline, materials never supplied).
 */
export interface Evidence {
  text: string;
  warn: boolean;
}

export interface Material {
  code: string;
  name: string;
}

const str = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const strings = (value: unknown): string[] => (Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : []);

/** The steps of the case file: lifecycle events only, oldest first. */
export function fileSteps(events: readonly TimelineEvent[]): TimelineEvent[] {
  return events.filter((e) => caseSteps[e.type] !== undefined).sort((a, b) => a.version - b.version);
}

export function evidenceOf(events: readonly TimelineEvent[], required: readonly Material[] | undefined): Record<ArchiveProblemCode, Evidence | undefined> {
  const steps = fileSteps(events);
  const notices = steps.filter((e) => e.type === 'MaterialsRequested');
  const noticeDates = notices.map((e) => str(e.data.noticeDate));
  const unsigned = steps.filter((e) => !e.actor.id);
  const undated = steps.filter((e) => !e.at);
  const completed = steps.find((e) => e.type === 'CaseCompleted');
  const received = new Set(steps.flatMap((e) => (e.type === 'CaseSubmitted' || e.type === 'MaterialsSupplied' ? strings(e.data.materials) : [])));
  const missing = required?.filter((m) => !received.has(m.code)) ?? [];
  const ordinal = (e: TimelineEvent) => `第 ${steps.indexOf(e) + 1} 步（${caseSteps[e.type] ?? e.type}）`;

  const deadline = completed ? str(completed.data.deadline) : undefined;
  const completedDate = completed ? str(completed.data.completedDate) : undefined;
  const late = completed?.data.onTime === false;

  return {
    'notice-undated':
      notices.length === 0
        ? { text: '本件未出具一次性告知', warn: false }
        : noticeDates.some((d) => !d)
          ? { text: '一次性告知没有出具日期', warn: true }
          : { text: `一次性告知${notices.length > 1 ? ` ${notices.length} 次（多次告知）` : ''}，出具日期 ${noticeDates.join('、')}`, warn: false },
    'step-unsigned': unsigned.length > 0 ? { text: `${unsigned.map(ordinal).join('、')}没有经办人`, warn: true } : { text: `${steps.length} 个环节均记录了经办人`, warn: false },
    'step-undated': undated.length > 0 ? { text: `${undated.map(ordinal).join('、')}没有办理时间`, warn: true } : { text: `${steps.length} 个环节均记录了办理时间`, warn: false },
    'decision-after-deadline': !completed
      ? { text: '系统中没有办结记录', warn: true }
      : late
        ? { text: `办结 ${completedDate ?? '?'}，晚于期限 ${deadline ?? '?'}`, warn: true }
        : { text: `办结 ${completedDate ?? '?'}，期限 ${deadline ?? '?'}，按期办结`, warn: false },
    'materials-incomplete':
      required === undefined
        ? undefined
        : missing.length > 0
          ? { text: `系统记录缺少：${missing.map((m) => m.name).join('、')}`, warn: true }
          : { text: `要求的 ${required.length} 项材料均已收取`, warn: false },
    other: undefined,
  };
}

/** The few facts of a step worth reading in the file: notice date, deadline, decision, where it went. */
export function stepDetail(e: TimelineEvent, materialName: (code: string) => string): string {
  const d = e.data;
  switch (e.type) {
    case 'CaseSubmitted':
      return `收取材料：${strings(d.materials).map(materialName).join('、') || '无'}`;
    case 'MaterialsRequested':
      return `告知日期 ${str(d.noticeDate) ?? '（无）'}；缺：${strings(d.missing).map(materialName).join('、')}`;
    case 'MaterialsSupplied':
      return `补正：${strings(d.materials).map(materialName).join('、')}`;
    case 'CaseAccepted':
      return `受理 ${str(d.acceptedDate) ?? ''}，办理期限 ${str(d.deadline) ?? ''}${d.deadlineProvisional === true ? '（暂定）' : ''}`;
    case 'CaseRejected':
      return `理由：${str(d.reason) ?? ''}`;
    case 'CaseSuspended':
      return `理由：${str(d.reason) ?? ''}`;
    case 'CaseResumed':
      return `停止计时 ${typeof d.stoppedWorkingDays === 'number' ? d.stoppedWorkingDays : '?'} 个工作日，新期限 ${str(d.deadline) ?? ''}`;
    case 'CaseTransferred':
      return `${str(d.fromWindowId) ?? ''} → ${str(d.toWindowId) ?? ''}`;
    case 'CaseCompleted': {
      const decision = { approved: '准予', denied: '不予许可', forwarded: '已上报' }[str(d.decision) ?? ''] ?? str(d.decision) ?? '';
      return `${decision}；办结 ${str(d.completedDate) ?? ''}，期限 ${str(d.deadline) ?? ''}，${d.onTime === false ? '超期' : '按期'}`;
    }
    case 'CaseDelivered':
      return `送达方式：${{ 'in-person': '当面领取', post: '邮寄', electronic: '电子送达' }[str(d.method) ?? ''] ?? str(d.method) ?? ''}`;
    default:
      return '';
  }
}

/** What the problem checklist holds: the ticked codes and a note per code. */
export interface ArchiveValues {
  codes: ArchiveProblemCode[];
  notes?: Partial<Record<ArchiveProblemCode, string>>;
}

/** The `POST /archive-checks/{month}/{caseId}` body; no codes ticked records the file as in order. */
export function archiveCheckBody(values: ArchiveValues, order: readonly ArchiveProblemCode[]): { problems: { code: ArchiveProblemCode; note?: string }[] } {
  return {
    problems: order
      .filter((code) => values.codes.includes(code))
      .map((code) => {
        const note = values.notes?.[code]?.trim();
        return note ? { code, note } : { code };
      }),
  };
}

/** Where an API field error goes: `problems.2.note` is the note of the third ticked code. */
export function archiveFieldOf(name: (string | number)[], sent: { problems: { code: ArchiveProblemCode }[] }): (string | number)[] {
  if (name[0] !== 'problems') return name;
  const code = typeof name[1] === 'number' ? sent.problems[name[1]]?.code : undefined;
  return code && name[2] === 'note' ? ['notes', code] : ['codes'];
}

/** The month before a county date's month (YYYY-MM): the sample drawn on a month's first working day is last month's. */
export function previousMonth(date: string): string {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** 2026年11月 */
export const chineseMonth = (month: string): string => `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
