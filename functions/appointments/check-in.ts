import { appointmentAggregate, bookingOf, type AppointmentCommand } from '../../domain/appointment/aggregate.ts';
import { lapsesAt, parseAppointmentId } from '../../domain/appointment/rules.ts';
import { streamOf } from '../../domain/decider.ts';
import { IllegalTransition, NotFound, RuleViolation } from '../../domain/errors.ts';
import type { CommandMeta } from '../../domain/meta.ts';
import { appointmentCodePartition, appointmentsByCode } from '../../domain/projections/appointments.ts';
import { handleCommand, readState, type Idempotency } from '../commands/handle.ts';
import { commandMeta } from '../http/request-meta.ts';
import type { Reply, Request } from '../http/route.ts';
import { issueTicket, type IssuedSlip } from '../queue/tickets.ts';
import { todayAt, type Runtime } from '../runtime.ts';
import { appointmentContext } from './booking.ts';

/** The ticket a booking becomes is issued under this key, whoever asks and however often: one ticket per booking. */
export const checkInTicketKey = (appointmentId: string): Idempotency => ({ key: `appointment-ticket.${appointmentId}`, fingerprint: `appointment-ticket#${appointmentId}` });

export interface CheckedIn extends IssuedSlip {
  appointmentId: string;
  appointmentAt: string;
}

/** Records on the slot that the booking became this ticket; recording it again changes nothing. */
export async function recordCheckIn(rt: Runtime, appointmentId: string, ticketId: string, meta: CommandMeta): Promise<void> {
  const slot = parseAppointmentId(appointmentId);
  if (!slot) throw new NotFound(`no appointment ${appointmentId}`);
  await handleCommand(
    rt.events,
    { aggregate: appointmentAggregate, id: slot.slotId, command: (): AppointmentCommand => ({ type: 'CheckInAppointment', data: { appointmentId, ticketId }, meta }), context: appointmentContext(rt), contended: true },
    () => undefined,
  );
}

/**
 * The kiosk turns today's booking into a ticket (预约签到取号): found by its code, checked against
 * the slot's stream, issued as a ticket with the appointment's time (the queue calls due
 * appointments first), then recorded on the slot.
 *
 * Exactly once: the ticket is issued under a key derived from the booking, so a resend — or a second
 * check-in of the same booking — gets the same ticket back and draws no number. If recording the
 * check-in fails after the ticket was issued, the booking still reads `booked`: a resend gets the
 * same ticket and records it, and the no-show sweep, finding the ticket under that key, records the
 * check-in instead of a no-show.
 */
export async function checkIn(rt: Runtime, request: Request, code: string): Promise<Reply<CheckedIn>> {
  const today = todayAt(rt, request.now);
  const withCode = (await rt.views.docs(appointmentsByCode, appointmentCodePartition(code))).map((d) => d.doc);
  const todays = withCode.filter((d) => d.date === today);
  if (todays.length === 0) {
    const other = withCode.filter((d) => d.status === 'booked').sort((a, b) => a.startsAt.localeCompare(b.startsAt))[0];
    if (other) throw new RuleViolation(`The booking is for ${other.date} ${other.slot}, not today`, { date: other.date, slot: other.slot });
    throw new NotFound('No booking of today has this code');
  }
  const open = todays.filter((d) => d.status === 'booked' || d.status === 'checked-in');
  // Codes are chosen apart within a day; two bookings made at the same moment could still share one.
  if (open.length > 1) throw new IllegalTransition('Two bookings of today have this code: please ask at the information desk');
  const found = open[0] ?? todays[0]!;
  // The view found it; the slot's stream says what it is now.
  const slot = parseAppointmentId(found.appointmentId);
  if (!slot) throw new NotFound('No booking of today has this code');
  const { state } = await readState(rt.events, appointmentAggregate, streamOf(appointmentAggregate, slot.slotId));
  const booking = bookingOf(state, found.appointmentId);
  if (!state || !booking) throw new NotFound('No booking of today has this code');
  if (booking.status === 'cancelled' || booking.status === 'missed') throw new IllegalTransition(`The booking is ${booking.status}: take an ordinary ticket`);
  const lapsed = lapsesAt(state.startsAt, rt.county.county.appointments);
  if (booking.status === 'booked' && request.now >= lapsed) throw new IllegalTransition(`Too late: the booking lapsed at ${lapsed}; take an ordinary ticket`);
  const key = checkInTicketKey(booking.appointmentId);
  const slip = await issueTicket(rt, { ...request, idempotencyKey: key.key, fingerprint: key.fingerprint, commandId: key.key }, { category: state.category, appointmentId: booking.appointmentId, appointmentAt: state.startsAt });
  await recordCheckIn(rt, booking.appointmentId, slip.body.ticketId, commandMeta(request));
  return { status: 201, body: { appointmentId: booking.appointmentId, appointmentAt: state.startsAt, ...slip.body } };
}
