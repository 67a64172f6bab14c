import { latestSweepDate } from '../../domain/case/joint.ts';
import { timerMeta } from '../commands/timer.ts';
import { sweepJointDeadlines } from '../joint/sweep.ts';
import { logger } from '../logger.ts';
import { runtime, todayAt } from '../runtime.ts';

/**
 * Each working day after the hall closes: the day is over, so every joint department whose deadline
 * was today or earlier and that has not answered is deemed to approve (超时默许). The admin route
 * does the same for a chosen date; either, run again, deems nothing twice.
 */
export const handler = async (event: { time?: string } = {}) => {
  const rt = runtime('joint-deadlines');
  const now = event.time ?? new Date().toISOString();
  const today = todayAt(rt, now);
  if (!(await rt.calendars.calendar()).isWorkingDay(today)) return { date: today, skipped: 'not a working day' };
  // After closing time this is tomorrow: today's deadlines are over.
  const date = latestSweepDate(now, rt.county);
  const result = await sweepJointDeadlines(rt, date, now, (caseId) => timerMeta('joint-deadlines', now, `joint-deadlines-${date}-${caseId}`));
  logger.info('joint deadlines', { date, considered: result.considered, deemed: result.deemed.length });
  return { date, considered: result.considered, deemed: result.deemed.length };
};
