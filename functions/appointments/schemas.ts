import * as z from 'zod/mini';
import { appointmentStatuses } from '../../domain/appointment/aggregate.ts';
import { closedReasons } from '../../domain/appointment/rules.ts';
import { LocalDateString, named, Text } from '../http/schemas.ts';

/** The shapes of the appointment routes (在线预约). */

export const Category = z.string().check(z.regex(/^[A-Z]$/, 'a category letter'));
const Slot = z.string().check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'a slot’s start, HH:MM'));
export const AppointmentId = z.string().check(z.regex(/^[A-Z]-\d{8}-\d{4}-[1-9]\d{0,2}$/, 'an appointment id such as A-20261116-0930-1'));
const Code = z.string().check(z.regex(/^\d{6}$/, 'the six-digit appointment code'));
/** A mainland mobile number: the confirmation and the reminder go to it. */
const Mobile = z.string().check(z.regex(/^1[3-9]\d{9}$/, 'a mainland mobile number, 11 digits'));

export const SlotsQuery = z.strictObject({ category: Category, date: LocalDateString });
export const BookBody = z.strictObject({ category: Category, date: LocalDateString, slot: Slot, name: Text(30), phone: Mobile });
export const AppointmentParams = z.strictObject({ id: AppointmentId });
export const CodeBody = z.strictObject({ code: Code });

export const AppointmentCategory = named('AppointmentCategory', z.object({ code: z.string(), name: z.string() }));
export const AppointmentSlots = named('AppointmentSlots', z.object({
  category: z.string(),
  name: z.string().check(z.describe('the category’s name')),
  date: LocalDateString,
  closed: z.nullable(z.enum(closedReasons)).check(z.describe('why the date takes no bookings at all; null when it does')),
  lastBookableDate: LocalDateString.check(z.describe('the last date that can be booked today')),
  slots: z.array(z.object({ slot: z.string(), startsAt: z.string(), capacity: z.int(), remaining: z.int() })).check(z.describe('the slots that can still be booked (none on a closed date; today only those not started)')),
}));
export const Appointment = named('Appointment', z.object({ appointmentId: z.string(), code: z.string().check(z.describe('shown at the kiosk to take the ticket')), category: z.string(), date: LocalDateString, slot: z.string(), startsAt: z.string() }));
export const AppointmentCancellation = named('AppointmentCancellation', z.object({ appointmentId: z.string(), status: z.enum(appointmentStatuses), category: z.string(), date: LocalDateString, slot: z.string() }));
export const AppointmentTicket = named('AppointmentTicket', z.object({
  appointmentId: z.string(),
  appointmentAt: z.string().check(z.describe('the slot’s start: the queue calls the ticket first from then on')),
  ticketId: z.string(),
  number: z.string(),
  category: z.string(),
  ahead: z.int(),
  estimatedWaitMinutes: z.int(),
}));
export const NoShowSweepView = named('NoShowSweep', z.object({
  date: LocalDateString,
  considered: z.int(),
  missed: z.array(z.object({ appointmentId: z.string(), category: z.string(), slot: z.string() })),
  checkedIn: z.array(z.object({ appointmentId: z.string(), ticketId: z.string() })).check(z.describe('tickets issued whose check-in had not been recorded')),
}));
