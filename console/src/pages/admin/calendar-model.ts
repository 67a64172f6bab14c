/**
 * The working-day calendar as the administrator edits it (节假日调休). A year's rules are two lists —
 * weekdays off (holidays) and weekend days worked (调休上班) — and the county's standing overrides
 * from its county file, applied on top as the API applies them. An amendment replaces the year's
 * lists whole, so the page edits a copy of them and sends both.
 */

export interface YearRules {
  holidays: string[];
  workdays: string[];
}

export interface CountyOverrides {
  countyHolidays: string[];
  countyWorkdays: string[];
}

/** How a day reads on the grid. */
export type DayKind = 'workday' | 'weekend' | 'holiday' | 'worked';

export const dayKinds: Record<DayKind, { label: string; short: string }> = {
  workday: { label: '工作日', short: '' },
  weekend: { label: '周末休息', short: '' },
  holiday: { label: '节假日', short: '休' },
  worked: { label: '调休上班', short: '班' },
};

export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export const isWeekend = (date: string): boolean => {
  const w = weekdayOf(date);
  return w === 0 || w === 6;
};

/** Whether the county's own file fixes this day, so that an amendment of the year cannot change it. */
export function fixedByCounty(date: string, county: CountyOverrides): 'holiday' | 'worked' | undefined {
  if (county.countyWorkdays.includes(date)) return 'worked';
  if (county.countyHolidays.includes(date)) return 'holiday';
  return undefined;
}

/** Is the day worked: the county's overrides, then the year's lists, then Monday–Friday (the API's own order). */
export function isWorkingDay(date: string, rules: YearRules, county: CountyOverrides): boolean {
  const fixed = fixedByCounty(date, county);
  if (fixed) return fixed === 'worked';
  if (rules.workdays.includes(date)) return true;
  if (rules.holidays.includes(date)) return false;
  return !isWeekend(date);
}

export function dayKind(date: string, rules: YearRules, county: CountyOverrides): DayKind {
  const working = isWorkingDay(date, rules, county);
  if (isWeekend(date)) {
    if (working) return 'worked';
    // A weekend day inside a holiday period is listed with it: shown as holiday, off either way.
    return rules.holidays.includes(date) || fixedByCounty(date, county) === 'holiday' ? 'holiday' : 'weekend';
  }
  return working ? 'workday' : 'holiday';
}

/**
 * One click (or Enter) on a day: a weekday becomes a holiday or a working day again; a weekend day
 * becomes a worked day (调休上班) or a day off again. A day the county file fixes does not change.
 */
export function toggle(rules: YearRules, date: string, county: CountyOverrides): YearRules {
  if (fixedByCounty(date, county)) return rules;
  const without = (list: string[]) => list.filter((d) => d !== date);
  if (!isWeekend(date)) {
    return rules.holidays.includes(date) ? { ...rules, holidays: without(rules.holidays) } : { ...rules, holidays: [...rules.holidays, date].sort() };
  }
  // A day may not be both: the API refuses a worked day that is also listed as a holiday.
  return rules.workdays.includes(date) ? { ...rules, workdays: without(rules.workdays) } : { holidays: without(rules.holidays), workdays: [...rules.workdays, date].sort() };
}

/** Every date of a year, YYYY-MM-DD. */
export function daysOfYear(year: number): string[] {
  const days: string[] = [];
  for (let t = Date.UTC(year, 0, 1); new Date(t).getUTCFullYear() === year; t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

export function workingDaysIn(year: number, rules: YearRules, county: CountyOverrides): number {
  return daysOfYear(year).filter((d) => isWorkingDay(d, rules, county)).length;
}

export interface Change {
  date: string;
  before: DayKind;
  after: DayKind;
}

/** The days whose reading the draft changes, in date order. */
export function changes(year: number, saved: YearRules, draft: YearRules, county: CountyOverrides): Change[] {
  return daysOfYear(year).flatMap((date) => {
    const before = dayKind(date, saved, county);
    const after = dayKind(date, draft, county);
    return before === after ? [] : [{ date, before, after }];
  });
}

/** The `PUT /calendar/{year}` body: both lists whole, sorted, each day once. */
export function amendmentBody(draft: YearRules, note: string | undefined): { holidays: string[]; workdays: string[]; note?: string } {
  const trimmed = note?.trim();
  return { holidays: [...new Set(draft.holidays)].sort(), workdays: [...new Set(draft.workdays)].sort(), ...(trimmed ? { note: trimmed } : {}) };
}

/** A month as weeks from Monday to Sunday; days outside the month are null. */
export function monthWeeks(year: number, month: number): (string | null)[][] {
  const first = Date.UTC(year, month - 1, 1);
  const length = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const lead = (new Date(first).getUTCDay() + 6) % 7;
  const cells: (string | null)[] = [...Array<null>(lead).fill(null), ...Array.from({ length }, (_, i) => new Date(first + i * 86_400_000).toISOString().slice(0, 10))];
  while (cells.length % 7 !== 0) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, w) => cells.slice(w * 7, w * 7 + 7));
}

/** Where the arrow keys move the focus on the year's grid: a day, a week, a month; never out of the year. */
export function moveFocus(date: string, key: string, year: number): string | undefined {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const t = Date.UTC(y, m - 1, d);
  const day = 86_400_000;
  let next: number;
  switch (key) {
    case 'ArrowLeft':
      next = t - day;
      break;
    case 'ArrowRight':
      next = t + day;
      break;
    case 'ArrowUp':
      next = t - 7 * day;
      break;
    case 'ArrowDown':
      next = t + 7 * day;
      break;
    case 'PageUp':
    case 'PageDown': {
      const month = m - 1 + (key === 'PageUp' ? -1 : 1);
      const last = new Date(Date.UTC(y, month + 1, 0)).getUTCDate();
      next = Date.UTC(y, month, Math.min(d, last));
      break;
    }
    case 'Home':
      next = t - ((new Date(t).getUTCDay() + 6) % 7) * day;
      break;
    case 'End':
      next = t + (6 - ((new Date(t).getUTCDay() + 6) % 7)) * day;
      break;
    default:
      return undefined;
  }
  const iso = new Date(next).toISOString().slice(0, 10);
  return Number(iso.slice(0, 4)) === year ? iso : date;
}
