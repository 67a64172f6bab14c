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

export function decideAmendment(command: AmendCalendarYear): CalendarYearAmended {
  const { year } = command.data;
  const holidays = [...new Set(command.data.holidays)].sort();
  const workdays = [...new Set(command.data.workdays)].sort();
  const errors = [
    ...holidays.flatMap((d, i) => (yearOf(d) === year ? [] : [{ path: `holidays.${i}`, message: `${d} is not in ${year}` }])),
    ...workdays.flatMap((d, i) => (yearOf(d) === year ? [] : [{ path: `workdays.${i}`, message: `${d} is not in ${year}` }])),
    ...workdays.flatMap((d, i) => {
      const weekday = dayOfWeek(d);
      return weekday === 0 || weekday === 6 ? [] : [{ path: `workdays.${i}`, message: `${d} is a weekday: only weekend days can be made working days` }];
    }),
    ...workdays.flatMap((d, i) => (holidays.includes(d) ? [{ path: `workdays.${i}`, message: `${d} is listed as a holiday too` }] : [])),
  ];
  if (errors.length > 0) throw new InvalidInput('The calendar amendment does not fit its year', errors);
  return { type: 'CalendarYearAmended', data: { year, holidays, workdays, note: command.data.note ?? null }, meta: eventMetaOf(command.meta) };
}

/** The latest amendment of each year. */
export function amendedYears(events: readonly CalendarYearAmended[]): Map<number, YearRules> {
  const years = new Map<number, YearRules>();
  for (const event of events) years.set(event.data.year, { holidays: event.data.holidays, workdays: event.data.workdays });
  return years;
}
