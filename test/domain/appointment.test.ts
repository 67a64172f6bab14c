import { describe, expect, it } from 'vitest';
import { appointmentAggregate, appointmentCode, redactSlot, type AppointmentCommand, type AppointmentContext, type AppointmentEvent, type AppointmentSlotState } from '../../domain/appointment/aggregate.ts';
import { slotCapacity } from '../../domain/appointment/capacity.ts';
import { blockedUntil, bookableSlots, closedReason, instantAt, lapsesAt, lastBookableDate, parseAppointmentId } from '../../domain/appointment/rules.ts';
import { countySchema, countySchemas, indexCounty } from '../../domain/county.ts';
import { fold } from '../../domain/decider.ts';
import { IllegalTransition, InvalidInput, NotFound, RuleViolation } from '../../domain/errors.ts';
import { phoneKey } from '../../domain/keyed.ts';
import { appointmentNotifier } from '../../domain/notifications/appointment.ts';
import { projectEvent } from '../../domain/projections/apply.ts';
import { aggregateOf } from '../../domain/projections/registry.ts';
import { macOf } from '../../functions/secret.ts';
import { at, meta, testCalendar, testCounty } from '../support/builders.ts';
import { specFor } from '../support/given.ts';

const mac = macOf('test-county-secret');
const calendar = testCalendar();
const { AppointmentSettingsSchema, QueueSettingsSchema } = countySchemas();
const settings = AppointmentSettingsSchema.parse({});
const TZ = 'Asia/Shanghai';
const county = { appointments: settings, queue: QueueSettingsSchema.parse({ categories: [{ code: 'A', name: '市场监管', windowIds: ['W01', 'W02'] }, { code: 'B', name: '自然资源', windowIds: ['W02'] }] }) };

const context = (booking: Partial<NonNullable<AppointmentContext['booking']>> = {}): AppointmentContext => ({ timeZone: TZ, settings, booking: { calendar, mac, misses: [], takenCodes: new Set(), ...booking } });
const slots = specFor(appointmentAggregate, context());

const DAY = '2026-11-16';
const citizen = { actor: { id: 'citizen', role: 'system' as const }, windowId: null, siteId: null };
const book = (phone: string, now = at('2026-11-13', '10:00'), data: Partial<{ date: string; slot: string; capacity: number; name: string }> = {}): AppointmentCommand => ({
  type: 'BookAppointment',
  data: { category: 'A', date: DAY, slot: '09:30', name: '张三', phone, capacity: 2, ...data },
  meta: meta(now, citizen),
});
const cancel = (appointmentId: string, code: string, now = at('2026-11-14', '10:00')): AppointmentCommand => ({ type: 'CancelAppointment', data: { appointmentId, code }, meta: meta(now, citizen) });
const checkIn = (appointmentId: string, ticketId: string, now = at(DAY, '09:20')): AppointmentCommand => ({ type: 'CheckInAppointment', data: { appointmentId, ticketId }, meta: meta(now, { actor: { id: 'kiosk-1', role: 'kiosk' }, windowId: null }) });
const missed = (appointmentId: string, now = at(DAY, '17:45')): AppointmentCommand => ({ type: 'MarkAppointmentMissed', data: { appointmentId }, meta: meta(now, { actor: { id: 'timer:appointment-no-shows', role: 'system' }, windowId: null, siteId: null }) });

const ID1 = 'A-20261116-0930-1';
const CODE1 = appointmentCode(mac, ID1);

describe('a slot’s capacity (预约名额)', () => {
  it('is the windows serving the category × 30 ÷ the average service minutes, rounded down', () => {
    expect(slotCapacity(county, 'A', 8)).toBe(7); // 2 × 30 / 8 = 7.5
    expect(slotCapacity(county, 'B', 8)).toBe(3); // 30 / 8 = 3.75
    expect(slotCapacity(county, 'B', 7.5)).toBe(4);
    expect(slotCapacity(county, 'B', 31)).toBe(0);
  });

  it('takes the county’s own figure over the arithmetic, and has none for an unknown category', () => {
    expect(slotCapacity({ ...county, appointments: { ...settings, capacity: { A: 2 } } }, 'A', 8)).toBe(2);
    expect(slotCapacity(county, 'Z', 8)).toBe(0);
  });

  it('is fixed by the slot’s first booking', () => {
    slots.given([book('13800000001', undefined, { capacity: 1 })]).when(book('13800000002', undefined, { capacity: 9 })).thenThrows(IllegalTransition, /Slot full/);
  });
});

describe('the bookable days and slots', () => {
  it('opens working days only, up to `daysAhead` working days ahead (today counts as 0)', () => {
    // From Wednesday 30 September across the National Day week: seven working days reach 15 October.
    expect(lastBookableDate('2026-09-30', settings, calendar)).toBe('2026-10-15');
    expect(closedReason('2026-10-02', '2026-09-30', settings, calendar)).toBe('not-a-working-day');
    expect(closedReason('2026-10-15', '2026-09-30', settings, calendar)).toBeNull();
    expect(closedReason('2026-10-16', '2026-09-30', settings, calendar)).toBe('too-far-ahead');
    expect(closedReason('2026-09-29', '2026-09-30', settings, calendar)).toBe('past');
  });

  it('lists today only the slots not started, in county time', () => {
    const today = bookableSlots(DAY, at(DAY, '14:05'), settings, calendar, TZ);
    expect(today.map((s) => s.slot)).toEqual(['14:30', '15:00', '15:30', '16:00', '16:30']);
    expect(today[0]!.startsAt).toBe('2026-11-16T06:30:00.000Z');
    expect(bookableSlots('2026-11-14', at('2026-11-13', '10:00'), settings, calendar, TZ)).toEqual([]);
  });

  it('turns a county date and time into its UTC instant whatever the host’s zone', () => {
    expect(instantAt('2026-11-16', '09:30', 'Asia/Shanghai')).toBe('2026-11-16T01:30:00.000Z');
    expect(instantAt('2026-07-01', '09:00', 'Europe/Berlin')).toBe('2026-07-01T07:00:00.000Z');
    expect(lapsesAt('2026-11-16T01:30:00.000Z', settings)).toBe('2026-11-16T01:45:00.000Z');
  });

  it('reads a slot and a booking back from an appointment id', () => {
    expect(parseAppointmentId('A-20261116-0930-12')).toEqual({ slotId: 'A-20261116-0930', n: 12, category: 'A', date: '2026-11-16', slot: '09:30' });
    expect(parseAppointmentId('A-20261116-0930-0')).toBeUndefined();
    expect(parseAppointmentId('01ARZ3NDEKTSV4RRFFQ69G5FAV')).toBeUndefined();
  });
});

describe('the no-show rule (爽约限制)', () => {
  it('blocks online booking for `blockDays` from the third miss within 30 days', () => {
    const misses = ['2026-10-12', '2026-10-20', '2026-11-05'];
    expect(blockedUntil(misses.slice(0, 2), '2026-11-06', settings)).toBeNull();
    expect(blockedUntil(misses, '2026-11-05', settings)).toBe('2026-12-05');
    expect(blockedUntil(misses, '2026-12-04', settings)).toBe('2026-12-05');
    expect(blockedUntil(misses, '2026-12-05', settings)).toBeNull();
  });

  it('counts only misses within the window of each other', () => {
    // 30 days apart: the first has left the window when the third comes.
    expect(blockedUntil(['2026-10-06', '2026-10-20', '2026-11-05'], '2026-11-06', settings)).toBeNull();
    expect(blockedUntil(['2026-10-07', '2026-10-20', '2026-11-05'], '2026-11-06', settings)).toBe('2026-12-05');
  });

  it('follows the county’s settings', () => {
    expect(blockedUntil(['2026-11-02', '2026-11-03'], '2026-11-04', { noShowLimit: 2, noShowWindowDays: 7, blockDays: 3 })).toBe('2026-11-06');
  });
});

describe('booking a slot (预约)', () => {
  it('books a place with a code derived from the county MAC of the booking', () => {
    slots
      .given([])
      .when(book('13800000001'))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'AppointmentBooked', data: { appointmentId: ID1, category: 'A', date: DAY, slot: '09:30', startsAt: '2026-11-16T01:30:00.000Z', name: '张三', phone: '13800000001', phoneKey: phoneKey('13800000001', mac), code: CODE1, capacity: 2, bookedAt: at('2026-11-13', '10:00') }, meta: { actor: { id: 'citizen', role: 'system' } } }]);
        expect(CODE1).toMatch(/^\d{6}$/);
        expect(state?.bookings.map((b) => b.status)).toEqual(['booked']);
      });
  });

  it('gives the same booking the same code, and another booking another', () => {
    expect(appointmentCode(mac, ID1)).toBe(CODE1);
    expect(appointmentCode(macOf('another-county'), ID1)).not.toBe(CODE1);
    expect(appointmentCode(mac, 'A-20261116-0930-2')).not.toBe(CODE1);
    // A code another booking of the day holds is passed over.
    const next = appointmentCode(mac, ID1, new Set([CODE1]));
    expect(next).toMatch(/^\d{6}$/);
    expect(next).not.toBe(CODE1);
    slots.given([]).when(book('13800000001')).then((events) => expect(events[0]!.data).toMatchObject({ code: CODE1 }));
  });

  it('numbers bookings in the slot and refuses one past the capacity (409)', () => {
    const full = [book('13800000001'), book('13800000002')];
    expect(slots.run(full).map((e) => e.data.appointmentId)).toEqual([ID1, 'A-20261116-0930-2']);
    slots.given(full).when(book('13800000003')).thenThrows(IllegalTransition, /Slot full/);
  });

  it('frees a cancelled place for the next booking', () => {
    slots.given([book('13800000001'), book('13800000002'), cancel(ID1, CODE1)]).when(book('13800000003')).then([{ type: 'AppointmentBooked', data: { appointmentId: 'A-20261116-0930-3' } }]);
  });

  it('refuses a second live booking of the same phone in the slot (409)', () => {
    slots.given([book('13800000001')]).when(book('13800000001')).thenThrows(IllegalTransition, /already holds/);
  });

  it('refuses closed dates, started slots and blocked phones (422), and slots the day does not have', () => {
    slots.given([]).when(book('13800000001', at('2026-11-13', '10:00'), { date: '2026-11-14' })).thenThrows(RuleViolation, /not a working day/);
    slots.given([]).when(book('13800000001', at('2026-11-13', '10:00'), { date: '2026-11-25' })).thenThrows(RuleViolation, /working days ahead/);
    slots.given([]).when(book('13800000001', at(DAY, '09:30'))).thenThrows(RuleViolation, /has started/);
    slots.given([]).when(book('13800000001', at('2026-11-17', '08:00'))).thenThrows(RuleViolation, /has passed/);
    slots.given([]).when(book('13800000001', undefined, { slot: '12:00' })).thenThrows(InvalidInput);
    const blocked = slots.given([], context({ misses: ['2026-10-20', '2026-10-28', '2026-11-05'] })).when(book('13800000001')).thenThrows(RuleViolation, /until 2026-12-05/);
    expect((blocked as RuleViolation).details).toEqual({ blockedUntil: '2026-12-05' });
  });
});

describe('cancelling, checking in and no-shows', () => {
  const booked = [book('13800000001')];

  it('cancels with the right code before the slot, once', () => {
    slots.given(booked).when(cancel(ID1, CODE1)).then([{ type: 'AppointmentCancelled', data: { appointmentId: ID1, cancelledAt: at('2026-11-14', '10:00') } }]);
    slots.given([...booked, cancel(ID1, CODE1)]).when(cancel(ID1, CODE1)).then([]);
  });

  it('answers a wrong code as an unknown booking (404), and refuses once the slot has started (409)', () => {
    const wrong = CODE1 === '000000' ? '000001' : '000000';
    const a = slots.given(booked).when(cancel(ID1, wrong)).thenThrows(NotFound);
    const b = slots.given(booked).when(cancel('A-20261116-0930-7', CODE1)).thenThrows(NotFound);
    expect(a.message).toBe(`no appointment ${ID1}`);
    expect(b.message).toBe('no appointment A-20261116-0930-7');
    slots.given(booked).when(cancel(ID1, CODE1, at(DAY, '09:30'))).thenThrows(IllegalTransition, /started/);
  });

  it('checks a booking in on its day, once per ticket, and not on another day (422)', () => {
    const checked = [book('13800000001'), checkIn(ID1, 'T1')];
    expect(fold(appointmentAggregate, slots.run(checked))?.bookings[0]).toMatchObject({ status: 'checked-in', ticketId: 'T1' });
    slots.given(checked).when(checkIn(ID1, 'T1')).then([]);
    slots.given(checked).when(checkIn(ID1, 'T2')).thenThrows(IllegalTransition, /checked-in/);
    slots.given(booked).when(checkIn(ID1, 'T1', at('2026-11-13', '15:00'))).thenThrows(RuleViolation, /for 2026-11-16/);
    slots.given([book('13800000001'), cancel(ID1, CODE1)]).when(checkIn(ID1, 'T1')).thenThrows(IllegalTransition, /cancelled/);
  });

  it('marks a booking not checked in a no-show once its time has lapsed', () => {
    slots.given(booked).when(missed(ID1, at(DAY, '09:44'))).thenThrows(IllegalTransition, /Not a no-show/);
    const gone = [book('13800000001'), missed(ID1, at(DAY, '09:45'))];
    expect(slots.run(gone).at(-1)).toMatchObject({ type: 'AppointmentMissed', data: { appointmentId: ID1, at: at(DAY, '09:45') } });
    slots.given(gone).when(missed(ID1)).then([]);
    slots.given([book('13800000001'), checkIn(ID1, 'T1')]).when(missed(ID1)).thenThrows(IllegalTransition);
    slots.given(gone).when(cancel(ID1, CODE1, at('2026-11-15', '10:00'))).thenThrows(IllegalTransition, /missed/);
  });
});

const withCategories = indexCounty(countySchema().parse({ ...testCounty, queue: { categories: [{ code: 'A', name: '市场监管', windowIds: ['W01'] }] } }));

function envelopes(events: AppointmentEvent[]) {
  const aggregate = aggregateOf('appointment#A-20261116-0930')!;
  let before: unknown;
  return events.map((event, i) => {
    const projected = projectEvent(aggregate, before, 'appointment#A-20261116-0930', i + 1, event);
    const envelope = { stream: 'appointment#A-20261116-0930', version: i + 1, event, before: before as AppointmentSlotState | undefined, after: projected.after as AppointmentSlotState };
    before = projected.after;
    return { envelope, changes: projected.changes };
  });
}

describe('the appointment views', () => {
  it('keep no name and no whole number, in the documents and in the state', () => {
    const [first] = envelopes(slots.run([book('13800000001')]));
    const kept = JSON.stringify({ state: first!.envelope.after, changes: first!.changes });
    expect(kept).not.toContain('13800000001');
    expect(kept).not.toContain('张三');
    expect(first!.changes.map((c) => c.kind === 'put' && [c.projection, c.key.pk])).toEqual([
      ['appointments-day', 'appointments#2026-11-16'],
      ['appointments-by-code', `appointment-code#${CODE1}`],
    ]);
    expect(first!.changes[0]).toMatchObject({ doc: { appointmentId: ID1, status: 'booked', code: CODE1, phone: '138****0001', capacity: 2, startsAt: '2026-11-16T01:30:00.000Z' } });
    expect(redactSlot(fold(appointmentAggregate, slots.run([book('13800000001')]))!).bookings[0]).toMatchObject({ name: null, phone: '138****0001' });
  });

  it('count a miss against the phone’s key', () => {
    const steps = envelopes(slots.run([book('13800000001'), missed(ID1, at(DAY, '10:00'))]));
    expect(steps[1]!.changes).toContainEqual(expect.objectContaining({ projection: 'appointment-misses', key: { pk: `appointment-misses#${phoneKey('13800000001', mac)}`, sk: ID1 }, doc: { appointmentId: ID1, date: DAY, at: at(DAY, '10:00') } }));
  });
});

describe('the appointment’s text messages (预约短信)', () => {
  it('confirms with the code and reminds the evening before, each naming its booking', () => {
    const [step] = envelopes(slots.run([book('13800000001')]));
    const intents = appointmentNotifier.messages(step!.envelope, withCategories);
    const params = { appointmentId: ID1, date: '11月16日', slot: '09:30', category: '市场监管', code: CODE1 };
    expect(intents).toEqual([
      { kind: 'appointment-booked', params, notBefore: at('2026-11-13', '10:00') },
      { kind: 'appointment-reminder', params, notBefore: at('2026-11-15', '18:00') },
    ]);
  });

  it('sends no reminder for a booking made after the evening before, and tells a cancellation', () => {
    const late = envelopes(slots.run([book('13800000001', at('2026-11-15', '19:00')), cancel(ID1, CODE1, at('2026-11-15', '20:00'))]));
    expect(appointmentNotifier.messages(late[0]!.envelope, withCategories).map((i) => i.kind)).toEqual(['appointment-booked']);
    expect(appointmentNotifier.messages(late[1]!.envelope, withCategories)).toEqual([{ kind: 'appointment-cancelled', params: { appointmentId: ID1, date: '11月16日', slot: '09:30', category: '市场监管' }, notBefore: at('2026-11-15', '20:00') }]);
  });

  it('sends to the booking’s own number, and a reminder only while it stands', () => {
    const two = fold(appointmentAggregate, slots.run([book('13800000001'), book('13800000002')]))!;
    expect(appointmentNotifier.recipient(two, 'appointment-booked', 'A-20261116-0930-2')).toBe('13800000002');
    expect(appointmentNotifier.recipient(two, 'appointment-reminder', ID1)).toBe('13800000001');
    expect(appointmentNotifier.recipient(two, 'appointment-reminder')).toBeNull();
    const cancelled = fold(appointmentAggregate, slots.run([book('13800000001'), cancel(ID1, CODE1)]))!;
    expect(appointmentNotifier.recipient(cancelled, 'appointment-reminder', ID1)).toBeNull();
    expect(appointmentNotifier.recipient(cancelled, 'appointment-cancelled', ID1)).toBe('13800000001');
  });
});
