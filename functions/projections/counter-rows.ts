import type { Counters, ViewKey } from '../../domain/projections/projection.ts';
import type { LocalDate } from '../../domain/time.ts';
import { countersOf, type ViewStore } from './view-store.ts';

/** The first days of the months a period touches. */
export function monthsOf(from: LocalDate, to: LocalDate): LocalDate[] {
  const result: LocalDate[] = [];
  for (let month = from.slice(0, 7); month <= to.slice(0, 7); ) {
    result.push(`${month}-01`);
    const [y, m] = month.split('-').map(Number) as [number, number];
    month = m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
  }
  return result;
}

/**
 * A period's rows of a counter view kept in one partition per month and sorted by day: one Query
 * per month, in parallel, each row labelled from its sort key.
 */
export async function counterRows<L extends object>(views: ViewStore, partitionOf: (month: LocalDate) => string, labelsOf: (key: ViewKey) => L, from: LocalDate, to: LocalDate): Promise<(L & { counters: Counters })[]> {
  const generation = await views.generation();
  const pages = await Promise.all(monthsOf(from, to).map((month) => views.partition<Record<string, unknown>>(partitionOf(month), { from: `${from}#`, to: `${to}#\uffff`, generation })));
  return pages.flat().map((item) => ({ ...labelsOf({ pk: '', sk: String(item.sk) }), counters: countersOf(item) }));
}
