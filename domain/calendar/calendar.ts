import { addDays, dayOfWeek, type LocalDate, yearOf } from '../time.ts';
import { statutoryHolidays, type LunarDates } from './statutory.ts';

/** One year's exceptions to the Monday–Friday week. */
export interface YearRules {
  /** Weekdays off (holidays and days off in lieu). Weekend days listed here are harmless. */
  holidays: LocalDate[];
  /** Weekend days that are worked (调休上班). */
  workdays: LocalDate[];
}

/** Where a year's rules come from, in increasing precedence. */
export type YearSource = 'provisional' | 'published' | 'amended';

export interface CalendarYear extends YearRules {
  year: number;
  source: YearSource;
  /** True when no notice is known for the year: weekends and statutory holidays only. */
  provisional: boolean;
  /** The county's own extra days off and days worked, applied on top. */
  countyHolidays: LocalDate[];
  countyWorkdays: LocalDate[];
}

export interface CalendarSources {
  /** Published State Council notices by year (the default source is `chinese-days`). */
  published: ReadonlyMap<number, YearRules>;
  /** A county's standing overrides (from the county file). */
  county: YearRules;
  /** Run-time amendments entered by an administrator; each replaces its year's published rules. */
  amended: ReadonlyMap<number, YearRules>;
  /** For a year no notice is known for: its statutory holidays fall on these. */
  lunar: LunarDates;
}

interface CompiledYear {
  info: CalendarYear;
  off: Set<LocalDate>;
  on: Set<LocalDate>;
}

/**
 * The county's working-day calendar. Deadlines count working days; counting starts the working
 * day after the start date.
 */
export class WorkingCalendar {
  private readonly years = new Map<number, CompiledYear>();

  constructor(private readonly sources: CalendarSources) {}

  private compiled(year: number): CompiledYear {
    let compiled = this.years.get(year);
    if (compiled) return compiled;
    const amended = this.sources.amended.get(year);
    const published = this.sources.published.get(year);
    const source: YearSource = amended ? 'amended' : published ? 'published' : 'provisional';
    const base: YearRules = amended ?? published ?? { holidays: statutoryHolidays(year, this.sources.lunar), workdays: [] };
    const inYear = (dates: LocalDate[]) => dates.filter((d) => yearOf(d) === year).sort();
    const countyHolidays = inYear(this.sources.county.holidays);
    const countyWorkdays = inYear(this.sources.county.workdays);
    const info: CalendarYear = {
      year,
      source,
      provisional: source === 'provisional',
      holidays: inYear(base.holidays),
      workdays: inYear(base.workdays),
      countyHolidays,
      countyWorkdays,
    };
    const off = new Set([...info.holidays, ...countyHolidays]);
    const on = new Set(info.workdays.filter((d) => !countyHolidays.includes(d)));
    for (const day of countyWorkdays) {
      on.add(day);
      off.delete(day);
    }
    compiled = { info, off, on };
    this.years.set(year, compiled);
    return compiled;
  }

  year(year: number): CalendarYear {
    return this.compiled(year).info;
  }

  isWorkingDay(date: LocalDate): boolean {
    const { off, on } = this.compiled(yearOf(date));
    if (on.has(date)) return true;
    if (off.has(date)) return false;
    const weekday = dayOfWeek(date);
    return weekday !== 0 && weekday !== 6;
  }

  isProvisional(date: LocalDate): boolean {
    return this.compiled(yearOf(date)).info.provisional;
  }

  /** True when any year touched by the dates `from`…`to` is provisional. */
  anyProvisional(from: LocalDate, to: LocalDate): boolean {
    for (let year = yearOf(from); year <= yearOf(to); year++) {
      if (this.compiled(year).info.provisional) return true;
    }
    return false;
  }

  /** The `n`-th working day after `date` (`n` = 0 gives `date` itself). */
  addWorkingDays(date: LocalDate, n: number): LocalDate {
    if (!Number.isInteger(n) || n < 0) throw new RangeError(`working days must be a whole number ≥ 0, got ${n}`);
    let day = date;
    for (let left = n; left > 0; ) {
      day = addDays(day, 1);
      if (this.isWorkingDay(day)) left--;
    }
    return day;
  }

  /** Working days in the half-open range (`after`, `through`]; 0 when `through` ≤ `after`. */
  workingDaysBetween(after: LocalDate, through: LocalDate): number {
    let count = 0;
    for (let day = addDays(after, 1); day <= through; day = addDays(day, 1)) {
      if (this.isWorkingDay(day)) count++;
    }
    return count;
  }

  /** The first working day on or after `date`. */
  workingDayOnOrAfter(date: LocalDate): LocalDate {
    let day = date;
    while (!this.isWorkingDay(day)) day = addDays(day, 1);
    return day;
  }
}

/** Working days in the next `horizon` calendar days that fall in years without a published notice. */
export function provisionalDaysAhead(calendar: WorkingCalendar, today: LocalDate, horizon = 90): { days: number; years: number[] } {
  const years = new Set<number>();
  let days = 0;
  for (let i = 1; i <= horizon; i++) {
    const day = addDays(today, i);
    if (calendar.isProvisional(day)) {
      years.add(yearOf(day));
      if (calendar.isWorkingDay(day)) days++;
    }
  }
  return { days, years: [...years] };
}
