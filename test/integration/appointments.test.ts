import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { phoneKey } from '../../domain/keyed.ts';
import { checkInTicketKey } from '../../functions/appointments/check-in.ts';
import { routes } from '../../functions/http/routes.ts';
import type { Request } from '../../functions/http/route.ts';
import { issueTicket } from '../../functions/queue/tickets.ts';
import { runtime } from '../../functions/runtime.ts';
import { macOf } from '../../functions/secret.ts';
import { repositoryRoot } from '../../local/server.ts';
import { api, clock, settle, startStack, type Stack } from '../support/local-stack.ts';

/**
 * Online appointments over HTTP on the real DynamoDB Local: slots and places, booking and cancelling
 * without an account, fifty citizens racing for the last three places, the no-show sweep and the
 * block it leads to, and the kiosk turning a code into a ticket.
 */

let stack: Stack;
let admin: ReturnType<typeof api>;
let kiosk: ReturnType<typeof api>;
/** No token: the citizens' side. */
let citizen: ReturnType<typeof api>;

interface Booked {
  appointmentId: string;
  code: string;
  category: string;
  date: string;
  slot: string;
  startsAt: string;
}
interface Slots {
  category: string;
  date: string;
  closed: string | null;
  lastBookableDate: string;
  slots: { slot: string; startsAt: string; capacity: number; remaining: number }[];
}
interface Ticket {
  appointmentId: string;
  appointmentAt: string;
  ticketId: string;
  number: string;
  category: string;
}

beforeAll(async () => {
  stack = await startStack('sanmen', { projections: true });
  // The test county: Sanmen, with five places in each slot of category S (消防). Each function's
  // runtime reads the county file when it first serves, so every one of them reads this one.
  const county = JSON.parse(readFileSync(join(repositoryRoot, 'infra', 'counties', 'sanmen.json'), 'utf8')) as Record<string, unknown>;
  const file = join(mkdtempSync(join(tmpdir(), 'banjian-appointments-')), 'sanmen.json');
  writeFileSync(file, JSON.stringify({ ...county, appointments: { capacity: { S: 5 } } }));
  process.env.COUNTY_FILE = file;
  admin = api(stack.url, await stack.token('admin'));
  kiosk = api(stack.url, await stack.token('kiosk', { user: 'kiosk-1' }));
  citizen = api(stack.url);
});
afterAll(async () => stack.close());

let phones = 0;
/** A citizen's own phone number, different each time. */
const phone = () => `1390000${String(phones++).padStart(4, '0')}`;
const book = (date: string, slot: string, now: Record<string, string>, body: Partial<{ category: string; phone: string; name: string }> = {}, headers: Record<string, string> = {}) =>
  citizen.post<Booked>('/public/appointments', { category: 'S', date, slot, name: '王五', phone: phone(), ...body }, { ...now, ...headers });
const slotsOf = (category: string, date: string, now: Record<string, string>) => citizen.get<Slots>(`/public/appointments/slots?category=${category}&date=${date}`, now);
const eventsOf = async (stream: string) => (await stack.scan('events')).filter((e) => e.stream === stream).sort((a, b) => Number(a.version) - Number(b.version));
/** Whether the day's view (当日预约) has a document for every booking of the date the events hold: the projector has caught up with them. */
async function dayViewHoldsEveryBooking(date: string): Promise<boolean> {
  const booked = (await stack.scan('events')).filter((e) => e.type === 'AppointmentBooked' && (e.data as { date: string }).date === date).map((e) => (e.data as { appointmentId: string }).appointmentId);
  const inView = new Set((await stack.scan('views')).filter((v) => String(v.pk).endsWith(`appointments#${date}`)).map((v) => String(v.sk)));
  return booked.every((id) => inView.has(id));
}
const remaining = async (category: string, date: string, slot: string, now: Record<string, string>) => (await slotsOf(category, date, now)).body.slots.find((s) => s.slot === slot)?.remaining;

describe('the slots (public)', () => {
  it('lists the categories that take bookings', async () => {
    const categories = await citizen.get<{ code: string; name: string }[]>('/public/appointments/categories');
    expect(categories.status).toBe(200);
    expect(categories.body).toContainEqual({ code: 'S', name: '消防' });
  });

  it('lists a working day’s slots with their places: the county’s capacity, or windows × 30 ÷ the service time', async () => {
    const now = clock('2026-11-13', '10:00');
    const s = await slotsOf('S', '2026-11-16', now);
    expect(s.status, s.text).toBe(200);
    expect(s.body).toMatchObject({ category: 'S', date: '2026-11-16', closed: null, lastBookableDate: '2026-11-24' });
    expect(s.body.slots).toHaveLength(13);
    expect(s.body.slots[0]).toEqual({ slot: '09:00', startsAt: '2026-11-16T01:00:00.000Z', capacity: 5, remaining: 5 });
    // One window (W01) at the default 8 minutes: 30 ÷ 8, rounded down.
    expect((await slotsOf('A', '2026-11-16', now)).body.slots[0]).toMatchObject({ capacity: 3, remaining: 3 });
    expect((await book('2026-11-16', '09:00', now)).status).toBe(201);
    await settle(async () => (await remaining('S', '2026-11-16', '09:00', now)) === 4);
    expect(await remaining('S', '2026-11-16', '09:00', now)).toBe(4);
  });

  it('lists none on a closed day, and today only the slots not started', async () => {
    expect((await slotsOf('S', '2026-11-14', clock('2026-11-13', '10:00'))).body).toMatchObject({ closed: 'not-a-working-day', slots: [] });
    expect((await slotsOf('S', '2026-11-25', clock('2026-11-13', '10:00'))).body).toMatchObject({ closed: 'too-far-ahead', slots: [] });
    const today = await slotsOf('S', '2026-11-13', clock('2026-11-13', '14:05'));
    expect(today.body.slots.map((s) => s.slot)).toEqual(['14:30', '15:00', '15:30', '16:00', '16:30']);
    expect((await citizen.get('/public/appointments/slots?category=Y&date=2026-11-16')).status).toBe(422);
  });
});

describe('booking and cancelling (public)', () => {
  it('books with a code, and a wrong code cancels nothing (404 as an unknown booking)', async () => {
    const now = clock('2026-11-13', '10:00');
    const booked = await book('2026-11-16', '09:30', now);
    expect(booked.status, booked.text).toBe(201);
    expect(booked.body).toMatchObject({ appointmentId: 'S-20261116-0930-1', category: 'S', date: '2026-11-16', slot: '09:30', startsAt: '2026-11-16T01:30:00.000Z' });
    expect(booked.body.code).toMatch(/^\d{6}$/);
    const id = booked.body.appointmentId;
    const wrong = booked.body.code === '000000' ? '000001' : '000000';
    const refused = await citizen.post(`/public/appointments/${id}/cancel`, { code: wrong }, now);
    const unknown = await citizen.post('/public/appointments/S-20261116-0930-9/cancel', { code: booked.body.code }, now);
    expect([refused.status, unknown.status]).toEqual([404, 404]);
    expect(refused.body).toMatchObject({ title: unknown.body.title, detail: `no appointment ${id}` });
    const cancelled = await citizen.post(`/public/appointments/${id}/cancel`, { code: booked.body.code }, now);
    expect(cancelled.status, cancelled.text).toBe(200);
    expect(cancelled.body).toEqual({ appointmentId: id, status: 'cancelled', category: 'S', date: '2026-11-16', slot: '09:30' });
    // Cancelling again answers the same and records nothing more.
    expect((await citizen.post(`/public/appointments/${id}/cancel`, { code: booked.body.code }, now)).body).toEqual(cancelled.body);
    expect((await eventsOf('appointment#S-20261116-0930')).map((e) => e.type)).toEqual(['AppointmentBooked', 'AppointmentCancelled']);
  });

  it('refuses a cancellation once the slot has started (409)', async () => {
    const booked = await book('2026-11-16', '10:00', clock('2026-11-13', '10:00'));
    const late = await citizen.post(`/public/appointments/${booked.body.appointmentId}/cancel`, { code: booked.body.code }, clock('2026-11-16', '10:00'));
    expect(late.status, late.text).toBe(409);
  });

  it('answers a resend with the same Idempotency-Key with the same booking, scoped to the phone', async () => {
    const now = clock('2026-11-13', '10:00');
    const mine = phone();
    const key = { 'idempotency-key': 'booking-000000001' };
    const first = await book('2026-11-16', '10:30', now, { phone: mine }, key);
    const again = await book('2026-11-16', '10:30', now, { phone: mine }, key);
    expect(first.status).toBe(201);
    expect(again.text).toBe(first.text);
    // Somebody else sending the same key books their own place.
    const other = await book('2026-11-16', '10:30', now, {}, key);
    expect(other.status, other.text).toBe(201);
    expect(other.body.appointmentId).not.toBe(first.body.appointmentId);
    // Without the key, the same phone cannot hold a second place in the slot.
    expect((await book('2026-11-16', '10:30', now, { phone: mine })).status).toBe(409);
  });

  it('refuses closed days, started slots and slots the day does not have (422)', async () => {
    const now = clock('2026-11-13', '10:00');
    expect((await book('2026-11-14', '09:00', now)).status).toBe(422);
    expect((await book('2026-11-25', '09:00', now)).status).toBe(422);
    expect((await book('2026-11-13', '09:30', now)).status).toBe(422);
    expect((await book('2026-11-16', '12:00', now)).status).toBe(422);
    expect((await book('2026-11-16', '09:00', now, { category: 'Y' })).status).toBe(422);
  });

  it('gives fifty simultaneous bookings for the last three places exactly three places', async () => {
    const now = clock('2026-11-13', '11:00');
    for (let i = 0; i < 2; i++) expect((await book('2026-11-17', '10:00', now)).status).toBe(201);
    const answers = await Promise.all(Array.from({ length: 50 }, () => book('2026-11-17', '10:00', now)));
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 201), answers.filter((a) => a.status !== 201 && a.status !== 409).map((a) => a.text).join('\n')).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(47);
    expect(answers.find((a) => a.status === 409)?.body).toMatchObject({ detail: expect.stringMatching(/Slot full/) as unknown });
    const events = await eventsOf('appointment#S-20261117-1000');
    expect(events.map((e) => (e.data as { appointmentId: string }).appointmentId)).toEqual([1, 2, 3, 4, 5].map((n) => `S-20261117-1000-${n}`));
    expect(new Set(answers.filter((a) => a.status === 201).map((a) => a.body.code)).size).toBe(3);
    await settle(async () => (await remaining('S', '2026-11-17', '10:00', now)) === 0);
    expect(await remaining('S', '2026-11-17', '10:00', now)).toBe(0);
  }, 60_000);
});

describe('no-shows (爽约)', () => {
  it('marks the bookings nobody came for, and three within 30 days block the phone until 30 days after the last', async () => {
    const mine = phone();
    const days = ['2026-11-16', '2026-11-17', '2026-11-18'];
    const ids = new Map<string, string>();
    for (const date of days) {
      const booked = await book(date, '09:00', clock('2026-11-13', '12:00'), { phone: mine });
      expect(booked.status, booked.text).toBe(201);
      ids.set(date, booked.body.appointmentId);
    }
    for (const date of days) {
      // The sweep reads the day's view: it sees a booking only once the projector has written it.
      await settle(() => dayViewHoldsEveryBooking(date));
      expect(await dayViewHoldsEveryBooking(date)).toBe(true);
      // Before the time has lapsed the booking stands.
      const early = await admin.post<{ missed: { appointmentId: string }[] }>(`/appointments/no-shows/${date}`, {}, clock(date, '09:14'));
      expect(early.body.missed).toEqual([]);
      const swept = await admin.post<{ considered: number; missed: { appointmentId: string }[] }>(`/appointments/no-shows/${date}`, {}, clock(date, '17:45'));
      expect(swept.status, swept.text).toBe(200);
      expect(swept.body.missed.map((m) => m.appointmentId)).toEqual(expect.arrayContaining([`S-${date.replaceAll('-', '')}-0900-1`, ids.get(date)]));
      const again = await admin.post<{ missed: unknown[] }>(`/appointments/no-shows/${date}`, {}, clock(date, '17:50'));
      expect(again.body.missed).toEqual([]);
    }
    expect((await stack.scan('events')).filter((e) => e.type === 'AppointmentMissed' && String(e.stream).endsWith('-0900')).length).toBeGreaterThanOrEqual(3);
    const misses = `appointment-misses#${phoneKey(mine, macOf('test-county-secret'))}`;
    await settle(async () => (await stack.scan('views')).filter((v) => String(v.pk).endsWith(misses)).length === 3);
    const blocked = await book('2026-11-19', '09:00', clock('2026-11-18', '18:00'), { phone: mine });
    expect(blocked.status, blocked.text).toBe(422);
    expect(blocked.body).toMatchObject({ blockedUntil: '2026-12-18' });
    expect((await book('2026-12-17', '09:00', clock('2026-12-17', '08:00'), { phone: mine })).status).toBe(422);
    // The block lifts 30 days after the last no-show.
    const lifted = await book('2026-12-21', '09:00', clock('2026-12-18', '08:00'), { phone: mine });
    expect(lifted.status, lifted.text).toBe(201);
  });
});

describe('checking in at the kiosk (预约签到取号)', () => {
  const today = '2026-11-19';
  let booked: Booked;

  beforeAll(async () => {
    booked = (await book(today, '10:00', clock('2026-11-18', '10:00'))).body;
    await settle(async () => (await stack.scan('views')).some((v) => v.projection === 'appointments-by-code' && v.sk === booked.appointmentId));
  });

  it('refuses the code on another day (422) and an unknown one (404)', async () => {
    expect((await kiosk.post('/appointments/check-in', { code: booked.code }, clock('2026-11-18', '15:00'))).status).toBe(422);
    const unknown = booked.code === '999999' ? '999998' : '999999';
    expect((await kiosk.post('/appointments/check-in', { code: unknown }, clock(today, '09:40'))).status).toBe(404);
  });

  it('turns the code into a ticket the queue ranks at the appointment’s time, and a resend gets the same ticket', async () => {
    const first = await kiosk.post<Ticket>('/appointments/check-in', { code: booked.code }, clock(today, '09:40'));
    expect(first.status, first.text).toBe(201);
    expect(first.body).toMatchObject({ appointmentId: booked.appointmentId, appointmentAt: '2026-11-19T02:00:00.000Z', category: 'S' });
    const again = await kiosk.post<Ticket>('/appointments/check-in', { code: booked.code }, clock(today, '09:41'));
    const atDesk = await api(stack.url, await stack.token('clerk', { windowId: 'W17' })).post<Ticket>('/appointments/check-in', { code: booked.code }, clock(today, '09:42'));
    expect([again.status, atDesk.status]).toEqual([201, 201]);
    expect([again.body.ticketId, atDesk.body.ticketId]).toEqual([first.body.ticketId, first.body.ticketId]);
    expect(again.body.number).toBe(first.body.number);
    const queue = await admin.get<{ entries: { ticketId: string; appointmentAt: string | null }[] }>('/queue?category=S', clock(today, '10:00'));
    expect(queue.body.entries).toContainEqual(expect.objectContaining({ ticketId: first.body.ticketId, appointmentAt: '2026-11-19T02:00:00.000Z' }));
    const events = await stack.scan('events');
    const issued = events.filter((e) => e.type === 'TicketIssued' && (e.data as { appointmentId: string | null }).appointmentId === booked.appointmentId);
    expect(issued).toHaveLength(1);
    expect(issued[0]!.data).toMatchObject({ source: 'appointment', appointmentAt: '2026-11-19T02:00:00.000Z' });
    expect(events.filter((e) => e.type === 'AppointmentCheckedIn').map((e) => e.data)).toEqual([expect.objectContaining({ appointmentId: booked.appointmentId, ticketId: first.body.ticketId })]);
  });

  it('refuses a cancelled booking (409) and one whose time has lapsed (409)', async () => {
    const cancelled = (await book(today, '11:00', clock('2026-11-18', '10:00'))).body;
    await citizen.post(`/public/appointments/${cancelled.appointmentId}/cancel`, { code: cancelled.code }, clock('2026-11-18', '11:00'));
    const late = (await book(today, '09:00', clock('2026-11-18', '10:00'))).body;
    const views = async () => (await stack.scan('views')).filter((v) => v.projection === 'appointments-by-code');
    await settle(async () => (await views()).some((v) => v.sk === late.appointmentId) && (await views()).some((v) => v.sk === cancelled.appointmentId && (v.doc as { status: string }).status === 'cancelled'));
    expect((await kiosk.post('/appointments/check-in', { code: cancelled.code }, clock(today, '10:30'))).status).toBe(409);
    expect((await kiosk.post('/appointments/check-in', { code: late.code }, clock(today, '09:15'))).status).toBe(409);
  });

  it('records the check-in of a ticket issued whose record was lost, instead of a no-show', async () => {
    const lost = (await book(today, '14:00', clock('2026-11-18', '10:00'))).body;
    // The ticket is issued under the booking's key, and the check-in's second write never happens.
    const key = checkInTicketKey(lost.appointmentId);
    const now = new Date('2026-11-19T13:50:00+08:00').toISOString();
    const request: Request = {
      route: routes.find((r) => r.operationId === 'checkInAppointment')!,
      params: {},
      query: {},
      body: { code: lost.code },
      headers: {},
      now,
      correlationId: 'lost-check-in-0001',
      sourceIp: '127.0.0.1',
      commandId: key.key,
      caller: { actor: { id: 'kiosk-1', role: 'kiosk' }, subject: 'kiosk-1', windowId: null, siteId: null, departmentId: null, intermediaryId: null, ownerId: null, name: null, badgeNo: null, authenticated: true, inGroup: true },
      idempotencyKey: key.key,
      fingerprint: key.fingerprint,
      ifMatch: undefined,
    };
    const slip = await issueTicket(runtime('queue'), request, { category: 'S', appointmentId: lost.appointmentId, appointmentAt: lost.startsAt });
    await settle(async () => (await stack.scan('views')).some((v) => String(v.pk).endsWith(`appointments#${today}`) && v.sk === lost.appointmentId));
    const swept = await admin.post<{ missed: { appointmentId: string }[]; checkedIn: { appointmentId: string; ticketId: string }[] }>(`/appointments/no-shows/${today}`, {}, clock(today, '17:45'));
    expect(swept.status, swept.text).toBe(200);
    expect(swept.body.checkedIn).toEqual([{ appointmentId: lost.appointmentId, ticketId: slip.body.ticketId }]);
    expect(swept.body.missed.map((m) => m.appointmentId)).not.toContain(lost.appointmentId);
  });
});
