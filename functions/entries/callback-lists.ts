import { buildCallbackList } from '../callbacks/lists.ts';
import { timerKey, timerMeta } from '../commands/timer.ts';
import { logger } from '../logger.ts';
import { runtime, todayAt } from '../runtime.ts';

/** Each morning: publish the day's callback list, on working days only. The admin route does the same on demand. */
export const handler = async (event: { time?: string } = {}) => {
  const rt = runtime('callback-lists');
  const now = event.time ?? new Date().toISOString();
  const date = todayAt(rt, now);
  if (!(await rt.calendars.calendar()).isWorkingDay(date)) return { date, skipped: 'not a working day' };
  const trigger = `callback-list-${date}`;
  const { created, list } = await buildCallbackList(rt, date, timerMeta('callback-lists', now, trigger), undefined, timerKey(trigger));
  logger.info('callback list', { date, created, entries: list.entries.length, skipped: list.skipped });
  return { date, created, entries: list.entries.length };
};
