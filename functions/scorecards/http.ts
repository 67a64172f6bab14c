import * as z from 'zod/mini';
import { NotFound } from '../../domain/errors.ts';
import { archiveDeductions, caseDeductions, scorecardPartition, videoCheckDeductions } from '../../domain/projections/supervision.ts';
import { deductionKinds, scorecards, type MonthFigures } from '../../domain/scorecard/scorecard.ts';
import { daysOf } from '../archive-checks/http.ts';
import { toCsv } from '../http/csv.ts';
import { csv, defineRoute } from '../http/route.ts';
import { Id, Month, MonthParams, named } from '../http/schemas.ts';
import { satisfactionRows } from '../reviews/rates.ts';
import { checkedWindows } from '../rosters/rosters.ts';
import type { Runtime } from '../runtime.ts';
import { statsRows } from '../views/stats.ts';

/** Window scorecards (绩效考核): the month's score, rank and tier of each window, every deduction linked to its event. */

const Scorecards = named('Scorecards', z.object({
  month: Month,
  windows: z.array(
    z.object({
      windowId: z.string(),
      name: z.string(),
      score: z.number(),
      rank: z.int(),
      tier: z.string(),
      tierPoints: z.number(),
      deducted: z.number(),
      bonus: z.number(),
      deductions: z.array(z.object({ kind: z.enum(deductionKinds), date: z.string(), detail: z.string(), points: z.number(), link: z.string(), ref: z.object({ stream: z.string(), version: z.int() }) })),
      bonuses: z.array(z.object({ kind: z.string(), points: z.number() })),
    }),
  ),
}));

/** Each window's completions, late ones and bad reviews of the month, from the counters. */
async function monthFigures(rt: Runtime, month: string): Promise<Map<string, MonthFigures>> {
  const [stats, satisfaction] = await Promise.all([statsRows(rt, `${month}-01`, daysOf(month).at(-1)!), satisfactionRows(rt, `${month}-01`, daysOf(month).at(-1)!)]);
  const figures = new Map<string, MonthFigures>();
  const of = (w: string) => figures.get(w) ?? (figures.set(w, { completed: 0, late: 0, badReviews: 0 }), figures.get(w)!);
  for (const r of stats) {
    of(r.windowId).completed += r.counters.completed ?? 0;
    of(r.windowId).late += r.counters.late ?? 0;
  }
  for (const r of satisfaction) of(r.windowId).badReviews += r.counters.bad ?? 0;
  return figures;
}

const kindNames = { 'video-check': '视频督查', 'archive-problem': '档案问题', 'bad-review': '差评', 'late-completion': '超期办结', 'joint-deemed-approval': '联审超时默许', 'joint-absence': '联合验收无故缺席' } as const;

export const scorecardRoutes = [
  defineRoute({
    method: 'GET',
    path: '/scorecards/{month}',
    entry: 'supervision',
    operationId: 'getScorecards',
    summary: 'The month’s window scorecards: score, rank, tier, every deduction with its event (format=csv)',
    params: MonthParams,
    query: z.strictObject({ windowId: z.optional(Id), format: z._default(z.enum(['json', 'csv']), 'json') }),
    response: { status: 200, schema: Scorecards },
    access: ['director', 'admin'],
    handle: async (request, rt) => {
      const { month } = request.params;
      const query = request.query;
      const [items, figures] = await Promise.all([rt.views.docs([videoCheckDeductions, archiveDeductions, caseDeductions], scorecardPartition(month)), monthFigures(rt, month)]);
      const all = scorecards(
        month,
        checkedWindows(rt).map((w) => ({ id: w.id, name: w.name })),
        items.map((i) => i.doc),
        figures,
        rt.county.county.supervision.scoring,
      );
      const windows = all.windows.filter((w) => query.windowId === undefined || w.windowId === query.windowId);
      if (query.windowId !== undefined && windows.length === 0) throw new NotFound(`window ${query.windowId} has no scorecard`);
      if (query.format === 'json') return { body: { month, windows } };
      return csv(
        `scorecards-${rt.county.county.key}-${month}.csv`,
        toCsv(
          ['排名', '窗口编号', '窗口名称', '得分', '扣分', '加分', '档次', '档次分', '扣分明细'],
          windows.sort((a, b) => a.rank - b.rank).map((w) => [w.rank, w.windowId, w.name, w.score, w.deducted, w.bonus, w.tier, w.tierPoints, w.deductions.map((d) => `${d.date} ${kindNames[d.kind]} ${d.detail} -${d.points}`).join('; ')]),
        ),
      );
    },
  }),
];
