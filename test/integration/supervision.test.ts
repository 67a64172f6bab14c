import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rebuild } from '../../functions/projections/rebuild.ts';
import { generationItems } from '../support/projection-fixtures.ts';
import { api, clock, settle, startStack, type Stack } from '../support/local-stack.ts';

let stack: Stack;
let admin: ReturnType<typeof api>;
const director = (id: string, windowId: string) => api(stack.url, stack.token('director', { user: id, windowId }));
type Roster = { status?: string; absent: string[]; entries: { directorId: string; directorWindowId: string; windowId: string; at: string; status: string }[]; offRoster: unknown[] };
const allPassed = { atPost: true, punctual: true, uniformAndBadge: true, noPhone: true, noEating: true, noSleeping: true, noChatting: true, deskTidy: true, ratingDeviceInUse: true };

beforeAll(async () => {
  stack = await startStack('sanmen', { projections: true });
  admin = api(stack.url, await stack.token('admin'));
});
afterAll(async () => stack.close());


describe('a director’s day', () => {
  let roster: Roster;

  it('publishes the day’s roster once: two other windows for each of the 19 directors', async () => {
    const first = await admin.post<Roster>('/rosters/2026-11-09', {}, clock('2026-11-09', '07:00'));
    expect(first.status).toBe(201);
    roster = first.body;
    expect(roster.entries).toHaveLength(38);
    for (const e of roster.entries) expect(e.windowId).not.toBe(e.directorWindowId);
    const windows = new Map<string, number>();
    for (const e of roster.entries) windows.set(e.windowId, (windows.get(e.windowId) ?? 0) + 1);
    expect([...windows.values()].every((n) => n === 2)).toBe(true);
    const again = await admin.post<Roster>('/rosters/2026-11-09', {}, clock('2026-11-09', '07:05'));
    expect(again.status).toBe(200);
    expect(again.body.entries).toEqual(roster.entries);
  });

  it('shows a director their own checks, takes their findings, and refuses a window that is not theirs', async () => {
    const me = director('dir-w03', 'W03');
    const mine = (await me.get<Roster>('/rosters/2026-11-09?director=me', clock('2026-11-09', '08:00'))).body.entries;
    expect(mine).toHaveLength(2);
    expect(mine.every((e) => e.directorId === 'dir-w03' && e.status === 'upcoming')).toBe(true);
    const target = mine[0]!.windowId;
    const recorded = await me.post('/video-checks', { rosterDate: '2026-11-09', windowId: target, checkedAt: '2026-11-09T10:05:00+08:00', items: { ...allPassed, noPhone: false }, note: '窗口人员玩手机' }, clock('2026-11-09', '10:06'));
    expect(recorded.status).toBe(201);
    expect(recorded.body).toMatchObject({ offRoster: false, directorId: 'dir-w03', windowId: target });
    const notMine = roster.entries.find((e) => e.directorId !== 'dir-w03' && e.windowId !== 'W03' && !mine.some((m) => m.windowId === e.windowId))!.windowId;
    expect((await me.post('/video-checks', { rosterDate: '2026-11-09', windowId: notMine, checkedAt: '2026-11-09T10:30:00+08:00', items: allPassed }, clock('2026-11-09', '10:31'))).status).toBe(403);
    const offRoster = await admin.post('/video-checks', { rosterDate: '2026-11-09', windowId: 'W01', checkedAt: '2026-11-09T11:00:00+08:00', items: { ...allPassed, atPost: false, coverArranged: false } }, clock('2026-11-09', '11:01'));
    expect(offRoster.body).toMatchObject({ offRoster: true });
  });

  it('shows unrecorded checks as missed once the day is over', async () => {
    const later = (await admin.get<Roster>('/rosters/2026-11-09', clock('2026-11-10', '08:00'))).body;
    const statuses = later.entries.map((e) => e.status);
    expect(statuses.filter((s) => s === 'checked')).toHaveLength(1);
    expect(statuses.filter((s) => s === 'missed')).toHaveLength(37);
    expect(later.offRoster).toHaveLength(1);
  });

  it('hands only an absent director’s checks to others', async () => {
    const published = (await admin.post<Roster>('/rosters/2026-11-10', {}, clock('2026-11-10', '07:00'))).body;
    const revised = await admin.post<Roster>('/rosters/2026-11-10', { absentDirectorIds: ['dir-w05'] }, clock('2026-11-10', '08:00'));
    expect(revised.body.status).toBe('revised');
    expect(revised.body.entries.some((e) => e.directorId === 'dir-w05')).toBe(false);
    const untouched = published.entries.filter((e) => e.directorId !== 'dir-w05');
    for (const e of untouched) expect(revised.body.entries).toContainEqual(expect.objectContaining({ directorId: e.directorId, windowId: e.windowId, at: e.at }));
    expect(revised.body.entries.map((e) => e.windowId).sort()).toEqual(published.entries.map((e) => e.windowId).sort());
    for (const e of revised.body.entries) expect(e.windowId).not.toBe(e.directorWindowId);
    expect(revised.body.absent).toEqual(['dir-w05']);
  });
});

describe('archive checks and the month-end scorecard', () => {
  const MORTGAGE = { itemCode: '331022-BDCDJ-001', applicant: { name: '孙八', phone: '13933334444' }, channel: 'window', materials: ['M1', 'M2', 'M3', 'M4', 'M5'] };
  let sampled: string;

  it('draws last month’s files per window, once, and shows a file’s own steps next to the checklist', async () => {
    for (let i = 0; i < 3; i++) {
      const { caseId } = (await admin.post<{ caseId: string }>('/cases', MORTGAGE, clock('2026-10-19', '09:00'))).body;
      await admin.post(`/cases/${caseId}/accept`, {}, clock('2026-10-19', '09:30'));
      await admin.post(`/cases/${caseId}/complete`, { decision: 'approved' }, clock('2026-10-20', '15:00'));
    }
    await settle(async () => (await admin.get<{ completed: number }>('/stats/summary?from=2026-10-20&to=2026-10-20')).body.completed === 3);
    const drawn = await admin.post<{ samples: { caseId: string; windowId: string }[] }>('/archive-checks/2026-10', {}, clock('2026-11-02', '07:10'));
    expect(drawn.status).toBe(201);
    expect(drawn.body.samples).toHaveLength(3);
    expect(new Set(drawn.body.samples.map((s) => s.windowId))).toEqual(new Set(['W03']));
    expect((await admin.post('/archive-checks/2026-10', {}, clock('2026-11-02', '08:00'))).status).toBe(200);
    sampled = drawn.body.samples[0]!.caseId;
    const file = await director('dir-w01', 'W01').get<{ events: { type: string; at: string; actor: { id: string } }[] }>(`/archive-checks/2026-10/${sampled}`);
    expect(file.body.events.map((e) => e.type)).toEqual(['CaseSubmitted', 'CaseAccepted', 'CaseCompleted', 'RatingInvitationDue']);
    const found = await director('dir-w01', 'W01').post(`/archive-checks/2026-10/${sampled}`, { problems: [{ code: 'notice-undated' }, { code: 'step-unsigned', note: '受理环节无签名' }] }, clock('2026-11-11', '09:00'));
    expect(found.status).toBe(201);
    expect((await director('dir-w01', 'W01').post(`/archive-checks/2026-10/${sampled}`, { problems: [] }, clock('2026-11-11', '09:05'))).status).toBe(409);
  });

  it('scores November: every deduction with its points and the event that caused it; ranks and tiers', async () => {
    // A bad review and a late completion at window W03.
    const { caseId } = (await admin.post<{ caseId: string }>('/cases', MORTGAGE, clock('2026-11-02', '09:00'))).body;
    await admin.post(`/cases/${caseId}/accept`, {}, clock('2026-11-02', '09:10'));
    await admin.post(`/cases/${caseId}/reviews`, { level: 'very-dissatisfied', channel: 'window-device' }, clock('2026-11-02', '09:20'));
    await admin.post(`/cases/${caseId}/complete`, { decision: 'approved' }, clock('2026-11-12', '10:00'));
    type Cards = { windows: { windowId: string; score: number; rank: number; tier: string; deductions: { kind: string; points: number; link: string; detail: string }[] }[] };
    let cards: Cards = { windows: [] };
    await settle(async () => {
      cards = (await admin.get<Cards>('/scorecards/2026-11')).body;
      return (cards.windows.find((w) => w.windowId === 'W03')?.deductions.length ?? 0) >= 4;
    });
    const w03 = cards.windows.find((w) => w.windowId === 'W03')!;
    expect(w03.deductions.map((d) => [d.kind, d.detail, d.points]).sort()).toEqual(
      [
        ['archive-problem', 'notice-undated', 1],
        ['archive-problem', 'step-unsigned', 1],
        ['bad-review', 'very-dissatisfied', 2],
        ['late-completion', '2026-11-05', 1],
      ].sort(),
    );
    expect(w03.deductions.find((d) => d.kind === 'bad-review')!.link).toMatch(new RegExp(`^/cases/${caseId}/events#v\\d+$`));
    expect(w03.score).toBe(100 - 5);
    const phone = cards.windows.find((w) => w.deductions.some((d) => d.kind === 'video-check' && d.detail === 'noPhone'))!;
    expect(phone.deductions.find((d) => d.detail === 'noPhone')!.link).toMatch(/^\/rosters\/2026-11-09#v\d+$/);
    expect(cards.windows.find((w) => w.windowId === 'W01')!.deductions.map((d) => d.detail)).toContain('atPost');
    const ranks = cards.windows.map((w) => w.rank);
    expect(Math.min(...ranks)).toBe(1);
    expect(cards.windows.find((w) => w.windowId === 'W03')!.rank).toBe(1 + cards.windows.filter((w) => w.score > w03.score).length);
    const csv = await fetch(`${stack.url}/scorecards/2026-11?format=csv`, { headers: { authorization: `Bearer ${await stack.token('director', { user: 'dir-w01' })}` } });
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const bytes = new Uint8Array(await csv.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes).split('\r\n')[0]).toBe('排名,窗口编号,窗口名称,得分,扣分,加分,档次,档次分,扣分明细');
  });

  it('rebuilds to the same rosters, samples and scorecards', async () => {
    const before = (await admin.get('/scorecards/2026-11')).text;
    const result = await rebuild({ db: stack.db, tables: stack.tables, settleMs: 0 });
    const live = await generationItems(stack.db, stack.tables.views, result.previous);
    const rebuilt = await generationItems(stack.db, stack.tables.views, result.generation);
    const pick = (items: Map<string, Record<string, unknown>>) => new Map([...items].filter(([key]) => /^(roster|rosters|archive|scorecard)[#|]/.test(key)));
    expect(pick(rebuilt).size).toBeGreaterThan(3);
    expect(pick(rebuilt)).toEqual(pick(live));
    expect((await admin.get('/scorecards/2026-11')).text).toBe(before);
  });
});
