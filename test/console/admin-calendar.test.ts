import { describe, expect, it } from 'vitest';
import { amendmentBody, changes, dayKind, daysOfYear, isWorkingDay, monthWeeks, moveFocus, toggle, workingDaysIn, type CountyOverrides, type YearRules } from '../../console/src/pages/admin/calendar-model.ts';
import { shares, staffOnDuty } from '../../console/src/pages/admin/publishing.ts';

const none: CountyOverrides = { countyHolidays: [], countyWorkdays: [] };
// 2027 as the API answers it while provisional: statutory days, some on weekends (05-01 is a Saturday).
const provisional2027: YearRules = { holidays: ['2027-01-01', '2027-05-01', '2027-05-02', '2027-10-01'], workdays: [] };

describe('a day on the calendar', () => {
  it('reads as the API counts it: county overrides first, then the year’s lists, then Monday to Friday', () => {
    expect(dayKind('2027-03-01', provisional2027, none)).toBe('workday');
    expect(dayKind('2027-03-06', provisional2027, none)).toBe('weekend');
    expect(dayKind('2027-01-01', provisional2027, none)).toBe('holiday');
    // A weekend day inside a holiday period shows with it, and is off either way.
    expect(dayKind('2027-05-01', provisional2027, none)).toBe('holiday');
    expect(isWorkingDay('2027-05-01', provisional2027, none)).toBe(false);
    expect(dayKind('2027-03-06', { holidays: [], workdays: ['2027-03-06'] }, none)).toBe('worked');
    const county = { countyHolidays: ['2027-03-01'], countyWorkdays: ['2027-01-01'] };
    expect(dayKind('2027-03-01', provisional2027, county)).toBe('holiday');
    expect(dayKind('2027-01-01', provisional2027, county)).toBe('workday');
  });

  it('toggles a weekday between working and holiday, a weekend day between off and worked, and leaves a county-fixed day alone', () => {
    const a = toggle(provisional2027, '2027-03-01', none);
    expect(a.holidays).toContain('2027-03-01');
    expect(toggle(a, '2027-03-01', none)).toEqual(provisional2027);
    const b = toggle(provisional2027, '2027-03-06', none);
    expect(b.workdays).toEqual(['2027-03-06']);
    expect(toggle(b, '2027-03-06', none).workdays).toEqual([]);
    // A listed weekend holiday made a worked day leaves the holiday list: the API refuses a day in both.
    const c = toggle(provisional2027, '2027-05-01', none);
    expect(c.workdays).toEqual(['2027-05-01']);
    expect(c.holidays).not.toContain('2027-05-01');
    const fixed = { countyHolidays: ['2027-03-01'], countyWorkdays: [] };
    expect(toggle(provisional2027, '2027-03-01', fixed)).toBe(provisional2027);
  });

  it('lists the draft’s changes with what each day was, and counts the working days both ways', () => {
    const draft = toggle(toggle(toggle(provisional2027, '2027-03-01', none), '2027-03-02', none), '2027-03-06', none);
    expect(changes(2027, provisional2027, draft, none)).toEqual([
      { date: '2027-03-01', before: 'workday', after: 'holiday' },
      { date: '2027-03-02', before: 'workday', after: 'holiday' },
      { date: '2027-03-06', before: 'weekend', after: 'worked' },
    ]);
    expect(workingDaysIn(2027, draft, none)).toBe(workingDaysIn(2027, provisional2027, none) - 1);
    expect(changes(2027, provisional2027, provisional2027, none)).toEqual([]);
  });

  it('sends both lists whole, sorted and once each, with the note only when there is one', () => {
    expect(amendmentBody({ holidays: ['2027-03-02', '2027-03-01', '2027-03-01'], workdays: ['2027-03-06'] }, '  ')).toEqual({ holidays: ['2027-03-01', '2027-03-02'], workdays: ['2027-03-06'] });
    expect(amendmentBody({ holidays: [], workdays: [] }, ' 县政府通知 ')).toEqual({ holidays: [], workdays: [], note: '县政府通知' });
  });
});

describe('the month grid', () => {
  it('lays a month out in weeks from Monday, every day once', () => {
    const march = monthWeeks(2027, 3);
    expect(march[0]).toEqual(['2027-03-01', '2027-03-02', '2027-03-03', '2027-03-04', '2027-03-05', '2027-03-06', '2027-03-07']);
    expect(march.flat().filter(Boolean)).toHaveLength(31);
    // 1 May 2027 is a Saturday: five empty cells before it.
    expect(monthWeeks(2027, 5)[0]!.slice(0, 6)).toEqual([null, null, null, null, null, '2027-05-01']);
    expect(daysOfYear(2027)).toHaveLength(365);
    expect(daysOfYear(2028)).toHaveLength(366);
  });

  it('moves the focus by day, week and month with the keys, never out of the year', () => {
    expect(moveFocus('2027-03-01', 'ArrowRight', 2027)).toBe('2027-03-02');
    expect(moveFocus('2027-03-01', 'ArrowLeft', 2027)).toBe('2027-02-28');
    expect(moveFocus('2027-03-01', 'ArrowDown', 2027)).toBe('2027-03-08');
    expect(moveFocus('2027-03-31', 'PageUp', 2027)).toBe('2027-02-28');
    expect(moveFocus('2027-03-03', 'Home', 2027)).toBe('2027-03-01');
    expect(moveFocus('2027-03-03', 'End', 2027)).toBe('2027-03-07');
    expect(moveFocus('2027-12-31', 'ArrowRight', 2027)).toBe('2027-12-31');
    expect(moveFocus('2027-01-01', 'ArrowUp', 2027)).toBe('2027-01-01');
    expect(moveFocus('2027-03-01', 'a', 2027)).toBeUndefined();
  });
});

describe('a published callback list', () => {
  it('says who got how many calls, in the list’s order, the unassigned last', () => {
    const entry = (staffId: string | null) => ({ staffId }) as never;
    expect(shares({ staff: ['cb-li', 'cb-wang'], entries: [entry('cb-wang'), entry('cb-li'), entry('cb-wang'), entry(null)] })).toBe('cb-li 1 条，cb-wang 2 条，未分配 1 条');
    expect(shares({ staff: ['cb-li'], entries: [] })).toBe('cb-li 0 条');
  });

  it('reads the staff on duty as typed, with either comma, each once', () => {
    expect(staffOnDuty(' cb-li，cb-wang, cb-li  cb-chen ')).toEqual(['cb-li', 'cb-wang', 'cb-chen']);
    expect(staffOnDuty('')).toEqual([]);
    expect(staffOnDuty(undefined)).toEqual([]);
  });
});
