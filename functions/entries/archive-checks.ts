import { addDays } from '../../domain/time.ts';
import { logger } from '../logger.ts';
import { runtime, todayAt } from '../runtime.ts';
import { drawArchive } from '../archive-checks/http.ts';
import { timerMeta } from '../commands/timer.ts';

/** Daily, acting on the month's first working day: draw last month's archive sample. */
export const handler = async (event: { time?: string } = {}) => {
  const rt = runtime('archive-checks');
  const now = event.time ?? new Date().toISOString();
  const date = todayAt(rt, now);
  const calendar = await rt.calendars.calendar();
  if (calendar.workingDayOnOrAfter(`${date.slice(0, 7)}-01`) !== date) return { date, skipped: 'not the first working day of the month' };
  const month = addDays(`${date.slice(0, 7)}-01`, -1).slice(0, 7);
  const meta = timerMeta('archive-checks', now, `archive-${month}`);
  const { created, archive } = await drawArchive(rt, month, meta);
  logger.info('archive sample', { month, created, samples: archive.samples.length });
  return { month, created, samples: archive.samples.length };
};
