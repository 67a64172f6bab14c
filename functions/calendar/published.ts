import data from 'chinese-days/dist/chinese-days.json';
import type { YearRules } from '../../domain/calendar/calendar.ts';

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
