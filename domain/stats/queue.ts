import type { Counters } from '../projections/projection.ts';
import { HISTOGRAM_MINUTES } from '../projections/ticket-views.ts';

export interface QueueRow {
  date: string;
  windowId: string;
  category: string;
  counters: Counters;
}

/**
 * The p-th percentile (nearest rank), in whole minutes as a clock shows them, from a minutes histogram
 * (`<prefix>_<minute>` counters): 22 for a wait of 22 min 40 s; `HISTOGRAM_MINUTES` means that or more.
 */
export function percentileMinutes(counters: Counters, prefix: 'wait' | 'service', p: number): number | null {
  const total = Array.from({ length: HISTOGRAM_MINUTES + 1 }, (_, m) => counters[`${prefix}_${m}`] ?? 0).reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  let seen = 0;
  for (let m = 0; m < HISTOGRAM_MINUTES; m++) {
    seen += counters[`${prefix}_${m}`] ?? 0;
    if (seen >= Math.ceil(p * total)) return m;
  }
  return HISTOGRAM_MINUTES;
}

function sum(rows: readonly QueueRow[]): Counters {
  const total: Counters = {};
  for (const row of rows) for (const [k, v] of Object.entries(row.counters)) total[k] = (total[k] ?? 0) + v;
  return total;
}

function figures(c: Counters) {
  const avg = (s: string, n: string) => ((c[n] ?? 0) === 0 ? null : Math.round(((c[s] ?? 0) / (c[n] ?? 1) / 60) * 10) / 10);
  return {
    issued: c.issued ?? 0,
    called: c.called ?? 0,
    served: c.served ?? 0,
    noShows: c.noShows ?? 0,
    transfers: c.transfers ?? 0,
    averageWaitMinutes: avg('waitSeconds', 'called'),
    p90WaitMinutes: percentileMinutes(c, 'wait', 0.9),
    averageServiceMinutes: avg('serviceSeconds', 'served'),
    p90ServiceMinutes: percentileMinutes(c, 'service', 0.9),
  };
}

/** Tickets issued, served, no-shows, transfers, and wait and service times (average and p90), in all and per window, category and day. */
export function summarizeQueue(rows: readonly QueueRow[], filter: { windowId?: string | undefined; category?: string | undefined } = {}) {
  const selected = rows.filter((r) => (filter.category === undefined || r.category === filter.category) && (filter.windowId === undefined || r.windowId === filter.windowId || (r.windowId === '-' && filter.windowId === undefined)));
  const group = (key: (r: QueueRow) => string) => {
    const groups = new Map<string, QueueRow[]>();
    for (const r of selected) groups.set(key(r), [...(groups.get(key(r)) ?? []), r]);
    return [...groups].sort(([a], [b]) => a.localeCompare(b));
  };
  return {
    ...figures(sum(selected)),
    byWindow: group((r) => r.windowId)
      .filter(([w]) => w !== '-')
      // Tickets are issued to a category, not a window: a window's figures start at its calls.
      .map(([windowId, rs]) => {
        const { issued: _issued, ...calls } = figures(sum(rs));
        return { windowId, ...calls };
      }),
    byCategory: group((r) => r.category).map(([category, rs]) => ({ category, ...figures(sum(rs)) })),
    byDay: group((r) => r.date).map(([date, rs]) => ({ date, ...figures(sum(rs)) })),
  };
}
