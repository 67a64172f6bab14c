import type { CheckStatus, RosterEntry } from './labels.ts';

/**
 * The roster's clock. Check times are the county's wall-clock times (HH:MM), whatever the PC's own
 * time zone; a page left open moves a check from upcoming to due by itself, without asking the API.
 */

/** The county's date and time of day (HH:MM) at an instant. */
export function countyClock(now: Date, timeZone: string): { date: string; time: string } {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return { date: `${get('year')}-${get('month')}-${get('day')}`, time: `${get('hour')}:${get('minute')}` };
}

/** Minutes the county is ahead of UTC at an instant. */
function offsetMinutes(instant: number, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric', hourCycle: 'h23' }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'), get('second'));
  return Math.round((asUtc - Math.floor(instant / 1000) * 1000) / 60_000);
}

/** A county date and time (HH:MM) as an ISO instant with the county's offset, e.g. 2026-12-14T09:05:00+08:00. */
export function countyInstant(date: string, time: string, timeZone: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [h, min] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, h, min);
  // The offset at the instant itself (it differs from the wall-clock guess only around a DST change).
  const offset = offsetMinutes(wall - offsetMinutes(wall, timeZone) * 60_000, timeZone);
  const sign = offset < 0 ? '-' : '+';
  const abs = Math.abs(offset);
  return `${date}T${time}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

/**
 * A check's state now. The API's answer is right when it was given; after it, only the clock moves a
 * check on: upcoming becomes due at its time, and anything not checked is missed once its day is over.
 */
export function statusNow(entry: Pick<RosterEntry, 'status' | 'at'>, rosterDate: string, now: { date: string; time: string }): CheckStatus {
  if (entry.status === 'checked' || entry.status === 'missed') return entry.status;
  if (rosterDate < now.date) return 'missed';
  if (rosterDate > now.date) return 'upcoming';
  return now.time >= entry.at ? 'due' : 'upcoming';
}

/** The checks in the order to do them: due first (earliest first), then upcoming, then the finished ones. */
export function inWorkOrder<T extends { status: CheckStatus; at: string }>(entries: readonly T[]): T[] {
  const rank: Record<CheckStatus, number> = { due: 0, upcoming: 1, missed: 2, checked: 3 };
  return [...entries].sort((a, b) => rank[a.status] - rank[b.status] || a.at.localeCompare(b.at));
}

/** What a check's time field may hold: HH:MM on the roster's day, not later than now. */
export function checkTimeError(time: string | undefined, rosterDate: string, now: { date: string; time: string }): string | undefined {
  if (!time) return '请填写督查时间';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(time)) return '时间格式应为 时:分，例如 09:05';
  if (rosterDate === now.date && time > now.time) return `督查时间不能晚于现在（${now.time}）`;
  return undefined;
}
