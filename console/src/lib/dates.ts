import { config } from '../config.ts';
import { now as clockNow } from './clock.ts';

/** An instant as the county's local date and time, e.g. 2026-12-01 09:05. */
export function localDateTime(iso: string | null | undefined, timeZone = config().county.timeZone): string {
  if (!iso) return '';
  const parts = new Intl.DateTimeFormat('zh-CN', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}`;
}

/** Just the time, e.g. 09:05. */
export function localTime(iso: string | null | undefined, timeZone = config().county.timeZone): string {
  return localDateTime(iso, timeZone).slice(11);
}

/** Today in the county (YYYY-MM-DD), whatever the browser's own time zone. */
export function countyToday(now = clockNow(), timeZone = config().county.timeZone): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(now);
}

/** A county date (YYYY-MM-DD) for people: 2026年12月1日. */
export function chineseDate(date: string | null | undefined): string {
  if (!date) return '';
  const [y, m, d] = date.split('-');
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}
