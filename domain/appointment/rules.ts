import type { WorkingCalendar } from '../calendar/calendar.ts';
import type { AppointmentSettings } from '../county.ts';
import { addDays, compactDate, daysBetween, localDateOf, type LocalDate } from '../time.ts';

/**
 * The rules of online appointments (在线预约): which half-hour slots can be booked, when a booking
 * lapses into a no-show (爽约), and when repeated no-shows block a phone from booking online.
 */

/** Every slot is half an hour. */
export const SLOT_MINUTES = 30;

/** What deciding and listing need of the calendar. */
export type AppointmentCalendar = Pick<WorkingCalendar, 'isWorkingDay' | 'addWorkingDays'>;

/** Why a date cannot be booked at all. */
export const closedReasons = ['past', 'not-a-working-day', 'too-far-ahead'] as const;
export type ClosedReason = (typeof closedReasons)[number];

const offsets = new Map<string, Intl.DateTimeFormat>();

/** How far the county's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetAt(ms: number, timeZone: string): number {
  let format = offsets.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    offsets.set(timeZone, format);
  }
  const p = Object.fromEntries(format.formatToParts(ms).map((part) => [part.type, Number(part.value)])) as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - Math.floor(ms / 1000) * 1000;
}

/** The UTC instant of a county-local date and time of day (`2026-11-16`, `09:30` → 01:30Z in Asia/Shanghai). */
export function instantAt(date: LocalDate, hhmm: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, Number(hhmm.slice(0, 2)), Number(hhmm.slice(3, 5)));
  // Twice: the offset at the first guess may differ from the one at the answer (a DST change between them).
  const guess = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(guess, timeZone)).toISOString();
}

/** A slot's stream id: its category, date and start (`A-20261116-0930`). */
export const slotIdOf = (category: string, date: LocalDate, slot: string) => `${category}-${compactDate(date)}-${slot.replace(':', '')}`;

/** A booking's id names its slot and its place in the slot's bookings (`A-20261116-0930-2`). */
export const appointmentIdOf = (slotId: string, n: number) => `${slotId}-${n}`;

const appointmentIdPattern = /^([A-Z])-(\d{4})(\d{2})(\d{2})-(\d{2})(\d{2})-([1-9]\d{0,2})$/;

/** The slot an appointment id names, or undefined when it names none. */
export function parseAppointmentId(id: string): { slotId: string; n: number; category: string; date: LocalDate; slot: string } | undefined {
  const m = appointmentIdPattern.exec(id);
  if (!m) return undefined;
  const [, category, y, mo, d, hh, mm, n] = m as unknown as [string, string, string, string, string, string, string, string];
  const date = `${y}-${mo}-${d}`;
  const slot = `${hh}:${mm}`;
  return { slotId: slotIdOf(category, date, slot), n: Number(n), category, date, slot };
}

/** The last date that can be booked on `today`: `daysAhead` working days on (today counts as 0). */
export const lastBookableDate = (today: LocalDate, settings: Pick<AppointmentSettings, 'daysAhead'>, calendar: AppointmentCalendar): LocalDate => calendar.addWorkingDays(today, settings.daysAhead);

/** Why a date cannot be booked on `today`, or null when it can (some of its slots may have started). */
export function closedReason(date: LocalDate, today: LocalDate, settings: Pick<AppointmentSettings, 'daysAhead'>, calendar: AppointmentCalendar): ClosedReason | null {
  if (date < today) return 'past';
  if (!calendar.isWorkingDay(date)) return 'not-a-working-day';
  if (date > lastBookableDate(today, settings, calendar)) return 'too-far-ahead';
  return null;
}

/** The slots of a date that can still be booked at `now`: none on a closed date, and today only those not started. */
export function bookableSlots(date: LocalDate, now: string, settings: Pick<AppointmentSettings, 'daysAhead' | 'slots'>, calendar: AppointmentCalendar, timeZone: string): { slot: string; startsAt: string }[] {
  if (closedReason(date, localDateOf(now, timeZone), settings, calendar) !== null) return [];
  return [...settings.slots]
    .sort()
    .map((slot) => ({ slot, startsAt: instantAt(date, slot, timeZone) }))
    .filter((s) => s.startsAt > now);
}

/** When a booking not checked in by then becomes a no-show (爽约): `noShowAfterMinutes` after its slot starts. */
export const lapsesAt = (startsAt: string, settings: Pick<AppointmentSettings, 'noShowAfterMinutes'>): string => new Date(Date.parse(startsAt) + settings.noShowAfterMinutes * 60_000).toISOString();

/**
 * The no-show rule (爽约限制): `noShowLimit` misses within `noShowWindowDays` (the last of them
 * included) block online booking for `blockDays` from that last miss. Returns the first date a phone
 * with these misses may book again, or null when it may book on `today`.
 */
export function blockedUntil(misses: readonly LocalDate[], today: LocalDate, settings: Pick<AppointmentSettings, 'noShowLimit' | 'noShowWindowDays' | 'blockDays'>): LocalDate | null {
  const sorted = [...misses].sort();
  let until: LocalDate | null = null;
  for (const [i, last] of sorted.entries()) {
    const inWindow = sorted.slice(0, i + 1).filter((d) => daysBetween(d, last) < settings.noShowWindowDays).length;
    const end = addDays(last, settings.blockDays);
    if (inWindow >= settings.noShowLimit && today < end && (until === null || end > until)) until = end;
  }
  return until;
}
