import { describe, expect, it } from 'vitest';
import { statutoryHolidays } from '../../domain/calendar/statutory.ts';
import { deadlineOf } from '../../domain/case/deadline.ts';
import { addDays, dayOfWeek, localDateOf } from '../../domain/time.ts';
import { lunarDates, publishedYears } from '../../functions/calendar/published.ts';
import { testCalendar } from '../support/builders.ts';

const calendar = testCalendar();

describe('working-day deadlines', () => {
  it('counts from the working day after acceptance across the National Day holiday and its worked Saturday', () => {
    expect(deadlineOf('2026-09-30', 6, 0, calendar)).toEqual({ deadline: '2026-10-14', provisional: false });
    expect(calendar.isWorkingDay('2026-10-10')).toBe(true);
  });

  it('skips the Spring Festival but counts its worked Saturday', () => {
    expect(deadlineOf('2026-02-13', 5, 0, calendar).deadline).toBe('2026-02-27');
  });

  it('knows the 2015 one-off holiday and the Sunday worked for it', () => {
    expect(deadlineOf('2015-09-02', 6, 0, calendar).deadline).toBe('2015-09-11');
    expect(calendar.isWorkingDay('2015-09-03')).toBe(false);
    expect(calendar.isWorkingDay('2015-09-06')).toBe(true);
  });

  it('extends the deadline by the working days in (suspended, resumed]', () => {
    expect(deadlineOf('2026-11-02', 6, 0, calendar).deadline).toBe('2026-11-10');
    const stopped = calendar.workingDaysBetween('2026-11-04', '2026-11-09');
    expect(stopped).toBe(3);
    expect(deadlineOf('2026-11-02', 6, stopped, calendar).deadline).toBe('2026-11-13');
  });

  it('gives an immediate item its acceptance day', () => {
    expect(deadlineOf('2026-11-04', 0, 0, calendar).deadline).toBe('2026-11-04');
  });

  it('marks a deadline in a year without a published notice as provisional', () => {
    const result = deadlineOf('2026-12-24', 10, 0, calendar);
    expect(result.provisional).toBe(true);
    expect(deadlineOf('2026-11-02', 6, 0, calendar).provisional).toBe(false);
  });

  it('knows the statutory holidays of an unpublished year from the lunar calendar', () => {
    const y2027 = calendar.year(2027);
    expect(y2027.provisional).toBe(true);
    // Spring Festival 2027: eve 5 Feb, 6–8 Feb; Qingming 5 Apr; Dragon Boat 9 Jun; Mid-Autumn 15 Sep.
    for (const day of ['2027-01-01', '2027-02-05', '2027-02-08', '2027-04-05', '2027-05-01', '2027-05-02', '2027-06-09', '2027-09-15', '2027-10-01']) {
      expect(calendar.isWorkingDay(day), day).toBe(false);
    }
    expect(calendar.isWorkingDay('2027-02-09')).toBe(true);
  });

  it('lets an amendment replace a year and county overrides apply on top', () => {
    const amended = testCalendar(new Map([[2027, { holidays: ['2027-02-09'], workdays: ['2027-02-20'] }]]), {
      holidays: ['2026-11-05'],
      workdays: ['2026-11-07'],
    });
    expect(amended.year(2027)).toMatchObject({ source: 'amended', provisional: false });
    expect(amended.isWorkingDay('2027-02-09')).toBe(false);
    expect(amended.isWorkingDay('2027-02-20')).toBe(true);
    expect(amended.isWorkingDay('2026-11-05')).toBe(false);
    expect(amended.isWorkingDay('2026-11-07')).toBe(true);
  });

  it('rejects a negative count', () => {
    expect(() => calendar.addWorkingDays('2026-11-02', -1)).toThrow(RangeError);
  });
});

describe('lunar calendar', () => {
  it('finds known festival dates', () => {
    expect(lunarDates.toSolar(2015, 1, 1)).toBe('2015-02-19');
    expect(lunarDates.toSolar(2020, 1, 1)).toBe('2020-01-25');
    expect(lunarDates.toSolar(2026, 1, 1)).toBe('2026-02-17');
    expect(statutoryHolidays(2027, lunarDates)[1]).toBe('2027-02-05'); // New Year's Eve: lunar 2026 ends on its 12th month's 29th
    expect(lunarDates.toSolar(2023, 8, 15)).toBe('2023-09-29'); // after the leap second month of 2023
    expect(lunarDates.toSolar(2030, 8, 15)).toBe('2030-09-12');
    expect(lunarDates.qingming(2027)).toBe('2027-04-05');
    expect(lunarDates.qingming(2040)).toBe('2040-04-04');
    expect(lunarDates.qingming(2000)).toBe('2000-04-04');
    expect(lunarDates.qingming(2008)).toBe('2008-04-04');
    // The 21st century's last year is no leap year.
    expect(lunarDates.qingming(2100)).toBe('2100-04-05');
  });

  it('derives, for every published year since the 2008 reform, only days that the notice gave off', () => {
    const published = publishedYears();
    for (let year = 2008; year <= 2026; year++) {
      const off = new Set(published.get(year)?.holidays);
      for (const day of statutoryHolidays(year, lunarDates)) {
        const weekend = dayOfWeek(day) === 0 || dayOfWeek(day) === 6;
        expect(off.has(day) || weekend, `${year}: ${day}`).toBe(true);
      }
    }
  });
});

describe('local dates', () => {
  it('takes the county date of an instant, whatever the host time zone', () => {
    expect(localDateOf('2026-11-01T16:30:00.000Z', 'Asia/Shanghai')).toBe('2026-11-02');
    expect(localDateOf('2026-11-01T15:30:00.000Z', 'Asia/Shanghai')).toBe('2026-11-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
  });
});
