import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import { provisionalDaysAhead } from '../../domain/calendar/calendar.ts';
import { logger } from '../logger.ts';
import { runtime, todayAt } from '../runtime.ts';

const metrics = new Metrics({ namespace: 'Banjian', serviceName: 'banjian' });

/**
 * Daily timer: counts the working days in the next 90 that fall in a year whose State Council
 * notice is not entered yet. Deadlines there are provisional; the alarm on this metric reminds an
 * administrator to enter the notice (`PUT /calendar/{year}`).
 */
export const handler = async (event: { time?: string } = {}) => {
  const rt = runtime('calendar-watch');
  const today = todayAt(rt, event.time ?? new Date().toISOString());
  const { days, years } = provisionalDaysAhead(await rt.calendars.calendar(), today);
  metrics.addMetric('ProvisionalWorkingDaysAhead', MetricUnit.Count, days);
  metrics.publishStoredMetrics();
  if (days > 0) logger.warn('deadlines run into a year without a holiday notice', { today, years, provisionalWorkingDays: days });
  return { today, provisionalWorkingDaysAhead: days, years };
};
