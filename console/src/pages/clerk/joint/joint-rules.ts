import type { Case, Schemas } from '../../../../../client/index.ts';
import { chineseDate } from '../../../lib/dates.ts';
import { taskStatus } from '../../joint/labels.ts';
import type { CaseAction } from '../case-actions.ts';
import { caseStatus } from '../labels.ts';

/**
 * What the lead window may do on a joint case (联合审批), and why not when it may not: the rules of
 * `domain/case/joint.ts` and `jointDecisionAllowed`, read off the case the API answered, so that a
 * button is enabled exactly when the API would take the command, and a disabled one says why.
 */

export type JointReview = Schemas['JointReview'];
export type JointTask = JointReview['tasks'][number];
export type TaskStatus = JointTask['status'];
export type CalendarYear = Schemas['CalendarYear'];
/** A department's name by its id (the id itself when the list did not load). */
export type Names = (departmentId: string) => string;

/** The statuses that let the case be approved. */
export const approvingStatuses: readonly TaskStatus[] = ['passed', 'deemed-consenting', 'deemed-approving'];

/** The summary's order: the answers that let the case through, then those that hold it, then the ones still reviewing. */
const summaryOrder: readonly TaskStatus[] = ['passed', 'deemed-consenting', 'deemed-approving', 'rectify', 'failed', 'open'];

/** One line for the panel: 6个部门：2通过 · 1缺席视为同意 · 2需整改 · 1审查中；串联需28个工作日. */
export function jointSummary(joint: Pick<JointReview, 'tasks' | 'serialWorkingDays'>): string {
  const parts = summaryOrder.map((status) => ({ status, count: joint.tasks.filter((t) => t.status === status).length })).filter((p) => p.count > 0);
  return `${joint.tasks.length}个部门：${parts.map((p) => `${p.count}${taskStatus[p.status].label}`).join(' · ')}；串联需${joint.serialWorkingDays}个工作日`;
}

/** The departments the approval still waits for: every task not passed, consenting or deemed approving. */
export function waitedFor(joint: Pick<JointReview, 'tasks'>): JointTask[] {
  return joint.tasks.filter((t) => !approvingStatuses.includes(t.status));
}

/** Where a task that holds the case stands, in a few words. */
export function waitingLabel(task: Pick<JointTask, 'status' | 'clockStopped'>): string {
  if (task.status === 'rectify') return task.clockStopped ? '需整改，申请人整改中' : '需整改，待出具整改通知';
  return taskStatus[task.status].label;
}

/** 三门县消防救援大队（需整改，申请人整改中）、三门县城市建设档案馆（审查中）. */
export function describeWaited(joint: Pick<JointReview, 'tasks'>, names: Names): string {
  return waitedFor(joint)
    .map((t) => `${names(t.departmentId)}（${waitingLabel(t)}）`)
    .join('、');
}

/**
 * The last day the joint inspection may be held: the earliest deadline of an inspecting department
 * still reviewing (they answer after it; holding it later would deem them approving unheard).
 */
export function inspectionLatest(joint: Pick<JointReview, 'tasks'>): string | undefined {
  return joint.tasks
    .filter((t) => t.inspects && t.status === 'open')
    .map((t) => t.deadline)
    .sort()[0];
}

/** The lead window's steps on a joint case. */
export type JointAction = 'schedule' | 'record' | 'issue' | 'done' | 'approve' | 'deny';

export interface Availability {
  allowed: boolean;
  /** Why not, in Chinese (null when allowed). */
  reason: string | null;
}

const yes: Availability = { allowed: true, reason: null };
const no = (reason: string): Availability => ({ allowed: false, reason });

/** Why nothing can be done on a case that is not under review. */
function notUnderReview(status: Case['status']): string {
  switch (status) {
    case 'suspended':
      return '办件在特别程序中，联合审批暂停计时，特别程序结束后再办理';
    case 'completed':
    case 'delivered':
      return '办件已办结';
    case 'rejected':
      return '办件已不予受理';
    default:
      return '办件受理后才开始联合审批';
  }
}

/**
 * Which of the lead window's steps the API would take now, each with the reason when not. `today` is
 * the county's date (YYYY-MM-DD).
 */
export function jointAvailability(kase: Pick<Case, 'status' | 'joint'>, today: string, names: Names): Record<JointAction, Availability> {
  const joint = kase.joint;
  if (!joint || kase.status !== 'accepted') {
    const why = no(joint ? notUnderReview(kase.status) : '此办件没有联合审批');
    return { schedule: why, record: why, issue: why, done: why, approve: why, deny: why };
  }
  const { inspection, rectification } = joint;

  const schedule = (() => {
    if (!inspection.required) return no('此事项不需联合验收');
    if (inspection.heldDate) return no(`联合验收已于${chineseDate(inspection.heldDate)}举行`);
    const latest = inspectionLatest(joint);
    if (latest !== undefined && latest < today) return no(`现场验收部门的审查期限（${chineseDate(latest)}）已过，不能再安排联合验收`);
    return yes;
  })();

  const record = (() => {
    if (!inspection.required) return no('此事项不需联合验收');
    if (inspection.heldDate) return no(`联合验收已于${chineseDate(inspection.heldDate)}记录`);
    if (!inspection.date) return no('尚未安排联合验收');
    if (today < inspection.date) return no(`联合验收定于${chineseDate(inspection.date)}，当天或之后才能记录`);
    return yes;
  })();

  const issue = (() => {
    if (rectification.status === 'issued') return no(`第${rectification.round ?? 1}轮整改通知尚在申请人处，整改完成后才能出具下一轮`);
    if (!joint.tasks.some((t) => t.status === 'rectify')) return no('没有部门提出整改意见，无需出具整改通知');
    return yes;
  })();

  const done =
    rectification.status === 'issued'
      ? yes
      : no(rectification.status === 'completed' ? `第${rectification.round ?? 1}轮整改已于${chineseDate(rectification.completedDate)}完成，没有在整改中的通知` : '尚未出具整改通知');

  const failed = joint.tasks.filter((t) => t.status === 'failed');
  const failedNames = failed.map((t) => names(t.departmentId)).join('、');
  const approve = (() => {
    if (failed.length > 0) return no(`${failedNames}审查不通过，只能办结为不予许可`);
    const waiting = describeWaited(joint, names);
    if (waiting) return no(`尚待以下部门：${waiting}`);
    return yes;
  })();
  const deny = failed.length > 0 ? yes : no('只有部门审查不通过时才能办结为不予许可；目前没有部门不通过');

  return { schedule, record, issue, done, approve, deny };
}

/**
 * The case page's toolbar for a joint case: its completion is taken in the joint panel (approved or
 * denied by the departments' answers), and no special procedure starts while the combined list is
 * with the applicant (the clocks already stand still). Any other case keeps its steps.
 */
export function jointToolbar(kase: Pick<Case, 'joint'>, actions: readonly CaseAction[]): CaseAction[] {
  if (!kase.joint) return [...actions];
  const listOut = kase.joint.rectification.status === 'issued';
  return actions.filter((a) => a !== 'complete' && !(a === 'suspend' && listOut));
}

/** The pending rectification items, by department, in the order the departments appear on the case. */
export function pendingByDepartment(joint: Pick<JointReview, 'tasks' | 'rectification'>): { departmentId: string; items: string[] }[] {
  return groupByDepartment(joint.tasks, joint.rectification.pending);
}

/** Items of a notice grouped by their department, departments in the case's order. */
export function groupByDepartment(tasks: readonly Pick<JointTask, 'departmentId'>[], items: readonly { departmentId: string; text: string }[]): { departmentId: string; items: string[] }[] {
  const order = tasks.map((t) => t.departmentId);
  const ids = [...new Set(items.map((i) => i.departmentId))].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  return ids.map((departmentId) => ({ departmentId, items: items.filter((i) => i.departmentId === departmentId).map((i) => i.text) }));
}

/** Where the joint inspection stands, in a few words. */
export function inspectionState(inspection: JointReview['inspection']): string {
  if (!inspection.required) return '不需联合验收';
  if (inspection.heldDate) return `已于${chineseDate(inspection.heldDate)}举行`;
  if (inspection.date) return '已安排，待举行';
  return '尚未安排';
}

// --- The county's working days (the page's date picker and the days used) ---

const weekday = (date: string): number => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
};

/** Is the day worked: the county's own overrides, then the year's notice, then Monday to Friday (the API's order). */
export function isWorkingDay(date: string, year: Pick<CalendarYear, 'holidays' | 'workdays' | 'countyHolidays' | 'countyWorkdays'>): boolean {
  if (year.countyWorkdays.includes(date)) return true;
  if (year.countyHolidays.includes(date)) return false;
  if (year.workdays.includes(date)) return true;
  if (year.holidays.includes(date)) return false;
  const w = weekday(date);
  return w !== 0 && w !== 6;
}

const nextDay = (date: string): string => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
};

/** Working days in (from, to], as the API counts them; undefined when a year of the span is not known. */
export function workingDaysBetween(from: string, to: string, years: ReadonlyMap<number, CalendarYear>): number | undefined {
  let count = 0;
  for (let day = nextDay(from); day <= to; day = nextDay(day)) {
    const year = years.get(Number(day.slice(0, 4)));
    if (!year) return undefined;
    if (isWorkingDay(day, year)) count++;
  }
  return count;
}

/**
 * The instant of a county wall-clock date and time, with the county's offset (e.g. 2026-12-25T09:30:00+08:00),
 * whatever the browser's own time zone.
 */
export function countyInstant(date: string, time: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  // The offset at the wall-clock instant read as UTC, then again at the instant it gives (right across a change of offset).
  const offsetAt = (instant: number) => {
    const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
    return match ? (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3])) : 0;
  };
  const offset = offsetAt(wall - offsetAt(wall) * 60_000);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date}T${pad(hh)}:${pad(mm)}:00${sign}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

// --- Refusals, in Chinese ---

const statusLabel = (status: string): string => (status in taskStatus ? taskStatus[status as TaskStatus].label : status);

/**
 * The API's refusal of a joint step, as a Chinese sentence: the domain explains it in English (the
 * problem's `detail`); the ones the lead window meets are said here with the departments' names.
 * Anything else keeps the console's sentence for its status.
 */
export function jointProblemSentence(problem: { message: string; detail?: string | undefined }, names: Names, joint?: Pick<JointReview, 'tasks'> | null): string {
  const detail = problem.detail ?? '';
  let m: RegExpExecArray | null;
  if ((m = /waiting for (.+)$/.exec(detail))) {
    const waiting = m[1]!.split(', ').map((part) => {
      const [, id = part, status = ''] = /^(\S+) \(([\w-]+)\)$/.exec(part) ?? [];
      return `${names(id)}（${statusLabel(status)}）`;
    });
    return `各部门尚未全部同意，不能准予许可。仍在等待：${waiting.join('、')}`;
  }
  if ((m = /^department (.+) failed the case/.exec(detail))) return `${m[1]!.split(', ').map(names).join('、')}审查不通过，只能办结为不予许可`;
  if (/none has failed/.test(detail)) return '没有部门审查不通过，联合审批办件不能办结为不予许可';
  if ((m = /combined list of round (\d+) is still with the applicant/.exec(detail))) return `第${m[1]}轮整改通知尚在申请人处，整改完成后才能出具下一轮`;
  if (/no department has asked for a rectification/.test(detail)) return '没有部门提出整改意见，无需出具整改通知';
  if (/no combined rectification list is with the applicant/.test(detail)) return '没有在整改中的整改通知';
  if ((m = /joint inspection was held on (\d{4}-\d{2}-\d{2})/.exec(detail))) return `联合验收已于${chineseDate(m[1])}举行`;
  if (/joint inspection has not been appointed/.test(detail)) return '尚未安排联合验收';
  if (/recorded on or after its appointed day/.test(detail)) return '联合验收须在约定日期当天或之后记录';
  if (/held within the inspecting departments/.test(detail)) {
    const latest = joint ? inspectionLatest(joint) : undefined;
    return `联合验收须在现场验收部门的审查期限内举行${latest ? `（最迟${chineseDate(latest)}）` : ''}`;
  }
  if (/appointed for a time to come/.test(detail)) return '联合验收时间已过，请另选时间';
  if (/appointed on a working day/.test(detail)) return '联合验收须安排在工作日';
  if (/has no joint inspection/.test(detail)) return '此事项不需联合验收';
  if (/attendance does not fit/.test(detail)) return '到场情况与现场验收部门不符，请检查标红的项目';
  if ((m = /^cannot \w+ a case that is ([\w-]+)/.exec(detail))) {
    const status = m[1]! as Case['status'];
    return `办件当前为“${caseStatus[status]?.label ?? status}”，不能办理此项`;
  }
  return problem.message;
}

/** What each step's button says on this case. */
export function jointActionLabel(action: JointAction, joint: Pick<JointReview, 'inspection' | 'rectification'>): string {
  switch (action) {
    case 'schedule':
      return joint.inspection.date ? '改期联合验收' : '安排联合验收';
    case 'record':
      return '记录联合验收';
    case 'issue':
      return `出具整改通知（第${joint.rectification.rounds + 1}轮）`;
    case 'done':
      return '整改完成';
    case 'approve':
      return '办结（准予许可）';
    case 'deny':
      return '办结（不予许可）';
  }
}

/** The step to take next, shown as the primary button: recording, closing a list, issuing one, deciding, then appointing. */
export function nextJointAction(availability: Record<JointAction, Availability>, joint: Pick<JointReview, 'inspection'>): JointAction | undefined {
  const order: JointAction[] = ['record', 'done', 'issue', 'approve', 'deny'];
  if (!joint.inspection.date) order.push('schedule');
  return order.find((a) => availability[a].allowed);
}
