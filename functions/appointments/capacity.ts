import { slotCapacity } from '../../domain/appointment/capacity.ts';
import { queueStatsPartition } from '../../domain/projections/ticket-views.ts';
import { addDays, type LocalDate } from '../../domain/time.ts';
import { serviceTotals } from '../queue/tickets.ts';
import type { Runtime } from '../runtime.ts';

/** The service times a slot's default capacity is measured over: the last four weeks of the queue. */
const RECENT_DAYS = 28;
/** Fewer visitors served than this in a category is no measure: the county's default service time stands. */
const MIN_SERVED = 20;

/**
 * Each category's average service minutes over the recent weeks, from the queue's counters (as the
 * hall screen's wait estimate measures today's): the county's `queue.defaultServiceMinutes` where
 * too few were served to tell. At least one minute, so a run of instant finishes cannot open a slot wide.
 */
export async function recentServiceMinutes(rt: Runtime, today: LocalDate): Promise<(category: string) => number> {
  const from = addDays(today, -(RECENT_DAYS - 1));
  const months = [...new Set([from, today].map(queueStatsPartition))];
  const rows = (await Promise.all(months.map((pk) => rt.views.partition<Record<string, unknown>>(pk, { from: `${from}#`, to: `${today}#\uffff` })))).flat();
  const totals = serviceTotals(rows);
  const fallback = rt.county.county.queue.defaultServiceMinutes;
  return (category) => {
    const total = totals.get(category);
    return total === undefined || total.served < MIN_SERVED ? fallback : Math.max(1, total.seconds / total.served / 60);
  };
}

/** The capacity a slot of the category takes if it is booked now (its first booking fixes it): the county's, or measured. */
export async function defaultCapacity(rt: Runtime, category: string, today: LocalDate): Promise<number> {
  const county = rt.county.county;
  if (county.appointments.capacity[category] !== undefined) return slotCapacity(county, category, county.queue.defaultServiceMinutes);
  return slotCapacity(county, category, (await recentServiceMinutes(rt, today))(category));
}
