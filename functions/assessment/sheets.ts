import * as z from 'zod/mini';
import { departmentDeductionKinds, departmentScorecards } from '../../domain/assessment/departments.ts';
import { siteDeductionKinds, siteScorecards, type SiteFigures } from '../../domain/assessment/sites.ts';
import { staffDeductionKinds, staffScores } from '../../domain/assessment/staff.ts';
import type { AttendanceState } from '../../domain/attendance/aggregate.ts';
import { NotFound } from '../../domain/errors.ts';
import { attendancePartition, attendanceView, caseAssessmentFacts, siteInspectionFacts, staffStatsPartition, type AssessmentFact } from '../../domain/projections/assessment.ts';
import { archiveDeductions, caseDeductions, scorecardPartition, videoCheckDeductions } from '../../domain/projections/supervision.ts';
import type { Deduction } from '../../domain/scorecard/scorecard.ts';
import { localTimeOf } from '../../domain/time.ts';
import { deductionKindNames, detailText } from '../../client/assessment-words.ts';
import { daysOf } from '../archive-checks/http.ts';
import { Forbidden } from '../auth/access.ts';
import { percent, toCsv } from '../http/csv.ts';
import { csv, defineRoute } from '../http/route.ts';
import { Id, Month, MonthParams, named } from '../http/schemas.ts';
import { countersOf } from '../projections/view-store.ts';
import { satisfactionRows } from '../reviews/rates.ts';
import { todayAt, type Runtime } from '../runtime.ts';
import { statsRows } from '../views/stats.ts';
import { attendanceRules, directorWindow, mayRead } from './attendance.ts';

/**
 * The assessments beyond the windows (考核), each a monthly sheet from recorded facts with every
 * deduction linked to its event: departments (部门考核), township centers (乡镇便民服务中心考核), and
 * each window worker with their allowance (个人考核与津补贴).
 */

const ENTRY = 'assessment';
const Format = z._default(z.enum(['json', 'csv']), 'json');
const Ref = z.object({ stream: z.string(), version: z.int() });
const deductionOf = <K extends readonly [string, ...string[]]>(kinds: K) => z.object({ kind: z.enum(kinds), date: z.string(), detail: z.string(), points: z.number(), link: z.string(), ref: Ref });
const Rate = z.nullable(z.number());
/** A department's or a site's score, rank, points off and on, and tier. */
const banded = { score: z.number(), rank: z.int(), deducted: z.number(), bonus: z.number(), tier: z.string(), tierPoints: z.number() };

/** The assessment facts' kinds: everything else in the month's scorecard partition is a window's deduction. */
const factKinds: ReadonlySet<string> = new Set<AssessmentFact['kind']>(['forwarding', 'wrong-number', 'rectification', 'site-inspection']);

/** The month's window deductions and the other facts, in one read of the month's scorecard partition. */
async function monthFacts(rt: Runtime, month: string): Promise<{ deductions: Deduction[]; facts: AssessmentFact[] }> {
  const items = await rt.views.docs<Deduction | AssessmentFact>([videoCheckDeductions, archiveDeductions, caseDeductions, caseAssessmentFacts, siteInspectionFacts], scorecardPartition(month));
  const docs = items.map((i) => i.doc);
  return { deductions: docs.filter((d): d is Deduction => !factKinds.has(d.kind)), facts: docs.filter((d): d is AssessmentFact => factKinds.has(d.kind)) };
}

const factsOf = <K extends AssessmentFact['kind']>(facts: readonly AssessmentFact[], kind: K) => facts.filter((f): f is Extract<AssessmentFact, { kind: K }> => f.kind === kind);

const listed = (deductions: readonly { date: string; kind: keyof typeof deductionKindNames; detail: string; points: number }[]) => deductions.map((d) => `${d.date} ${deductionKindNames[d.kind]} ${detailText(d.kind, d.detail)} -${d.points}`).join('; ');

const Departments = named('DepartmentScorecards', z.object({
  month: Month,
  departments: z.array(z.object({
    departmentId: z.string(),
    name: z.string(),
    windowIds: z.array(z.string()),
    items: z.int(),
    statutoryDays: z.int(),
    committedDays: z.int(),
    shorteningRate: Rate,
    completed: z.int(),
    onTime: z.int(),
    onTimeRate: Rate,
    rectificationsDue: z.int(),
    rectifiedOnTime: z.int(),
    rectificationRate: Rate,
    ...banded,
    deductions: z.array(deductionOf(departmentDeductionKinds)),
  })),
}));

const Sites = named('SiteScorecards', z.object({
  month: Month,
  level: z.enum(['township', 'village']),
  sites: z.array(z.object({
    siteId: z.string(),
    name: z.string(),
    sites: z.array(z.string()),
    submitted: z.int(),
    forwarded: z.int(),
    forwardedOnTime: z.int(),
    forwardingRate: Rate,
    reviews: z.int(),
    badReviews: z.int(),
    satisfactionRate: Rate,
    callbackAttempts: z.int(),
    validCallbacks: z.int(),
    callbackReach: Rate,
    inspections: z.int(),
    ...banded,
    deductions: z.array(deductionOf(siteDeductionKinds)),
  })),
}));

const StaffScores = named('StaffScores', z.object({
  month: Month,
  daysKept: z.array(z.string()),
  allowanceTotal: z.number(),
  staff: z.array(z.object({
    staffId: z.string(),
    name: z.string(),
    badgeNo: z.string(),
    windowId: z.string(),
    completed: z.int(),
    onTime: z.int(),
    onTimeRate: Rate,
    badReviews: z.int(),
    daysKept: z.int(),
    score: z.number(),
    rank: z.int(),
    deducted: z.number(),
    band: z.string(),
    allowance: z.number(),
    deductions: z.array(deductionOf(staffDeductionKinds)),
  })),
}));

/** Each window's completions of the month, from the counters. */
async function windowFigures(rt: Runtime, month: string) {
  const figures = new Map<string, { completed: number; onTime: number; late: number }>();
  for (const r of await statsRows(rt, `${month}-01`, daysOf(month).at(-1)!)) {
    const f = figures.get(r.windowId) ?? { completed: 0, onTime: 0, late: 0 };
    figures.set(r.windowId, { completed: f.completed + (r.counters.completed ?? 0), onTime: f.onTime + (r.counters.onTime ?? 0), late: f.late + (r.counters.late ?? 0) });
  }
  return figures;
}

/** Each receiving site's applications, reviews and callbacks of the month, from the counters. */
async function siteFigures(rt: Runtime, month: string): Promise<Map<string, SiteFigures>> {
  const [stats, satisfaction] = await Promise.all([statsRows(rt, `${month}-01`, daysOf(month).at(-1)!), satisfactionRows(rt, `${month}-01`, daysOf(month).at(-1)!)]);
  const figures = new Map<string, SiteFigures>();
  const of = (site: string) => figures.get(site) ?? (figures.set(site, { submitted: 0, reviews: 0, bad: 0, callbackAttempts: 0, validCallbacks: 0 }), figures.get(site)!);
  for (const r of stats) of(r.siteId).submitted += r.counters.submitted ?? 0;
  for (const r of satisfaction) {
    const f = of(r.siteId);
    f.reviews += r.counters.reviews ?? 0;
    f.bad += r.counters.bad ?? 0;
    f.callbackAttempts += r.counters.callbackAttempts ?? 0;
    f.validCallbacks += r.counters.validCallbacks ?? 0;
  }
  return figures;
}

const rate = (r: number | null) => (r === null ? '' : percent(r));

export const assessmentSheetRoutes = [
  defineRoute({
    method: 'GET',
    path: '/scorecards/{month}/departments',
    entry: ENTRY,
    operationId: 'getDepartmentScorecards',
    summary: 'The month’s department scorecards (部门考核): time limits shortened, on-time rate, joint approval, rectifications, archive problems; every deduction with its event (format=csv)',
    params: MonthParams,
    query: z.strictObject({ format: Format }),
    response: { status: 200, schema: Departments },
    access: ['director', 'admin'],
    handle: async (request, rt) => {
      const { month } = request.params;
      const [{ deductions, facts }, figures] = await Promise.all([monthFacts(rt, month), windowFigures(rt, month)]);
      const sheet = departmentScorecards({ month, county: rt.county.county, deductions, rectifications: factsOf(facts, 'rectification'), figures, today: todayAt(rt, request.now), rules: rt.county.county.assessment.departments });
      if (request.query.format === 'json') return { body: sheet };
      return csv(
        `department-scorecards-${rt.county.county.key}-${month}.csv`,
        toCsv(
          ['排名', '部门编号', '部门名称', '得分', '扣分', '加分', '档次', '档次分', '承诺时限压缩率', '办结数', '按期办结率', '到期整改数', '按期整改率', '扣分明细'],
          sheet.departments.map((d) => [d.rank, d.departmentId, d.name, d.score, d.deducted, d.bonus, d.tier, d.tierPoints, rate(d.shorteningRate), d.completed, rate(d.onTimeRate), d.rectificationsDue, rate(d.rectificationRate), listed(d.deductions)]),
        ),
      );
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/scorecards/{month}/sites',
    entry: ENTRY,
    operationId: 'getSiteScorecards',
    summary: 'The month’s township center scorecards (乡镇便民服务中心考核), villages rolled up, or each village point (level=village): applications, forwarding, satisfaction, callback reach, inspections (format=csv)',
    params: MonthParams,
    query: z.strictObject({ level: z._default(z.enum(['township', 'village']), 'township'), format: Format }),
    response: { status: 200, schema: Sites },
    access: ['director', 'admin'],
    handle: async (request, rt) => {
      const { month } = request.params;
      const [{ deductions, facts }, figures, calendar] = await Promise.all([monthFacts(rt, month), siteFigures(rt, month), rt.calendars.calendar()]);
      const sheet = siteScorecards({
        month,
        level: request.query.level,
        county: rt.county.county,
        deductions,
        forwards: factsOf(facts, 'forwarding'),
        wrongNumbers: factsOf(facts, 'wrong-number'),
        inspections: factsOf(facts, 'site-inspection'),
        figures,
        workingDaysBetween: (a, b) => calendar.workingDaysBetween(a, b),
        rules: rt.county.county.assessment.sites,
      });
      if (request.query.format === 'json') return { body: sheet };
      return csv(
        `site-scorecards-${rt.county.county.key}-${month}-${request.query.level}.csv`,
        toCsv(
          ['排名', '站点编号', '站点名称', '得分', '扣分', '加分', '档次', '档次分', '收件数', '上报件数', '按时上报率', '评价数', '差评数', '满意率', '回访次数', '有效回访', '回访接通率', '实地检查次数', '扣分明细'],
          sheet.sites.map((s) => [s.rank, s.siteId, s.name, s.score, s.deducted, s.bonus, s.tier, s.tierPoints, s.submitted, s.forwarded, rate(s.forwardingRate), s.reviews, s.badReviews, rate(s.satisfactionRate), s.callbackAttempts, s.validCallbacks, rate(s.callbackReach), s.inspections, listed(s.deductions)]),
        ),
      );
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/staff-scores/{month}',
    entry: ENTRY,
    operationId: 'getStaffScores',
    summary: 'Each window worker’s month (个人考核): score, deductions with their events, band and allowance (津补贴) — a worker sees their own, a director their window’s (format=csv)',
    params: MonthParams,
    query: z.strictObject({ windowId: z.optional(Id), format: Format }),
    response: { status: 200, schema: StaffScores },
    access: ['clerk', 'director', 'admin'],
    handle: async (request, rt) => {
      const { month } = request.params;
      const { caller } = request;
      const county = rt.county.county;
      if (request.query.windowId !== undefined && !rt.county.window(request.query.windowId)) throw new NotFound(`no window ${request.query.windowId}`);
      if (caller.actor.role === 'clerk' && !county.staff.some((p) => p.id === caller.actor.id)) throw new Forbidden(`${caller.actor.id} is not in the county's staff file`);
      if (caller.actor.role === 'director' && request.query.windowId !== undefined && request.query.windowId !== directorWindow(rt, caller)) throw new Forbidden(`window ${request.query.windowId} is not yours`);
      const generation = await rt.views.generation();
      const today = todayAt(rt, request.now);
      const [{ deductions }, dayDocs, completionRows, calendar] = await Promise.all([
        monthFacts(rt, month),
        rt.views.docs(attendanceView, attendancePartition(month), { generation }),
        rt.views.partition<Record<string, unknown>>(staffStatsPartition(month), { generation }),
        rt.calendars.calendar(),
      ]);
      const days = new Map<string, AttendanceState>(dayDocs.map(({ doc }) => [`${doc.staffId}#${doc.date}`, doc]));
      const completions = new Map<string, { completed: number; onTime: number; late: number }>();
      for (const row of completionRows) {
        const staffId = String(row.sk).split('#')[0]!;
        const c = countersOf(row);
        const f = completions.get(staffId) ?? { completed: 0, onTime: 0, late: 0 };
        completions.set(staffId, { completed: f.completed + (c.completed ?? 0), onTime: f.onTime + (c.onTime ?? 0), late: f.late + (c.late ?? 0) });
      }
      const sheet = staffScores({
        month,
        staff: county.staff,
        // Today counts once it is over: the sheet of the running month runs through yesterday.
        workingDays: daysOf(month).filter((d) => d < today && calendar.isWorkingDay(d)),
        days,
        deductions,
        completions,
        timeOf: (instant) => localTimeOf(instant, county.timeZone),
        rules: county.assessment.staff,
        attendance: attendanceRules(rt),
      });
      const visible = sheet.staff.filter((s) => (request.query.windowId === undefined || s.windowId === request.query.windowId) && mayRead(rt, caller, county.staff.find((p) => p.id === s.staffId)!));
      const body = { ...sheet, allowanceTotal: visible.reduce((s, c) => s + c.allowance, 0), staff: visible };
      if (request.query.format === 'json') return { body };
      return csv(
        `staff-scores-${county.key}-${month}${request.query.windowId ? `-${request.query.windowId}` : ''}.csv`,
        toCsv(
          ['排名', '工号', '姓名', '窗口编号', '窗口名称', '办件数', '按期办结率', '差评数', '得分', '扣分', '档次', '津补贴（元）', '扣分明细'],
          [
            ...visible.map((s) => [s.rank, s.badgeNo, s.name, s.windowId, rt.county.window(s.windowId)?.name ?? '', s.completed, rate(s.onTimeRate), s.badReviews, s.score, s.deducted, s.band, s.allowance, listed(s.deductions)]),
            ['', '', '合计', '', '', '', '', '', '', '', '', body.allowanceTotal, ''],
          ],
        ),
      );
    },
  }),
];
