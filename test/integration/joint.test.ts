import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuild } from '../../functions/projections/rebuild.ts';
import { ViewStore } from '../../functions/projections/view-store.ts';
import { readCounty } from '../../infra/county-config.ts';
import { generationItems } from '../support/projection-fixtures.ts';
import { api, clock, settle, startStack, type Stack } from '../support/local-stack.ts';

/**
 * Joint approval over HTTP on the real DynamoDB Local: the worked example of shared/domain.md with
 * Sanmen's completion acceptance, the sweep run many times at once, and a rebuild of the joint views.
 */

const ACCEPTANCE = '331022-LHSP-002';
const sanmen = readCounty('sanmen');
const materials = sanmen.items.find((i) => i.code === ACCEPTANCE)!.materials.map((m) => m.code);
const applicant = { name: '三门县海润建设有限公司', phone: '13857612345', organization: '三门县海润建设有限公司' };

type JointCase = {
  caseId: string;
  status: string;
  deadline: string;
  onTime: boolean | null;
  joint: {
    tasks: { departmentId: string; status: string; deadline: string; windowId: string; answeredDate: string | null; clockStopped: boolean }[];
    inspection: { date: string | null; heldDate: string | null };
    rectification: { round: number | null; status: string; items: { departmentId: string; text: string }[] };
    serialWorkingDays: number;
  };
};

let stack: Stack;
let admin: ReturnType<typeof api>;
let clerk: ReturnType<typeof api>;
const reviewers: Record<string, ReturnType<typeof api>> = {};

beforeAll(async () => {
  stack = await startStack('sanmen', { projections: true });
  admin = api(stack.url, stack.token('admin'));
  clerk = api(stack.url, stack.token('clerk', { windowId: 'W16' }));
  for (const d of ['D-NR', 'D-FIRE', 'D-CAD', 'D-LAND', 'D-ARCH', 'D-QS', 'D-EDU']) reviewers[d] = api(stack.url, stack.token('reviewer', { departmentId: d, user: `reviewer-${d.toLowerCase()}` }));
});
afterAll(async () => stack.close());

async function acceptedCase(date: string): Promise<string> {
  const submitted = await clerk.post<{ caseId: string }>('/cases', { itemCode: ACCEPTANCE, applicant, channel: 'window', materials }, clock(date, '09:00'));
  expect(submitted.status, submitted.text).toBe(201);
  const accepted = await clerk.post(`/cases/${submitted.body.caseId}/accept`, {}, clock(date, '09:10'));
  expect(accepted.status, accepted.text).toBe(200);
  return submitted.body.caseId;
}

const task = (c: JointCase, departmentId: string) => c.joint.tasks.find((t) => t.departmentId === departmentId)!;
const opinion = (caseId: string, departmentId: string, result: string, date: string, time: string, extra: object = {}) =>
  reviewers[departmentId]!.post<JointCase>(`/cases/${caseId}/joint/opinions`, { departmentId, result, ...extra }, clock(date, time));

describe('the worked example: a completion acceptance from acceptance to completion', () => {
  it('comes out to the day: an absent department consents, a silent one approves, one rectification round, 9 working days against 28', async () => {
    const id = await acceptedCase('2026-11-02');
    let c = (await admin.get<JointCase>(`/cases/${id}`)).body;
    expect(c.joint.tasks.map((t) => [t.departmentId, t.status, t.deadline])).toEqual([
      ['D-NR', 'open', '2026-11-09'],
      ['D-FIRE', 'open', '2026-11-09'],
      ['D-CAD', 'open', '2026-11-09'],
      ['D-LAND', 'open', '2026-11-09'],
      ['D-ARCH', 'open', '2026-11-05'],
      ['D-QS', 'open', '2026-11-09'],
    ]);
    expect(c.joint.serialWorkingDays).toBe(28);

    // An inspecting department cannot answer before the joint inspection.
    expect((await opinion(id, 'D-FIRE', 'pass', '2026-11-03', '10:00')).status).toBe(409);
    expect((await clerk.post(`/cases/${id}/joint/inspection`, { at: '2026-11-04T09:30:00+08:00', place: '海游街道工业园区 12 号地块项目现场' }, clock('2026-11-02', '15:00'))).status).toBe(200);
    const held = await clerk.post<JointCase>(`/cases/${id}/joint/inspection/held`, { present: ['D-NR', 'D-FIRE', 'D-LAND', 'D-QS'], absent: [{ departmentId: 'D-CAD', justified: false }] }, clock('2026-11-04', '11:30'));
    expect(held.status, held.text).toBe(200);
    expect(task(held.body, 'D-CAD')).toMatchObject({ status: 'deemed-consenting', answeredDate: '2026-11-04', windowId: 'W07' });

    expect((await opinion(id, 'D-NR', 'pass', '2026-11-05', '10:00')).status).toBe(200);
    expect((await opinion(id, 'D-ARCH', 'pass', '2026-11-05', '11:00')).status).toBe(200);
    expect((await opinion(id, 'D-FIRE', 'rectify', '2026-11-05', '15:00', { items: [{ text: '疏散指示标志不连续' }, { text: '消防水泵接合器未标识' }] })).status).toBe(200);
    expect((await opinion(id, 'D-QS', 'rectify', '2026-11-06', '09:30', { items: [{ text: '三层楼梯栏杆高度不足 1.05 米' }] })).status).toBe(200);
    // Completion before every department has answered is refused, and writes nothing.
    expect((await clerk.post(`/cases/${id}/complete`, { decision: 'approved' }, clock('2026-11-06', '10:00'))).status).toBe(409);
    const issued = await clerk.post<JointCase>(`/cases/${id}/joint/rectification`, {}, clock('2026-11-06', '10:30'));
    expect(issued.status, issued.text).toBe(200);
    expect(issued.body.joint.rectification).toMatchObject({ round: 1, status: 'issued', items: [{ departmentId: 'D-FIRE' }, { departmentId: 'D-FIRE' }, { departmentId: 'D-QS' }] });
    const list = await reviewers['D-QS']!.get<{ items: unknown[]; departments: { departmentId: string; name: string }[] }>(`/cases/${id}/joint/rectification`);
    expect(list.status).toBe(200);
    expect(list.body.departments).toEqual([
      { departmentId: 'D-FIRE', name: '三门县消防救援大队' },
      { departmentId: 'D-QS', name: '三门县建设工程质量安全监督站' },
    ]);

    const done = await clerk.post<JointCase>(`/cases/${id}/joint/rectification/done`, {}, clock('2026-11-11', '09:00'));
    expect(done.status, done.text).toBe(200);
    expect([task(done.body, 'D-FIRE'), task(done.body, 'D-QS')].map((t) => [t.status, t.deadline])).toEqual([
      ['open', '2026-11-12'],
      ['open', '2026-11-12'],
    ]);
    expect(task(done.body, 'D-LAND')).toMatchObject({ status: 'open', deadline: '2026-11-09' });

    // Before the hall closes on 11-10 the sweep may only count up to 11-09 as over.
    expect((await admin.post(`/joint/deadlines/2026-11-11`, {}, clock('2026-11-10', '16:00'))).status).toBe(422);
    const swept = await admin.post<{ deemed: { caseId: string; departmentId: string; deadline: string }[] }>('/joint/deadlines/2026-11-10', {}, clock('2026-11-11', '09:30'));
    expect(swept.status, swept.text).toBe(200);
    expect(swept.body.deemed.filter((d) => d.caseId === id)).toEqual([expect.objectContaining({ departmentId: 'D-LAND', deadline: '2026-11-09' })]);

    expect((await opinion(id, 'D-FIRE', 'pass', '2026-11-12', '10:00')).status).toBe(200);
    expect((await opinion(id, 'D-QS', 'pass', '2026-11-12', '14:00')).status).toBe(200);
    const completed = await clerk.post<JointCase>(`/cases/${id}/complete`, { decision: 'approved' }, clock('2026-11-13', '10:00'));
    expect(completed.status, completed.text).toBe(200);
    c = completed.body;
    expect(c).toMatchObject({ status: 'completed', onTime: true });
    expect(c.joint.tasks.map((t) => t.status)).toEqual(['passed', 'passed', 'deemed-consenting', 'deemed-approving', 'passed', 'passed']);

    const timeline = await admin.get<{ events: { type: string }[] }>(`/cases/${id}/events`);
    expect(timeline.body.events.filter((e) => e.type === 'DepartmentDeemedApproving')).toHaveLength(1);

    // The figures the center reports, and the deductions on the windows that answer for the silent and the absent.
    let stats: { status: number; body: Record<string, unknown> } = { status: 0, body: {} };
    await settle(async () => {
      stats = await admin.get('/stats/joint?from=2026-11-01&to=2026-11-30&itemCode=331022-LHSP-002');
      return stats.body.completed === 1;
    });
    expect(stats.body).toMatchObject({ cases: 1, completed: 1, approved: 1, averageWorkingDays: 9, medianWorkingDays: 9, serialWorkingDays: 28, deemedConsents: 1, deemedApprovals: 1, rectifications: 1, rectificationItems: 3 });
    expect((stats.body.byDepartment as { departmentId: string }[]).find((d) => d.departmentId === 'D-FIRE')).toMatchObject({ tasks: 1, answered: 2, rectify: 1, passed: 1, averageWorkingDaysToAnswer: 4 });
    const cards = await admin.get<{ windows: { windowId: string; deductions: { kind: string; detail: string; link: string }[] }[] }>('/scorecards/2026-11');
    const deductions = cards.body.windows.flatMap((w) => w.deductions.filter((d) => d.link.startsWith(`/cases/${id}/`)).map((d) => [w.windowId, d.kind, d.detail]));
    expect(deductions.sort()).toEqual([
      ['W01', 'joint-deemed-approval', 'D-LAND'],
      ['W07', 'joint-absence', 'D-CAD'],
    ]);
  });
});

describe('a department’s inbox and its reviewer', () => {
  it('lists the open tasks most urgent first, for that department only; another department’s reviewer is refused', async () => {
    const early = await acceptedCase('2026-11-16');
    const later = await acceptedCase('2026-11-18');
    await settle(async () => (await reviewers['D-ARCH']!.get<{ tasks: unknown[] }>('/departments/D-ARCH/joint-tasks', clock('2026-11-19', '09:00'))).body.tasks.length >= 2);
    const inbox = await reviewers['D-ARCH']!.get<{ tasks: { caseId: string; deadline: string; urgency: string }[]; counts: Record<string, number> }>('/departments/D-ARCH/joint-tasks', clock('2026-11-19', '09:00'));
    const mine = inbox.body.tasks.filter((t) => t.caseId === early || t.caseId === later);
    expect(mine).toEqual([
      expect.objectContaining({ caseId: early, deadline: '2026-11-19', urgency: 'due-today' }),
      expect.objectContaining({ caseId: later, deadline: '2026-11-23', urgency: 'due-soon' }),
    ]);
    expect((await reviewers['D-EDU']!.get('/departments/D-ARCH/joint-tasks')).status).toBe(403);
    expect((await reviewers['D-EDU']!.get(`/cases/${early}`)).status).toBe(403);
    expect((await reviewers['D-ARCH']!.get(`/cases/${early}`)).status).toBe(200);
    const before = (await stack.scan('events')).length;
    expect((await reviewers['D-EDU']!.post(`/cases/${early}/joint/opinions`, { departmentId: 'D-ARCH', result: 'pass' }, clock('2026-11-19', '09:00'))).status).toBe(403);
    const bad = await reviewers['D-ARCH']!.post(`/cases/${early}/joint/opinions`, { departmentId: 'D-ARCH', result: 'rectify' }, clock('2026-11-19', '09:00'));
    expect(bad.status).toBe(422);
    expect(bad.headers.get('content-type')).toBe('application/problem+json');
    expect((bad.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['items']);
    expect((await stack.scan('events')).length).toBe(before);
    const answered = await reviewers['D-ARCH']!.post(`/cases/${early}/joint/opinions`, { departmentId: 'D-ARCH', result: 'pass' }, clock('2026-11-19', '09:05'));
    expect(answered.status).toBe(200);
    await settle(async () => !(await reviewers['D-ARCH']!.get<{ tasks: { caseId: string }[] }>('/departments/D-ARCH/joint-tasks', clock('2026-11-19', '09:10'))).body.tasks.some((t) => t.caseId === early));
    const passed = await reviewers['D-ARCH']!.get<{ tasks: { caseId: string }[] }>('/departments/D-ARCH/joint-tasks?status=passed', clock('2026-11-19', '09:10'));
    expect(passed.body.tasks.map((t) => t.caseId)).toContain(early);
  });
});

describe('the deadline sweep, exactly once', () => {
  it('deems each silent department once however many sweeps run at once, and never one that answered in time', async () => {
    const ids = [await acceptedCase('2026-12-01'), await acceptedCase('2026-12-01')];
    // Archives (3 working days, due 12-04) answer on one case in time; the other stays silent.
    expect((await opinion(ids[0]!, 'D-ARCH', 'pass', '2026-12-04', '16:00')).status).toBe(200);
    await settle(async () => {
      const open = (await admin.get<{ tasks: { caseId: string }[] }>('/departments/D-ARCH/joint-tasks', clock('2026-12-04', '17:00'))).body.tasks.map((t) => t.caseId);
      return open.includes(ids[1]!) && !open.includes(ids[0]!);
    });
    const sweeps = await Promise.all(Array.from({ length: 8 }, () => admin.post<{ deemed: { caseId: string; departmentId: string }[] }>('/joint/deadlines/2026-12-05', {}, clock('2026-12-04', '17:45'))));
    expect(sweeps.map((s) => s.status)).toEqual(Array(8).fill(200));
    const deemed = sweeps.flatMap((s) => s.body.deemed).filter((d) => ids.includes(d.caseId));
    expect(deemed).toEqual([expect.objectContaining({ caseId: ids[1], departmentId: 'D-ARCH', deadline: '2026-12-04' })]);
    const events = (await stack.scan('events')).filter((e) => ids.some((id) => e.stream === `case#${id}`) && e.type === 'DepartmentDeemedApproving');
    expect(events).toHaveLength(1);
    expect(events[0]!.stream).toBe(`case#${ids[1]}`);
    // The next day's timer, and the same sweep again, find nothing more for these cases.
    const again = await admin.post<{ deemed: { caseId: string }[] }>('/joint/deadlines/2026-12-05', {}, clock('2026-12-05', '09:00'));
    expect(again.body.deemed.filter((d) => ids.includes(d.caseId))).toEqual([]);
  });
});

describe('a rebuild of the joint views', () => {
  it('reproduces the inboxes, the sweep index and the joint figures', async () => {
    await settle(async () => (await admin.get<{ completed: number }>('/stats/joint?from=2026-11-01&to=2026-12-31')).body.completed >= 1);
    // Let the projector drain what the tests above wrote.
    await new Promise((r) => setTimeout(r, 1_000));
    const views = new ViewStore(stack.db, stack.tables.views);
    const before = await views.pointer(true);
    const result = await rebuild({ db: stack.db, tables: stack.tables, segments: 2 });
    const joint = (items: Map<string, Record<string, unknown>>) => new Map([...items].filter(([key]) => /^(jointTasks|jointDue|jointStats)/.test(key)));
    const live = joint(await generationItems(stack.db, stack.tables.views, before.current));
    const rebuilt = joint(await generationItems(stack.db, stack.tables.views, result.generation));
    expect(live.size).toBeGreaterThan(10);
    expect(rebuilt).toEqual(live);
  });
});
