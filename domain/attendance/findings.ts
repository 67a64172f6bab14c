import { minutesOf } from '../time.ts';
import type { AttendanceState } from './aggregate.ts';

/** What a worker's day can cost them (考勤扣分). */
export const attendanceKinds = ['late', 'early-leave', 'missed-sign', 'absent-half-day', 'off-post'] as const;
export type AttendanceKind = (typeof attendanceKinds)[number];

/** One finding of a worker's day, with the version of the event behind it in their day stream (0: no record at all — an absence). */
export interface AttendanceFinding {
  kind: AttendanceKind;
  detail: string;
  v: number;
}

export interface AttendanceRules {
  opens: string;
  closes: string;
  lunch: { from: string; to: string };
  lateGraceMinutes: number;
  offPostMinutes: number;
}

/** A stretch at the post: from a sign-in (or, when it was missed, the end of the stretch before) to a sign-out (or, when missed, closing time). */
interface Stretch {
  start: number;
  end: number;
  startTime: string;
  endTime: string;
  startV: number;
  endV: number;
}

const clock = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;

/**
 * A worker's day against the hall's hours: each half day (morning: opening to lunch; afternoon:
 * lunch to closing) not on leave must be covered. Signing in late by up to the grace costs a late
 * (迟到), more than that the half day (旷工半天); the same for leaving early (早退); a gap between
 * stretches inside a half day of `offPostMinutes` or more is off post (脱岗); a sign-in or sign-out
 * missed (漏签) costs its own points, and the day is then taken at its most favourable (a missed
 * sign-out as if at closing time, a missed sign-in as if straight after the previous stretch or at
 * opening). A day with no record at all, on a working day the hall's attendance was kept, is two
 * absent half days.
 */
export function attendanceFindings(day: AttendanceState | undefined, rules: AttendanceRules): AttendanceFinding[] {
  const findings: AttendanceFinding[] = [];
  const stretches: Stretch[] = [];
  let open: { time: string; v: number } | null = null;
  for (const r of day?.records ?? []) {
    if (r.kind === 'in') {
      open = { time: r.time, v: r.v };
      continue;
    }
    if (open) stretches.push({ start: minutesOf(open.time), end: minutesOf(r.time), startTime: open.time, endTime: r.time, startV: open.v, endV: r.v });
    else {
      const start = stretches.at(-1)?.end ?? minutesOf(rules.opens);
      findings.push({ kind: 'missed-sign', detail: `未签到 (签退 ${r.time})`, v: r.v });
      stretches.push({ start: Math.min(start, minutesOf(r.time)), end: minutesOf(r.time), startTime: clock(Math.min(start, minutesOf(r.time))), endTime: r.time, startV: r.v, endV: r.v });
    }
    open = null;
  }
  if (open) {
    findings.push({ kind: 'missed-sign', detail: `未签退 (签到 ${open.time})`, v: open.v });
    const end = Math.max(minutesOf(rules.closes), minutesOf(open.time));
    stretches.push({ start: minutesOf(open.time), end, startTime: open.time, endTime: clock(end), startV: open.v, endV: open.v });
  }
  const leave = day?.leave ?? [];
  const halves = [
    { name: 'morning', label: '上午', from: minutesOf(rules.opens), to: minutesOf(rules.lunch.from) },
    { name: 'afternoon', label: '下午', from: minutesOf(rules.lunch.to), to: minutesOf(rules.closes) },
  ] as const;
  for (const half of halves) {
    if (leave.some((l) => l.part === 'day' || l.part === half.name)) continue;
    const within = stretches.filter((s) => s.start < half.to && s.end > half.from).sort((a, b) => a.start - b.start);
    if (within.length === 0) {
      findings.push({ kind: 'absent-half-day', detail: `${half.label}无签到记录`, v: 0 });
      continue;
    }
    const first = within[0]!;
    const last = within.reduce((a, b) => (b.end > a.end ? b : a));
    const late = first.start - half.from;
    const early = half.to - last.end;
    if (late > rules.lateGraceMinutes || early > rules.lateGraceMinutes) {
      const [time, v] = late > rules.lateGraceMinutes ? [`签到 ${first.startTime}`, first.startV] : [`签退 ${last.endTime}`, last.endV];
      findings.push({ kind: 'absent-half-day', detail: `${half.label}${time}`, v });
    } else {
      if (late > 0) findings.push({ kind: 'late', detail: `${half.label}签到 ${first.startTime}，迟到 ${late} 分钟`, v: first.startV });
      if (early > 0) findings.push({ kind: 'early-leave', detail: `${half.label}签退 ${last.endTime}，早退 ${early} 分钟`, v: last.endV });
    }
    let reach = first.end;
    for (const s of within.slice(1)) {
      const gap = Math.min(s.start, half.to) - Math.max(reach, half.from);
      if (gap >= rules.offPostMinutes) findings.push({ kind: 'off-post', detail: `${clock(Math.max(reach, half.from))}–${clock(Math.min(s.start, half.to))} 离岗 ${gap} 分钟`, v: s.startV });
      reach = Math.max(reach, s.end);
    }
  }
  return findings;
}

/** Whether a worker's day had them signed in at a window at a county-local time (a video check's findings go to whoever was on duty). */
export function onDutyAt(day: AttendanceState | undefined, windowId: string, time: string, closes: string): boolean {
  const t = minutesOf(time);
  let open: { windowId: string; time: string } | null = null;
  // A sign-out without its sign-in covers the time since the previous sign-out (as the findings take it).
  let lastOut = -1;
  for (const r of day?.records ?? []) {
    if (r.kind === 'in') open = { windowId: r.windowId, time: r.time };
    else {
      const from = open ? minutesOf(open.time) : lastOut;
      if (r.windowId === windowId && from <= t && t <= minutesOf(r.time)) return true;
      open = null;
      lastOut = minutesOf(r.time);
    }
  }
  return open !== null && open.windowId === windowId && minutesOf(open.time) <= t && t <= Math.max(minutesOf(closes), minutesOf(open.time));
}
