import chineseDays from 'chinese-days';
import data from 'chinese-days/dist/chinese-days.json';
import { describe, expect, it } from 'vitest';
import { lunarDates, publishedYears } from '../../functions/calendar/published.ts';
import { addDays, yearOf } from '../../domain/time.ts';

/** The functions read a generated copy of `chinese-days`; it must say what the package says (run `npm run holidays` after updating it). */
describe('the published calendar data (functions/calendar/published-data.ts)', () => {
  it('has every year of the package, with its holidays and worked weekend days', () => {
    const expected = new Map<number, { holidays: string[]; workdays: string[] }>();
    const rules = (year: number) => {
      let entry = expected.get(year);
      if (!entry) expected.set(year, (entry = { holidays: [], workdays: [] }));
      return entry;
    };
    for (const date of Object.keys(data.holidays)) rules(yearOf(date)).holidays.push(date);
    for (const date of Object.keys(data.workdays)) rules(yearOf(date)).workdays.push(date);

    const published = publishedYears();
    expect([...published.keys()].sort()).toEqual([...expected.keys()].sort());
    expect(published.size).toBeGreaterThanOrEqual(23); // 2004–2026 at least
    for (const [year, { holidays, workdays }] of expected) {
      const actual = published.get(year);
      expect([...(actual?.holidays ?? [])].sort(), `${year} holidays`).toEqual(holidays.sort());
      expect([...(actual?.workdays ?? [])].sort(), `${year} workdays`).toEqual(workdays.sort());
    }
  });

  it("starts every lunar month of 1900–2100 where the package's month lengths and leap months put it", () => {
    // Counted independently from the package: each month after the previous one, a leap month after its month.
    let start = '1900-01-31';
    for (let year = 1900; year <= 2100; year++) {
      const { leapMonth, days: leapDays } = chineseDays.getYearLeapMonth(year);
      for (let month = 1; month <= 12; month++) {
        expect(lunarDates.toSolar(year, month, 1), `lunar ${year}-${month}-1`).toBe(start);
        start = addDays(start, chineseDays.monthDays(year, month) + (month === leapMonth ? leapDays : 0));
      }
    }
  });

  it('knows no lunar year outside the table', () => {
    expect(() => lunarDates.toSolar(1899, 1, 1)).toThrow(RangeError);
    expect(() => lunarDates.toSolar(2101, 1, 1)).toThrow(RangeError);
  });
});
