import type { z } from 'zod';
import { statsLabels, statsPartition } from '../../domain/projections/case-statistics.ts';
import { queuePartition, type QueueEntry } from '../../domain/projections/window-queue.ts';
import { rankQueue } from '../../domain/projections/urgency.ts';
import { dailySeries, summarize, type StatsFilter, type StatsRow } from '../../domain/stats/summary.ts';
import { InvalidInput, NotFound } from '../../domain/errors.ts';
import type { LocalDate } from '../../domain/time.ts';
import { assertPlace } from '../auth/access.ts';
import { csvResult, percent, toCsv } from '../http/csv.ts';
import type { Operation } from '../http/http-handler.ts';
import type * as s from '../http/schemas.ts';
import { listDeadLetters } from '../projections/dead-letters.ts';
import { counterRows } from '../projections/counter-rows.ts';
import { todayAt, type Runtime } from '../runtime.ts';
import { satisfactionOf } from '../satisfaction/operations.ts';
import { queueRows } from '../queue/operations.ts';
import { summarizeQueue } from '../../domain/stats/queue.ts';

/** The counter rows of a period: one Query per month partition, in parallel. */
export const statsRows = (rt: Runtime, from: LocalDate, to: LocalDate): Promise<StatsRow[]> => counterRows(rt.views, statsPartition, statsLabels, from, to);

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
  const [items, calendar] = await Promise.all([rt.views.partition<{ doc: QueueEntry }>(queuePartition(windowId)), rt.calendars.calendar()]);
  return rankQueue(
    items.map((i) => i.doc),
    calendar,
    today,
  );
}


const summaryCsvHeader = ['窗口编号', '窗口名称', '部门', '收件', '受理', '不予受理', '办结', '按期办结', '提前办结', '超期办结', '按期办结率', '提前办结率'];

export const viewOperations: Record<string, Operation> = {
  listWindows: async (request, rt) => {
    const date = todayAt(rt, request.now);
    const windows = await Promise.all(
      rt.county.county.windows.map(async (w) => {
        const { counts, total } = await queueOf(rt, w.id, date);
        return { ...w, open: total, counts };
      }),
    );
    return { statusCode: 200, body: windows };
  },

  getWindowQueue: async (request, rt) => {
    const { id } = request.params as z.infer<typeof s.WindowParams>;
    if (!rt.county.window(id)) throw new NotFound(`no window ${id}`);
    assertPlace(request.caller, { windowId: id }, `window ${id}’s queue`);
    const date = todayAt(rt, request.now);
    const { entries, counts, total } = await queueOf(rt, id, date);
    return {
      statusCode: 200,
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

  getStatsSummary: async (request, rt) => {
    const query = request.query as z.infer<typeof s.StatsQuery>;
    const filter = checkFilter(rt, query);
    const [rows, calendar, satisfaction, queue] = await Promise.all([statsRows(rt, query.from, query.to), rt.calendars.calendar(), satisfactionOf(rt, request, query.from, query.to, filter), queueRows(rt, query.from, query.to)]);
    const summary = {
      ...summarize(rows, rt.county, calendar, query.from, query.to, filter),
      // The seed report's satisfaction line: callbacks, SMS reviews, satisfaction rate.
      queue: (({ byWindow: _w, byCategory: _c, byDay: _d, ...totals }) => totals)(summarizeQueue(queue, { windowId: filter.windowId })),
      satisfaction: {
        reviews: satisfaction.reviews,
        badReviews: satisfaction.badReviews,
        satisfactionRate: satisfaction.satisfactionRate,
        callbackAttempts: satisfaction.callbackAttempts,
        validCallbacks: satisfaction.validCallbacks,
        smsReviews: satisfaction.smsReviews,
      },
    };
    if (query.format === 'json') return { statusCode: 200, body: summary };
    const departmentName = (id: string) => rt.county.county.departments.find((d) => d.id === id)?.name ?? id;
    const line = (id: string, name: string, department: string, f: typeof summary) => [id, name, department, f.submitted, f.accepted, f.rejected, f.completed, f.onTime, f.early, f.late, percent(f.onTimeRate), percent(f.earlyRate)];
    const csv = toCsv(summaryCsvHeader, [
      ...summary.windows.map((w) => line(w.windowId, w.name, departmentName(w.departmentId), { ...summary, ...w })),
      line('', '合计', '', summary),
    ]);
    return csvResult(`banjian-${rt.county.county.key}-${query.from}-${query.to}.csv`, csv);
  },

  getStatsDaily: async (request, rt) => {
    const query = request.query as z.infer<typeof s.DailyQuery>;
    const filter = checkFilter(rt, query);
    const [rows, calendar] = await Promise.all([statsRows(rt, query.from, query.to), rt.calendars.calendar()]);
    return { statusCode: 200, body: dailySeries(rows, rt.county, calendar, query.from, query.to, filter) };
  },

  listDeadLetters: async (_request, rt) => ({ statusCode: 200, body: await listDeadLetters(rt.views) }),
};
