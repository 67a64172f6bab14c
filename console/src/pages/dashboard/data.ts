import type { Schemas } from '../../../../client/index.ts';
import { api, ApiProblem, read } from '../../api/client.ts';
import { everyMonth } from './charts.ts';
import { previousPeriod, satisfactionSeriesRange, scopeFilter, scorecardMonth, type Period, type Scope } from './period.ts';

export type Summary = Schemas['StatsSummary'];
export type Satisfaction = Schemas['SatisfactionStats'];
export type Queue = Schemas['QueueStats'];
export type Daily = Schemas['DailySeries'];
export type Scorecards = Schemas['Scorecards'];

/** A chart's own read: its data, or why it has none (the rest of the page still shows). */
export type Part<T> = { data: T; problem?: undefined } | { data?: undefined; problem: ApiProblem };

async function part<T>(load: Promise<T>): Promise<Part<T>> {
  try {
    return { data: await load };
  } catch (error) {
    if (error instanceof ApiProblem) return { problem: error };
    throw error;
  }
}

export interface Figures {
  summary: Summary;
  previousSummary: Summary;
  satisfaction: Satisfaction;
  /** The previous period's are the summary's own (fewer requests; the same figures). */
  previousSatisfaction: Summary['satisfaction'];
  queue: Queue;
  previousQueue: Summary['queue'];
  daily: Daily;
  /** The months of the satisfaction chart (the year up to the period's end, or the period itself). */
  monthly: Satisfaction['monthly'];
  scorecards: Part<Scorecards>;
}

/**
 * Everything a view of the dashboard shows, read at once (side by side, one round trip): the
 * period's and the previous period's figures, the daily and monthly series, the queue and the
 * month's scorecard. The queue's figures have no department or site: a window filter only (the
 * summary's own queue figures are the same, so the previous period's come from its summary).
 */
export async function loadFigures(period: Period, scope: Scope): Promise<Figures> {
  const filter = scopeFilter(scope);
  const previous = previousPeriod(period);
  const series = satisfactionSeriesRange(period);
  const ownSeries = series.from === period.from && series.to === period.to;
  const queueFilter = scope.kind === 'window' ? { windowId: scope.id } : {};
  const range = (p: { from: string; to: string }) => ({ from: p.from, to: p.to });
  const [summary, previousSummary, satisfaction, queue, daily, monthly, scorecards] = await Promise.all([
    read(api().GET('/stats/summary', { params: { query: { ...range(period), ...filter } } })),
    read(api().GET('/stats/summary', { params: { query: { ...range(previous), ...filter } } })),
    read(api().GET('/stats/satisfaction', { params: { query: { ...range(period), ...filter } } })),
    read(api().GET('/stats/queue', { params: { query: { ...range(period), ...queueFilter } } })),
    read(api().GET('/stats/daily', { params: { query: { ...range(period), ...filter } } })),
    ownSeries ? undefined : read(api().GET('/stats/satisfaction', { params: { query: { ...series, ...filter } } })),
    part(read(api().GET('/scorecards/{month}', { params: { path: { month: scorecardMonth(period) }, query: scope.kind === 'window' ? { windowId: scope.id } : {} } }))),
  ]);
  return { summary, previousSummary, satisfaction, previousSatisfaction: previousSummary.satisfaction, queue, previousQueue: previousSummary.queue, daily, monthly: everyMonth((monthly ?? satisfaction).monthly, series.from, series.to), scorecards };
}

/** A window by name, with its department and site (from the departments' list). */
export interface Window {
  id: string;
  name: string;
  departmentId: string;
  siteId: string;
}
export type Departments = Schemas['Department'][];
export type Sites = Schemas['Site'][];
export type Categories = Schemas['TicketCategory'][];

export interface Places {
  departments: Departments;
  windows: Window[];
  sites: Sites;
  categories: Categories;
}

/**
 * The county's departments with their windows, its sites and ticket categories: the scope picker's
 * choices and the names charts show. All three are county data the API serves without a database read.
 */
export async function loadPlaces(): Promise<Places> {
  const [departments, sites, categories] = await Promise.all([read(api().GET('/departments')), read(api().GET('/sites')), read(api().GET('/ticket-categories'))]);
  const windows = departments.flatMap((d) => d.windows.map((w) => ({ ...w, departmentId: d.id }))).sort((a, b) => a.id.localeCompare(b.id));
  return { departments, windows, sites, categories };
}

/** The sites a site filter covers: the site and every site under it (a township with its villages), as the API counts them. */
export function siteAndBelow(sites: readonly { id: string; parentId: string | null }[], siteId: string): Set<string> {
  const scope = new Set([siteId]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const site of sites) {
      if (site.parentId !== null && scope.has(site.parentId) && !scope.has(site.id)) {
        scope.add(site.id);
        grew = true;
      }
    }
  }
  return scope;
}

/** The windows a scope covers (for the scorecard, which the API filters by window only). */
export function windowsInScope(scope: Scope, places: Places | undefined): Set<string> | undefined {
  if (scope.kind === 'all' || !places) return undefined;
  if (scope.kind === 'window') return new Set([scope.id]);
  if (scope.kind === 'department') return new Set(places.windows.filter((w) => w.departmentId === scope.id).map((w) => w.id));
  const sites = siteAndBelow(places.sites, scope.id);
  return new Set(places.windows.filter((w) => sites.has(w.siteId)).map((w) => w.id));
}
