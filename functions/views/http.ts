import * as z from 'zod/mini';
import { channels } from '../../domain/case/events.ts';
import { caseStatuses } from '../../domain/case/state.ts';
import { itemTypes } from '../../domain/county.ts';
import { InvalidInput, NotFound } from '../../domain/errors.ts';
import { queuePartition, windowQueue } from '../../domain/projections/window-queue.ts';
import { rankQueue, urgencies } from '../../domain/projections/urgency.ts';
import { summarizeQueue } from '../../domain/stats/queue.ts';
import { dailySeries, summarize, type StatsFilter } from '../../domain/stats/summary.ts';
import type { LocalDate } from '../../domain/time.ts';
import { assertPlace } from '../auth/access.ts';
import { percent, toCsv } from '../http/csv.ts';
import { csv, defineRoute } from '../http/route.ts';
import { CaseId, dateRange, Id, LocalDateString, named, QueueFigures, StatsFilters } from '../http/schemas.ts';
import { listDeadLetters } from '../projections/dead-letters.ts';
import { queueRows } from '../queue/rows.ts';
import { satisfactionOf } from '../reviews/rates.ts';
import { todayAt, type Runtime } from '../runtime.ts';
import { statsRows } from './stats.ts';

/** Read models: each window's backlog (窗口队列) by urgency, the figures a center reports, and the dead letters. */

const StatsQuery = z.strictObject({ from: LocalDateString, to: LocalDateString, ...StatsFilters, format: z._default(z.enum(['json', 'csv']), 'json') }).check(z.superRefine(dateRange));
const DailyQuery = z.strictObject({ from: LocalDateString, to: LocalDateString, ...StatsFilters }).check(z.superRefine(dateRange));
const WindowParams = z.strictObject({ id: Id });
const Rate = z.nullable(z.number().check(z.gte(0), z.lte(1)));
const Figures = {
  submitted: z.int(),
  accepted: z.int(),
  rejected: z.int(),
  materialsRequested: z.int(),
  completed: z.int(),
  onTime: z.int(),
  early: z.int(),
  late: z.int(),
  commitmentCompleted: z.int(),
  onTimeRate: Rate,
  earlyRate: Rate,
};
const StatsSummary = named('StatsSummary', z.object({
  from: LocalDateString,
  to: LocalDateString,
  filter: z.object(StatsFilters),
  workingDays: z.int(),
  ...Figures,
  completedPerWorkingDay: z.nullable(z.number()),
  grassroots: z.int().check(z.meta({ description: 'cases received at township and village sites' })),
  online: z.int(),
  byChannel: z.record(z.enum(channels), z.int()),
  bySiteLevel: z.object({ county: z.int(), township: z.int(), village: z.int() }).check(z.meta({ description: 'applications by the level of the site that took them' })),
  windows: z.array(z.object({ windowId: z.string(), name: z.string(), departmentId: z.string(), ...Figures })),
  departments: z.array(z.object({ departmentId: z.string(), name: z.string(), ...Figures })),
  queue: z.object(QueueFigures),
  satisfaction: z.object({
    reviews: z.int(),
    badReviews: z.int(),
    satisfactionRate: z.nullable(z.number()),
    callbackAttempts: z.int(),
    validCallbacks: z.int(),
    smsReviews: z.int(),
  }),
}));
const DailySeries = named('DailySeries', z.array(z.object({ date: LocalDateString, workingDay: z.boolean(), ...Figures })));
const UrgencyCounts = z.object(Object.fromEntries(urgencies.map((u) => [u, z.int()])) as Record<(typeof urgencies)[number], z.ZodMiniNumberFormat>);
const WindowQueue = named('WindowQueue', z.object({
  windowId: z.string(),
  today: LocalDateString,
  total: z.int(),
  counts: UrgencyCounts,
  entries: z.array(
    z.object({
      caseId: CaseId,
      caseNo: z.string(),
      status: z.enum(caseStatuses),
      item: z.object({ code: z.string(), name: z.string(), type: z.enum(itemTypes), committedDays: z.int() }),
      channel: z.enum(channels),
      siteId: z.string(),
      receivedSiteId: z.string(),
      submittedAt: z.string(),
      acceptedDate: z.nullable(LocalDateString),
      deadline: z.nullable(LocalDateString),
      deadlineProvisional: z.boolean(),
      clockStopped: z.boolean(),
      urgency: z.enum(urgencies),
      missing: z.nullable(z.array(z.string())),
    }),
  ),
}));
const WindowWithCounts = named('WindowWithCounts', z.object({ id: z.string(), name: z.string(), departmentId: z.string(), siteId: z.string(), open: z.int(), counts: UrgencyCounts }));
const DeadLetters = named('DeadLetters', z.array(z.object({ stream: z.string(), version: z.int(), type: z.string(), sequenceNumber: z.string(), attempts: z.int(), parkedAt: z.string(), reason: z.string() })));

function checkFilter(rt: Runtime, filter: StatsFilter): StatsFilter {
  const errors = [
    ...(filter.windowId !== undefined && !rt.county.window(filter.windowId) ? [{ path: 'query.windowId', message: `no window ${filter.windowId}` }] : []),
    ...(filter.siteId !== undefined && !rt.county.site(filter.siteId) ? [{ path: 'query.siteId', message: `no site ${filter.siteId}` }] : []),
    ...(filter.departmentId !== undefined && !rt.county.county.departments.some((d) => d.id === filter.departmentId) ? [{ path: 'query.departmentId', message: `no department ${filter.departmentId}` }] : []),
  ];
  if (errors.length > 0) throw new InvalidInput('The filter names something this county does not have', errors);
  return { windowId: filter.windowId, departmentId: filter.departmentId, siteId: filter.siteId };
}

async function queueOf(rt: Runtime, windowId: string, today: LocalDate) {
  const [items, calendar] = await Promise.all([rt.views.docs(windowQueue, queuePartition(windowId)), rt.calendars.calendar()]);
  return rankQueue(
    items.map((i) => i.doc),
    calendar,
    today,
  );
}

const summaryCsvHeader = ['窗口编号', '窗口名称', '部门', '收件', '受理', '不予受理', '办结', '按期办结', '提前办结', '超期办结', '按期办结率', '提前办结率'];

const STAFF = ['clerk', 'director', 'callback', 'admin'] as const;
const SUPERVISORS = ['director', 'admin'] as const;

export const viewRoutes = [
  defineRoute({
    method: 'GET',
    path: '/windows',
    entry: 'views',
    operationId: 'listWindows',
    summary: 'The windows (窗口), each with its open cases counted by urgency',
    response: { status: 200, schema: z.array(WindowWithCounts) },
    access: STAFF,
    handle: async (request, rt) => {
      const date = todayAt(rt, request.now);
      const windows = await Promise.all(
        rt.county.county.windows.map(async (w) => {
          const { counts, total } = await queueOf(rt, w.id, date);
          return { id: w.id, name: w.name, departmentId: w.departmentId, siteId: w.siteId, open: total, counts };
        }),
      );
      return { body: windows };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/windows/{id}/queue',
    entry: 'views',
    operationId: 'getWindowQueue',
    summary: 'A window’s backlog (窗口队列), most urgent first',
    params: WindowParams,
    response: { status: 200, schema: WindowQueue },
    access: ['clerk', 'director', 'admin'],
    handle: async (request, rt) => {
      const { id } = request.params;
      if (!rt.county.window(id)) throw new NotFound(`no window ${id}`);
      assertPlace(request.caller, { windowId: id }, `window ${id}’s queue`);
      const date = todayAt(rt, request.now);
      const { entries, counts, total } = await queueOf(rt, id, date);
      return {
        body: {
          windowId: id,
          today: date,
          total,
          counts,
          entries: entries.map((e) => ({
            caseId: e.caseId,
            caseNo: e.caseNo,
            status: e.status,
            item: e.item,
            channel: e.channel,
            siteId: e.siteId,
            receivedSiteId: e.receivedSiteId,
            submittedAt: e.submittedAt,
            acceptedDate: e.acceptedDate,
            deadline: e.deadline,
            deadlineProvisional: e.deadlineProvisional,
            clockStopped: e.clockStopped,
            urgency: e.urgency,
            missing: e.missing,
          })),
        },
      };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/stats/summary',
    entry: 'views',
    operationId: 'getStatsSummary',
    summary: 'The figures a center reports for a period (format=csv for Excel)',
    query: StatsQuery,
    response: { status: 200, schema: StatsSummary },
    access: SUPERVISORS,
    handle: async (request, rt) => {
      const query = request.query;
      const filter = checkFilter(rt, query);
      const [rows, calendar, satisfaction, queue] = await Promise.all([statsRows(rt, query.from, query.to), rt.calendars.calendar(), satisfactionOf(rt, request.now, query.from, query.to, filter), queueRows(rt, query.from, query.to)]);
      const summary = {
        ...summarize(rows, rt.county, calendar, query.from, query.to, filter),
        queue: (({ byWindow: _w, byCategory: _c, byDay: _d, ...totals }) => totals)(summarizeQueue(queue, { windowId: filter.windowId })),
        // The seed report's satisfaction line: callbacks, SMS reviews, satisfaction rate.
        satisfaction: {
          reviews: satisfaction.reviews,
          badReviews: satisfaction.badReviews,
          satisfactionRate: satisfaction.satisfactionRate,
          callbackAttempts: satisfaction.callbackAttempts,
          validCallbacks: satisfaction.validCallbacks,
          smsReviews: satisfaction.smsReviews,
        },
      };
      if (query.format === 'json') return { body: summary };
      const departmentName = (id: string) => rt.county.county.departments.find((d) => d.id === id)?.name ?? id;
      const line = (id: string, name: string, department: string, f: typeof summary) => [id, name, department, f.submitted, f.accepted, f.rejected, f.completed, f.onTime, f.early, f.late, percent(f.onTimeRate), percent(f.earlyRate)];
      return csv(`banjian-${rt.county.county.key}-${query.from}-${query.to}.csv`, toCsv(summaryCsvHeader, [...summary.windows.map((w) => line(w.windowId, w.name, departmentName(w.departmentId), { ...summary, ...w })), line('', '合计', '', summary)]));
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/stats/daily',
    entry: 'views',
    operationId: 'getStatsDaily',
    summary: 'The daily series of a period',
    query: DailyQuery,
    response: { status: 200, schema: DailySeries },
    access: SUPERVISORS,
    handle: async (request, rt) => {
      const query = request.query;
      const filter = checkFilter(rt, query);
      const [rows, calendar] = await Promise.all([statsRows(rt, query.from, query.to), rt.calendars.calendar()]);
      return { body: dailySeries(rows, rt.county, calendar, query.from, query.to, filter) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/dead-letters',
    entry: 'views',
    operationId: 'listDeadLetters',
    summary: 'Events the projector gave up on (locally; on AWS also the SQS dead-letter queue)',
    response: { status: 200, schema: DeadLetters },
    access: ['admin'],
    handle: async (_request, rt) => ({ body: await listDeadLetters(rt.views) }),
  }),
];
