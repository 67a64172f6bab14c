import { bookingOf, type AppointmentEvent, type AppointmentSlotState } from '../appointment/aggregate.ts';
import { instantAt } from '../appointment/rules.ts';
import type { CountyIndex, SmsKind } from '../county.ts';
import type { Envelope } from '../projections/projection.ts';
import { addDays } from '../time.ts';
import { hasMobile, isMobile, type Notifier, type SmsIntent } from './notifier.ts';

const dateText = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/**
 * What an appointment tells the citizen by SMS (预约短信): the confirmation with the code when it is
 * booked, a reminder the evening before (`appointments.reminderAt`, county time, on the day before
 * the slot's date), and the cancellation. A slot's stream holds many bookings, so every message
 * carries its booking's `appointmentId`, and `recipient` is asked for that booking's number.
 */
export const appointmentNotifier: Notifier<AppointmentEvent, AppointmentSlotState> = {
  canHandle: ['AppointmentBooked', 'AppointmentCancelled'],
  messages({ event, after }: Envelope<AppointmentEvent, AppointmentSlotState>, county: CountyIndex): SmsIntent[] {
    const booking = bookingOf(after, event.data.appointmentId);
    // The projector's state has the number masked: whether there is a mobile to tell is all it needs.
    if (!booking || !hasMobile(booking.phone)) return [];
    const { timeZone, queue, appointments } = county.county;
    const params = { appointmentId: booking.appointmentId, date: dateText(after.date), slot: after.slot, category: queue.categories.find((c) => c.code === after.category)?.name ?? after.category };
    const at = event.meta.at;
    switch (event.type) {
      case 'AppointmentBooked': {
        const intents: SmsIntent[] = [{ kind: 'appointment-booked', params: { ...params, code: booking.code }, notBefore: at }];
        const remindAt = instantAt(addDays(after.date, -1), appointments.reminderAt, timeZone);
        // Booked after the evening before: the confirmation is the reminder.
        if (event.data.bookedAt < remindAt) intents.push({ kind: 'appointment-reminder', params: { ...params, code: booking.code }, notBefore: remindAt });
        return intents;
      }
      case 'AppointmentCancelled':
        return [{ kind: 'appointment-cancelled', params, notBefore: at }];
      default:
        return [];
    }
  },
  recipient(state: AppointmentSlotState, kind: SmsKind, subject?: string): string | null {
    const booking = subject === undefined ? undefined : bookingOf(state, subject);
    if (!booking || !isMobile(booking.phone)) return null;
    // A reminder is wanted only while the booking stands.
    if (kind === 'appointment-reminder' && booking.status !== 'booked') return null;
    return booking.phone;
  },
};
