import { allOf, type Aggregate } from '../decider.ts';
import { InvalidInput } from '../errors.ts';
import { eventMetaOf, type CommandMeta, type EventMeta } from '../meta.ts';
import { dayOfWeek, yearOf, type LocalDate } from '../time.ts';
import type { YearRules } from './calendar.ts';

/** A year's holiday notice entered or corrected by an administrator (节假日安排调整). */
export type CalendarYearAmended = {
  type: 'CalendarYearAmended';
  data: { year: number; holidays: LocalDate[]; workdays: LocalDate[]; note: string | null };
  meta: EventMeta;
};

/** Enter a year's holidays and worked weekend days, replacing what was published for it. */
export type AmendCalendarYear = {
  type: 'AmendCalendarYear';
  data: { year: number; holidays: LocalDate[]; workdays: LocalDate[]; note?: string | undefined };
  meta: CommandMeta;
};

function decideAmendment(command: AmendCalendarYear): CalendarYearAmended {
  const { year } = command.data;
  // Problems point at the entries as sent; the event keeps them sorted and once each.
  const { holidays: sentHolidays, workdays: sentWorkdays } = command.data;
  const errors = [
    ...sentHolidays.flatMap((d, i) => (yearOf(d) === year ? [] : [{ path: `holidays.${i}`, message: `${d} is not in ${year}` }])),
    ...sentWorkdays.flatMap((d, i) => (yearOf(d) === year ? [] : [{ path: `workdays.${i}`, message: `${d} is not in ${year}` }])),
    ...sentWorkdays.flatMap((d, i) => {
      const weekday = dayOfWeek(d);
      return weekday === 0 || weekday === 6 ? [] : [{ path: `workdays.${i}`, message: `${d} is a weekday: only weekend days can be made working days` }];
    }),
    ...sentWorkdays.flatMap((d, i) => (sentHolidays.includes(d) ? [{ path: `workdays.${i}`, message: `${d} is listed as a holiday too` }] : [])),
  ];
  if (errors.length > 0) throw new InvalidInput('The calendar amendment does not fit its year', errors);
  const holidays = [...new Set(sentHolidays)].sort();
  const workdays = [...new Set(sentWorkdays)].sort();
  return { type: 'CalendarYearAmended', data: { year, holidays, workdays, note: command.data.note ?? null }, meta: eventMetaOf(command.meta) };
}

/** The latest amendment of each year. */
export type AmendedYears = ReadonlyMap<number, YearRules>;

export const calendarEventTypes = allOf<CalendarYearAmended['type']>({ CalendarYearAmended: true });

/**
 * The county's calendar amendments: one stream, `calendar`, in which an administrator enters a year's
 * holiday notice or corrects it; the latest amendment of a year replaces what was published for it.
 */
export const calendarAggregate: Aggregate<AmendCalendarYear, CalendarYearAmended, AmendedYears> = {
  name: 'calendar',
  streamPrefix: 'calendar',
  eventTypes: calendarEventTypes,
  initialState: () => new Map(),
  evolve: (years, event) => new Map([...years, [event.data.year, { holidays: event.data.holidays, workdays: event.data.workdays }]]),
  decide: (command) => [decideAmendment(command)],
};

/** The calendar's one stream has no id of its own. */
export const CALENDAR = '';
