import { allOf, type Aggregate } from '../decider.ts';
import type { AppointmentSettings } from '../county.ts';
import { IllegalTransition, InvalidInput, NotFound, RuleViolation } from '../errors.ts';
import { mac32, phoneKey, type Mac } from '../keyed.ts';
import { eventMetaOf, type CommandMeta, type EventMeta } from '../meta.ts';
import { maskPhone } from '../privacy.ts';
import { localDateOf, type LocalDate } from '../time.ts';
import { appointmentIdOf, blockedUntil, closedReason, instantAt, lapsesAt, slotIdOf, type AppointmentCalendar } from './rules.ts';

/**
 * Online appointments (在线预约). The aggregate is one half-hour slot of one ticket category on one
 * date (`A-20261116-0930`): every booking of the slot is in its stream, so the places left are
 * decided inside one stream, and two bookings for the last place race on its version — the loser
 * reads again and finds the slot full. Never overbooked.
 */
export const appointmentStatuses = ['booked', 'cancelled', 'checked-in', 'missed'] as const;
export type AppointmentStatus = (typeof appointmentStatuses)[number];

type Event<T extends string, D> = { type: T; data: D; meta: EventMeta };

/** A citizen booked a place in the slot (预约): the code they show at the kiosk, and the slot's capacity, fixed by its first booking. */
export type AppointmentBooked = Event<
  'AppointmentBooked',
  { appointmentId: string; category: string; date: LocalDate; slot: string; startsAt: string; name: string; phone: string; phoneKey: string; code: string; capacity: number; bookedAt: string }
>;
/** The citizen cancelled before the slot began (取消预约): the place is free again. */
export type AppointmentCancelled = Event<'AppointmentCancelled', { appointmentId: string; cancelledAt: string }>;
/** The citizen came and the code became a ticket (预约签到取号). */
export type AppointmentCheckedIn = Event<'AppointmentCheckedIn', { appointmentId: string; ticketId: string; at: string }>;
/** Not checked in in time: a no-show (爽约), counted against the phone. */
export type AppointmentMissed = Event<'AppointmentMissed', { appointmentId: string; at: string }>;

export type AppointmentEvent = AppointmentBooked | AppointmentCancelled | AppointmentCheckedIn | AppointmentMissed;
export const appointmentEventTypes = allOf<AppointmentEvent['type']>({ AppointmentBooked: true, AppointmentCancelled: true, AppointmentCheckedIn: true, AppointmentMissed: true });

export interface Booking {
  appointmentId: string;
  /** Null once redacted: views never keep the name. */
  name: string | null;
  /** Whole in the stream's state, masked (138****1234) in the views'. */
  phone: string;
  phoneKey: string;
  code: string;
  status: AppointmentStatus;
  bookedAt: string;
  /** The ticket the booking became at the kiosk. */
  ticketId: string | null;
  /** When it was cancelled, checked in or missed. */
  closedAt: string | null;
}

export interface AppointmentSlotState {
  slotId: string;
  category: string;
  date: LocalDate;
  slot: string;
  startsAt: string;
  capacity: number;
  /** In the order they were made: booking n is `bookings[n - 1]`. */
  bookings: Booking[];
}

/** Book a place (预约): what the citizen asked for, and the capacity the slot takes if this is its first booking. */
export type BookAppointment = { type: 'BookAppointment'; data: { category: string; date: LocalDate; slot: string; name: string; phone: string; capacity: number }; meta: CommandMeta };
/** Cancel a booking (取消预约): the code proves it is the citizen's. */
export type CancelAppointment = { type: 'CancelAppointment'; data: { appointmentId: string; code: string }; meta: CommandMeta };
/** Record that the booking became a ticket at the kiosk (签到). */
export type CheckInAppointment = { type: 'CheckInAppointment'; data: { appointmentId: string; ticketId: string }; meta: CommandMeta };
/** Mark a booking not checked in in time as a no-show (记爽约). */
export type MarkAppointmentMissed = { type: 'MarkAppointmentMissed'; data: { appointmentId: string }; meta: CommandMeta };
export type AppointmentCommand = BookAppointment | CancelAppointment | CheckInAppointment | MarkAppointmentMissed;

/** What deciding needs beyond the stream: the county's settings, and for a booking what the adapter read for it. */
export interface AppointmentContext {
  timeZone: string;
  settings: AppointmentSettings;
  /** A booking's own inputs (the other commands need none of them). */
  booking?: BookingContext;
}

export interface BookingContext {
  calendar: AppointmentCalendar;
  /** The county MAC: the phone's key and the booking's code. */
  mac: Mac;
  /** The booking phone's no-shows (dates), from the misses view: the blocking rule. */
  misses: readonly LocalDate[];
  /** Codes other bookings of the date hold (from the day's view): a new code avoids them, so a code names one booking of the day. */
  takenCodes: ReadonlySet<string>;
}

/**
 * The booking's 6-digit code (预约码), from the county MAC of its id: the same booking always gets the
 * same code, and nobody without the secret can derive it. When it is taken on the day, the next
 * candidate of the same id is used.
 */
export function appointmentCode(mac: Mac, appointmentId: string, taken: ReadonlySet<string> = new Set()): string {
  for (let k = 0; ; k++) {
    const code = String(mac32(mac, `appointment-code#${appointmentId}#${k}`) % 1_000_000).padStart(6, '0');
    if (!taken.has(code) || k >= 99) return code;
  }
}

/** The bookings that hold a place: all but the cancelled ones (a missed one held it until it lapsed). */
export const placesTaken = (state: AppointmentSlotState | undefined) => state?.bookings.filter((b) => b.status !== 'cancelled').length ?? 0;

export const bookingOf = (state: AppointmentSlotState | undefined, appointmentId: string): Booking | undefined => state?.bookings.find((b) => b.appointmentId === appointmentId);

/** Codes compared in time independent of where they differ. */
function sameCode(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

export function evolveAppointment(state: AppointmentSlotState | undefined, event: AppointmentEvent): AppointmentSlotState {
  if (event.type === 'AppointmentBooked') {
    const d = event.data;
    const booking: Booking = { appointmentId: d.appointmentId, name: d.name, phone: d.phone, phoneKey: d.phoneKey, code: d.code, status: 'booked', bookedAt: d.bookedAt, ticketId: null, closedAt: null };
    const slot = state ?? { slotId: slotIdOf(d.category, d.date, d.slot), category: d.category, date: d.date, slot: d.slot, startsAt: d.startsAt, capacity: d.capacity, bookings: [] };
    return { ...slot, bookings: [...slot.bookings, booking] };
  }
  if (!state) throw new Error(`${event.type} before AppointmentBooked`);
  const change = (patch: Partial<Booking>) => ({ ...state, bookings: state.bookings.map((b) => (b.appointmentId === event.data.appointmentId ? { ...b, ...patch } : b)) });
  switch (event.type) {
    case 'AppointmentCancelled':
      return change({ status: 'cancelled', closedAt: event.data.cancelledAt });
    case 'AppointmentCheckedIn':
      return change({ status: 'checked-in', ticketId: event.data.ticketId, closedAt: event.data.at });
    case 'AppointmentMissed':
      return change({ status: 'missed', closedAt: event.data.at });
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled event ${(unhandled as AppointmentEvent).type}`);
    }
  }
}

/** What the views keep of a slot: no names, phones masked. */
export const redactSlot = (state: AppointmentSlotState): AppointmentSlotState => ({ ...state, bookings: state.bookings.map((b) => ({ ...b, name: null, phone: maskPhone(b.phone) })) });

function book(command: BookAppointment, state: AppointmentSlotState | undefined, context: AppointmentContext): AppointmentEvent[] {
  const { category, date, slot, name, phone } = command.data;
  const { settings, timeZone } = context;
  if (!context.booking) throw new Error('a booking needs its context: the calendar, the county MAC, the phone’s misses, the day’s codes');
  const { calendar, mac, misses, takenCodes } = context.booking;
  const now = command.meta.now;
  if (!settings.slots.includes(slot)) throw new InvalidInput('Not a slot of the day', [{ path: 'body.slot', message: `slots start at ${settings.slots.join(', ')}` }]);
  const today = localDateOf(now, timeZone);
  const closed = closedReason(date, today, settings, calendar);
  if (closed === 'past') throw new RuleViolation(`${date} has passed`, { date });
  if (closed === 'not-a-working-day') throw new RuleViolation(`${date} is not a working day: the hall is closed`, { date });
  if (closed === 'too-far-ahead') throw new RuleViolation(`Bookings open ${settings.daysAhead} working days ahead`, { date, lastBookableDate: calendar.addWorkingDays(today, settings.daysAhead) });
  const startsAt = instantAt(date, slot, timeZone);
  if (startsAt <= now) throw new RuleViolation(`The ${slot} slot has started`, { startsAt });
  const until = blockedUntil(misses, today, settings);
  if (until !== null) throw new RuleViolation(`Online booking is closed to this phone until ${until}: ${settings.noShowLimit} no-shows within ${settings.noShowWindowDays} days (爽约)`, { blockedUntil: until });
  const key = phoneKey(phone, mac);
  if (state?.bookings.some((b) => b.phoneKey === key && b.status === 'booked')) throw new IllegalTransition('This phone already holds a booking in this slot');
  const capacity = state?.capacity ?? command.data.capacity;
  if (placesTaken(state) >= capacity) throw new IllegalTransition(`Slot full: the ${slot} slot of ${date} has no place left (${capacity} in all)`);
  const appointmentId = appointmentIdOf(slotIdOf(category, date, slot), (state?.bookings.length ?? 0) + 1);
  const code = appointmentCode(mac, appointmentId, takenCodes);
  return [{ type: 'AppointmentBooked', data: { appointmentId, category, date, slot, startsAt, name, phone, phoneKey: key, code, capacity, bookedAt: now }, meta: eventMetaOf(command.meta) }];
}

/** Decides one command on a slot. Pure: the time comes in the command's metadata. */
export function decideAppointment(command: AppointmentCommand, state: AppointmentSlotState | undefined, context: AppointmentContext): AppointmentEvent[] {
  if (command.type === 'BookAppointment') return book(command, state, context);
  const meta = eventMetaOf(command.meta);
  const now = command.meta.now;
  const { appointmentId } = command.data;
  const booking = bookingOf(state, appointmentId);
  switch (command.type) {
    case 'CancelAppointment':
      // A wrong code is answered as an unknown booking: the answer tells nothing about bookings one cannot prove.
      if (!booking || !sameCode(booking.code, command.data.code)) throw new NotFound(`no appointment ${appointmentId}`);
      if (booking.status === 'cancelled') return [];
      if (booking.status !== 'booked') throw new IllegalTransition(`The booking is ${booking.status}`);
      if (state!.startsAt <= now) throw new IllegalTransition('The slot has started: a booking can be cancelled only before it');
      return [{ type: 'AppointmentCancelled', data: { appointmentId, cancelledAt: now }, meta }];
    case 'CheckInAppointment':
      if (!booking) throw new NotFound(`no appointment ${appointmentId}`);
      if (booking.status === 'checked-in' && booking.ticketId === command.data.ticketId) return [];
      if (booking.status !== 'booked') throw new IllegalTransition(`The booking is ${booking.status}${booking.ticketId ? ` (ticket ${booking.ticketId})` : ''}`);
      if (state!.date !== localDateOf(now, context.timeZone)) throw new RuleViolation(`The booking is for ${state!.date}, not today`, { date: state!.date });
      return [{ type: 'AppointmentCheckedIn', data: { appointmentId, ticketId: command.data.ticketId, at: now }, meta }];
    case 'MarkAppointmentMissed':
      if (!booking) throw new NotFound(`no appointment ${appointmentId}`);
      if (booking.status === 'missed') return [];
      if (booking.status !== 'booked') throw new IllegalTransition(`The booking is ${booking.status}`);
      if (now < lapsesAt(state!.startsAt, context.settings)) throw new IllegalTransition(`Not a no-show before ${lapsesAt(state!.startsAt, context.settings)}`);
      return [{ type: 'AppointmentMissed', data: { appointmentId, at: now }, meta }];
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${(unhandled as AppointmentCommand).type}`);
    }
  }
}

/** A half-hour slot of a ticket category (预约时段) and the bookings in it. */
export const appointmentAggregate: Aggregate<AppointmentCommand, AppointmentEvent, AppointmentSlotState | undefined, AppointmentContext> = {
  name: 'appointment',
  streamPrefix: 'appointment#',
  eventTypes: appointmentEventTypes,
  initialState: () => undefined,
  evolve: evolveAppointment,
  decide: decideAppointment,
};
