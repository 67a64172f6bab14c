import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countySchema } from '../../domain/county.ts';
import { minutesOf } from '../../domain/time.ts';
import { repositoryRoot } from '../../local/server.ts';
import { attendanceFigures, staffCompletions } from '../../local/simulator-assessment.ts';
import { simulate, type Tally } from '../../local/simulator.ts';
import { api, clock, settle, startStack, type Stack } from '../support/local-stack.ts';

/**
 * The simulator's assessment beyond the windows (考核) on DynamoDB Local: three working days of a small
 * county's traffic, every worker of the staff file signing in and out at their window (workers late,
 * forgetting a sign, off post, on leave and away far more often than in life, so that three days show
 * every kind), the case steps made by the workers signed in, a few site inspections — and the staff and
 * site sheets count exactly what the simulator did.
 */

type Record_ = { kind: 'in' | 'out'; windowId: string; time: string; v: number; missedSignIn?: boolean };
type Day = { date: string; records: Record_[]; leave: { part: string }[]; findings: { kind: string }[] };
type StaffRow = { staffId: string; completed: number; daysKept: number; deductions: { kind: string; ref: { stream: string } }[] };
type StoredEvent = { stream: string; type: string; meta: { at: string; actor: { id: string; role: string }; windowId?: string } };

const county = countySchema().parse(JSON.parse(readFileSync(join(repositoryRoot, 'infra/counties/sanmen.json'), 'utf8')));
const MONTH = '2026-11';
let stack: Stack;
let admin: ReturnType<typeof api>;
let tally: Tally;
let lines: string[];
let attendance: Map<string, Day[]>;
let staffSheet: { daysKept: string[]; staff: StaffRow[] };
const after = () => clock('2026-11-05', '08:00');
const simulatedDays = ['2026-11-02', '2026-11-03', '2026-11-04'];

beforeAll(async () => {
  stack = await startStack('sanmen', { projections: true });
  const token = await stack.token('admin');
  admin = api(stack.url, token);
  lines = [];
  // A dozen applications a day, nothing else but the workers' days and the inspections.
  tally = await simulate({
    url: stack.url,
    token,
    pool: stack.pool,
    county,
    from: '2026-11-02',
    days: 3,
    scale: 0.02,
    joint: false,
    satisfaction: false,
    hall: false,
    agency: false,
    market: false,
    assessment: true,
    attendanceAnomalies: 8,
    concurrency: 16,
    seed: 3,
    log: (l) => lines.push(l),
  });
  const expected = attendanceFigures(tally.assessment);
  // The views catch up with the last evening's sign-outs.
  await settle(async () => {
    staffSheet = (await admin.get<typeof staffSheet>(`/staff-scores/${MONTH}`, after())).body;
    const kinds = staffSheet.staff.flatMap((s) => s.deductions.map((d) => d.kind));
    return (Object.keys(expected) as (keyof typeof expected)[]).every((k) => kinds.filter((x) => x === k).length === expected[k]) && staffSheet.staff.reduce((s, r) => s + r.completed, 0) === staffCompletions(tally.assessment);
  });
  attendance = new Map(await Promise.all(county.staff.map(async (p) => [p.id, (await admin.get<{ days: Day[] }>(`/staff/${p.id}/attendance/${MONTH}`, after())).body.days] as const)));
}, 120_000);
afterAll(async () => stack.close());

describe('the simulator’s workers at their terminals', () => {
  it('runs three days of every worker’s sign-ins without an error', () => {
    expect(tally.errors, lines.join('\n')).toBe(0);
    expect(tally.workingDays).toBe(3);
    expect(tally.assessment.workers).toBe(county.staff.length);
    expect(tally.assessment.workerDays).toBe(3 * county.staff.length);
  });

  it('has every worker sign in each day, unless away or on leave for the day: each day’s records as the simulator made them', () => {
    const t = tally.assessment;
    expect(t.days).toHaveLength(3 * county.staff.length);
    for (const planned of t.days) {
      const day = attendance.get(planned.staffId)!.find((d) => d.date === planned.date);
      if (planned.absent) {
        // Listed without a record: the day the hall kept attendance without them, two absent half days.
        expect([day?.records, day?.leave, day?.findings.map((f) => f.kind)], `${planned.staffId} ${planned.date}`).toEqual([[], [], ['absent-half-day', 'absent-half-day']]);
        continue;
      }
      expect(day, `${planned.staffId} ${planned.date}`).toBeDefined();
      expect(day!.records.filter((r) => r.kind === 'in')).toHaveLength(planned.signIns);
      expect(day!.records.filter((r) => r.kind === 'out')).toHaveLength(planned.signOuts);
      expect(day!.leave.map((l) => l.part)).toEqual(planned.leave === null ? [] : [planned.leave]);
      if (planned.leave !== 'day') expect(planned.signIns, `${planned.staffId} ${planned.date}`).toBeGreaterThan(0);
      // Signed in and out at their own window, in time order.
      const worker = county.staff.find((p) => p.id === planned.staffId)!;
      for (const r of day!.records) expect(r.windowId).toBe(worker.windowId);
      expect(day!.records.map((r) => r.time)).toEqual(day!.records.map((r) => r.time).sort());
    }
    // Every kind turned up (the rates raised eightfold).
    expect(t.lateSignIns).toBeGreaterThan(0);
    expect(t.veryLateSignIns).toBeGreaterThan(0);
    expect(t.missedSignOuts + t.missedSignIns).toBeGreaterThan(0);
    expect(t.offPost).toBeGreaterThan(0);
    expect(t.leaveRecords).toBeGreaterThan(0);
    expect(t.absences).toBeGreaterThan(0);
    expect(t.signIns).toBeGreaterThan(2 * 3 * county.staff.length * 0.8);
  });

  it('finds on the staff sheet exactly the lates, missed signs, absences and stretches off post the simulator made', () => {
    expect(staffSheet.daysKept).toEqual(simulatedDays);
    const counted = (kind: string) => staffSheet.staff.flatMap((s) => s.deductions).filter((d) => d.kind === kind).length;
    const expected = attendanceFigures(tally.assessment);
    expect({ late: counted('late'), 'early-leave': counted('early-leave'), 'missed-sign': counted('missed-sign'), 'absent-half-day': counted('absent-half-day'), 'off-post': counted('off-post') }).toEqual(expected);
    // Each worker's own: the day's findings the attendance route gives are the sheet's.
    for (const row of staffSheet.staff) {
      const findings = attendance.get(row.staffId)!.flatMap((d) => d.findings.map((f) => f.kind));
      const fromSheet = row.deductions.filter((d) => d.ref.stream.startsWith('attendance#')).map((d) => d.kind);
      expect(fromSheet.sort(), row.staffId).toEqual(findings.sort());
    }
  });

  it('has the case steps at a window made by its workers signed in then, and credits their completions to them', async () => {
    const events = (await stack.scan('events')) as unknown as StoredEvent[];
    const onCases = events.filter((e) => e.stream.startsWith('case#') && e.meta.actor.role === 'clerk');
    expect(onCases.length).toBeGreaterThan(0);
    const staff = new Map(county.staff.map((p) => [p.id, p]));
    const local = (instant: string) => new Date(Date.parse(instant) + 8 * 3600_000).toISOString();
    for (const e of onCases) {
      const worker = staff.get(e.meta.actor.id);
      expect(worker, `${e.type} by ${e.meta.actor.id}`).toBeDefined();
      // Signed in at their window at the step's minute, by their records of the day.
      const at = local(e.meta.at);
      const day = attendance.get(worker!.id)!.find((d) => d.date === at.slice(0, 10))!;
      const minute = minutesOf(at.slice(11, 16));
      let from: number | null = null;
      let on = false;
      for (const r of day.records) {
        if (r.kind === 'in') from = minutesOf(r.time);
        else {
          if (from !== null && from <= minute && minute < minutesOf(r.time)) on = true;
          from = null;
        }
      }
      if (from !== null && from <= minute) on = true;
      expect(on, `${e.type} at ${at} by ${worker!.id}`).toBe(true);
    }
    // Township centers' workers took the applications brought to them.
    expect(onCases.some((e) => e.meta.actor.id.startsWith('clerk-wt-') && e.type === 'CaseSubmitted')).toBe(true);
    expect(tally.assessment.staffSteps).toBeGreaterThan(tally.assessment.otherSteps);
    const completions = tally.assessment.completions[MONTH] ?? {};
    expect(staffCompletions(tally.assessment)).toBeGreaterThan(0);
    expect(onCases.filter((e) => e.type === 'CaseCompleted')).toHaveLength(staffCompletions(tally.assessment));
    expect(staffSheet.staff.reduce((s, r) => s + r.completed, 0)).toBe(staffCompletions(tally.assessment));
    for (const row of staffSheet.staff) expect(row.completed, row.staffId).toBe(completions[row.staffId] ?? 0);
  });

  it('records the site inspections, which the township sheet counts with each item found wanting', async () => {
    const t = tally.assessment;
    expect(t.inspections).toBeGreaterThan(0);
    const listed = (await admin.get<{ inspections: { siteId: string; date: string; failed: string[]; inspectorId: string }[] }>(`/site-inspections/${MONTH}`, after())).body.inspections;
    expect(listed.map((i) => ({ siteId: i.siteId, date: i.date, failed: i.failed }))).toEqual([...t.inspected].sort((a, b) => a.date.localeCompare(b.date) || a.siteId.localeCompare(b.siteId)));
    const sites = (await admin.get<{ sites: { siteId: string; sites: string[]; inspections: number; deductions: { kind: string }[] }[] }>(`/scorecards/${MONTH}/sites`, after())).body.sites;
    expect(sites.reduce((s, r) => s + r.inspections, 0)).toBe(t.inspections);
    expect(sites.flatMap((s) => s.deductions).filter((d) => d.kind === 'inspection')).toHaveLength(t.inspectionItemsFailed);
    for (const i of t.inspected) expect(sites.find((s) => s.sites.includes(i.siteId))!.inspections).toBeGreaterThan(0);
  });
});
