import { api, read } from '../../api/client.ts';
import { useRead } from '../director/use-read.ts';
import { isWorkingDay } from './calendar-model.ts';

/** Whether a county date is a working day by the county's calendar; undefined while it loads. */
export function useWorkingDay(date: string): boolean | undefined {
  const year = Number(date.slice(0, 4));
  const calendar = useRead(`calendar#${year}`, () => read(api().GET('/calendar/{year}', { params: { path: { year } } })));
  return calendar.data ? isWorkingDay(date, calendar.data, calendar.data) : undefined;
}
