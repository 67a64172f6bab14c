import type { YearRules } from '../../domain/calendar/calendar.ts';
import type { LunarDates } from '../../domain/calendar/statutory.ts';
import { addDays } from '../../domain/time.ts';
import { FIRST_LUNAR_YEAR, lunarInfo, publishedNotices } from './published-data.ts';

/**
 * The published State Council holiday notices, from the `chinese-days` package (2004 onwards):
 * the calendar's default source. Weekend days inside a holiday are listed too; they are harmless.
 * Read from published-data.ts, the compact copy `npm run holidays` writes, so that no function
 * bundles the package itself.
 */
export function publishedYears(): ReadonlyMap<number, YearRules> {
  const years = new Map<number, YearRules>();
  for (const [key, [holidays, workdays]] of Object.entries(publishedNotices)) {
    const year = Number(key);
    years.set(year, { holidays: expandRuns(year, holidays), workdays: expandRuns(year, workdays) });
  }
  return years;
}

/** `0101-0103 0404` → every date of the runs; a run may cross a month, never a year. */
function expandRuns(year: number, runs: string): string[] {
  const dates: string[] = [];
  for (const run of runs.split(' ').filter(Boolean)) {
    const [from = '', to = from] = run.split('-');
    const last = `${year}-${to.slice(0, 2)}-${to.slice(2)}`;
    for (let date = `${year}-${from.slice(0, 2)}-${from.slice(2)}`; date <= last; date = addDays(date, 1)) dates.push(date);
  }
  return dates;
}

/** Lunar 1900, the first year of `chinese-days`' table, began on 1900-01-31. */
const LUNAR_EPOCH = '1900-01-31';
const LAST_LUNAR_YEAR = FIRST_LUNAR_YEAR + lunarInfo.length - 1;
const infoOf = (year: number) => lunarInfo[year - FIRST_LUNAR_YEAR] ?? 0;
const monthDays = (year: number, month: number) => (infoOf(year) & (0x10000 >> month) ? 30 : 29);
const leapOf = (year: number) => {
  const info = infoOf(year);
  const leapMonth = info & 0xf;
  return { leapMonth, leapDays: leapMonth ? (info & 0x10000 ? 30 : 29) : 0 };
};
const yearDays = (year: number) => Array.from({ length: 12 }, (_, i) => monthDays(year, i + 1)).reduce((a, b) => a + b, 0) + leapOf(year).leapDays;

/**
 * Lunar dates from `chinese-days`' month-length table (1900–2100), counted in whole days from its
 * epoch. Its own converters (`getSolarDateFromLunar`, `getSolarTermDate`) read a UTC date back with
 * the host's local getters, so west of Greenwich they answer a day early (the tests run in
 * America/Los_Angeles to catch that); counting days here keeps the answer the same on every host.
 */
export const lunarDates: LunarDates = {
  toSolar: (year, month, day) => {
    if (year < FIRST_LUNAR_YEAR || year > LAST_LUNAR_YEAR) throw new RangeError(`no lunar table for ${year}`);
    let days = day - 1;
    for (let y = FIRST_LUNAR_YEAR; y < year; y++) days += yearDays(y);
    const { leapMonth, leapDays } = leapOf(year);
    for (let m = 1; m < month; m++) days += monthDays(year, m) + (m === leapMonth ? leapDays : 0);
    return addDays(LUNAR_EPOCH, days);
  },
  /**
   * Qingming (清明), the solar term near 5 April: the "[Y·D + C] − L" rule `chinese-days` also uses
   * (D = 0.2422, C = 4.81 in the 21st century and 5.59 in the 20th, L = leap days since the century began).
   */
  qingming: (year) => {
    // Y counts from the century's first year (2100 is the 21st century's last: Y = 100, and not a leap year).
    const y = year - (year >= 2000 ? 2000 : 1900);
    const leapDays = Math.floor(y / 4) - (year === 2100 ? 1 : 0);
    return `${year}-04-0${Math.floor(y * 0.2422 + (year >= 2000 ? 4.81 : 5.59)) - leapDays}`;
  },
};
