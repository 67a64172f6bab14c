/**
 * Business dates are plain `YYYY-MM-DD` strings in the county's time zone; instants are UTC ISO
 * strings. All arithmetic here is on UTC midnights, so the host's time zone never leaks in.
 */
export type LocalDate = string;

const DAY_MS = 86_400_000;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isLocalDate(value: string): boolean {
  const match = datePattern.exec(value);
  if (!match) return false;
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  return new Date(ms).toISOString().slice(0, 10) === value;
}

function toEpochDay(date: LocalDate): number {
  const match = datePattern.exec(date);
  if (!match) throw new RangeError(`not a date: ${date}`);
  return Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) / DAY_MS;
}

function fromEpochDay(day: number): LocalDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromEpochDay(toEpochDay(date) + days);
}

/** Days from `a` to `b` (positive when `b` is later). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return toEpochDay(b) - toEpochDay(a);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(date: LocalDate): number {
  return (((toEpochDay(date) + 4) % 7) + 7) % 7;
}

export function yearOf(date: LocalDate): number {
  return Number(date.slice(0, 4));
}

export function compactDate(date: LocalDate): string {
  return date.replaceAll('-', '');
}

const formatters = new Map<string, Intl.DateTimeFormat>();

/** A county-local reading of a UTC instant, with one formatter per time zone and shape. */
function formatted(instant: string, timeZone: string, shape: 'date' | 'time'): string {
  const key = `${shape} ${timeZone}`;
  let format = formatters.get(key);
  if (!format) {
    format = shape === 'date' ? new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }) : new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
    formatters.set(key, format);
  }
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${instant}`);
  return format.format(ms);
}

/** The county-local date of a UTC instant. */
export const localDateOf = (instant: string, timeZone: string): LocalDate => formatted(instant, timeZone, 'date');

/** The county-local time of day of a UTC instant, `HH:MM`. */
export const localTimeOf = (instant: string, timeZone: string): string => formatted(instant, timeZone, 'time');

/** Minutes since midnight of a `HH:MM` time. */
export const minutesOf = (time: string): number => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
