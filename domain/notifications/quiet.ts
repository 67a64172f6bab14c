import type { SmsSettings } from '../county.ts';

const minutesOf = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

const clocks = new Map<string, Intl.DateTimeFormat>();

/** The county-local wall clock of an instant, in minutes since midnight. */
function localMinutes(ms: number, timeZone: string): number {
  let format = clocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit', second: '2-digit' });
    clocks.set(timeZone, format);
  }
  const parts = Object.fromEntries(format.formatToParts(ms).map((p) => [p.type, Number(p.value)])) as { hour: number; minute: number; second: number };
  return parts.hour * 60 + parts.minute + parts.second / 60;
}

/**
 * The earliest instant at or after `instant` outside the county's quiet hours (夜间免打扰: by default
 * nothing between 21:00 and 08:00): a message due at night waits until the morning. Every night is
 * quiet, a holiday's too; a holiday's day is not (a citizen's case moves on the days it moves).
 */
export function afterQuietHours(instant: string, quiet: SmsSettings['quietHours'], timeZone: string): string {
  const ms = Date.parse(instant);
  if (Number.isNaN(ms)) throw new RangeError(`not an instant: ${instant}`);
  const from = minutesOf(quiet.from);
  const to = minutesOf(quiet.to);
  if (from === to) return new Date(ms).toISOString();
  const now = localMinutes(ms, timeZone);
  const quietNow = from < to ? now >= from && now < to : now >= from || now < to;
  if (!quietNow) return new Date(ms).toISOString();
  // Minutes until the quiet hours end, on this county's clock (whole minutes: the end is on the minute).
  const wait = (to - now + 24 * 60) % (24 * 60);
  const end = ms + wait * 60_000;
  return new Date(end - (end % 60_000)).toISOString();
}
