import { logger } from '../logger.ts';
import { runtime, todayAt } from '../runtime.ts';
import { publishRoster } from '../rosters/rosters.ts';
import { timerMeta } from '../commands/timer.ts';

/** Before opening on each working day: publish the video-check roster (the admin route does the same on demand). */
export const handler = async (event: { time?: string } = {}) => {
  const rt = runtime('rosters');
  const now = event.time ?? new Date().toISOString();
  const date = todayAt(rt, now);
  if (!(await rt.calendars.calendar()).isWorkingDay(date)) return { date, skipped: 'not a working day' };
  const meta = timerMeta('rosters', now, `roster-${date}`);
  const { status, roster } = await publishRoster(rt, date, [], meta);
  logger.info('roster', { date, status, entries: roster.entries.length });
  return { date, status, entries: roster.entries.length };
};
