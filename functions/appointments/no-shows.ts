import { appointmentAggregate, type AppointmentCommand } from '../../domain/appointment/aggregate.ts';
import { lapsesAt, parseAppointmentId } from '../../domain/appointment/rules.ts';
import { IllegalTransition, NotFound, RuleViolation } from '../../domain/errors.ts';
import type { CommandMeta } from '../../domain/meta.ts';
import { appointmentsDay, appointmentsPartition } from '../../domain/projections/appointments.ts';
import type { LocalDate } from '../../domain/time.ts';
import { earlierAnswer, handleCommand } from '../commands/handle.ts';
import { timerKey } from '../commands/timer.ts';
import type { Reply } from '../http/route.ts';
import type { IssuedSlip } from '../queue/tickets.ts';
import type { Runtime } from '../runtime.ts';
import { appointmentContext } from './booking.ts';
import { checkInTicketKey, recordCheckIn } from './check-in.ts';

export interface NoShowSweep {
  date: LocalDate;
  /** Bookings still open whose slot started more than `noShowAfterMinutes` before `now`. */
  considered: number;
  missed: { appointmentId: string; category: string; slot: string }[];
  /** Bookings whose ticket was issued but whose check-in was never recorded: recorded now. */
  checkedIn: { appointmentId: string; ticketId: string }[];
}

/** A booking's no-show is recorded under this key, by the timer or the route alike: once. */
export const noShowKey = (appointmentId: string) => `appointment-missed-${appointmentId}`;

/**
 * The no-show sweep (爽约): every booking of the date still `booked` when its slot started more than
 * `noShowAfterMinutes` before `now` is marked missed — one command on its slot's stream each,
 * decided against the stream as it is, under a key derived from the booking, so a second sweep (or
 * two at once) changes nothing. A booking whose ticket was issued at the kiosk (its ticket is under
 * the check-in's key) but whose check-in was never recorded is recorded as checked in instead.
 */
export async function sweepNoShows(rt: Runtime, date: LocalDate, now: string, meta: (appointmentId: string) => CommandMeta): Promise<NoShowSweep> {
  const settings = rt.county.county.appointments;
  const day = (await rt.views.docs(appointmentsDay, appointmentsPartition(date))).map((d) => d.doc);
  const due = day.filter((d) => d.status === 'booked' && lapsesAt(d.startsAt, settings) <= now).sort((a, b) => a.appointmentId.localeCompare(b.appointmentId));
  const result: NoShowSweep = { date, considered: due.length, missed: [], checkedIn: [] };
  for (const d of due) {
    const slot = parseAppointmentId(d.appointmentId);
    if (!slot) continue;
    const slip = await earlierAnswer<Reply<IssuedSlip>>(rt.events, checkInTicketKey(d.appointmentId));
    try {
      if (slip) {
        await recordCheckIn(rt, d.appointmentId, slip.body.ticketId, meta(d.appointmentId));
        result.checkedIn.push({ appointmentId: d.appointmentId, ticketId: slip.body.ticketId });
        continue;
      }
      const outcome = await handleCommand(
        rt.events,
        { aggregate: appointmentAggregate, id: slot.slotId, command: (): AppointmentCommand => ({ type: 'MarkAppointmentMissed', data: { appointmentId: d.appointmentId }, meta: meta(d.appointmentId) }), context: appointmentContext(rt), contended: true },
        () => ({ appointmentId: d.appointmentId }),
        timerKey(noShowKey(d.appointmentId)),
      );
      if (!outcome.replayed && outcome.result.events.length > 0) result.missed.push({ appointmentId: d.appointmentId, category: d.category, slot: d.slot });
    } catch (error) {
      // Checked in or cancelled since the view was read (or, for a late check-in's record, another day): nothing to do.
      if (!(error instanceof IllegalTransition || error instanceof RuleViolation || error instanceof NotFound)) throw error;
    }
  }
  return result;
}
