/**
 * The dashboard's periods: this month, last month, this year or a chosen range, each with the
 * period of equal kind just before it (the figures beside each card), and how people read them.
 * County dates only (YYYY-MM-DD); no clock here: "today" is an argument.
 */

export const periodKinds = ['this-month', 'last-month', 'this-year', 'custom'] as const;
export type PeriodKind = (typeof periodKinds)[number];

export interface Period {
  kind: PeriodKind;
  /** First and last day, inclusive. */
  from: string;
  to: string;
}

export const periodKindNames: Record<PeriodKind, string> = { 'this-month': '本月', 'last-month': '上月', 'this-year': '本年', custom: '自定义' };

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

const parse = (date: string) => {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return { y, m, d };
};
const format = (y: number, m: number, d: number) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;

/** A real calendar date (not 2026-02-30). */
export function isDate(text: string | null | undefined): text is string {
  if (!text || !datePattern.test(text)) return false;
  const { y, m, d } = parse(text);
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

export function addDays(date: string, days: number): string {
  const { y, m, d } = parse(date);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/** Days from `from` to `to`, both counted (2026-12-01..2026-12-31 → 31). */
export function lengthInDays(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** The month `months` after (or before) the one of `date`, as YYYY-MM. */
function shiftMonth(date: string, months: number): { y: number; m: number } {
  const { y, m } = parse(date);
  const index = y * 12 + (m - 1) + months;
  return { y: Math.floor(index / 12), m: (index % 12) + 1 };
}

const monthStart = (y: number, m: number) => format(y, m, 1);
const monthEnd = (y: number, m: number) => format(y, m, daysInMonth(y, m));

/** The same day of the month in another month, or its last day when that month is shorter (03-31 → 02-28). */
const sameDayIn = (y: number, m: number, day: number) => format(y, m, Math.min(day, daysInMonth(y, m)));

/** Whether the range is whole calendar months (the 1st to a month's last day). */
function wholeMonths(from: string, to: string): number | undefined {
  const a = parse(from);
  const b = parse(to);
  if (a.d !== 1 || b.d !== daysInMonth(b.y, b.m)) return undefined;
  const count = (b.y - a.y) * 12 + (b.m - a.m) + 1;
  return count > 0 ? count : undefined;
}

/** A period picked by kind, on the county's `today`; a custom one takes its range. */
export function periodOf(kind: PeriodKind, today: string, range?: { from: string; to: string }): Period {
  const { y, m, d } = parse(today);
  switch (kind) {
    case 'this-month':
      return { kind, from: monthStart(y, m), to: today };
    case 'last-month': {
      const last = shiftMonth(today, -1);
      return { kind, from: monthStart(last.y, last.m), to: monthEnd(last.y, last.m) };
    }
    case 'this-year':
      return { kind, from: format(y, 1, 1), to: today };
    case 'custom':
      return { kind, from: range?.from ?? monthStart(y, m), to: range?.to ?? format(y, m, d) };
    default: {
      const never: never = kind;
      throw new Error(`unknown period ${String(never)}`);
    }
  }
}

/**
 * The period of equal kind just before: this month so far → the same days of last month (上月同期);
 * last month → the month before it; this year so far → the same days of last year (上年同期); a chosen
 * range → the range of equal length just before it (whole months → as many whole months before).
 */
export function previousPeriod(period: Period): Period {
  const { from, to, kind } = period;
  const a = parse(from);
  const b = parse(to);
  switch (kind) {
    case 'this-month': {
      const prev = shiftMonth(from, -1);
      return { kind, from: monthStart(prev.y, prev.m), to: sameDayIn(prev.y, prev.m, b.d) };
    }
    case 'last-month': {
      const prev = shiftMonth(from, -1);
      return { kind, from: monthStart(prev.y, prev.m), to: monthEnd(prev.y, prev.m) };
    }
    case 'this-year':
      return { kind, from: format(a.y - 1, 1, 1), to: sameDayIn(b.y - 1, b.m, b.d) };
    case 'custom': {
      const months = wholeMonths(from, to);
      if (months !== undefined) {
        const start = shiftMonth(from, -months);
        const end = shiftMonth(from, -1);
        return { kind, from: monthStart(start.y, start.m), to: monthEnd(end.y, end.m) };
      }
      const days = lengthInDays(from, to);
      return { kind, from: addDays(from, -days), to: addDays(from, -1) };
    }
    default: {
      const never: never = kind;
      throw new Error(`unknown period ${String(never)}`);
    }
  }
}

/** What the previous period is called beside a figure. */
export function previousName(period: Period): string {
  switch (period.kind) {
    case 'this-month':
      return '上月同期';
    case 'last-month':
      return '前一月';
    case 'this-year':
      return '上年同期';
    case 'custom':
      return '上一时段';
    default: {
      const never: never = period.kind;
      return String(never);
    }
  }
}

/**
 * A range for people, as short as it stays unambiguous: 2026年12月, 2026年, 2026年10月至12月,
 * 2026年12月1日至17日, 2026年1月1日至12月17日, 2025年12月20日至2026年1月5日.
 */
export function rangeLabel(from: string, to: string): string {
  const a = parse(from);
  const b = parse(to);
  if (from === to) return `${a.y}年${a.m}月${a.d}日`;
  const months = wholeMonths(from, to);
  if (months !== undefined) {
    if (months === 1) return `${a.y}年${a.m}月`;
    if (a.y === b.y && a.m === 1 && b.m === 12) return `${a.y}年`;
    if (a.y === b.y) return `${a.y}年${a.m}月至${b.m}月`;
    return `${a.y}年${a.m}月至${b.y}年${b.m}月`;
  }
  if (a.y === b.y && a.m === b.m) return `${a.y}年${a.m}月${a.d}日至${b.d}日`;
  if (a.y === b.y) return `${a.y}年${a.m}月${a.d}日至${b.m}月${b.d}日`;
  return `${a.y}年${a.m}月${a.d}日至${b.y}年${b.m}月${b.d}日`;
}

export const periodLabel = (period: Period): string => rangeLabel(period.from, period.to);

/**
 * The range of the satisfaction-by-month chart: the period itself when it is a year or longer,
 * otherwise the months of the year up to the period's end (a month alone makes no trend).
 */
export function satisfactionSeriesRange(period: Period): { from: string; to: string } {
  if (lengthInDays(period.from, period.to) >= 365) return { from: period.from, to: period.to };
  return { from: `${period.to.slice(0, 4)}-01-01`, to: period.to };
}

/** The month whose scorecard the dashboard shows: the period's last month (YYYY-MM). */
export const scorecardMonth = (period: Period): string => period.to.slice(0, 7);

/** Whom the figures cover: the whole center, or one window, department or site. */
export type Scope = { kind: 'all' } | { kind: 'window' | 'department' | 'site'; id: string };

const scopeKinds = ['window', 'department', 'site'] as const;

export function parseScope(text: string | null | undefined): Scope {
  const [kind, id] = (text ?? '').split(':');
  const known = scopeKinds.find((k) => k === kind);
  return known && id && /^[A-Za-z0-9_-]{1,64}$/.test(id) ? { kind: known, id } : { kind: 'all' };
}

export const scopeValue = (scope: Scope): string => (scope.kind === 'all' ? 'all' : `${scope.kind}:${scope.id}`);

/** The stats routes' filter for a scope (windowId, departmentId or siteId). */
export function scopeFilter(scope: Scope): { windowId?: string; departmentId?: string; siteId?: string } {
  switch (scope.kind) {
    case 'all':
      return {};
    case 'window':
      return { windowId: scope.id };
    case 'department':
      return { departmentId: scope.id };
    case 'site':
      return { siteId: scope.id };
    default: {
      const never: never = scope;
      throw new Error(`unknown scope ${JSON.stringify(never)}`);
    }
  }
}

/**
 * The period and scope in the address (?period=custom&from=…&to=…&scope=window:W01), read back
 * leniently: anything unreadable falls back to this month for the whole center.
 */
export function readQuery(params: URLSearchParams, today: string): { period: Period; scope: Scope } {
  const kind = periodKinds.find((k) => k === params.get('period')) ?? 'this-month';
  const from = params.get('from');
  const to = params.get('to');
  const period = kind === 'custom' && isDate(from) && isDate(to) && from <= to && lengthInDays(from, to) <= 3 * 366 ? periodOf('custom', today, { from, to }) : periodOf(kind === 'custom' ? 'this-month' : kind, today);
  return { period, scope: parseScope(params.get('scope')) };
}

export function writeQuery(period: Period, scope: Scope): Record<string, string> {
  return {
    period: period.kind,
    ...(period.kind === 'custom' ? { from: period.from, to: period.to } : {}),
    ...(scope.kind === 'all' ? {} : { scope: scopeValue(scope) }),
  };
}

/** A month for people: 2026-12 → 2026年12月. */
export function monthLabel(month: string): string {
  return `${Number(month.slice(0, 4))}年${Number(month.slice(5, 7))}月`;
}

/** Whole months from `first` to `last` (YYYY-MM) for people: 2026年1月至12月, 2026年, 2026年3月. */
export function monthRangeLabel(first: string, last: string): string {
  const y = Number(last.slice(0, 4));
  const m = Number(last.slice(5, 7));
  return rangeLabel(`${first}-01`, `${last}-${String(daysInMonth(y, m)).padStart(2, '0')}`);
}
