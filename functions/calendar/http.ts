import * as z from 'zod/mini';
import { calendarAggregate, CALENDAR, type AmendCalendarYear } from '../../domain/calendar/amendment.ts';
import type { WorkingCalendar } from '../../domain/calendar/calendar.ts';
import { addDays } from '../../domain/time.ts';
import { commandReply } from '../http/command-reply.ts';
import { commandMeta } from '../http/request-meta.ts';
import { defineRoute } from '../http/route.ts';
import { LocalDateString, named, Text } from '../http/schemas.ts';

/** The working-day calendar: a year's holidays and worked weekend days, and an administrator's amendments (节假日安排). */

const YearParams = z.strictObject({ year: z.coerce.number().check(z.int(), z.gte(2000), z.lte(2100)) });
const CalendarYearView = named('CalendarYear', z.object({
  year: z.int(),
  source: z.enum(['provisional', 'published', 'amended']),
  provisional: z.boolean(),
  holidays: z.array(LocalDateString),
  workdays: z.array(LocalDateString),
  countyHolidays: z.array(LocalDateString),
  countyWorkdays: z.array(LocalDateString),
  workingDays: z.int(),
}));

function yearView(calendar: WorkingCalendar, year: number) {
  const info = calendar.year(year);
  const workingDays = calendar.workingDaysBetween(addDays(`${year}-01-01`, -1), `${year}-12-31`);
  return { ...info, workingDays };
}

export const calendarRoutes = [
  defineRoute({
    method: 'GET',
    path: '/calendar/{year}',
    entry: 'calendar',
    operationId: 'getCalendarYear',
    summary: 'A year’s holidays and worked weekend days',
    params: YearParams,
    response: { status: 200, schema: CalendarYearView },
    access: ['clerk', 'director', 'callback', 'admin', 'agent', 'owner'],
    handle: async (request, rt) => ({ body: yearView(await rt.calendars.calendar(), request.params.year) }),
  }),
  defineRoute({
    method: 'PUT',
    path: '/calendar/{year}',
    entry: 'calendar',
    operationId: 'amendCalendarYear',
    summary: 'Enter or correct a year’s holiday notice',
    params: YearParams,
    body: z.strictObject({ holidays: z.array(LocalDateString).check(z.maxLength(366)), workdays: z.array(LocalDateString).check(z.maxLength(366)), note: z.optional(Text(500)) }),
    response: { status: 200, schema: CalendarYearView },
    command: true,
    access: ['admin'],
    handle: async (request, rt) => {
      const { year } = request.params;
      const reply = await commandReply(
        rt,
        request,
        { aggregate: calendarAggregate, id: CALENDAR, command: (): AmendCalendarYear => ({ type: 'AmendCalendarYear', data: { year, ...request.body }, meta: commandMeta(request) }), context: undefined },
        (result) => ({ body: yearView(rt.calendars.with(result.state), year) }),
      );
      rt.calendars.amended();
      return reply;
    },
  }),
];
