import type { z } from 'zod';
import type { WorkingCalendar } from '../../domain/calendar/calendar.ts';
import { addDays } from '../../domain/time.ts';
import { commandMeta, type Operation } from '../http/http-handler.ts';
import type * as s from '../http/schemas.ts';

function yearView(calendar: WorkingCalendar, year: number) {
  const info = calendar.year(year);
  const workingDays = calendar.workingDaysBetween(addDays(`${year}-01-01`, -1), `${year}-12-31`);
  return { ...info, workingDays };
}

export const calendarOperations: Record<string, Operation> = {
  getCalendarYear: async (request, rt) => {
    const { year } = request.params as z.infer<typeof s.YearParams>;
    return { statusCode: 200, body: yearView(await rt.calendars.calendar(), year) };
  },
  amendCalendarYear: async (request, rt) => {
    const { year } = request.params as z.infer<typeof s.YearParams>;
    const body = request.body as z.infer<typeof s.AmendCalendarBody>;
    const calendar = await rt.calendars.amend({ type: 'AmendCalendarYear', data: { year, ...body }, meta: commandMeta(request) });
    return { statusCode: 200, body: yearView(calendar, year) };
  },
};
