import { describe, expect, it } from 'vitest';
import { calendarAggregate, calendarEventTypes, CALENDAR, type AmendCalendarYear } from '../../../domain/calendar/amendment.ts';
import { streamOf } from '../../../domain/decider.ts';
import { InvalidInput } from '../../../domain/errors.ts';
import { at, meta, testCalendar } from '../../support/builders.ts';
import { specFor } from '../../support/given.ts';

const calendars = specFor(calendarAggregate, undefined);
const admin = { actor: { id: 'admin-1', role: 'admin' as const }, windowId: null };
const amend = (year: number, holidays: string[], workdays: string[], options: { note?: string; time?: string } = {}): AmendCalendarYear => ({
  type: 'AmendCalendarYear',
  data: { year, holidays, workdays, ...(options.note === undefined ? {} : { note: options.note }) },
  meta: meta(at('2026-11-20', options.time ?? '10:00'), admin),
});

// A 2027 notice: National Day 1–7 October (weekend days inside it listed too), worked Sunday 26 September and Saturday 9 October.
const nationalDay = ['2027-10-01', '2027-10-02', '2027-10-03', '2027-10-04', '2027-10-05', '2027-10-06', '2027-10-07'];
const workedWeekend = ['2027-09-26', '2027-10-09'];

describe('amending a year’s calendar (节假日安排调整)', () => {
  it('records the year’s holidays and worked weekend days, sorted and each once', () => {
    calendars
      .given([])
      .when(amend(2027, ['2027-10-07', ...nationalDay, '2027-10-01'], ['2027-10-09', '2027-09-26', '2027-10-09'], { note: '国务院办公厅通知' }))
      .then((events, state) => {
        expect(events).toEqual([
          {
            type: 'CalendarYearAmended',
            data: { year: 2027, holidays: nationalDay, workdays: workedWeekend, note: '国务院办公厅通知' },
            meta: { ...admin, siteId: 'S-CENTER', at: at('2026-11-20', '10:00'), commandId: `cmd-${at('2026-11-20', '10:00')}`, correlationId: 'corr-1' },
          },
        ]);
        expect(state).toEqual(new Map([[2027, { holidays: nationalDay, workdays: workedWeekend }]]));
      });
  });

  it('has no note unless one is given', () => {
    calendars.given([]).when(amend(2027, nationalDay, workedWeekend)).then([{ type: 'CalendarYearAmended', data: { note: null } }]);
  });

  it('takes a year with no exceptions at all (weekends only)', () => {
    calendars
      .given([])
      .when(amend(2027, [], []))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'CalendarYearAmended', data: { year: 2027, holidays: [], workdays: [] } }]);
        expect(state.get(2027)).toEqual({ holidays: [], workdays: [] });
      });
  });

  it('keeps each year apart, the latest amendment of a year replacing the earlier one whole', () => {
    const first = [amend(2027, nationalDay, workedWeekend), amend(2026, ['2026-11-06'], ['2026-11-08'], { time: '10:05' })];
    calendars
      .given(first)
      .when(amend(2027, ['2027-10-01', '2027-10-04'], [], { time: '11:00', note: '更正' }))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'CalendarYearAmended', data: { year: 2027, holidays: ['2027-10-01', '2027-10-04'], workdays: [], note: '更正' } }]);
        expect(state).toEqual(
          new Map([
            [2027, { holidays: ['2027-10-01', '2027-10-04'], workdays: [] }],
            [2026, { holidays: ['2026-11-06'], workdays: ['2026-11-08'] }],
          ]),
        );
      });
  });

  it('records an amendment sent again as another, leaving the year as it was', () => {
    const once = [amend(2027, nationalDay, workedWeekend)];
    calendars
      .given(once)
      .when(amend(2027, nationalDay, workedWeekend))
      .then((events, state) => {
        expect(events).toHaveLength(1);
        expect(state).toEqual(calendars.given(once).state);
      });
  });

  it('replaces what was published for the year in the working calendar', () => {
    const published = testCalendar();
    expect(published.isWorkingDay('2026-10-01')).toBe(false);
    expect(published.isWorkingDay('2026-11-06')).toBe(true);
    const amended = testCalendar(calendars.given([amend(2026, ['2026-11-06'], ['2026-11-08'])]).state);
    expect(amended.year(2026)).toMatchObject({ source: 'amended', provisional: false, holidays: ['2026-11-06'], workdays: ['2026-11-08'] });
    expect(amended.isWorkingDay('2026-11-06')).toBe(false);
    expect(amended.isWorkingDay('2026-11-08')).toBe(true);
    // Replaced, not added to: the published National Day is gone from an amended 2026.
    expect(amended.isWorkingDay('2026-10-01')).toBe(true);
    expect(amended.addWorkingDays('2026-11-05', 1)).toBe('2026-11-08');
  });
});

describe('a calendar amendment that does not fit its year', () => {
  const errorsOf = (command: AmendCalendarYear) => {
    const error = calendars.given([]).when(command).thenThrows(InvalidInput, /The calendar amendment does not fit its year/);
    return error instanceof InvalidInput ? error.errors : [];
  };

  it('refuses a holiday outside the year', () => {
    expect(errorsOf(amend(2027, ['2026-12-31'], []))).toEqual([{ path: 'holidays.0', message: '2026-12-31 is not in 2027' }]);
  });

  it('refuses a worked day outside the year', () => {
    // 2028-01-01 is a Saturday: only the year is wrong.
    expect(errorsOf(amend(2027, [], ['2028-01-01']))).toEqual([{ path: 'workdays.0', message: '2028-01-01 is not in 2027' }]);
  });

  it('refuses to make a weekday a working day: it is one already', () => {
    expect(errorsOf(amend(2027, nationalDay, ['2027-10-08']))).toEqual([{ path: 'workdays.0', message: '2027-10-08 is a weekday: only weekend days can be made working days' }]);
    // Each entry as sent, so a form can mark the very line.
    expect(errorsOf(amend(2027, [], ['2027-10-08', '2027-10-08'])).map((e) => e.path)).toEqual(['workdays.0', 'workdays.1']);
  });

  it('points at the entry as sent, not where it sorts', () => {
    expect(errorsOf(amend(2026, [], ['2026-10-10', '2026-03-02']))).toEqual([{ path: 'workdays.1', message: '2026-03-02 is a weekday: only weekend days can be made working days' }]);
    expect(errorsOf(amend(2026, ['2026-10-01', '2025-12-31'], []))).toEqual([{ path: 'holidays.1', message: '2025-12-31 is not in 2026' }]);
  });

  it('refuses a day listed both as a holiday and as worked', () => {
    expect(errorsOf(amend(2027, ['2027-10-09'], ['2027-10-09']))).toEqual([{ path: 'workdays.0', message: '2027-10-09 is listed as a holiday too' }]);
  });

  it('lists every problem at once', () => {
    const errors = errorsOf(amend(2027, ['2026-12-31', '2027-10-01', '2027-10-09'], ['2026-12-31', '2027-10-08', '2027-10-09']));
    expect(errors).toHaveLength(6);
    expect(errors).toEqual(
      expect.arrayContaining([
        { path: 'holidays.0', message: '2026-12-31 is not in 2027' },
        { path: 'workdays.0', message: '2026-12-31 is not in 2027' },
        { path: 'workdays.0', message: '2026-12-31 is a weekday: only weekend days can be made working days' },
        { path: 'workdays.1', message: '2027-10-08 is a weekday: only weekend days can be made working days' },
        { path: 'workdays.0', message: '2026-12-31 is listed as a holiday too' },
        { path: 'workdays.2', message: '2027-10-09 is listed as a holiday too' },
      ]),
    );
  });

  it('takes a holiday on a weekend day: harmless', () => {
    calendars.given([]).when(amend(2027, ['2027-10-02', '2027-10-03'], [])).then([{ type: 'CalendarYearAmended', data: { holidays: ['2027-10-02', '2027-10-03'] } }]);
  });
});

describe('the calendar’s stream', () => {
  it('is one stream with no id of its own, starting with no amendment', () => {
    expect(streamOf(calendarAggregate, CALENDAR)).toBe('calendar');
    expect(calendarAggregate.initialState()).toEqual(new Map());
    expect(calendarEventTypes).toEqual(['CalendarYearAmended']);
  });
});
