import { createHash } from 'node:crypto';
import { appointmentAggregate, bookingOf, type AppointmentCommand, type AppointmentBooked, type AppointmentContext, type AppointmentStatus, type BookAppointment, type BookingContext } from '../../domain/appointment/aggregate.ts';
import { bookableSlots, closedReason, lastBookableDate, parseAppointmentId, slotIdOf } from '../../domain/appointment/rules.ts';
import { InvalidInput, NotFound } from '../../domain/errors.ts';
import { phoneKey } from '../../domain/keyed.ts';
import type { CommandMeta } from '../../domain/meta.ts';
import { appointmentMisses, appointmentMissesPartition, appointmentsDay, appointmentsPartition } from '../../domain/projections/appointments.ts';
import type { LocalDate } from '../../domain/time.ts';
import { handleCommand, type Idempotency } from '../commands/handle.ts';
import type { Reply, Request } from '../http/route.ts';
import { checkCategory } from '../queue/tickets.ts';
import { todayAt, type Runtime } from '../runtime.ts';
import { countyMac } from '../secret.ts';
import { defaultCapacity } from './capacity.ts';

/**
 * The citizen's side of appointments (在线预约), without an account: the slots with places left,
 * booking one, and cancelling it with the code.
 */

/** Who a citizen's own command comes from: no account, so no staff role (the public web, as the center's system records it). */
export const citizenMeta = (request: Pick<Request, 'now' | 'commandId' | 'correlationId'>): CommandMeta => ({ actor: { id: 'citizen', role: 'system' }, windowId: null, siteId: null, now: request.now, commandId: request.commandId, correlationId: request.correlationId });

export const appointmentContext = (rt: Runtime, booking?: BookingContext): AppointmentContext => ({ timeZone: rt.county.county.timeZone, settings: rt.county.county.appointments, ...(booking ? { booking } : {}) });

function checkSlot(rt: Runtime, slot: string, path: string): void {
  const slots = rt.county.county.appointments.slots;
  if (!slots.includes(slot)) throw new InvalidInput('Not a slot of the day', [{ path, message: `slots start at ${slots.join(', ')}` }]);
}

/** The categories that take appointments: the hall's ticket categories. */
export const appointmentCategories = (rt: Runtime) => rt.county.county.queue.categories.map((c) => ({ code: c.code, name: c.name }));

/**
 * A date's slots of a category with the places left (剩余名额), read from the day's view: a slot
 * someone booked has the capacity its first booking fixed, an empty one the capacity it would take
 * now. The view trails the streams by a moment; the booking itself decides against the stream.
 */
export async function listSlots(rt: Runtime, category: string, date: LocalDate, now: string) {
  checkCategory(rt, category, 'query.category');
  const { appointments: settings, timeZone } = rt.county.county;
  const today = todayAt(rt, now);
  const calendar = await rt.calendars.calendar();
  const open = bookableSlots(date, now, settings, calendar, timeZone);
  const booked = open.length === 0 ? [] : (await rt.views.docs(appointmentsDay, appointmentsPartition(date))).map((d) => d.doc).filter((d) => d.category === category);
  const fresh = open.some((s) => !booked.some((b) => b.slot === s.slot)) ? await defaultCapacity(rt, category, today) : 0;
  return {
    category,
    name: rt.county.county.queue.categories.find((c) => c.code === category)?.name ?? category,
    date,
    closed: closedReason(date, today, settings, calendar),
    lastBookableDate: lastBookableDate(today, settings, calendar),
    slots: open.map((s) => {
      const mine = booked.filter((b) => b.slot === s.slot);
      const capacity = mine[0]?.capacity ?? fresh;
      return { ...s, capacity, remaining: Math.max(0, capacity - mine.filter((b) => b.status !== 'cancelled').length) };
    }),
  };
}

export interface BookBody {
  category: string;
  date: LocalDate;
  slot: string;
  name: string;
  phone: string;
}
export interface Booked {
  appointmentId: string;
  code: string;
  category: string;
  date: LocalDate;
  slot: string;
  startsAt: string;
}

/**
 * A public caller has no account to scope an `Idempotency-Key` by (every one of them is the same
 * "anonymous"), so the key is scoped by the booking phone's salted key: two citizens who happen to
 * send the same key do not meet, and the stored answer (with the code) goes back only to a resend of
 * the same request, for the same phone.
 */
function bookingIdempotency(request: Request, key: string): Idempotency | undefined {
  const raw = request.headers['idempotency-key'];
  if (raw === undefined) return undefined;
  return { key: `appointment-book.${createHash('sha256').update(`${key}\n${raw}`).digest('base64url')}`, fingerprint: request.fingerprint };
}

/**
 * Books a place (预约): decided against the slot's stream, so concurrent bookings for the last places
 * take turns (`contended`) and those that find it full get 409. The phone's no-shows and the day's
 * codes are read from the views first; a first booking fixes the slot's capacity.
 */
export async function bookAppointment(rt: Runtime, request: Request, body: BookBody): Promise<Reply<Booked>> {
  const { category, date, slot } = body;
  checkCategory(rt, category, 'body.category');
  checkSlot(rt, slot, 'body.slot');
  const today = todayAt(rt, request.now);
  const [mac, calendar] = await Promise.all([countyMac(), rt.calendars.calendar()]);
  const key = phoneKey(body.phone, mac);
  const [misses, day] = await Promise.all([rt.views.docs(appointmentMisses, appointmentMissesPartition(key)), rt.views.docs(appointmentsDay, appointmentsPartition(date))]);
  const context = appointmentContext(rt, { calendar, mac, misses: misses.map((m) => m.doc.date), takenCodes: new Set(day.map((d) => d.doc.code)) });
  const idempotency = bookingIdempotency(request, key);
  const meta = { ...citizenMeta(request), commandId: idempotency?.key ?? request.commandId };
  const outcome = await handleCommand(
    rt.events,
    {
      aggregate: appointmentAggregate,
      id: slotIdOf(category, date, slot),
      command: async (state): Promise<BookAppointment> => ({ type: 'BookAppointment', data: { ...body, capacity: state?.capacity ?? (await defaultCapacity(rt, category, today)) }, meta }),
      context,
      contended: true,
    },
    (result): Reply<Booked> => {
      const booked = result.events.find((e): e is AppointmentBooked => e.type === 'AppointmentBooked');
      if (!booked) throw new Error('a booking appended no AppointmentBooked');
      const d = booked.data;
      return { status: 201, body: { appointmentId: d.appointmentId, code: d.code, category: d.category, date: d.date, slot: d.slot, startsAt: d.startsAt } };
    },
    idempotency,
  );
  return outcome.answer;
}

export interface Cancelled {
  appointmentId: string;
  status: AppointmentStatus;
  category: string;
  date: LocalDate;
  slot: string;
}

/**
 * Cancels a booking (取消预约) before its slot starts. The code proves it: a wrong one gets the same
 * 404 as an unknown booking. Cancelling again answers the same and changes nothing.
 */
export async function cancelAppointment(rt: Runtime, request: Request, appointmentId: string, code: string): Promise<Reply<Cancelled>> {
  const unknown = () => new NotFound(`no appointment ${appointmentId}`);
  const slot = parseAppointmentId(appointmentId);
  if (!slot) throw unknown();
  const outcome = await handleCommand(
    rt.events,
    { aggregate: appointmentAggregate, id: slot.slotId, mustExist: unknown, command: (): AppointmentCommand => ({ type: 'CancelAppointment', data: { appointmentId, code }, meta: citizenMeta(request) }), context: appointmentContext(rt) },
    ({ state }): Cancelled => ({ appointmentId, status: bookingOf(state, appointmentId)?.status ?? 'cancelled', category: slot.category, date: slot.date, slot: slot.slot }),
  );
  return { body: outcome.answer };
}
