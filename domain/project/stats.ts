import type { LocalDate } from '../time.ts';
import { doneFilingOf, filingsOf } from './plan.ts';
import type { ProjectCalendar } from './schedule.ts';
import type { ProjectState } from './types.ts';

/**
 * The agency figures (代办统计) for a date range. A project counts when it was registered by the end
 * of the range and was not closed before its start; a permit is a step with a case filed in the
 * range; a permit done is a step whose first approved or forwarded case closed in the range.
 */
export interface AgencyFigures {
  projects: number;
  /** 万元, rounded to 2 decimals. */
  investment: number;
  permits: number;
  permitsDone: number;
}

export interface AgencyStats extends AgencyFigures {
  from: LocalDate;
  to: LocalDate;
  siteId: string | null;
  /** Working days from filing to the permit, over the permits done; 1 decimal. */
  averageWorkingDaysPerPermit: number | null;
  /** Permits done on time over those whose timeliness is known; 0…1, 4 decimals. */
  onTimeRate: number | null;
  byAgent: (AgencyFigures & { agentId: string | null })[];
  bySite: (AgencyFigures & { siteId: string })[];
}

const round = (value: number, decimals: number) => Math.round(value * 10 ** decimals) / 10 ** decimals;

/** One project's part in the figures. */
function partOf(state: ProjectState, from: LocalDate, to: LocalDate, calendar: Pick<ProjectCalendar, 'workingDaysBetween'>) {
  const inRange = (date: LocalDate | null) => date !== null && date >= from && date <= to;
  const stepIds = [...new Set(state.filings.map((f) => f.stepId))];
  const done = stepIds.flatMap((id) => doneFilingOf(filingsOf(state, id)) ?? []).filter((f) => inRange(f.closedDate));
  return {
    investment: state.investment,
    permits: stepIds.filter((id) => filingsOf(state, id).some((f) => inRange(f.filedDate))).length,
    done: done.map((f) => ({ workingDays: calendar.workingDaysBetween(f.filedDate, f.closedDate!), onTime: f.onTime })),
  };
}
type Part = ReturnType<typeof partOf>;

const figuresOf = (parts: readonly Part[]): AgencyFigures => ({
  projects: parts.length,
  investment: round(
    parts.reduce((sum, p) => sum + p.investment, 0),
    2,
  ),
  permits: parts.reduce((sum, p) => sum + p.permits, 0),
  permitsDone: parts.reduce((sum, p) => sum + p.done.length, 0),
});

/** Rows of a grouping, largest investment first, then by id (no id last). */
function rowsBy<K extends string | null>(parts: readonly { key: K; part: Part }[]): { key: K; figures: AgencyFigures }[] {
  const groups = new Map<K, Part[]>();
  for (const { key, part } of parts) groups.set(key, [...(groups.get(key) ?? []), part]);
  const byId = (a: K, b: K) => (a === b ? 0 : a === null ? 1 : b === null ? -1 : a < b ? -1 : 1);
  return [...groups]
    .map(([key, group]) => ({ key, figures: figuresOf(group) }))
    .sort((a, b) => b.figures.investment - a.figures.investment || byId(a.key, b.key));
}

/** The agency figures (代办统计) over a date range, optionally for one site, with rows by agent and by site. */
export function agencyStats(projects: readonly ProjectState[], range: { from: LocalDate; to: LocalDate; siteId?: string }, calendar: Pick<ProjectCalendar, 'workingDaysBetween'>): AgencyStats {
  const { from, to } = range;
  const counted = projects
    .filter((p) => p.registeredDate <= to && (p.status === 'open' || (p.closedDate !== null && p.closedDate >= from)) && (range.siteId === undefined || p.siteId === range.siteId))
    .map((state) => ({ state, part: partOf(state, from, to, calendar) }));
  const done = counted.flatMap(({ part }) => part.done);
  const judged = done.filter((d) => d.onTime !== null);
  return {
    from,
    to,
    siteId: range.siteId ?? null,
    ...figuresOf(counted.map(({ part }) => part)),
    averageWorkingDaysPerPermit: done.length === 0 ? null : round(done.reduce((sum, d) => sum + d.workingDays, 0) / done.length, 1),
    onTimeRate: judged.length === 0 ? null : round(judged.filter((d) => d.onTime).length / judged.length, 4),
    byAgent: rowsBy(counted.map(({ state, part }) => ({ key: state.agentId, part }))).map(({ key, figures }) => ({ agentId: key, ...figures })),
    bySite: rowsBy(counted.map(({ state, part }) => ({ key: state.siteId, part }))).map(({ key, figures }) => ({ siteId: key, ...figures })),
  };
}
