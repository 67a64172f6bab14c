import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countySchema } from '../../domain/county.ts';
import { repositoryRoot } from '../../local/server.ts';
import { simulate } from '../../local/simulator.ts';
import { api, settle, startStack, type Stack } from '../support/local-stack.ts';

let stack: Stack;
let admin: ReturnType<typeof api>;
let w01: ReturnType<typeof api>;
let w02: ReturnType<typeof api>;

const date = '2026-11-16';
const t = (hhmm: string) => ({ 'x-dev-clock': `${date}T${hhmm}:00+08:00` });

beforeAll(async () => {
  stack = await startStack('sanmen', { projections: true });
  admin = api(stack.url, await stack.token('admin'));
  w01 = api(stack.url, await stack.token('clerk', { windowId: 'W01' }));
  w02 = api(stack.url, await stack.token('clerk', { windowId: 'W02' }));
});
afterAll(async () => stack.close());

interface Issued {
  ticketId: string;
  number: string;
  ahead: number;
  estimatedWaitMinutes: number;
}
interface Figures {
  issued: number;
  called: number;
  served: number;
  noShows: number;
  transfers: number;
  averageWaitMinutes: number | null;
  p90WaitMinutes: number | null;
  averageServiceMinutes: number | null;
  p90ServiceMinutes: number | null;
}

describe('a morning at two windows, through the views', () => {
  const tickets: Record<string, Issued> = {};

  it('numbers tickets per category and day, and lists the waiting in calling order with ahead-counts', async () => {
    expect((await w01.put('/windows/W01/categories', { categories: ['A'] }, t('08:00'))).status).toBe(200);
    expect((await w02.put('/windows/W02/categories', { categories: ['A'] }, t('08:00'))).status).toBe(200);
    const kiosk = api(stack.url, await stack.token('kiosk', { user: 'kiosk-1' }));
    for (const [hhmm, body] of [
      ['08:30', { category: 'A' }],
      ['08:31', { category: 'A' }],
      ['08:32', { category: 'A', priority: 'priority', source: 'desk' }],
      ['08:33', { category: 'A' }],
    ] as const) {
      const r = await kiosk.post<Issued>('/tickets', body, t(hhmm));
      expect(r.status).toBe(201);
      tickets[r.body.number] = r.body;
    }
    expect(Object.keys(tickets)).toEqual(['A001', 'A002', 'A003', 'A004']);
    // Nothing served yet today: the county's default service time (8 min) per ticket ahead, over the two
    // windows serving A today (W01 by the county file, W02 taken on for the day).
    expect(tickets.A002).toMatchObject({ ahead: 1, estimatedWaitMinutes: 4 });
    expect(tickets.A003).toMatchObject({ ahead: 0, estimatedWaitMinutes: 0 });
    const queue = await admin.get<{ waiting: number; entries: { number: string; ahead: number; waitingMinutes: number }[] }>('/queue?category=A', t('08:34'));
    expect(queue.body.waiting).toBe(4);
    expect(queue.body.entries.map((e) => [e.number, e.ahead])).toEqual([
      ['A003', 0],
      ['A001', 1],
      ['A002', 2],
      ['A004', 3],
    ]);
    expect(queue.body.entries[1]!.waitingMinutes).toBe(4);
  });

  it('calls, recalls, marks no-shows, transfers, starts and finishes', async () => {
    const call = async (w: typeof w01, id: string, hhmm: string) => (await w.post<{ number: string }>(`/windows/${id}/call-next`, {}, t(hhmm))).body.number;
    expect(await call(w01, 'W01', '08:40')).toBe('A003');
    expect((await w01.post(`/tickets/${tickets.A003!.ticketId}/start`, {}, t('08:41'))).status).toBe(200);
    const caseId = (await admin.post<{ caseId: string }>('/cases', { itemCode: '331022-BDCDJ-001', applicant: { name: '张三', phone: '13812341234' }, channel: 'window', windowId: 'W01', materials: ['M1'] }, t('08:45'))).body.caseId;
    const finished = await w01.post<{ status: string; caseIds: string[] }>(`/tickets/${tickets.A003!.ticketId}/finish`, { caseIds: [caseId] }, t('08:51'));
    expect(finished.status).toBe(200);
    expect(finished.body).toMatchObject({ status: 'finished', caseIds: [caseId] });

    expect(await call(w02, 'W02', '08:42')).toBe('A001');
    // A no-show needs a recall first, or the county's five minutes.
    expect((await w02.post(`/tickets/${tickets.A001!.ticketId}/no-show`, {}, t('08:43'))).status).toBe(422);
    expect((await w02.post(`/tickets/${tickets.A001!.ticketId}/recall`, {}, t('08:44'))).status).toBe(200);
    expect((await w02.post(`/tickets/${tickets.A001!.ticketId}/no-show`, {}, t('08:45'))).status).toBe(200);

    expect(await call(w01, 'W01', '08:52')).toBe('A002');
    expect((await w01.post(`/tickets/${tickets.A002!.ticketId}/transfer`, { category: 'B' }, t('08:53'))).status).toBe(200);

    expect(await call(w02, 'W02', '08:55')).toBe('A004');
    expect((await w02.post(`/tickets/${tickets.A004!.ticketId}/start`, {}, t('08:56'))).status).toBe(200);
    expect((await w02.post(`/tickets/${tickets.A004!.ticketId}/finish`, {}, t('09:16'))).status).toBe(200);
    // The transferred visitor waits in B, not A; W02 takes B on for the rest of the day and calls them.
    expect((await w02.post('/windows/W02/call-next', {}, t('09:17'))).status).toBe(204);
    expect((await w02.put('/windows/W02/categories', { categories: ['A', 'B'] }, t('09:17'))).status).toBe(200);
    expect(await call(w02, 'W02', '09:18')).toBe('A002');
  });

  it('shows the last calls on the hall board, newest first', async () => {
    type Board = { calls: { number: string; windowId: string; windowName: string; recall: boolean }[] };
    await settle(async () => (await admin.get<Board>('/hall/board', t('09:20'))).body.calls.length === 6);
    const calls = (await admin.get<Board>('/hall/board', t('09:20'))).body.calls;
    expect(calls.map((c) => [c.number, c.windowId, c.recall])).toEqual([
      ['A002', 'W02', false],
      ['A004', 'W02', false],
      ['A002', 'W01', false],
      ['A001', 'W02', true],
      ['A001', 'W02', false],
      ['A003', 'W01', false],
    ]);
    expect(calls[0]!.windowName).toBeTruthy();
    // Read at an earlier instant (a day replayed on the dev clock), the board holds the calls made by then only.
    expect((await admin.get<Board>('/hall/board', t('08:50'))).body.calls.map((c) => c.number)).toEqual(['A001', 'A001', 'A003']);
  });

  it('counts the day per window and category, with wait and service times, and joins the summary', async () => {
    await settle(async () => (await admin.get<Figures>(`/stats/queue?from=${date}&to=${date}`)).body.served === 2);
    const stats = await admin.get<Figures & { byWindow: (Figures & { windowId: string })[]; byCategory: (Figures & { category: string })[] }>(`/stats/queue?from=${date}&to=${date}`);
    // Waits from issue to first call: A003 8 min, A001 12, A002 21, A004 22 — and A002 is not called "first" again in B.
    expect(stats.body).toMatchObject({ issued: 4, called: 4, served: 2, noShows: 1, transfers: 1, averageWaitMinutes: 15.8, p90WaitMinutes: 22, averageServiceMinutes: 15, p90ServiceMinutes: 20 });
    const byWindow = Object.fromEntries(stats.body.byWindow.map((w) => [w.windowId, w]));
    expect(byWindow.W01).toMatchObject({ called: 2, served: 1, transfers: 1, noShows: 0, averageServiceMinutes: 10 });
    expect(byWindow.W02).toMatchObject({ called: 2, served: 1, transfers: 0, noShows: 1, averageServiceMinutes: 20 });
    expect(stats.body.byCategory.map((c) => c.category)).toEqual(['A']);
    const w02Only = await admin.get<Figures>(`/stats/queue?from=${date}&to=${date}&windowId=W02`);
    expect(w02Only.body).toMatchObject({ called: 2, served: 1, noShows: 1 });
    const summary = await admin.get<{ queue: Figures }>(`/stats/summary?from=${date}&to=${date}`);
    expect(summary.body.queue).toMatchObject({ issued: 4, served: 2, noShows: 1, transfers: 1 });
  });

  it('estimates the wait on a new slip from the day’s actual service times', async () => {
    const kiosk = api(stack.url, await stack.token('kiosk', { user: 'kiosk-1' }));
    const first = await kiosk.post<Issued>('/tickets', { category: 'A' }, t('09:30'));
    const second = await kiosk.post<Issued>('/tickets', { category: 'A' }, t('09:31'));
    expect(first.body).toMatchObject({ number: 'A005', ahead: 0, estimatedWaitMinutes: 0 });
    // One ahead, at today's 15 minutes a service in A (10 at W01, 20 at W02), over two windows.
    expect(second.body).toMatchObject({ number: 'A006', ahead: 1, estimatedWaitMinutes: 8 });
    // W02 goes back to B alone: A has its one window of the county file again.
    expect((await w02.put('/windows/W02/categories', { categories: ['B'] }, t('09:32'))).status).toBe(200);
    expect((await kiosk.post<Issued>('/tickets', { category: 'A' }, t('09:33'))).body).toMatchObject({ number: 'A007', ahead: 2, estimatedWaitMinutes: 30 });
    expect((await w02.put('/windows/W02/categories', { categories: ['A', 'B'] }, t('09:34'))).status).toBe(200);
  });

  it('shows the hall each category’s waiting count and the wait a visitor taking a ticket now should expect', async () => {
    type Waiting = { date: string; categories: { code: string; name: string; waiting: number; estimatedWaitMinutes: number }[] };
    const screen = api(stack.url, await stack.token('hall-screen', { user: 'hall-1' }));
    const hall = await screen.get<Waiting>('/hall/waiting', t('09:35'));
    expect(hall.status).toBe(200);
    // Every category of the county file, in its order, with its name.
    expect(hall.body.categories.map((c) => c.code)).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'Q', 'R', 'S', 'T', 'U', 'Z']);
    const byCode = Object.fromEntries(hall.body.categories.map((c) => [c.code, c]));
    // A005, A006 and A007 wait; at today's 15 minutes a service over W01 and W02, the next waits ⌈3 × 15 / 2⌉.
    expect(byCode.A).toEqual({ code: 'A', name: '自然资源和规划', waiting: 3, estimatedWaitMinutes: 23 });
    expect(byCode.B).toMatchObject({ waiting: 0, estimatedWaitMinutes: 0 });
    // The same count as the category's own list.
    expect((await admin.get<{ waiting: number }>('/queue?category=A', t('09:35'))).body.waiting).toBe(3);
    // The screen reads the board and the waiting counts, and nothing else.
    expect((await screen.get('/windows/W01/display', t('09:35'))).status).toBe(403);
    expect((await screen.get(`/stats/queue?from=${date}&to=${date}`, t('09:35'))).status).toBe(403);
  });

  it('shows each window’s display the ticket it called last, as it stands, and who called it', async () => {
    type Display = { windowId: string; windowName: string; departmentName: string; ticket: null | { number: string; status: string; servedBy: { name: string; badgeNo: string | null } | null; caseIds: string[] } };
    const device = api(stack.url, await stack.token('rating-device', { windowId: 'W01' }));
    // W01 sent its last visitor, A002, on to B; W02 then called A002 and has it now.
    await settle(async () => (await device.get<Display>('/windows/W01/display', t('09:36'))).body.ticket?.number === 'A002');
    expect((await device.get<Display>('/windows/W01/display', t('09:36'))).body).toMatchObject({ windowId: 'W01', windowName: '自然资源和规划窗口', ticket: { number: 'A002', status: 'transferred', servedBy: null } });
    expect((await admin.get<Display>('/windows/W02/display', t('09:36'))).body.ticket).toMatchObject({ number: 'A002', status: 'called' });
    // A clerk whose account has a name and badge number calls the next visitor: the display names them.
    const named = api(stack.url, await stack.token('clerk', { windowId: 'W01', user: 'wangli', name: '王丽', badgeNo: '220101' }));
    const called = await named.post<{ ticketId: string; number: string }>('/windows/W01/call-next', {}, t('09:40'));
    expect(called.body.number).toBe('A005');
    await settle(async () => (await device.get<Display>('/windows/W01/display', t('09:41'))).body.ticket?.number === 'A005');
    const display = (await device.get<Display>('/windows/W01/display', t('09:41'))).body;
    expect(display.ticket).toMatchObject({ number: 'A005', status: 'called', servedBy: { name: '王丽', badgeNo: '220101' }, caseIds: [] });
    expect(display.departmentName).toBeTruthy();
    // A window's device sees its own window only.
    expect((await device.get('/windows/W02/display', t('09:41'))).status).toBe(403);
    expect((await device.get('/windows/W99/display', t('09:41'))).status).toBe(404);
    // Gives the ticket back to the line for the next test: it calls A005 again.
    expect((await named.post(`/tickets/${called.body.ticketId}/transfer`, { category: 'A' }, t('09:42'))).status).toBe(200);
    await settle(async () => (await device.get<Display>('/windows/W01/display', t('09:43'))).body.ticket?.status === 'transferred');
  });

  it('refuses a finish linking a case that does not exist, writing nothing', async () => {
    const called = await w01.post<{ ticketId: string; number: string }>('/windows/W01/call-next', {}, t('10:00'));
    expect(called.body.number).toBe('A005');
    expect((await w01.post(`/tickets/${called.body.ticketId}/start`, {}, t('10:01'))).status).toBe(200);
    const before = (await stack.scan('events')).length;
    const refused = await w01.post<{ errors: { path: string }[] }>(`/tickets/${called.body.ticketId}/finish`, { caseIds: ['01ARZ3NDEKTSV4RRFFQ69G5FAV'] }, t('10:05'));
    expect(refused.status).toBe(422);
    expect(refused.body.errors.map((e) => e.path)).toEqual(['body.caseIds.0']);
    expect((await stack.scan('events')).length).toBe(before);
    expect((await w01.post(`/tickets/${called.body.ticketId}/finish`, {}, t('10:05'))).status).toBe(200);
  });
});

describe('an appointment', () => {
  it('waits from its time, not from when the visitor came early', async () => {
    const day = '2026-11-18';
    const clock = (hhmm: string) => ({ 'x-dev-clock': `${day}T${hhmm}:00+08:00` });
    const w03 = api(stack.url, await stack.token('clerk', { windowId: 'W03' }));
    const early = (await admin.post<Issued>('/tickets', { category: 'C', appointmentId: 'YY-0042', appointmentAt: `${day}T10:00:00+08:00` }, clock('09:10'))).body;
    expect((await w03.post('/windows/W03/call-next', {}, clock('09:30'))).status).toBe(204);
    expect((await w03.post<{ ticketId: string }>('/windows/W03/call-next', {}, clock('10:05'))).body.ticketId).toBe(early.ticketId);
    await settle(async () => (await admin.get<Figures>(`/stats/queue?from=${day}&to=${day}`)).body.called === 1);
    expect((await admin.get<Figures>(`/stats/queue?from=${day}&to=${day}`)).body).toMatchObject({ called: 1, averageWaitMinutes: 5, p90WaitMinutes: 5 });
  });
});

describe('the simulator’s hall', () => {
  it('runs a day of visitors and windows calling at once, and the queue’s figures agree with what it did', async () => {
    const county = countySchema().parse(JSON.parse(readFileSync(join(repositoryRoot, 'infra/counties/sanmen.json'), 'utf8')));
    const lines: string[] = [];
    const tally = await simulate({ url: stack.url, token: await stack.token('admin'), county, from: '2026-11-24', days: 1, scale: 0.01, hallScale: 0.25, seed: 5, satisfaction: false, log: (l) => lines.push(l) });
    expect(tally.errors, lines.join('\n')).toBe(0);
    const hall = tally.hall;
    expect(hall.tickets).toBeGreaterThan(80);
    expect(hall.priority + hall.appointments).toBeGreaterThan(0);
    expect(hall.noShows + hall.transfers).toBeGreaterThan(0);
    expect(hall.called).toBeGreaterThan(hall.served);
    const day = tally.from;
    await settle(async () => (await admin.get<Figures>(`/stats/queue?from=${day}&to=${day}`)).body.served === hall.served);
    const stats = await admin.get<Figures & { byWindow: { windowId: string }[] }>(`/stats/queue?from=${day}&to=${day}`);
    // Calls of transferred visitors are not first calls: the figures count each visitor's first call once.
    expect(stats.body).toMatchObject({ issued: hall.tickets, served: hall.served, noShows: hall.noShows, transfers: hall.transfers });
    expect(stats.body.called).toBeLessThanOrEqual(hall.called);
    expect(stats.body.byWindow.length).toBeGreaterThan(5);
    // Finished visits link the cases registered at the windows that day, each case once.
    const linked = (await stack.scan('events')).filter((e) => e.type === 'TicketFinished' && String((e.data as { finishedAt: string }).finishedAt).startsWith(day)).flatMap((e) => (e.data as { caseIds: string[] }).caseIds);
    expect(hall.linkedCases).toBeGreaterThan(0);
    expect(linked).toHaveLength(hall.linkedCases);
    expect(new Set(linked).size).toBe(linked.length);
  }, 120_000);
});
