import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rank, type Waiting } from '../../domain/queue/rules.ts';
import { addDays } from '../../domain/time.ts';
import { claimPlace } from '../../functions/queue/waiting-line.ts';
import type { Runtime } from '../../functions/runtime.ts';
import { api, startStack, type Stack } from '../support/local-stack.ts';

let stack: Stack;
let admin: ReturnType<typeof api>;

beforeAll(async () => {
  stack = await startStack();
  admin = api(stack.url, await stack.token('admin'));
});
afterAll(async () => stack.close());

const instant = (date: string, minute: number) => new Date(Date.parse(`${date}T08:00:00+08:00`) + minute * 60_000).toISOString();
const at = (iso: string) => ({ 'x-dev-clock': iso });

/** Makes the windows serve only category Z on the day (as a window terminal can change its categories per day). */
async function serveOnly(date: string, windows: string[]) {
  for (const w of windows) expect((await admin.put(`/windows/${w}/categories`, { categories: ['Z'] }, at(instant(date, 0)))).status).toBe(200);
}

/** How many walk-ins of the day wait at a place a call claimed and gave back. */
const releasedOn = async (date: string) => (await stack.scan('events')).filter((e) => e.stream === `waiting#${date}#Z` && e.kind === 'waiting' && e.released === true).length;

describe('calling tickets under contention', () => {
  let day = 0;
  it('gives each ticket to at most one window, and each round of simultaneous calls the best tickets by the rule', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          windows: fc.integer({ min: 2, max: 6 }),
          tickets: fc.array(fc.record({ priority: fc.boolean(), appointment: fc.option(fc.integer({ min: -30, max: 90 }), { freq: 4 }) }), { minLength: 3, maxLength: 18 }),
        }),
        async ({ windows, tickets }) => {
          const date = addDays('2026-12-07', day++);
          const ws = Array.from({ length: windows }, (_, i) => `W${String(i + 1).padStart(2, '0')}`);
          await serveOnly(date, ws);
          const model: Waiting[] = [];
          for (const [i, t] of tickets.entries()) {
            const issuedAt = instant(date, 10 + i);
            const appointmentAt = t.appointment === null ? undefined : instant(date, 10 + i + t.appointment);
            const body = { category: 'Z', ...(t.priority ? { priority: 'priority' } : {}), ...(appointmentAt ? { appointmentId: `appt-${i}`, appointmentAt } : {}) };
            const issued = await admin.post<{ ticketId: string; number: string }>('/tickets', body, at(issuedAt));
            expect(issued.status).toBe(201);
            model.push({ ticketId: issued.body.ticketId, numberCategory: 'Z', appointmentAt: appointmentAt ?? null, priority: t.priority ? 'priority' : 'normal', issuedAt, sequence: Number(issued.body.number.slice(1)) });
          }
          const called = new Set<string>();
          for (let round = 0; round < 40 && called.size < model.length; round++) {
            const now = instant(date, 60 + round * 5);
            const expected = rank(model.filter((m) => !called.has(m.ticketId)), now).slice(0, windows).map((m) => m.ticketId);
            const responses = await Promise.all(ws.map((w) => admin.post<{ ticketId: string }>(`/windows/${w}/call-next`, {}, at(now))));
            expect(responses.every((r) => r.status === 200 || r.status === 204), responses.map((r) => r.text).join('\n')).toBe(true);
            const got = responses.filter((r) => r.status === 200).map((r) => r.body.ticketId);
            expect(new Set(got).size).toBe(got.length);
            for (const id of got) {
              expect(called.has(id)).toBe(false);
              called.add(id);
            }
            expect(got.sort()).toEqual(expected.sort());
          }
          expect(called.size).toBe(model.length);
        },
      ),
      { numRuns: 6 },
    );
  }, 120_000);
});

describe('ten windows calling through the local server', () => {
  it('serve 100 tickets: none called twice, none lost (`npm run bench:queue` serves 1,000)', async () => {
    const date = '2026-12-28';
    const windows = Array.from({ length: 10 }, (_, i) => `W${String(i + 1).padStart(2, '0')}`);
    await serveOnly(date, windows);
    const kiosk = api(stack.url, await stack.token('kiosk', { user: 'kiosk-1' }));
    const issued: string[] = [];
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < 100) {
          const i = next++;
          const r = await kiosk.post<{ ticketId: string }>('/tickets', { category: 'Z' }, at(instant(date, Math.floor(i / 2))));
          expect(r.status).toBe(201);
          issued.push(r.body.ticketId);
        }
      }),
    );
    const calls = await Promise.all(
      windows.map(async (w) => {
        const terminal = api(stack.url, await stack.token('clerk', { windowId: w }));
        const mine: string[] = [];
        for (;;) {
          const r = await terminal.post<{ ticketId: string }>(`/windows/${w}/call-next`, {}, at(instant(date, 120)));
          if (r.status === 204) return mine;
          expect(r.status, r.text).toBe(200);
          mine.push(r.body.ticketId);
        }
      }),
    );
    const all = calls.flat();
    expect(all).toHaveLength(100);
    expect(new Set(all).size).toBe(100);
    expect(new Set(all)).toEqual(new Set(issued));
    expect(calls.every((c) => c.length > 0)).toBe(true);
    const events = await stack.scan('events');
    expect(events.filter((e) => e.type === 'TicketCalled' && issued.includes(String(e.stream).slice(7)))).toHaveLength(100);
    expect(events.filter((e) => String(e.stream).startsWith(`waiting#${date}`) && e.kind === 'waiting')).toHaveLength(0);
  }, 120_000);

  it('gives a terminal that retries a call with the same Idempotency-Key the same ticket', async () => {
    const date = '2026-12-29';
    await serveOnly(date, ['W01']);
    for (let i = 0; i < 3; i++) await admin.post('/tickets', { category: 'Z' }, at(instant(date, i)));
    const terminal = api(stack.url, await stack.token('clerk', { windowId: 'W01' }));
    const headers = { ...at(instant(date, 10)), 'idempotency-key': 'terminal-W01-call-000017' };
    const first = await terminal.post('/windows/W01/call-next', {}, headers);
    const again = await Promise.all([terminal.post('/windows/W01/call-next', {}, headers), terminal.post('/windows/W01/call-next', {}, headers)]);
    expect(first.status).toBe(200);
    for (const r of again) expect(r.text).toBe(first.text);
    const next = await terminal.post<{ number: string }>('/windows/W01/call-next', {}, at(instant(date, 11)));
    expect(next.body.number).not.toBe((first.body as { number: string }).number);
  });

  it('gives a kiosk that resends a ticket with the same Idempotency-Key the same slip, and draws no number for it', async () => {
    const date = '2027-01-04';
    const kiosk = api(stack.url, await stack.token('kiosk', { user: 'kiosk-2' }));
    const headers = { ...at(instant(date, 30)), 'idempotency-key': 'kiosk-2-000031' };
    const first = await kiosk.post<{ number: string }>('/tickets', { category: 'B' }, headers);
    const again = await kiosk.post<{ number: string }>('/tickets', { category: 'B' }, headers);
    expect(first.status).toBe(201);
    expect(again.text).toBe(first.text);
    expect((await kiosk.post('/tickets', { category: 'C' }, headers)).status).toBe(422);
    const next = await kiosk.post<{ number: string }>('/tickets', { category: 'B' }, at(instant(date, 31)));
    expect([first.body.number, next.body.number]).toEqual(['B001', 'B002']);
  });

  it('calls a walk-in whose place a dying call claimed once the place is 10 s old, before the rest of the line', async () => {
    const date = '2027-01-07';
    await serveOnly(date, ['W01']);
    const numbers: string[] = [];
    for (let i = 0; i < 3; i++) numbers.push((await admin.post<{ number: string }>('/tickets', { category: 'Z' }, at(instant(date, i)))).body.number);
    // A call claims the first place and dies before taking its ticket (its function timed out).
    const t0 = Date.parse(instant(date, 10));
    const second = (s: number) => at(new Date(t0 + s * 1000).toISOString());
    expect(await claimPlace({ db: stack.db, tables: stack.tables } as Runtime, date, 'Z', new Date(t0).toISOString())).toBe(1);
    const terminal = api(stack.url, await stack.token('clerk', { windowId: 'W01' }));
    expect((await terminal.post<{ number: string }>('/windows/W01/call-next', {}, second(1))).body.number).toBe(numbers[1]);
    expect((await terminal.post('/windows/W01/call-next', {}, second(2))).status).toBe(200);
    // While the claim may still be in flight, nobody takes its ticket; it keeps its place in the list.
    expect((await terminal.post('/windows/W01/call-next', {}, second(3))).status).toBe(204);
    expect((await terminal.get<{ entries: { number: string }[] }>('/queue?category=Z', second(3))).body.entries.map((e) => e.number)).toEqual([numbers[0]]);
    expect((await terminal.post<{ number: string }>('/windows/W01/call-next', {}, second(15))).body.number).toBe(numbers[0]);
    expect((await terminal.post('/windows/W01/call-next', {}, second(16))).status).toBe(204);
  });

  it('leaves no walk-in behind when a terminal sends one call several times at once', async () => {
    const date = '2027-01-08';
    await serveOnly(date, ['W01']);
    for (let i = 0; i < 4; i++) await admin.post('/tickets', { category: 'Z' }, at(instant(date, i)));
    const terminal = api(stack.url, await stack.token('clerk', { windowId: 'W01' }));
    const now = at(instant(date, 10));
    const same = await Promise.all(Array.from({ length: 4 }, () => terminal.post('/windows/W01/call-next', {}, { ...now, 'idempotency-key': 'terminal-W01-call-000042' })));
    expect(new Set(same.map((r) => r.text)).size).toBe(1);
    expect(await releasedOn(date)).toBeGreaterThan(0);
    // A place claimed by a copy that lost to the first answer is released, not left until it looks abandoned.
    const rest = [];
    for (let r = await terminal.post<{ number: string }>('/windows/W01/call-next', {}, now); r.status === 200; r = await terminal.post('/windows/W01/call-next', {}, now)) rest.push(r.body.number);
    expect(rest).toHaveLength(3);
  });

  it('gives the place back when a call fails after claiming it (a key reused for another window)', async () => {
    const date = '2027-01-12';
    await serveOnly(date, ['W01', 'W02']);
    for (let i = 0; i < 2; i++) await admin.post('/tickets', { category: 'Z' }, at(instant(date, i)));
    const now = at(instant(date, 10));
    const headers = { ...now, 'idempotency-key': 'shared-key-000001' };
    // One account (keys are the caller's own) calling two windows with one key: the second call is refused after claiming.
    const both = await Promise.all(['W01', 'W02'].map((w) => admin.post(`/windows/${w}/call-next`, {}, headers)));
    expect(both.map((r) => r.status).sort()).toEqual([200, 422]);
    expect(await releasedOn(date)).toBe(1);
    // The other ticket is callable at once, at the same instant.
    expect((await admin.post('/windows/W01/call-next', {}, now)).status).toBe(200);
    expect((await admin.post('/windows/W01/call-next', {}, now)).status).toBe(204);
  });

  it('lets no resent slip hold up the line: a place drawn by a copy that lost to the first answer is voided', async () => {
    const date = '2027-01-11';
    await serveOnly(date, ['W01']);
    const kiosk = api(stack.url, await stack.token('kiosk', { user: 'kiosk-3' }));
    const headers = { ...at(instant(date, 5)), 'idempotency-key': 'kiosk-3-000007' };
    const copies = await Promise.all(Array.from({ length: 6 }, () => kiosk.post<{ ticketId: string }>('/tickets', { category: 'Z' }, headers)));
    expect(new Set(copies.map((r) => r.text)).size).toBe(1);
    const rows = (await stack.scan('events')).filter((e) => e.stream === `waiting#${date}#Z`);
    const line = rows.find((e) => e.kind === 'line')!;
    // The copies ran at once: more than one drew a place.
    expect(Number(line.places)).toBeGreaterThan(1);
    // Every place drawn holds the ticket or is void.
    expect(rows.filter((e) => e.kind === 'waiting').map((e) => e.ticketId)).toEqual([copies[0]!.body.ticketId]);
    expect(rows.filter((e) => e.kind === 'void')).toHaveLength(Number(line.places) - 1);
    const terminal = api(stack.url, await stack.token('clerk', { windowId: 'W01' }));
    expect((await terminal.post<{ ticketId: string }>('/windows/W01/call-next', {}, at(instant(date, 6)))).body.ticketId).toBe(copies[0]!.body.ticketId);
    expect((await terminal.post('/windows/W01/call-next', {}, at(instant(date, 6)))).status).toBe(204);
  });

  it('prints on each slip the same ahead-count the waiting list shows: walk-ins, priority, appointments due or not, after calls and resent slips', async () => {
    const date = '2027-01-13';
    await serveOnly(date, ['W01']);
    const terminal = api(stack.url, await stack.token('clerk', { windowId: 'W01' }));
    const kinds = [{}, {}, { priority: 'priority' }, {}, 'call', { appointmentAt: 20 }, {}, 'resend', 'call', { appointmentAt: 200 }, { priority: 'priority' }, {}, 'call', {}] as const;
    for (const [i, kind] of kinds.entries()) {
      const now = instant(date, 30 + i);
      if (kind === 'call') {
        expect((await terminal.post('/windows/W01/call-next', {}, at(now))).status).toBe(200);
        continue;
      }
      if (kind === 'resend') {
        // A kiosk's copies of one slip at once: the places they drew in vain are not people ahead.
        const copies = await Promise.all(Array.from({ length: 4 }, () => admin.post('/tickets', { category: 'Z' }, { ...at(now), 'idempotency-key': `kiosk-resend-${i}` })));
        expect(new Set(copies.map((r) => r.text)).size).toBe(1);
        continue;
      }
      const body = { category: 'Z', ...('priority' in kind ? { priority: kind.priority } : {}), ...('appointmentAt' in kind ? { appointmentId: `appt-${i}`, appointmentAt: instant(date, kind.appointmentAt) } : {}) };
      const slip = (await admin.post<{ ticketId: string; ahead: number }>('/tickets', body, at(now))).body;
      const list = (await admin.get<{ entries: { ticketId: string; ahead: number }[] }>('/queue?category=Z', at(now))).body.entries;
      expect(slip.ahead, `ticket ${i}`).toBe(list.find((e) => e.ticketId === slip.ticketId)!.ahead);
    }
  });

  it('finds the walk-in behind a page full of appointments not yet due, and the appointments once due', async () => {
    const date = '2026-12-31';
    await serveOnly(date, ['W01']);
    for (let i = 0; i < 22; i++) await admin.post('/tickets', { category: 'Z', appointmentId: `appt-${i}`, appointmentAt: instant(date, 120 + i) }, at(instant(date, 1)));
    const walkIn = (await admin.post<{ number: string }>('/tickets', { category: 'Z' }, at(instant(date, 2)))).body;
    const terminal = api(stack.url, await stack.token('clerk', { windowId: 'W01' }));
    expect((await terminal.post<{ number: string }>('/windows/W01/call-next', {}, at(instant(date, 10)))).body.number).toBe(walkIn.number);
    expect((await terminal.post('/windows/W01/call-next', {}, at(instant(date, 11)))).status).toBe(204);
    expect((await terminal.post<{ number: string }>('/windows/W01/call-next', {}, at(instant(date, 121)))).body.number).toBe('Z001');
  });
});

describe('transfers', () => {
  it('re-queue a ticket beside one of the same number and second in its new category', async () => {
    const date = '2027-01-05';
    const a = (await admin.post<{ ticketId: string; number: string }>('/tickets', { category: 'A' }, at(instant(date, 30)))).body;
    const b = (await admin.post<{ ticketId: string; number: string }>('/tickets', { category: 'B' }, at(instant(date, 30)))).body;
    expect([a.number, b.number]).toEqual(['A001', 'B001']);
    const w01 = api(stack.url, await stack.token('clerk', { windowId: 'W01' }));
    const w02 = api(stack.url, await stack.token('clerk', { windowId: 'W02' }));
    expect((await w02.post<{ ticketId: string }>('/windows/W02/call-next', {}, at(instant(date, 31)))).body.ticketId).toBe(b.ticketId);
    expect((await w02.post(`/tickets/${b.ticketId}/transfer`, { category: 'A' }, at(instant(date, 32)))).status).toBe(200);
    const order = [];
    for (let i = 0; i < 3; i++) {
      const r = await w01.post<{ number: string }>('/windows/W01/call-next', {}, at(instant(date, 33 + i)));
      order.push(r.status === 200 ? r.body.number : r.status);
    }
    expect(order).toEqual(['A001', 'B001', 204]);
  });

  it('send a visitor to one window of the hall, which calls them even when it serves no category', async () => {
    const date = '2027-01-06';
    const w01 = api(stack.url, await stack.token('clerk', { windowId: 'W01' }));
    const w05 = api(stack.url, await stack.token('clerk', { windowId: 'W05' }));
    expect((await w05.put('/windows/W05/categories', { categories: [] }, at(instant(date, 0)))).status).toBe(200);
    const t = (await admin.post<{ ticketId: string; number: string }>('/tickets', { category: 'A' }, at(instant(date, 30)))).body;
    expect((await w01.post('/windows/W01/call-next', {}, at(instant(date, 31)))).status).toBe(200);
    expect((await w01.post(`/tickets/${t.ticketId}/transfer`, { windowId: 'WT-HY' }, at(instant(date, 32)))).status).toBe(422);
    expect((await w01.post(`/tickets/${t.ticketId}/transfer`, { windowId: 'W05' }, at(instant(date, 32)))).status).toBe(200);
    const queue = await w05.get<{ entries: { number: string }[] }>('/queue?windowId=W05', at(instant(date, 33)));
    expect(queue.body.entries.map((e) => e.number)).toEqual([t.number]);
    expect((await w01.post('/windows/W01/call-next', {}, at(instant(date, 33)))).status).toBe(204);
    expect((await w05.post<{ number: string }>('/windows/W05/call-next', {}, at(instant(date, 34)))).body.number).toBe(t.number);
    expect((await w05.post('/windows/W05/call-next', {}, at(instant(date, 35)))).status).toBe(422);
  });
});

describe('bad input on the queue writes nothing', () => {
  it('refuses unknown categories, a window serving none, another window’s ticket, and steps out of order', async () => {
    const date = '2026-12-30';
    const before = (await stack.scan('events')).length;
    expect((await admin.post('/tickets', { category: 'Y' }, at(instant(date, 0)))).status).toBe(422);
    expect((await admin.post('/tickets', { category: 'lower' }, at(instant(date, 0)))).status).toBe(400);
    expect((await admin.post('/tickets', { category: 'A', appointmentId: 'YY-1' }, at(instant(date, 0)))).status).toBe(400);
    expect((await admin.post('/tickets', { category: 'A', appointmentAt: instant(date, 60) }, at(instant(date, 0)))).status).toBe(400);
    expect((await admin.post('/tickets', { category: 'A', appointmentId: 'YY-1', appointmentAt: instant(addDays(date, 1), 60) }, at(instant(date, 0)))).status).toBe(422);
    expect((await admin.put('/windows/W01/categories', { categories: ['Y'] }, at(instant(date, 0)))).status).toBe(422);
    expect((await admin.post('/windows/WT-HY/call-next', {}, at(instant(date, 0)))).status).toBe(422);
    expect((await admin.post('/windows/W99/call-next', {}, at(instant(date, 0)))).status).toBe(404);
    expect((await admin.post('/tickets/01ARZ3NDEKTSV4RRFFQ69G5FAV/start', {}, at(instant(date, 0)))).status).toBe(404);
    expect(await stack.scan('events')).toHaveLength(before);

    await serveOnly(date, ['W01', 'W02']);
    const { ticketId } = (await admin.post<{ ticketId: string }>('/tickets', { category: 'Z' }, at(instant(date, 1)))).body;
    expect((await admin.post(`/tickets/${ticketId}/start`, {}, at(instant(date, 2)))).status).toBe(409);
    await admin.post('/windows/W01/call-next', {}, at(instant(date, 3)));
    const other = api(stack.url, await stack.token('clerk', { windowId: 'W02' }));
    const after = (await stack.scan('events')).length;
    expect((await other.post(`/tickets/${ticketId}/finish`, {}, at(instant(date, 4)))).status).toBe(403);
    expect((await other.post(`/tickets/${ticketId}/start`, { windowId: 'W01' }, at(instant(date, 4)))).status).toBe(400);
    const township = api(stack.url, await stack.token('clerk', { siteId: 'S-HY' }));
    expect((await township.post(`/tickets/${ticketId}/start`, {}, at(instant(date, 4)))).status).toBe(403);
    expect((await admin.post(`/tickets/${ticketId}/no-show`, {}, at(instant(date, 4)))).status).toBe(422);
    expect((await admin.post(`/tickets/${ticketId}/transfer`, { category: 'Z', windowId: 'W02' }, at(instant(date, 4)))).status).toBe(400);
    expect((await admin.post(`/tickets/${ticketId}/transfer`, { windowId: 'W01' }, at(instant(date, 4)))).status).toBe(422);
    expect((await admin.post(`/tickets/${ticketId}/transfer`, { windowId: 'W99' }, at(instant(date, 4)))).status).toBe(422);
    expect(await stack.scan('events')).toHaveLength(after);
  });
});
