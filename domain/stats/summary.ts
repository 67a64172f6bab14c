import type { WorkingCalendar } from '../calendar/calendar.ts';
import type { CountyIndex } from '../county.ts';
import type { Counters } from '../projections/projection.ts';
import type { StatsRowLabels } from '../projections/case-statistics.ts';
import { addDays, daysBetween, type LocalDate } from '../time.ts';
import { channels } from '../case/events.ts';

export interface StatsRow extends StatsRowLabels {
  counters: Counters;
}

export interface StatsFilter {
  windowId?: string | undefined;
  departmentId?: string | undefined;
  /** A site and the sites under it (a township with its villages). */
  siteId?: string | undefined;
}

const figureNames = ['submitted', 'accepted', 'rejected', 'materialsRequested', 'completed', 'onTime', 'early', 'late', 'commitmentCompleted'] as const;
type Figures = Record<(typeof figureNames)[number], number>;

function figures(rows: readonly StatsRow[]): Figures {
  const sum = Object.fromEntries(figureNames.map((n) => [n, 0])) as Figures;
  for (const row of rows) for (const name of figureNames) sum[name] += row.counters[name] ?? 0;
  return sum;
}

const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);

function withRates(f: Figures) {
  return { ...f, onTimeRate: rate(f.onTime, f.completed), earlyRate: rate(f.early, f.commitmentCompleted) };
}

/** The sites a filter on `siteId` covers: the site and its descendants. */
function siteScope(county: CountyIndex, siteId: string): Set<string> {
  const scope = new Set([siteId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const site of county.county.sites) {
      if (site.parentId !== null && scope.has(site.parentId) && !scope.has(site.id)) {
        scope.add(site.id);
        grew = true;
      }
    }
  }
  return scope;
}

export function filterRows<T extends { windowId: string; siteId: string }>(rows: readonly T[], county: CountyIndex, filter: StatsFilter): T[] {
  const sites = filter.siteId === undefined ? undefined : siteScope(county, filter.siteId);
  return rows.filter(
    (row) =>
      (filter.windowId === undefined || row.windowId === filter.windowId) &&
      (filter.departmentId === undefined || county.departmentOf(row.windowId) === filter.departmentId) &&
      (sites === undefined || sites.has(row.siteId)),
  );
}

export function workingDaysIn(calendar: WorkingCalendar, from: LocalDate, to: LocalDate): number {
  return calendar.workingDaysBetween(addDays(from, -1), to);
}

/**
 * The figures a center reports, for a period (dates inclusive), from the counter rows: accepted,
 * completed, completed per working day, on-time and early rates (early over commitment items),
 * cases received at grassroots sites, online cases, and the same per window and department.
 */
export function summarize(rows: readonly StatsRow[], county: CountyIndex, calendar: WorkingCalendar, from: LocalDate, to: LocalDate, filter: StatsFilter = {}) {
  const selected = filterRows(rows.filter((r) => r.date >= from && r.date <= to), county, filter);
  const total = figures(selected);
  const workingDays = workingDaysIn(calendar, from, to);
  const levelOf = (siteId: string) => county.site(siteId)?.level;
  const byChannel = Object.fromEntries(channels.map((c) => [c, figures(selected.filter((r) => r.channel === c)).submitted])) as Record<(typeof channels)[number], number>;
  const grassroots = figures(selected.filter((r) => levelOf(r.siteId) === 'township' || levelOf(r.siteId) === 'village')).submitted;
  // Applications by the level of the site that took them (县级 / 乡镇 / 村).
  const bySiteLevel = { county: figures(selected.filter((r) => levelOf(r.siteId) === 'county')).submitted, township: figures(selected.filter((r) => levelOf(r.siteId) === 'township')).submitted, village: figures(selected.filter((r) => levelOf(r.siteId) === 'village')).submitted };
  const windows = county.county.windows
    .filter((w) => (filter.windowId === undefined || w.id === filter.windowId) && (filter.departmentId === undefined || w.departmentId === filter.departmentId))
    .map((w) => ({ windowId: w.id, name: w.name, departmentId: w.departmentId, ...withRates(figures(selected.filter((r) => r.windowId === w.id))) }))
    .filter((w) => filter.siteId === undefined || w.submitted + w.accepted + w.completed + w.rejected > 0);
  const departments = county.county.departments
    .filter((d) => filter.departmentId === undefined || d.id === filter.departmentId)
    .map((d) => ({ departmentId: d.id, name: d.name, ...withRates(figures(selected.filter((r) => county.departmentOf(r.windowId) === d.id))) }))
    .filter((d) => d.submitted + d.accepted + d.completed + d.rejected > 0 || filter.departmentId !== undefined);
  return {
    from,
    to,
    filter,
    workingDays,
    ...withRates(total),
    completedPerWorkingDay: workingDays === 0 ? null : total.completed / workingDays,
    grassroots,
    online: byChannel.online,
    byChannel,
    bySiteLevel,
    windows,
    departments,
  };
}

export type Summary = ReturnType<typeof summarize>;

/** One line per calendar day of the period. */
export function dailySeries(rows: readonly StatsRow[], county: CountyIndex, calendar: WorkingCalendar, from: LocalDate, to: LocalDate, filter: StatsFilter = {}) {
  const selected = filterRows(rows, county, filter);
  const byDate = new Map<LocalDate, StatsRow[]>();
  for (const row of selected) byDate.set(row.date, [...(byDate.get(row.date) ?? []), row]);
  return Array.from({ length: daysBetween(from, to) + 1 }, (_, i) => {
    const date = addDays(from, i);
    return { date, workingDay: calendar.isWorkingDay(date), ...withRates(figures(byDate.get(date) ?? [])) };
  });
}
