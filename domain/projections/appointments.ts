import { bookingOf, type AppointmentEvent, type AppointmentSlotState, type AppointmentStatus } from '../appointment/aggregate.ts';
import type { LocalDate } from '../time.ts';
import { documentProjection } from './projection.ts';

/**
 * A day's bookings (当日预约), one document per booking as it stands: the no-show sweep finds the
 * bookings still open, the slot list counts places, and a new booking avoids the day's codes.
 * No name and only the masked number: the redacted state is all it is made from.
 */
export const appointmentsPartition = (date: LocalDate) => `appointments#${date}`;
export interface DayAppointment {
  appointmentId: string;
  category: string;
  date: LocalDate;
  slot: string;
  startsAt: string;
  /** The slot's capacity (fixed by its first booking). */
  capacity: number;
  status: AppointmentStatus;
  code: string;
  /** Masked: 138****1234. */
  phone: string;
  ticketId: string | null;
}

function dayAppointment({ after }: { after: AppointmentSlotState }, appointmentId: string): DayAppointment | undefined {
  const b = bookingOf(after, appointmentId);
  return b && { appointmentId: b.appointmentId, category: after.category, date: after.date, slot: after.slot, startsAt: after.startsAt, capacity: after.capacity, status: b.status, code: b.code, phone: b.phone, ticketId: b.ticketId };
}
const everyEvent = ['AppointmentBooked', 'AppointmentCancelled', 'AppointmentCheckedIn', 'AppointmentMissed'] as const;

export const appointmentsDay = documentProjection<AppointmentEvent, AppointmentSlotState, DayAppointment>({
  name: 'appointments-day',
  canHandle: everyEvent,
  keys: ({ event, after }) => [{ pk: appointmentsPartition(after.date), sk: event.data.appointmentId }],
  evolve: (envelope, key) => dayAppointment(envelope, key.sk),
});

/**
 * The same documents by code (预约码): the kiosk finds a booking by the code alone, and can tell
 * a visitor who came on the wrong day which day it is for. Codes of different days may coincide.
 */
export const appointmentCodePartition = (code: string) => `appointment-code#${code}`;
export const appointmentsByCode = documentProjection<AppointmentEvent, AppointmentSlotState, DayAppointment>({
  name: 'appointments-by-code',
  canHandle: everyEvent,
  keys: ({ event, after }) => {
    const b = bookingOf(after, event.data.appointmentId);
    return b ? [{ pk: appointmentCodePartition(b.code), sk: b.appointmentId }] : [];
  },
  evolve: (envelope, key) => dayAppointment(envelope, key.sk),
});

/** A phone's no-shows (爽约记录), by its salted key: the blocking rule reads their dates. */
export const appointmentMissesPartition = (phoneKey: string) => `appointment-misses#${phoneKey}`;
export interface AppointmentMiss {
  appointmentId: string;
  date: LocalDate;
  at: string;
}

export const appointmentMisses = documentProjection<AppointmentEvent, AppointmentSlotState, AppointmentMiss>({
  name: 'appointment-misses',
  canHandle: ['AppointmentMissed'],
  keys: ({ event, after }) => {
    const b = bookingOf(after, event.data.appointmentId);
    return b ? [{ pk: appointmentMissesPartition(b.phoneKey), sk: b.appointmentId }] : [];
  },
  evolve: ({ event, after }) => (event.type === 'AppointmentMissed' ? { appointmentId: event.data.appointmentId, date: after.date, at: event.data.at } : undefined),
});
