import type { Schemas } from '../../../../client/index.ts';
import type { Session } from '../../auth/session.ts';

/** The agent pages' logic (代办员), apart from React so it can be tested on its own. */

export type Project = Schemas['Project'];
export type ProjectStep = Project['steps'][number];
export type Filing = Project['filings'][number];
export type ProjectSummary = Schemas['ProjectSummary'];
export type AgentWorklist = Schemas['AgentWorklist'];
export type WorklistItem = AgentWorklist['items'][number];
export type FollowUp = Project['followUps'][number];

// ——— dates ———

function utc(date: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d));
}

export function addDays(date: string, days: number): string {
  const d = utc(date);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Monday to Friday: what the chart falls back on when the county's calendar may not be read. */
export const weekdaysOnly = (date: string): boolean => {
  const day = utc(date).getUTCDay();
  return day !== 0 && day !== 6;
};

/** 12/7: a date on the chart's axis. */
export const shortDate = (date: string): string => `${Number(date.slice(5, 7))}/${Number(date.slice(8, 10))}`;

/** A date in a table: 12月7日 within this year, 2027年1月4日 otherwise. */
export const dayText = (date: string | null | undefined, today: string): string => {
  if (!date) return '';
  const md = `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;
  return date.slice(0, 4) === today.slice(0, 4) ? md : `${Number(date.slice(0, 4))}年${md}`;
};

/** The county's offset at an instant, as `+08:00`. */
function offsetAt(instant: Date, timeZone: string): string {
  const name = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' }).formatToParts(instant).find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  return /GMT([+-]\d{2}:\d{2})/.exec(name)?.[1] ?? '+00:00';
}

/** A county wall-clock time (`2026-12-02T10:30`) as an instant with the county’s offset. */
export function countyInstant(local: string, timeZone: string): string {
  const guess = offsetAt(new Date(`${local}:00Z`), timeZone);
  return `${local}:00${offsetAt(new Date(`${local}:00${guess}`), timeZone)}`;
}

// ——— the timeline ———

/** Columns `[from, to)` of the chart's working days. */
export interface Span {
  from: number;
  to: number;
}

/** One case filed for a step, on the chart: from its filing to its outcome, or to today while it is open. */
export interface CaseBar {
  span: Span;
  caseNo: string;
  filedDate: string;
  closedDate: string | null;
  outcome: Filing['outcome'];
}

export interface TimelineRow {
  step: ProjectStep;
  planned: Span;
  /** Every case filed for the step (a denied one, then the one filed again). */
  cases: CaseBar[];
  /**
   * What is still expected, up to the expected finish: after today for an open case; from today for a
   * step to file (again); from its prerequisites' expected finish for a waiting one. None once done.
   */
  expected: Span | null;
  target: number | null;
}

export interface Timeline {
  /** The working days the chart spans, one column each. */
  days: string[];
  /** Today's column (the next working day's when today is not one), or null when outside the chart; a closed project's closing day instead. */
  today: number | null;
  todayWorking: boolean;
  closed: boolean;
  /** The first working day of each week, labelled (every `n`th when there are many). */
  ticks: { column: number; label: string }[];
  months: { column: number; span: number; label: string }[];
  rows: TimelineRow[];
}

const MIN_COLUMNS = 10;

const latest = (dates: readonly (string | null | undefined)[]): string | null => dates.reduce<string | null>((max, d) => (d && (max === null || d > max) ? d : max), null);

/**
 * The plan over working dates (a Gantt chart): for each step its planned span, each case filed for
 * it, and what is still expected. `today` is the county's date; `isWorkingDay` the county's calendar
 * (or Monday to Friday). A closed project's chart ends where it closed, with nothing expected.
 */
export function timeline(project: Pick<Project, 'steps' | 'filings' | 'status' | 'closedDate'>, today: string, isWorkingDay: (date: string) => boolean): Timeline {
  const { steps, filings } = project;
  const open = project.status === 'open';
  const now = !open && project.closedDate ? project.closedDate : today;
  const dates = [
    ...steps.flatMap((s) => [s.planned.start, s.planned.finish, s.actual.start, s.actual.finish, s.targetDate, open ? s.expectedFinish : null]),
    ...filings.flatMap((f) => [f.filedDate, f.closedDate]),
  ].filter((d): d is string => !!d);
  if (steps.length === 0 || dates.length === 0) return { days: [], today: null, todayWorking: isWorkingDay(today), closed: !open, ticks: [], months: [], rows: [] };
  const first = dates.reduce((a, b) => (a < b ? a : b));
  const end = latest([...dates, now])!;
  const days: string[] = [];
  // One working day beyond the last date, so that a mark at the end of its column stays inside.
  for (let d = first, beyond = 0; beyond < 1 || days.length < MIN_COLUMNS; d = addDays(d, 1)) {
    if (isWorkingDay(d)) {
      days.push(d);
      if (d > end) beyond++;
    }
    // A calendar without working days (never, but no endless loop either).
    if (d > addDays(end, 3660)) break;
  }
  const last = days[days.length - 1] ?? end;
  const onOrAfter = (date: string): number => {
    const i = days.findIndex((d) => d >= date);
    return i < 0 ? days.length - 1 : i;
  };
  const onOrBefore = (date: string): number => {
    let i = days.length - 1;
    while (i > 0 && days[i]! > date) i--;
    return i;
  };
  const span = (start: string, finish: string): Span => {
    const from = onOrAfter(start);
    return { from, to: Math.max(from + 1, onOrBefore(finish) + 1) };
  };
  const expectedFinish = new Map(steps.map((s) => [s.stepId, s.expectedFinish]));

  const rows = steps.map((step): TimelineRow => {
    const cases = filings
      .filter((f) => f.stepId === step.stepId)
      .map((f): CaseBar => ({ span: span(f.filedDate, f.closedDate ?? now), caseNo: f.caseNo, filedDate: f.filedDate, closedDate: f.closedDate, outcome: f.outcome }));
    const caseOpen = cases.some((c) => c.outcome === null);
    let expected: Span | null = null;
    if (open && step.state !== 'done') {
      // An open case has run to today; a step to file starts today; a waiting one when its prerequisites are expected to finish.
      const from = caseOpen ? onOrBefore(now) + 1 : step.state === 'waiting' ? onOrAfter(latest(step.after.map((a) => expectedFinish.get(a))) ?? now) : onOrAfter(now);
      const to = onOrBefore(step.expectedFinish) + 1;
      expected = to > from ? { from, to } : caseOpen ? null : { from, to: from + 1 };
    }
    return { step, planned: span(step.planned.start, step.planned.finish), cases, expected, target: step.targetDate ? onOrBefore(step.targetDate) : null };
  });

  const mondayOf = (d: string) => addDays(d, -((utc(d).getUTCDay() + 6) % 7));
  const weekStarts = days.map((d, column) => ({ column, d })).filter(({ d, column }) => column === 0 || mondayOf(d) !== mondayOf(days[column - 1]!));
  const every = Math.max(1, Math.ceil(weekStarts.length / 14));
  const ticks = weekStarts.filter((_, i) => i % every === 0).map(({ column, d }) => ({ column, label: shortDate(d) }));
  const months: Timeline['months'] = [];
  days.forEach((d, column) => {
    const label = `${Number(d.slice(0, 4))}年${Number(d.slice(5, 7))}月`;
    const current = months[months.length - 1];
    if (current?.label === label) current.span++;
    else months.push({ column, span: 1, label });
  });
  const todayColumn = now < first || now > last ? null : onOrAfter(now);
  return { days, today: todayColumn, todayWorking: isWorkingDay(now), closed: !open, ticks, months, rows };
}

// ——— what the agent may do ———

/** Whether the step's latest case is still being handled (no outcome yet). */
export const hasOpenCase = (project: Pick<Project, 'filings'>, stepId: string): boolean => project.filings.some((f) => f.stepId === stepId && f.outcome === null);

/** A step the agent may file now (申报): ready, denied (file again), or stalled before it was filed. */
export function fileable(project: Pick<Project, 'status' | 'filings'>, step: Pick<ProjectStep, 'stepId' | 'state'>): boolean {
  if (project.status !== 'open') return false;
  if (step.state !== 'ready' && step.state !== 'denied' && step.state !== 'stalled') return false;
  return !hasOpenCase(project, step.stepId);
}

/**
 * Who works on an open project, as the API allows: the agents of its site (the one assigned to it
 * first of all, but any of them may stand in) and administrators. A director looks on.
 */
export function mayWork(session: Pick<Session, 'roles' | 'siteId'>, project: Pick<Project, 'status' | 'siteId'>): boolean {
  if (project.status !== 'open') return false;
  if (session.roles.includes('admin')) return true;
  return session.roles.includes('agent') && session.siteId === project.siteId;
}

export const isAgent = (session: Pick<Session, 'roles'>): boolean => session.roles.includes('agent') && !session.roles.some((r) => r === 'admin' || r === 'director');

// ——— request bodies ———

export interface FollowUpValues {
  at?: string;
  note?: string;
  blockers?: string[];
}

/** A follow-up's body: the county's wall-clock time as an instant, the note trimmed, blank or repeated blockers dropped. */
export function followUpBody(values: FollowUpValues, timeZone: string): { at: string; note: string; blockers?: string[] } {
  const blockers = [...new Set((values.blockers ?? []).map((b) => b.trim()).filter((b) => b !== ''))];
  return { at: countyInstant(values.at ?? '', timeZone), note: (values.note ?? '').trim(), ...(blockers.length > 0 ? { blockers } : {}) };
}

/**
 * The case that files a step (申报): the step's item, the enterprise as the applicant (its name as the
 * organisation, and as the applicant's name, which the case allows 60 characters of), the contact
 * phone the agent gives; the materials are checked at the window, so none are listed here.
 */
export function fileBody(project: Pick<Project, 'projectId' | 'enterprise'>, step: Pick<ProjectStep, 'stepId' | 'itemCode'>, phone: string) {
  const name = project.enterprise.name.trim();
  return {
    itemCode: step.itemCode,
    channel: 'agent' as const,
    projectId: project.projectId,
    stepId: step.stepId,
    applicant: { name: name.slice(0, 60), organization: name, phone: phone.trim() },
    materials: [] as string[],
  };
}

const outcomeWords: Record<string, string> = { denied: '不予许可', rejected: '不予受理' };

/** A worklist item's explanation in Chinese, from the facts the API gives (when the step became ready, how its last case ended and why). */
export function itemDetail(item: Pick<WorklistItem, 'kind' | 'due' | 'readySince' | 'expectedFinish' | 'case'>, date: (date: string) => string): string {
  const due = item.due ? date(item.due) : '';
  const last = item.case;
  const refused = last?.outcome === 'denied' || last?.outcome === 'rejected' ? last : null;
  switch (item.kind) {
    case 'overdue':
      return due ? `办件已超过办结期限（${due}），请督促窗口办理` : '办件已超过办结期限，请督促窗口办理';
    case 'stalled':
      if (refused?.closedDate) return `${date(refused.closedDate)}${outcomeWords[refused.outcome!]}，至今未重新申报`;
      return item.readySince ? `${date(item.readySince)}起可申报，至今未申报` : '此步骤停滞，请跟进';
    case 'target':
      return `目标日期${due ? ` ${due} ` : ''}临近，预计${date(item.expectedFinish)}完成${item.due && item.expectedFinish > item.due ? '（晚于目标）' : ''}`;
    case 'refile':
      return refused ? `上次申报${outcomeWords[refused.outcome!]}${refused.reason ? `：${refused.reason}` : ''}，整改后重新申报` : '上次申报未获批，整改后重新申报';
    case 'file':
      return '前置事项已完成，可以申报';
  }
}
