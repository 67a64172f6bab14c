import * as z from 'zod/mini';
import { commandMeta } from '../http/request-meta.ts';
import { defineRoute } from '../http/route.ts';
import { DateParams, EmptyBody } from '../http/schemas.ts';
import { appointmentCategories, bookAppointment, cancelAppointment, listSlots } from './booking.ts';
import { checkIn } from './check-in.ts';
import { noShowKey, sweepNoShows } from './no-shows.ts';
import { Appointment, AppointmentCancellation, AppointmentCategory, AppointmentParams, AppointmentSlots, AppointmentTicket, BookBody, CodeBody, NoShowSweepView, SlotsQuery } from './schemas.ts';

/**
 * Online appointments (在线预约): citizens list a date's slots, book one and cancel it without
 * signing in; the kiosk turns the code into a ticket; the no-show sweep (also a daily timer) marks
 * the bookings nobody came for.
 */

const ENTRY = 'appointments' as const;

export const appointmentRoutes = [
  defineRoute({
    method: 'GET',
    path: '/public/appointments/categories',
    entry: ENTRY,
    operationId: 'listAppointmentCategories',
    summary: 'The ticket categories a citizen can book a slot of (public)',
    response: { status: 200, schema: z.array(AppointmentCategory) },
    access: 'public',
    handle: (_request, rt) => ({ body: appointmentCategories(rt) }),
  }),
  defineRoute({
    method: 'GET',
    path: '/public/appointments/slots',
    entry: ENTRY,
    operationId: 'getAppointmentSlots',
    summary: 'A date’s half-hour slots of a category with the places left (public)',
    query: SlotsQuery,
    response: { status: 200, schema: AppointmentSlots },
    access: 'public',
    handle: async (request, rt) => ({ body: await listSlots(rt, request.query.category, request.query.date, request.now) }),
  }),
  defineRoute({
    method: 'POST',
    path: '/public/appointments',
    entry: ENTRY,
    operationId: 'bookAppointment',
    summary: 'Book a slot (预约): 201 with the code for the kiosk; 409 when the slot is full, 422 for a closed date, a started slot or a phone blocked after no-shows (public)',
    body: BookBody,
    response: { status: 201, schema: Appointment },
    command: true,
    access: 'public',
    handle: (request, rt) => bookAppointment(rt, request, request.body),
  }),
  defineRoute({
    method: 'POST',
    path: '/public/appointments/{id}/cancel',
    entry: ENTRY,
    operationId: 'cancelAppointment',
    summary: 'Cancel a booking with its code before the slot starts (取消预约); a wrong code is 404 as an unknown booking, 409 once the slot has started (public)',
    params: AppointmentParams,
    body: CodeBody,
    response: { status: 200, schema: AppointmentCancellation },
    access: 'public',
    handle: (request, rt) => cancelAppointment(rt, request, request.params.id, request.body.code),
  }),
  defineRoute({
    method: 'POST',
    path: '/appointments/check-in',
    // The queue's function: checking in issues a ticket, and only the queue changes the waiting line.
    entry: 'queue',
    operationId: 'checkInAppointment',
    summary: 'Turn today’s booking into a ticket at the kiosk (预约签到取号): the same ticket again for the same booking',
    body: CodeBody,
    response: { status: 201, schema: AppointmentTicket },
    access: ['kiosk', 'clerk', 'admin'],
    handle: (request, rt) => checkIn(rt, request, request.body.code),
  }),
  defineRoute({
    method: 'POST',
    path: '/appointments/no-shows/{date}',
    entry: ENTRY,
    operationId: 'sweepAppointmentNoShows',
    summary: 'Mark the date’s bookings not checked in by `noShowAfterMinutes` after their slot as no-shows (爽约); the daily timer does the same',
    params: DateParams,
    body: EmptyBody,
    response: { status: 200, schema: NoShowSweepView },
    access: ['admin'],
    handle: async (request, rt) => ({ body: await sweepNoShows(rt, request.params.date, request.now, (id) => ({ ...commandMeta(request), commandId: noShowKey(id) })) }),
  }),
];
