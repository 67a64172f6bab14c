import { timerMeta } from '../commands/timer.ts';
import { logger } from '../logger.ts';
import { sweepMarket } from '../market/sweep.ts';
import { runtime, todayAt } from '../runtime.ts';

/**
 * Each day after the hall closes: close quoting on the marketplace projects whose deadline has passed
 * and end the publicity periods that are over (中介超市). Run again, it records nothing twice.
 */
export const handler = async (event: { time?: string } = {}) => {
  const rt = runtime('market-deadlines');
  const now = event.time ?? new Date().toISOString();
  const date = todayAt(rt, now);
  const result = await sweepMarket(rt, now, (projectId) => timerMeta('market-deadlines', now, `market-deadlines-${date}-${projectId}`));
  logger.info('market deadlines', { date, considered: result.considered, closed: result.closed.length, ended: result.ended.length });
  return { date, ...result };
};
