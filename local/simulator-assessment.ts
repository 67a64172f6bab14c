import type { LeavePart } from '../domain/attendance/aggregate.ts';
import type { County, Staff } from '../domain/county.ts';
import { siteInspectionItems, type SiteInspectionItem } from '../domain/site-inspection/aggregate.ts';
import type { LocalDate } from '../domain/time.ts';
import type { Person, Rng, Step } from './simulator.ts';

/**
 * The assessment beyond the windows (考核) in the simulator: every window worker of the county's staff
 * file signs in and out at their window's terminal each working day (签到签退) — mostly on time, now
 * and then a few minutes late, rarely very late, a forgotten sign-out or sign-in, a stretch off post —
 * some take leave (请假, recorded by the administrator the day before or that morning), a rare one
 * stays away unexcused; the case steps at a window are made by one of its workers signed in at that
 * moment; the center inspects a township center or village point on site a few times a week (实地检查).
 * It counts what each worker's day should cost them, so the staff sheet can be checked against it.
 */

/** What the workers and inspectors did, and what the sheets should find in it. */
export interface AssessmentTally {
  /** Workers in the county's staff file, and their working days simulated. */
  workers: number;
  workerDays: number;
  signIns: number;
  signOuts: number;
  /** Sign-ins 1–10 minutes late (迟到), and more than 10 minutes late (that half day counts absent, 旷工半天). */
  lateSignIns: number;
  veryLateSignIns: number;
  /** A sign-out forgotten in the evening, a sign-in forgotten after lunch (漏签). */
  missedSignOuts: number;
  missedSignIns: number;
  /** A stretch away from the window inside a half day, signed out and back (脱岗). */
  offPost: number;
  /** Leave recorded (请假): records, and the days they cover (a half day counts ½). */
  leaveRecords: number;
  leaveDays: number;
  /** Working days a worker stayed away without leave and without a record (旷工, two absent half days each). */
  absences: number;
  /** The center's on-site inspections of grassroots sites, and the items they found wanting. */
  inspections: number;
  inspectionItemsFailed: number;
  /** Case steps (at a window or township center) made by a worker of the staff file, and those nobody on duty could take (made as before). */
  staffSteps: number;
  otherSteps: number;
  /** Completions by workers of the staff file, by month and worker (what the staff sheet's `completed` should say). */
  completions: Record<string, Record<string, number>>;
  /** Each inspection: the site, the day and the items failed. */
  inspected: { siteId: string; date: LocalDate; failed: SiteInspectionItem[] }[];
  /** Each worker's day as planned: its sign-ins and sign-outs, its leave, whether they stayed away. */
  days: WorkerDayRecord[];
}

export interface WorkerDayRecord {
  staffId: string;
  date: LocalDate;
  signIns: number;
  signOuts: number;
  leave: LeavePart | null;
  absent: boolean;
}

export const emptyAssessmentTally = (): AssessmentTally => ({
  workers: 0,
  workerDays: 0,
  signIns: 0,
  signOuts: 0,
  lateSignIns: 0,
  veryLateSignIns: 0,
  missedSignOuts: 0,
  missedSignIns: 0,
  offPost: 0,
  leaveRecords: 0,
  leaveDays: 0,
  absences: 0,
  inspections: 0,
  inspectionItemsFailed: 0,
  staffSteps: 0,
  otherSteps: 0,
  completions: {},
  inspected: [],
  days: [],
});

/** What the staff sheet's attendance deductions should count, by kind, from what the simulator did (on the days it simulated). */
export function attendanceFigures(t: AssessmentTally) {
  return {
    late: t.lateSignIns,
    'early-leave': 0,
    'missed-sign': t.missedSignOuts + t.missedSignIns,
    'absent-half-day': 2 * t.absences + t.veryLateSignIns,
    'off-post': t.offPost,
  };
}

/** The completions by workers of the staff file in a month (all months when none is given). */
export const staffCompletions = (t: AssessmentTally, month?: string) =>
  Object.entries(t.completions)
    .filter(([m]) => month === undefined || m === month)
    .reduce((sum, [, byStaff]) => sum + Object.values(byStaff).reduce((s, n) => s + n, 0), 0);

/** One worker's day as planned: what they do at the terminal, and when they are signed in (minutes of the day). */
interface WorkerDay {
  staff: Staff;
  date: LocalDate;
  leave: { part: LeavePart; reason: string; recordedBefore: boolean; minute: number } | null;
  absent: boolean;
  actions: { minute: number; kind: 'in' | 'out' }[];
  onDuty: [number, number][];
}

const LEAVE_REASONS = ['事假，已经窗口主任批准', '病假，附就诊证明', '参加县里业务培训', '年休假', '子女入学家长会，事假半天'];
const INSPECTION_NOTES: Record<SiteInspectionItem, string> = {
  signage: '标识标牌缺失或陈旧',
  hoursKept: '未按公示时间开放',
  staffPresent: '检查时工作人员不在岗',
  agentOnDuty: '代办员未在岗',
  catalogueDisplayed: '事项目录未公开张贴',
  ratingDeviceInUse: '评价器未开启使用',
};
/** How often each item is found wanting: most sites keep most of them. */
const ITEM_FAILS: Record<SiteInspectionItem, number> = { signage: 0.05, hoursKept: 0.05, staffPresent: 0.08, agentOnDuty: 0.1, catalogueDisplayed: 0.06, ratingDeviceInUse: 0.1 };

const OPENS = 8 * 60 + 30;
const LUNCH = 12 * 60;
const AFTER_LUNCH = 13 * 60 + 30;
const CLOSES = 17 * 60;

export interface AssessmentContext {
  county: County;
  seed: number;
  days: readonly LocalDate[];
  tally: AssessmentTally;
  rngFor: (key: string, index: number) => Rng;
  at: (date: LocalDate, minutes: number) => string;
  post: (path: string, body: unknown, instant: string, key?: string, as?: Person) => Promise<Record<string, unknown>>;
  /** 1 = the rates above (a few lates a day over 48 workers, an item found wanting in one inspection of three); tests raise it to see every kind in a few days. */
  anomalies: number;
}

export interface AssessmentWork {
  /** A window's worker signed in at an instant, by a stable key (the same case stays with the same worker while they are there); none when nobody is. */
  onDuty: (windowId: string, instant: string, key: string) => Staff | undefined;
  /** The person a worker acts as: a clerk of their window (a township worker also of their site). */
  personOf: (staff: Staff) => Extract<Person, { role: 'clerk' }>;
  /** The day's terminal work, each step with its worker: the leave and sign-ins run at the start of their hour, the sign-outs at its end; the inspection among the cases. */
  day: (date: LocalDate) => { starts: TerminalStep[]; ends: TerminalStep[]; chains: Step[][] };
}

/** A step at the terminal (or the leave) of one worker: one worker's steps of an hour run in order. */
export type TerminalStep = Step & { staffId: string };

/** The workers' days and the inspections over the period. */
export function assessmentWork(ctx: AssessmentContext): AssessmentWork {
  const { county, tally, at, post } = ctx;
  const staff = county.staff;
  const windows = new Map(county.windows.map((w) => [w.id, w]));
  const sites = new Map(county.sites.map((s) => [s.id, s]));
  const byWindow = new Map<string, Staff[]>();
  for (const p of staff) byWindow.set(p.windowId, [...(byWindow.get(p.windowId) ?? []), p]);
  tally.workers = staff.length;
  const k = ctx.anomalies;
  const first = ctx.days[0];
  const simulated = new Set(ctx.days);
  const nextDay = new Map(ctx.days.slice(0, -1).map((d, i) => [d, ctx.days[i + 1]!]));

  const plans = new Map<LocalDate, Map<string, WorkerDay>>();
  /** A worker's day, drawn from a generator of its own (so a day can be planned the day before, for leave asked for then). */
  function planOf(p: Staff, index: number, date: LocalDate): WorkerDay {
    const r = ctx.rngFor(`${date}#attendance`, index);
    // At most one of these a day: unexcused absence 0.3%, leave 1%, off post 0.5%, a forgotten sign-out 0.5%, a forgotten sign-in after lunch 0.2%.
    const special = r.weighted<'absent' | 'leave' | 'off-post' | 'missed-out' | 'missed-in' | 'none'>([
      ['absent', 0.003 * k],
      ['leave', 0.01 * k],
      ['off-post', 0.005 * k],
      ['missed-out', 0.005 * k],
      ['missed-in', 0.002 * k],
      ['none', Math.max(0, 1 - 0.025 * k)],
    ]);
    const absent = special === 'absent';
    const [leaves, offPost, missedOut, missedIn] = [special === 'leave', special === 'off-post', special === 'missed-out', special === 'missed-in'];
    const part = leaves ? r.weighted<LeavePart>([['day', 0.5], ['morning', 0.25], ['afternoon', 0.25]]) : null;
    const leave = part === null ? null : { part, reason: r.pick(LEAVE_REASONS), recordedBefore: date !== first && r.chance(0.6), minute: 0 };
    if (leave) leave.minute = leave.recordedBefore ? r.int(16 * 60, 16 * 60 + 50) : r.int(7 * 60 + 40, 8 * 60 + 5);
    // A sign-in at the start of a half day: mostly in the twenty (after lunch fifteen) minutes before, a few up to ten minutes late, rarely more.
    const signIn = (starts: number, early: number) => {
      const late = r.next();
      return late < 0.005 * k ? starts + r.int(11, 50) : late < 0.045 * k ? starts + r.int(1, 10) : starts - r.int(0, early);
    };
    const actions: WorkerDay['actions'] = [];
    const onDuty: [number, number][] = [];
    const morning = !absent && part !== 'day' && part !== 'morning';
    const afternoon = !absent && part !== 'day' && part !== 'afternoon';
    if (morning) {
      const from = signIn(OPENS, 20);
      actions.push({ minute: from, kind: 'in' });
      const lunch = LUNCH + r.int(0, 10);
      if (offPost) {
        // Away late in the morning, back the next hour (the simulator runs the day an hour at a time: sign-outs at the end of theirs).
        const away = 10 * 60 + 40 + r.int(0, 10);
        const back = 11 * 60 + r.int(5, 25);
        actions.push({ minute: away, kind: 'out' }, { minute: back, kind: 'in' });
        onDuty.push([from, away], [back, lunch]);
      } else onDuty.push([from, lunch]);
      actions.push({ minute: lunch, kind: 'out' });
    }
    if (afternoon) {
      const from = missedIn ? null : signIn(AFTER_LUNCH, 15);
      const leaves = CLOSES + r.int(0, 15);
      if (from !== null) {
        actions.push({ minute: from, kind: 'in' });
        onDuty.push([from, leaves]);
      }
      if (!missedOut) actions.push({ minute: leaves, kind: 'out' });
    }
    return { staff: p, date, leave, absent, actions, onDuty };
  }
  const planFor = (date: LocalDate) => {
    if (!plans.has(date)) plans.set(date, new Map(staff.map((p, i) => [p.id, planOf(p, i, date)])));
    return plans.get(date)!;
  };

  /** What a planned day should cost, counted as it is done. */
  function count(plan: WorkerDay) {
    tally.workerDays++;
    if (plan.absent) tally.absences++;
    if (plan.leave) {
      tally.leaveRecords++;
      tally.leaveDays += plan.leave.part === 'day' ? 1 : 0.5;
    }
    const ins = plan.actions.filter((a) => a.kind === 'in');
    for (const a of ins) {
      const starts = a.minute < LUNCH ? OPENS : AFTER_LUNCH;
      // The off-post return is no half day's start.
      if (ins.indexOf(a) > 0 && a.minute < LUNCH) continue;
      const late = a.minute - starts;
      if (late > 10) tally.veryLateSignIns++;
      else if (late > 0) tally.lateSignIns++;
    }
    const outs = plan.actions.filter((a) => a.kind === 'out');
    const worksAfternoon = !plan.absent && plan.leave?.part !== 'day' && plan.leave?.part !== 'afternoon';
    if (worksAfternoon && !outs.some((a) => a.minute >= CLOSES)) tally.missedSignOuts++;
    if (worksAfternoon && !ins.some((a) => a.minute > LUNCH)) tally.missedSignIns++;
    if (ins.filter((a) => a.minute < LUNCH).length > 1) tally.offPost++;
    tally.days.push({ staffId: plan.staff.id, date: plan.date, signIns: ins.length, signOuts: outs.length, leave: plan.leave?.part ?? null, absent: plan.absent });
  }

  const personOf = (p: Staff): Extract<Person, { role: 'clerk' }> => {
    const window = windows.get(p.windowId);
    const site = window ? sites.get(window.siteId) : undefined;
    // A township center's worker acts on the applications taken at their center too (bound to the site as well).
    return { role: 'clerk', windowId: p.windowId, user: p.id, name: p.name, badgeNo: p.badgeNo, ...(site && site.level !== 'county' ? { siteId: site.id } : {}) };
  };
  const director = (r: Rng): Person | undefined => {
    const directors = county.supervision.directors;
    if (directors.length === 0 || !r.chance(0.5)) return undefined;
    const d = r.pick(directors);
    return { role: 'director', user: d.id, name: d.name };
  };

  const terminal = (plan: WorkerDay, a: WorkerDay['actions'][number]): TerminalStep => {
    const instant = at(plan.date, a.minute);
    return {
      staffId: plan.staff.id,
      at: instant,
      run: async () => {
        const path = `/windows/${plan.staff.windowId}/${a.kind === 'in' ? 'sign-in' : 'sign-out'}`;
        await post(path, {}, instant, `sim-${ctx.seed}-${plan.staff.id}-${path}-${instant}`, personOf(plan.staff));
        if (a.kind === 'in') tally.signIns++;
        else tally.signOuts++;
      },
    };
  };
  const leaveStep = (plan: WorkerDay, recordedOn: LocalDate): TerminalStep => {
    const { part, reason, minute } = plan.leave!;
    const instant = at(recordedOn, minute);
    return { staffId: plan.staff.id, at: instant, run: async () => void (await post(`/staff/${plan.staff.id}/leave`, { date: plan.date, part, reason }, instant, `sim-${ctx.seed}-leave-${plan.staff.id}-${plan.date}`)) };
  };

  /** An inspection of a grassroots site by an administrator or a window director on two to four days a week. */
  function inspection(date: LocalDate): Step[][] {
    const r = ctx.rngFor(`${date}#site-inspection`, 0);
    const grassroots = county.sites.filter((s) => s.level === 'township' || s.level === 'village');
    if (grassroots.length === 0 || !r.chance(0.6)) return [];
    const site = r.pick(grassroots);
    const items = Object.fromEntries(siteInspectionItems.map((item) => [item, !r.chance(Math.min(0.5, ITEM_FAILS[item] * k))])) as Record<SiteInspectionItem, boolean>;
    const failed = siteInspectionItems.filter((item) => !items[item]);
    const note = failed.length === 0 ? (r.chance(0.3) ? '各项检查合格，群众反映良好' : undefined) : `${failed.map((i) => INSPECTION_NOTES[i]).join('；')}，已当场要求整改`;
    const instant = at(date, r.int(9 * 60 + 30, 15 * 60 + 30));
    const by = director(r);
    return [
      [
        {
          at: instant,
          run: async () => {
            await post('/site-inspections', { siteId: site.id, date, items, ...(note === undefined ? {} : { note }) }, instant, `sim-${ctx.seed}-inspection-${site.id}-${date}`, by);
            tally.inspections++;
            tally.inspectionItemsFailed += failed.length;
            tally.inspected.push({ siteId: site.id, date, failed });
          },
        },
      ],
    ];
  }

  return {
    personOf,
    onDuty(windowId, instant, key) {
      const workers = byWindow.get(windowId);
      if (!workers || workers.length === 0) return undefined;
      const local = new Date(Date.parse(instant) + 8 * 3600_000).toISOString();
      const date = local.slice(0, 10);
      if (!simulated.has(date)) return undefined;
      const minute = Number(local.slice(11, 13)) * 60 + Number(local.slice(14, 16));
      const plans = planFor(date);
      let h = ctx.seed >>> 0;
      for (const ch of key) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
      // The case's own worker when they are there, else the next one of the window who is.
      for (let i = 0; i < workers.length; i++) {
        const p = workers[(h + i) % workers.length]!;
        if (plans.get(p.id)!.onDuty.some(([from, to]) => from <= minute && minute < to)) return p;
      }
      return undefined;
    },
    day(date) {
      const today = planFor(date);
      const starts: TerminalStep[] = [];
      const ends: TerminalStep[] = [];
      for (const plan of today.values()) {
        count(plan);
        if (plan.leave && !plan.leave.recordedBefore) starts.push(leaveStep(plan, date));
        for (const a of plan.actions) (a.kind === 'in' ? starts : ends).push(terminal(plan, a));
      }
      // Leave asked for tomorrow is recorded this afternoon.
      const tomorrow = nextDay.get(date);
      if (tomorrow !== undefined && simulated.has(tomorrow)) for (const plan of planFor(tomorrow).values()) if (plan.leave?.recordedBefore) starts.push(leaveStep(plan, date));
      return { starts, ends, chains: inspection(date) };
    },
  };
}

type Deductions = { deductions: { kind: string; date: string }[] };
type Ranked = Deductions & { rank: number; name: string; score: number };
interface DepartmentSheet { departments: (Ranked & { departmentId: string; tier: string; deducted: number; bonus: number; completed: number })[] }
interface SiteSheet { sites: (Ranked & { siteId: string; tier: string; deducted: number; bonus: number; submitted: number; inspections: number })[] }
interface StaffSheet { daysKept: string[]; allowanceTotal: number; staff: (Ranked & { staffId: string; windowId: string; band: string; allowance: number; completed: number })[] }

const kindsOf = (rows: readonly Deductions[], dated: (date: string) => boolean = () => true) => {
  const counts = new Map<string, number>();
  for (const row of rows) for (const d of row.deductions) if (dated(d.date)) counts.set(d.kind, (counts.get(d.kind) ?? 0) + 1);
  return counts;
};
const sum = (values: readonly number[]) => values.reduce((s, v) => s + v, 0);

/** The months a period touches (`YYYY-MM`). */
export function monthsOf(from: LocalDate, to: LocalDate): string[] {
  const months: string[] = [];
  for (let m = from.slice(0, 7); m <= to.slice(0, 7); ) {
    months.push(m);
    const [y, n] = m.split('-').map(Number) as [number, number];
    m = n === 12 ? `${y + 1}-01` : `${y}-${String(n + 1).padStart(2, '0')}`;
  }
  return months;
}

/**
 * After a run: the month's three assessment sheets as the administrator reads them the morning after the
 * last simulated day (each sheet's top and bottom three, its deductions by kind, the allowances), the
 * simulator's own count of what the workers did at the terminal beside the staff sheet's, and the commands
 * that fetch the sheets as CSV.
 */
export async function printAssessment(o: { url: string; token: string; tally: { from: LocalDate; to: LocalDate; assessment: AssessmentTally }; county: string; data?: string | undefined; log: (line: string) => void }) {
  const t = o.tally.assessment;
  const months = monthsOf(o.tally.from, o.tally.to);
  const [y, m, d] = o.tally.to.split('-').map(Number) as [number, number, number];
  const morning = new Date(Date.UTC(y, m - 1, d + 1)).toISOString().slice(0, 10);
  const clock = `${morning}T08:00:00+08:00`;
  const get = async <T>(path: string): Promise<T> => {
    const response = await fetch(`${o.url}${path}`, { headers: { authorization: `Bearer ${o.token}`, 'x-dev-clock': clock } });
    if (!response.ok) throw new Error(`GET ${path} → ${response.status}: ${await response.text()}`);
    return (await response.json()) as T;
  };
  const expected = attendanceFigures(t);
  const attendanceKinds = Object.keys(expected) as (keyof typeof expected)[];
  // The simulated days' deductions (a month's sheet has the days an earlier run against the same server simulated too).
  const simulated = (date: string) => date >= o.tally.from && date <= o.tally.to;
  // The projector may still be folding the last evening's sign-outs: read until the staff sheets hold what was done (ten seconds at most).
  let staff: StaffSheet[] = [];
  for (let attempt = 0; attempt < 40; attempt++) {
    staff = await Promise.all(months.map((month) => get<StaffSheet>(`/staff-scores/${month}`)));
    const kinds = kindsOf(staff.flatMap((s) => s.staff), simulated);
    const settled = attendanceKinds.every((k) => (kinds.get(k) ?? 0) === expected[k]) && sum(staff.flatMap((s) => s.staff.map((r) => r.completed))) === staffCompletions(t);
    if (settled) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const departments = await Promise.all(months.map((month) => get<DepartmentSheet>(`/scorecards/${month}/departments`)));
  const sites = await Promise.all(months.map((month) => get<SiteSheet>(`/scorecards/${month}/sites`)));
  const villages = await Promise.all(months.map((month) => get<SiteSheet>(`/scorecards/${month}/sites?level=village`)));
  const inspections = (await Promise.all(months.map((month) => get<{ inspections: { date: string; failed: string[] }[] }>(`/site-inspections/${month}`)))).flatMap((i) => i.inspections).filter((i) => simulated(i.date));

  const ends = <T>(rows: readonly T[]) => (rows.length <= 6 ? rows : [...rows.slice(0, 3), undefined, ...rows.slice(-3)]);
  const show = <T>(rows: readonly T[], line: (row: T) => string) => {
    for (const row of ends(rows)) o.log(row === undefined ? '    …' : `    ${line(row)}`);
  };
  const kinds = (rows: readonly Deductions[]) => {
    const counts = [...kindsOf(rows)].sort((a, b) => b[1] - a[1]);
    return counts.length === 0 ? 'none' : counts.map(([k, n]) => `${k} ${n}`).join(', ');
  };
  const num = (n: number) => String(n).padStart(6);
  for (const [i, month] of months.entries()) {
    const dep = departments[i]!.departments;
    o.log(`\nGET /scorecards/${month}/departments (部门考核, as of ${clock}): ${dep.length} departments`);
    show(dep, (r) => `${String(r.rank).padStart(2)}  ${r.departmentId.padEnd(8)} ${r.name.padEnd(14, '　')} ${num(r.score)}  ${r.tier}  (−${r.deducted} +${r.bonus}; ${r.completed} completed)`);
    o.log(`  deductions: ${kinds(dep)}`);
    const site = sites[i]!.sites;
    o.log(`\nGET /scorecards/${month}/sites (乡镇便民服务中心考核, villages rolled up): ${site.length} township centers`);
    show(site, (r) => `${String(r.rank).padStart(2)}  ${r.siteId.padEnd(8)} ${r.name.padEnd(12, '　')} ${num(r.score)}  ${r.tier}  (−${r.deducted} +${r.bonus}; ${r.submitted} applications, ${r.inspections} inspections)`);
    o.log(`  deductions: ${kinds(site)}; village points alone (?level=village): ${kinds(villages[i]!.sites)}`);
    const s = staff[i]!;
    o.log(`\nGET /staff-scores/${month} (个人考核与津补贴): ${s.staff.length} workers, ${s.daysKept.length} days kept (${s.daysKept[0] ?? '–'} … ${s.daysKept.at(-1) ?? '–'})`);
    show(s.staff, (r) => `${String(r.rank).padStart(2)}  ${r.staffId.padEnd(13)} ${r.name.padEnd(3, '　')} ${r.windowId.padEnd(6)} ${num(r.score)}  ${r.band}  ${String(r.allowance).padStart(2)} 元  (${r.completed} completed, ${r.deductions.length} deductions)`);
    o.log(`  deductions: ${kinds(s.staff)}`);
    o.log(`  allowances (津补贴): ${s.allowanceTotal} 元 in all; by band: ${[...s.staff.reduce((m, r) => m.set(r.band, (m.get(r.band) ?? 0) + 1), new Map<string, number>())].map(([b, n]) => `${b} ${n}`).join(', ')}`);
  }

  const staffKinds = kindsOf(staff.flatMap((s) => s.staff), simulated);
  const siteKinds = kindsOf(sites.flatMap((s) => s.sites), simulated);
  o.log(`\nThe workers' days at the terminal (${t.workers} workers, ${t.workerDays} worker-days; ${t.signIns} sign-ins, ${t.signOuts} sign-outs) beside the sheets' deductions dated ${o.tally.from} … ${o.tally.to}:`);
  const row = (label: string, mine: number, reported: number) => o.log(`  ${label.padEnd(34)} simulator ${String(mine).padStart(6)}   sheet ${String(reported).padStart(6)}   ${mine === reported ? 'equal' : 'DIFFERENT'}`);
  row(`late 1–10 min (迟到, late)`, expected.late, staffKinds.get('late') ?? 0);
  row(`missed signs (漏签, missed-sign)`, expected['missed-sign'], staffKinds.get('missed-sign') ?? 0);
  row(`absent half days (旷工半天)`, expected['absent-half-day'], staffKinds.get('absent-half-day') ?? 0);
  row(`off post (脱岗, off-post)`, expected['off-post'], staffKinds.get('off-post') ?? 0);
  row(`early leave (早退, early-leave)`, expected['early-leave'], staffKinds.get('early-leave') ?? 0);
  row(`completions by workers`, staffCompletions(t), sum(staff.flatMap((s) => s.staff.map((r) => r.completed))));
  row(`site inspections (实地检查)`, t.inspections, inspections.length);
  row(`inspection items failed`, t.inspectionItemsFailed, siteKinds.get('inspection') ?? 0);
  if (staff.some((s) => s.daysKept.some((d) => !simulated(d)))) o.log('  (the sheets count the whole month: completions on days an earlier run simulated count too)');
  o.log(
    `  the simulator: ${t.lateSignIns} sign-ins 1–10 minutes late and ${t.veryLateSignIns} later (a half day absent each), ${t.missedSignOuts} sign-outs and ${t.missedSignIns} sign-ins forgotten, ${t.offPost} stretches off post, ${t.absences} days away without leave (two half days each), ${t.leaveRecords} leave records (${t.leaveDays} days, no deduction); ${t.inspections} inspections found ${t.inspectionItemsFailed} items wanting; ${t.staffSteps} case steps made by workers signed in, ${t.otherSteps} with nobody of the window signed in (made by the window's account or the administrator as before)`,
  );

  const token = ['npm run -s token -- --role admin', ...(o.county === 'sanmen' ? [] : [`--county ${o.county}`]), ...(o.data ? [`--data ${o.data}`] : [])].join(' ');
  o.log(`\nThe sheets as CSV (the dev clock sets "today" after the last simulated day: the staff sheet counts the days that are over):`);
  o.log(`  TOKEN=$(${token})`);
  const curl = (path: string, file: string) => o.log(`  curl -s -H "Authorization: Bearer $TOKEN" -H "X-Dev-Clock: ${clock}" "${o.url}${path}" -o ${file}`);
  for (const month of months) {
    curl(`/scorecards/${month}/departments?format=csv`, `部门考核-${month}.csv`);
    curl(`/scorecards/${month}/sites?format=csv`, `乡镇便民服务中心考核-${month}.csv`);
    curl(`/scorecards/${month}/sites?level=village&format=csv`, `村级代办点考核-${month}.csv`);
    curl(`/staff-scores/${month}?format=csv`, `个人考核-${month}.csv`);
  }
}
