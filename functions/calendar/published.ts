import chineseDays from 'chinese-days';
import data from 'chinese-days/dist/chinese-days.json';
import type { YearRules } from '../../domain/calendar/calendar.ts';
import type { LunarDates } from '../../domain/calendar/statutory.ts';
import { addDays } from '../../domain/time.ts';

/**
 * The published State Council holiday notices, from the `chinese-days` package (2004 onwards):
 * the calendar's default source. Weekend days inside a holiday are listed too; they are harmless.
 */
export function publishedYears(): ReadonlyMap<number, YearRules> {
  const years = new Map<number, YearRules>();
  const rules = (year: number) => {
    let entry = years.get(year);
    if (!entry) {
      entry = { holidays: [], workdays: [] };
      years.set(year, entry);
    }
    return entry;
  };
  for (const date of Object.keys(data.holidays)) rules(Number(date.slice(0, 4))).holidays.push(date);
  for (const date of Object.keys(data.workdays)) rules(Number(date.slice(0, 4))).workdays.push(date);
  return years;
}

/** Lunar 1900, the first year of `chinese-days`' table, began on 1900-01-31. */
const FIRST_LUNAR_YEAR = 1900;
const LUNAR_EPOCH = '1900-01-31';
const leapOf = (year: number) => chineseDays.getYearLeapMonth(year);
const yearDays = (year: number) => Array.from({ length: 12 }, (_, i) => chineseDays.monthDays(year, i + 1)).reduce((a, b) => a + b, 0) + leapOf(year).days;

/**
 * Lunar dates from `chinese-days`' month-length table (1900–2100), counted in whole days from its
 * epoch. Its own converters (`getSolarDateFromLunar`, `getSolarTermDate`) read a UTC date back with
 * the host's local getters, so west of Greenwich they answer a day early (the tests run in
 * America/Los_Angeles to catch that); counting days here keeps the answer the same on every host.
 */
export const lunarDates: LunarDates = {
  toSolar: (year, month, day) => {
    if (year < FIRST_LUNAR_YEAR || year > 2100) throw new RangeError(`no lunar table for ${year}`);
    let days = day - 1;
    for (let y = FIRST_LUNAR_YEAR; y < year; y++) days += yearDays(y);
    const { leapMonth, days: leapDays } = leapOf(year);
    for (let m = 1; m < month; m++) days += chineseDays.monthDays(year, m) + (m === leapMonth ? leapDays : 0);
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
