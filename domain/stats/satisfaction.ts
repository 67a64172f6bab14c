import type { CountyIndex } from '../county.ts';
import type { Counters } from '../projections/projection.ts';
import type { RectificationView } from '../projections/rectifications.ts';
import { levels, type Level } from '../reviews/levels.ts';
import type { LocalDate } from '../time.ts';
import { filterRows, type StatsFilter } from './summary.ts';

export interface SatisfactionRow {
  date: LocalDate;
  windowId: string;
  siteId: string;
  channel: string;
  counters: Counters;
}

export const rectificationWarningKinds = ['callback-overdue', 'resolution-overdue'] as const;
export type RectificationWarning = (typeof rectificationWarningKinds)[number];

/** Overdue steps of a rectification on a given day (a warning in the views, computed when read). */
export function rectificationWarnings(r: Pick<RectificationView, 'status' | 'calledBackDate' | 'callbackDue' | 'resolveDue'>, today: LocalDate): RectificationWarning[] {
  const warnings: RectificationWarning[] = [];
  if (r.status === 'closed' || r.status === 'voided') return warnings;
  if (r.calledBackDate === null && today > r.callbackDue) warnings.push('callback-overdue');
  if ((r.status === 'opened' || r.status === 'verified' || r.status === 'appealed') && today > r.resolveDue) warnings.push('resolution-overdue');
  return warnings;
}

const sum = (rows: readonly SatisfactionRow[], name: string) => rows.reduce((total, row) => total + (row.counters[name] ?? 0), 0);

/**
 * The satisfaction figures of a period: reviews by level, bad reviews, satisfaction rate
 * ((reviews − bad) ÷ reviews), average score (10/8/6/3/0), callback attempts and valid callbacks,
 * SMS reviews, rectifications open / overdue / closed, and the same rate month by month.
 */
export function summarizeSatisfaction(
  rows: readonly SatisfactionRow[],
  openRectifications: readonly RectificationView[],
  county: CountyIndex,
  from: LocalDate,
  to: LocalDate,
  today: LocalDate,
  filter: StatsFilter & { channel?: string | undefined } = {},
) {
  const inPeriod = filterRows(
    rows.filter((r) => r.date >= from && r.date <= to && (filter.channel === undefined || r.channel === filter.channel)),
    county,
    filter,
  );
  const reviews = sum(inPeriod, 'reviews');
  const bad = sum(inPeriod, 'bad');
  const byLevel = Object.fromEntries(levels.map((l) => [l, sum(inPeriod, `level_${l}`)])) as Record<Level, number>;
  const windows = filter.windowId !== undefined ? new Set([filter.windowId]) : filter.departmentId !== undefined ? new Set(county.county.windows.filter((w) => w.departmentId === filter.departmentId).map((w) => w.id)) : undefined;
  const open = openRectifications.filter((r) => windows === undefined || windows.has(r.windowId));
  const months = [...new Set(inPeriod.map((r) => r.date.slice(0, 7)))].sort();
  return {
    from,
    to,
    reviews,
    byLevel,
    badReviews: bad,
    satisfactionRate: reviews === 0 ? null : (reviews - bad) / reviews,
    averageScore: reviews === 0 ? null : sum(inPeriod, 'score') / reviews,
    callbackAttempts: sum(inPeriod, 'callbackAttempts'),
    validCallbacks: sum(inPeriod, 'validCallbacks'),
    smsReviews: sum(inPeriod.filter((r) => r.channel === 'sms'), 'reviews'),
    smsUnparsed: sum(inPeriod, 'smsUnparsed'),
    rectifications: { open: open.length, overdue: open.filter((r) => rectificationWarnings(r, today).length > 0).length, closed: sum(inPeriod, 'rectificationsClosed') },
    // Each window's rate, for ranking windows (the filter's windows only).
    windows: county.county.windows
      .filter((w) => windows === undefined || windows.has(w.id))
      .map((w) => {
        const mine = inPeriod.filter((r) => r.windowId === w.id);
        const n = sum(mine, 'reviews');
        const b = sum(mine, 'bad');
        return { windowId: w.id, name: w.name, reviews: n, badReviews: b, satisfactionRate: n === 0 ? null : (n - b) / n };
      }),
    monthly: months.map((month) => {
      const m = inPeriod.filter((r) => r.date.startsWith(month));
      const n = sum(m, 'reviews');
      const b = sum(m, 'bad');
      return { month, reviews: n, badReviews: b, satisfactionRate: n === 0 ? null : (n - b) / n };
    }),
  };
}
