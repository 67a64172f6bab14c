import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuild } from '../../functions/projections/rebuild.ts';
import { api, clock, settle, startStack, type Stack } from '../support/local-stack.ts';

/**
 * Assessment beyond the windows (考核) over HTTP on the real DynamoDB Local: two workers of the
 * property-registration window (W03) sign in and out at the terminal through a September week, take
 * a case each way, are checked on video, take leave; a township center forwards one case late and one
 * village point on time and is inspected; an archive check finds a problem in a file both signed.
 * The three sheets link every deduction to its event, a rebuild reproduces them, and each role sees
 * what it may.
 */

type Deduction = { kind: string; date: string; detail: string; points: number; link: string };
type StaffRow = { staffId: string; windowId: string; score: number; rank: number; band: string; allowance: number; completed: number; badReviews: number; deductions: Deduction[] };
type StaffSheet = { daysKept: string[]; allowanceTotal: number; staff: StaffRow[] };
type DepartmentRow = { departmentId: string; score: number; bonus: number; shorteningRate: number | null; completed: number; onTimeRate: number | null; deductions: Deduction[] };
type SiteRow = { siteId: string; score: number; submitted: number; forwarded: number; forwardedOnTime: number; deductions: Deduction[] };

const MORTGAGE = { itemCode: '331022-BDCDJ-001', applicant: { name: '孙八', phone: '13933334444' }, channel: 'window', materials: ['M1', 'M2', 'M3', 'M4', 'M5'] };
const allPassed = { atPost: true, punctual: true, uniformAndBadge: true, noPhone: true, noEating: true, noSleeping: true, noChatting: true, deskTidy: true, ratingDeviceInUse: true };
const inspected = { signage: true, hoursKept: true, staffPresent: true, agentOnDuty: true, catalogueDisplayed: true, ratingDeviceInUse: true };

let stack: Stack;
let admin: ReturnType<typeof api>;
let w03: ReturnType<typeof api>;
let w03b: ReturnType<typeof api>;
let director: ReturnType<typeof api>;
let caseId = '';

beforeAll(async () => {
  stack = await startStack('sanmen', { projections: true });
  admin = api(stack.url, stack.token('admin'));
  w03 = api(stack.url, stack.token('clerk', { user: 'clerk-w03', windowId: 'W03' }));
  w03b = api(stack.url, stack.token('clerk', { user: 'clerk-w03-2', windowId: 'W03' }));
  director = api(stack.url, stack.token('director', { user: 'dir-w03', windowId: 'W03' }));
});
afterAll(async () => stack.close());

const staffSheet = async (month: string, who = admin, query = '') => who.get<StaffSheet>(`/staff-scores/${month}${query}`, clock('2026-10-20'));

describe('a September week at the terminals', () => {
  it('signs workers in and out, refuses a second sign-in and anyone not in the staff file', async () => {
    expect((await w03.post('/windows/W03/sign-in', {}, clock('2026-09-07', '08:25'))).status).toBe(200);
    const late = await w03b.post<{ records: { kind: string; time: string }[] }>('/windows/W03/sign-in', {}, clock('2026-09-07', '08:38'));
    expect(late.body.records).toEqual([{ kind: 'in', windowId: 'W03', time: '08:38', v: 1 }]);
    const twice = await w03b.post('/windows/W03/sign-in', {}, clock('2026-09-07', '08:39'));
    expect(twice.status).toBe(409);
    expect(twice.text).toContain('already signed in at window W03 since 08:38');
    expect((await w03.post('/windows/W05/sign-in', {}, clock('2026-09-07', '08:40'))).status).toBe(403);
    const stranger = api(stack.url, stack.token('clerk', { user: 'clerk-temp', windowId: 'W03' }));
    expect((await stranger.post('/windows/W03/sign-in', {}, clock('2026-09-07', '08:40'))).text).toContain('not in the county');
    // The director records tomorrow's leave for the second worker; not for another window's.
    expect((await director.post('/staff/clerk-w03-2/leave', { date: '2026-09-08', part: 'day', reason: '年休假' }, clock('2026-09-07', '09:00'))).status).toBe(201);
    expect((await director.post('/staff/clerk-w01/leave', { date: '2026-09-08', part: 'day', reason: '年休假' }, clock('2026-09-07', '09:00'))).status).toBe(403);
  });

  it('takes a case, a bad review and a video check while they are on duty', async () => {
    caseId = (await w03.post<{ caseId: string }>('/cases', MORTGAGE, clock('2026-09-07', '09:00'))).body.caseId;
    expect((await w03.post(`/cases/${caseId}/accept`, {}, clock('2026-09-07', '09:10'))).status).toBe(200);
    expect((await admin.post(`/cases/${caseId}/reviews`, { level: 'very-dissatisfied', channel: 'window-device' }, clock('2026-09-07', '09:20'))).status).toBe(201);
    expect((await admin.post('/rosters/2026-09-07', {}, clock('2026-09-07', '07:00'))).status).toBe(201);
    expect((await admin.post('/video-checks', { rosterDate: '2026-09-07', windowId: 'W03', checkedAt: '2026-09-07T10:05:00+08:00', items: { ...allPassed, noPhone: false } }, clock('2026-09-07', '10:06'))).status).toBe(201);
    await w03.post('/windows/W03/sign-out', {}, clock('2026-09-07', '12:00'));
    await w03.post('/windows/W03/sign-in', {}, clock('2026-09-07', '13:25'));
    await w03.post('/windows/W03/sign-out', {}, clock('2026-09-07', '17:05'));
    // The second worker never signs out on the 7th; on the 8th only the first works, without a lunch break.
    await w03.post('/windows/W03/sign-in', {}, clock('2026-09-08', '08:20'));
    await w03.post('/windows/W03/sign-out', {}, clock('2026-09-08', '17:00'));
    // Completed late by the second worker, a week on (nobody signed in that day: it is not a kept day).
    expect((await w03b.post(`/cases/${caseId}/complete`, { decision: 'approved' }, clock('2026-09-14', '10:00'))).status).toBe(200);
  });

  it('forwards from a township center late and from a village point on time, and inspects the center', async () => {
    const township = (await admin.post<{ caseId: string }>('/cases', { ...MORTGAGE, channel: 'township', siteId: 'S-HY' }, clock('2026-09-07', '10:00'))).body.caseId;
    const village = (await admin.post<{ caseId: string }>('/cases', { ...MORTGAGE, channel: 'village', siteId: 'S-HY-V01' }, clock('2026-09-08', '10:00'))).body.caseId;
    expect((await admin.post(`/cases/${village}/transfer`, { windowId: 'W03' }, clock('2026-09-08', '15:00'))).status).toBe(200);
    expect((await admin.post(`/cases/${township}/transfer`, { windowId: 'W03' }, clock('2026-09-09', '15:00'))).status).toBe(200);
    const inspection = await director.post<{ failed: string[] }>('/site-inspections', { siteId: 'S-HY', date: '2026-09-08', items: { ...inspected, hoursKept: false }, note: '下午16:30已关门' }, clock('2026-09-08', '16:40'));
    expect(inspection.status).toBe(201);
    expect(inspection.body.failed).toEqual(['hoursKept']);
    expect((await director.post('/site-inspections', { siteId: 'S-HY', date: '2026-09-08', items: inspected }, clock('2026-09-08', '16:50'))).status).toBe(409);
    expect((await director.post('/site-inspections', { siteId: 'S-CENTER', date: '2026-09-08', items: inspected }, clock('2026-09-08', '16:50'))).status).toBe(422);
    expect((await director.post('/site-inspections', { siteId: 'S-HY', date: '2026-09-09', items: inspected }, clock('2026-09-08', '16:50'))).status).toBe(422);
  });

  it('finds a problem in the file both workers signed, in October’s archive check', async () => {
    await settle(async () => (await admin.get<{ completed: number }>('/stats/summary?from=2026-09-14&to=2026-09-14')).body.completed === 1);
    expect((await admin.post('/archive-checks/2026-09', {}, clock('2026-10-08', '07:10'))).status).toBe(201);
    expect((await director.post(`/archive-checks/2026-09/${caseId}`, { problems: [{ code: 'step-unsigned' }] }, clock('2026-10-09', '09:00'))).status).toBe(201);
  });
});

describe('the windows actually staffed', () => {
  it('estimates a slip’s wait from the windows serving its category with someone signed in, once anyone signs in', async () => {
    // Category Z is served by W01–W04 (8 minutes a visitor before the day has served anyone).
    const slip = async (time: string) => (await admin.post<{ ahead: number; estimatedWaitMinutes: number }>('/tickets', { category: 'Z' }, clock('2026-12-01', time))).body;
    await slip('08:00');
    expect(await slip('08:01')).toMatchObject({ ahead: 1, estimatedWaitMinutes: 2 });
    await w03.post('/windows/W03/sign-in', {}, clock('2026-12-01', '08:20'));
    expect(await slip('08:21')).toMatchObject({ ahead: 2, estimatedWaitMinutes: 16 });
    await w03b.post('/windows/W03/sign-in', {}, clock('2026-12-01', '08:22'));
    await w03.post('/windows/W03/sign-out', {}, clock('2026-12-01', '08:23'));
    expect(await slip('08:24')).toMatchObject({ ahead: 3, estimatedWaitMinutes: 24 });
  });
});

describe('the three sheets', () => {
  it('scores each worker: attendance, video check, review, late completion; band and allowance', async () => {
    let sheet: StaffSheet = { daysKept: [], allowanceTotal: 0, staff: [] };
    await settle(async () => {
      sheet = (await staffSheet('2026-09')).body;
      return sheet.staff.find((s) => s.staffId === 'clerk-w03-2')?.deductions.some((d) => d.kind === 'late-completion') === true && sheet.staff.find((s) => s.staffId === 'clerk-w03')!.badReviews === 1;
    });
    expect(sheet.daysKept).toEqual(['2026-09-07', '2026-09-08']);
    const row = (id: string) => sheet.staff.find((s) => s.staffId === id)!;
    expect(row('clerk-w03').deductions.map((d) => [d.date, d.kind, d.points])).toEqual([['2026-09-07', 'bad-review', 2], ['2026-09-07', 'video-check', 1]]);
    expect(row('clerk-w03').deductions[0]!.link).toMatch(new RegExp(`^/cases/${caseId}/events#v\\d+$`));
    expect(row('clerk-w03').deductions[1]!.link).toMatch(/^\/rosters\/2026-09-07#v\d+$/);
    expect(row('clerk-w03-2').deductions.map((d) => [d.date, d.kind, d.points, d.link])).toEqual([
      ['2026-09-07', 'late', 1, '/staff/clerk-w03-2/attendance/2026-09#2026-09-07-v1'],
      ['2026-09-07', 'missed-sign', 2, '/staff/clerk-w03-2/attendance/2026-09#2026-09-07-v1'],
      ['2026-09-07', 'video-check', 1, row('clerk-w03').deductions[1]!.link],
      ['2026-09-14', 'late-completion', 1, expect.stringMatching(new RegExp(`^/cases/${caseId}/events#v\\d+$`))],
    ]);
    expect([row('clerk-w03').score, row('clerk-w03').band, row('clerk-w03').allowance, row('clerk-w03').rank]).toEqual([97, '一档', 30, 1]);
    expect([row('clerk-w03-2').score, row('clerk-w03-2').allowance, row('clerk-w03-2').completed, row('clerk-w03-2').rank]).toEqual([95, 30, 1, 2]);
    // Everyone else kept no attendance on the two days: four absent half days each.
    const others = sheet.staff.filter((s) => s.windowId !== 'W03');
    expect(others.every((s) => s.score === 80 && s.allowance === 10 && s.rank === 3 && s.deductions.filter((d) => d.kind === 'absent-half-day').length === 4)).toBe(true);
    expect(sheet.allowanceTotal).toBe(60 + 10 * others.length);
    // October: the archive problem of the file both signed, and no attendance kept.
    let october = (await staffSheet('2026-10')).body;
    await settle(async () => (october = (await staffSheet('2026-10')).body).staff.some((s) => s.deductions.length > 0));
    expect(october.daysKept).toEqual([]);
    expect(october.staff.filter((s) => s.deductions.length > 0).map((s) => [s.staffId, s.deductions.map((d) => d.kind)])).toEqual([['clerk-w03', ['archive-problem']], ['clerk-w03-2', ['archive-problem']]]);
  });

  it('scores the department apart from its window, and the township center with its village', async () => {
    const departments = (await admin.get<{ departments: DepartmentRow[] }>('/scorecards/2026-09/departments', clock('2026-10-20'))).body.departments;
    const reg = departments.find((d) => d.departmentId === 'D-REG')!;
    // The catalogue's property-registration items: 151 statutory working days committed as 16 (89% shorter: +3).
    expect([reg.shorteningRate, reg.bonus, reg.completed, reg.onTimeRate]).toEqual([0.894, 3, 1, 0]);
    // The bad review's rectification fell due in September (15 working days) and was never resolved.
    expect(reg.deductions.map((d) => [d.kind, d.points])).toEqual([['late-completion', 1], ['overdue-rectification', 2]]);
    expect(reg.score).toBe(100 - 3 + 3);
    const sites = (await admin.get<{ sites: SiteRow[] }>('/scorecards/2026-09/sites', clock('2026-10-20'))).body.sites;
    const hy = sites.find((s) => s.siteId === 'S-HY')!;
    expect([hy.submitted, hy.forwarded, hy.forwardedOnTime, hy.score]).toEqual([2, 2, 1, 96]);
    expect(hy.deductions.map((d) => [d.date, d.kind, d.points])).toEqual([['2026-09-08', 'inspection', 2], ['2026-09-09', 'late-forwarding', 2]]);
    expect(hy.deductions[0]!.link).toBe('/site-inspections/2026-09#S-HY-2026-09-08');
    expect((await admin.get<{ sites: SiteRow[] }>('/scorecards/2026-09/sites?level=village', clock('2026-10-20'))).body.sites.find((s) => s.siteId === 'S-HY-V01')).toMatchObject({ submitted: 1, forwarded: 1, forwardedOnTime: 1, score: 100 });
  });

  it('writes the sheets as CSV for Excel', async () => {
    const header = async (path: string) => {
      const r = await fetch(`${stack.url}${path}`, { headers: { authorization: `Bearer ${await stack.token('admin')}`, ...clock('2026-10-20') } });
      expect(r.headers.get('content-type')).toBe('text/csv; charset=utf-8');
      return new TextDecoder().decode(new Uint8Array(await r.arrayBuffer())).replace(/^\uFEFF/, '').split('\r\n');
    };
    expect((await header('/scorecards/2026-09/departments?format=csv'))[0]).toBe('排名,部门编号,部门名称,得分,扣分,加分,档次,档次分,承诺时限压缩率,办结数,按期办结率,到期整改数,按期整改率,扣分明细');
    expect((await header('/scorecards/2026-09/sites?format=csv'))[0]).toMatch(/^排名,站点编号,站点名称,得分/);
    const staff = await header('/staff-scores/2026-09?windowId=W03&format=csv');
    expect(staff[0]).toBe('排名,工号,姓名,窗口编号,窗口名称,办件数,按期办结率,差评数,得分,扣分,档次,津补贴（元）,扣分明细');
    expect(staff[1]).toMatch(/^1,220301,李娜,W03,不动产登记窗口,0,,1,97,3,一档,30,2026-09-07 差评 非常不满意 -2; 2026-09-07 视频督查 玩手机 -1$/);
    expect(staff.at(-2)).toBe(',,合计,,,,,,,,,60,');
  });

  it('shows a worker their own score, a director their window’s, management everyone’s', async () => {
    expect((await staffSheet('2026-09', w03)).body.staff.map((s) => s.staffId)).toEqual(['clerk-w03']);
    expect((await staffSheet('2026-09', director)).body.staff.map((s) => s.staffId)).toEqual(['clerk-w03', 'clerk-w03-2']);
    expect((await staffSheet('2026-09', director, '?windowId=W01')).status).toBe(403);
    expect((await staffSheet('2026-09')).body.staff).toHaveLength(48);
    expect((await w03.get('/staff/clerk-w03-2/attendance/2026-09')).status).toBe(403);
    expect((await api(stack.url, stack.token('director', { user: 'dir-w01', windowId: 'W01' })).get('/staff/clerk-w03/attendance/2026-09')).status).toBe(403);
    const days = await director.get<{ days: { date: string; counted: boolean; findings: { kind: string }[] }[] }>('/staff/clerk-w03-2/attendance/2026-09', clock('2026-10-20'));
    expect(days.body.days.map((d) => [d.date, d.counted, d.findings.map((f) => f.kind)])).toEqual([['2026-09-07', true, ['missed-sign', 'late']], ['2026-09-08', true, []]]);
    // A day the hall kept attendance without them is listed, absent, with the link the sheet gives it.
    const other = await admin.get<{ days: { date: string; records: unknown[]; findings: { kind: string; v: number }[] }[] }>('/staff/clerk-w01/attendance/2026-09', clock('2026-10-20'));
    expect(other.body.days.map((d) => [d.date, d.records.length, d.findings.map((f) => [f.kind, f.v])])).toEqual([
      ['2026-09-07', 0, [['absent-half-day', 0], ['absent-half-day', 0]]],
      ['2026-09-08', 0, [['absent-half-day', 0], ['absent-half-day', 0]]],
    ]);
    expect((await w03.get('/scorecards/2026-09/departments')).status).toBe(403);
  });

  it('rebuilds to the same three sheets', async () => {
    const paths = ['/staff-scores/2026-09', '/staff-scores/2026-10', '/scorecards/2026-09/departments', '/scorecards/2026-09/sites', '/scorecards/2026-09/sites?level=village'];
    const before = await Promise.all(paths.map(async (p) => (await admin.get(p, clock('2026-10-20'))).text));
    await rebuild({ db: stack.db, tables: stack.tables, settleMs: 0 });
    const after = await Promise.all(paths.map(async (p) => (await admin.get(p, clock('2026-10-20'))).text));
    expect(after).toEqual(before);
    expect(before[0]).toContain('clerk-w03');
  });
});
