import { noShowKey, sweepNoShows } from '../appointments/no-shows.ts';
import { timerMeta } from '../commands/timer.ts';
import { logger } from '../logger.ts';
import { runtime, todayAt } from '../runtime.ts';

/**
 * Each day after the last slot has lapsed (17:45; a timer runs once a day): the day's bookings nobody
 * checked in for become no-shows (爽约). The admin route does the same for a chosen date; either, run
 * again, marks nothing twice. A day without bookings (a holiday) has nothing to sweep.
 */
export const handler = async (event: { time?: string } = {}) => {
  const rt = runtime('appointment-no-shows');
  const now = event.time ?? new Date().toISOString();
  const date = todayAt(rt, now);
  const result = await sweepNoShows(rt, date, now, (appointmentId) => timerMeta('appointment-no-shows', now, noShowKey(appointmentId)));
  logger.info('appointment no-shows', { date, considered: result.considered, missed: result.missed.length, checkedIn: result.checkedIn.length });
  return { date, considered: result.considered, missed: result.missed.length, checkedIn: result.checkedIn.length };
};
