import { openRectificationsPartition, rectifications } from '../../domain/projections/rectifications.ts';
import { satisfactionLabels, satisfactionPartition } from '../../domain/projections/satisfaction-stats.ts';
import { summarizeSatisfaction, type SatisfactionRow } from '../../domain/stats/satisfaction.ts';
import type { LocalDate } from '../../domain/time.ts';
import { counterRows } from '../projections/counter-rows.ts';
import { todayAt, type Runtime } from '../runtime.ts';

/** The review counters of a period (per day, window, site, channel). */
export const satisfactionRows = (rt: Runtime, from: LocalDate, to: LocalDate): Promise<SatisfactionRow[]> => counterRows(rt.views, satisfactionPartition, satisfactionLabels, from, to);

/** The satisfaction rates of a period, with the rectifications open today. */
export async function satisfactionOf(rt: Runtime, now: string, from: LocalDate, to: LocalDate, filter: Parameters<typeof summarizeSatisfaction>[6]) {
  const [rows, open] = await Promise.all([satisfactionRows(rt, from, to), rt.views.docs(rectifications, openRectificationsPartition)]);
  return summarizeSatisfaction(
    rows,
    open.map((i) => i.doc),
    rt.county,
    from,
    to,
    todayAt(rt, now),
    filter,
  );
}
