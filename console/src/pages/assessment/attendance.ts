import type { Schemas } from '../../../../client/index.ts';
import { deductionKindNames } from '../../../../client/assessment-words.ts';

/**
 * A worker's days at the terminal (签到签退、请假) as the desk and the assessment pages show them.
 * Kept apart from the sheets' words so the clerk's desk loads only this.
 */

export type AttendanceDay = Schemas['AttendanceDay'];
export type AttendanceMonth = Schemas['AttendanceMonth'];
export type AttendanceRecord = AttendanceDay['records'][number];
export type LeavePart = AttendanceDay['leave'][number]['part'];
export type AttendanceFindingKind = AttendanceMonth['days'][number]['findings'][number]['kind'];

/** What a finished day can cost a worker (考勤扣分项). */
export const attendanceKinds: Record<AttendanceFindingKind, string> = {
  late: deductionKindNames.late,
  'early-leave': deductionKindNames['early-leave'],
  'missed-sign': deductionKindNames['missed-sign'],
  'absent-half-day': deductionKindNames['absent-half-day'],
  'off-post': deductionKindNames['off-post'],
};

/** Leave for the whole day or half of it (请假). */
export const leaveParts: Record<LeavePart, string> = { day: '全天', morning: '上午', afternoon: '下午' };

/** Where a worker stands at the terminal now. */
export interface DutyState {
  state: 'on' | 'off' | 'none';
  /** 已签到 08:25 · W01, 已签退 17:05, 未签到. */
  label: string;
  color: string;
  /** The window they are signed in at. */
  windowId?: string;
}

/** The day's state from its records: signed in (where and since when), signed out (when), or not yet signed in. */
export function dutyState(day: Pick<AttendanceDay, 'onDutyAt' | 'records'> | undefined): DutyState {
  const records = day?.records ?? [];
  const last = records.at(-1);
  if (day?.onDutyAt) {
    const since = [...records].reverse().find((r) => r.kind === 'in' && r.windowId === day.onDutyAt);
    return { state: 'on', label: since ? `已签到 ${since.time} · ${day.onDutyAt}` : `已签到 · ${day.onDutyAt}`, color: 'green', windowId: day.onDutyAt };
  }
  if (last?.kind === 'out') return { state: 'off', label: `已签退 ${last.time}`, color: 'blue' };
  return { state: 'none', label: '未签到', color: 'orange' };
}

/** One sign-in or sign-out: 08:36 签到（W02）; a sign-out without a sign-in says so. */
export const recordText = (r: AttendanceRecord): string => `${r.time} ${r.kind === 'in' ? '签到' : '签退'}（${r.windowId}）${r.missedSignIn ? '，未签到' : ''}`;

/** The day's leave: 上午请假（病假）. */
export const leaveText = (l: AttendanceDay['leave'][number]): string => `${leaveParts[l.part]}请假（${l.reason}）`;

/** The day of a month's answer, if the worker has any record on it. */
export const dayOf = (month: AttendanceMonth | undefined, date: string): AttendanceMonth['days'][number] | undefined => month?.days.find((d) => d.date === date);

/** Working days of a month that cost a worker something, and the points' kinds counted: 迟到 1 次、旷工半天 2 次. */
export function findingsSummary(month: AttendanceMonth | undefined): string {
  const counts = new Map<AttendanceFindingKind, number>();
  for (const d of month?.days ?? []) for (const f of d.findings) counts.set(f.kind, (counts.get(f.kind) ?? 0) + 1);
  if (counts.size === 0) return '无考勤扣分';
  return (Object.keys(attendanceKinds) as AttendanceFindingKind[])
    .filter((k) => counts.has(k))
    .map((k) => `${attendanceKinds[k]} ${counts.get(k)!} 次`)
    .join('、');
}
