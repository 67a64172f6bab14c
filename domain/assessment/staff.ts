import { onDutyAt, attendanceFindings, attendanceKinds, type AttendanceRules } from '../attendance/findings.ts';
import type { AttendanceState } from '../attendance/aggregate.ts';
import type { AssessmentSettings, Staff } from '../county.ts';
import type { Deduction } from '../scorecard/scorecard.ts';
import type { LocalDate } from '../time.ts';
import { bandOf, listed, ranked, rateOf, rounded } from './bands.ts';

/** What costs a window worker points (个人考核扣分). */
export const staffDeductionKinds = [...attendanceKinds, 'video-check', 'late-completion', 'bad-review', 'archive-problem'] as const;
export type StaffDeductionKind = (typeof staffDeductionKinds)[number];

export interface StaffDeduction {
  kind: StaffDeductionKind;
  date: LocalDate;
  detail: string;
  points: number;
  ref: { stream: string; version: number };
  link: string;
}

export interface StaffMonth {
  month: string;
  staff: readonly Staff[];
  /** The working days of the month up to the day the sheet is read (a later day has not happened yet). */
  workingDays: readonly LocalDate[];
  /** The month's days at the terminal, by `${staffId}#${date}`. */
  days: ReadonlyMap<string, AttendanceState>;
  /** The month's window deductions (video checks with their time, reviews, late completions and archive problems with their workers). */
  deductions: readonly Deduction[];
  /** Each worker's completions of the month. */
  completions: ReadonlyMap<string, { completed: number; onTime: number; late: number }>;
  /** County-local `HH:MM` of an instant. */
  timeOf: (instant: string) => string;
  rules: AssessmentSettings['staff'];
  attendance: AttendanceRules;
}

const pointsOf = (kind: StaffDeductionKind, detail: string, rules: AssessmentSettings['staff']): number => {
  switch (kind) {
    case 'late':
      return rules.late;
    case 'early-leave':
      return rules.earlyLeave;
    case 'missed-sign':
      return rules.missedSign;
    case 'absent-half-day':
      return rules.absentHalfDay;
    case 'off-post':
      return rules.offPost;
    case 'video-check':
      return rules.videoCheck[detail] ?? 1;
    case 'late-completion':
      return rules.lateCompletion;
    case 'bad-review':
      return rules.badReview;
    case 'archive-problem':
      return rules.archiveProblem;
    default: {
      const unhandled: never = kind;
      return unhandled;
    }
  }
};

/**
 * Each window worker's month (个人考核): base score minus their attendance at the terminal (on the
 * working days the hall kept attendance: any worker signed in), the video checks of the window they
 * were signed in at when checked, their late completions, the bad reviews of cases they handled (until
 * voided) and the archive problems of files they signed — each with the event behind it — then the
 * band and the allowance it carries (津补贴), ranked.
 */
export function staffScores(input: StaffMonth) {
  const { rules } = input;
  // Leave alone does not keep a day: someone must have signed in or out at a terminal.
  const kept = input.workingDays.filter((d) => input.staff.some((p) => (input.days.get(`${p.id}#${d}`)?.records.length ?? 0) > 0));
  const cards = input.staff.map((person) => {
    const found: Omit<StaffDeduction, 'points' | 'link'>[] = [];
    for (const date of kept) {
      const stream = `attendance#${date}#${person.id}`;
      for (const f of attendanceFindings(input.days.get(`${person.id}#${date}`), input.attendance)) found.push({ kind: f.kind, date, detail: f.detail, ref: { stream, version: f.v } });
    }
    for (const d of input.deductions) {
      if (d.kind === 'video-check') {
        const day = input.days.get(`${person.id}#${d.date}`);
        const onDuty = d.at === undefined ? (day?.records.some((r) => r.windowId === d.windowId) ?? false) : onDutyAt(day, d.windowId, input.timeOf(d.at), input.attendance.closes);
        if (onDuty) found.push({ kind: 'video-check', date: d.date, detail: d.detail, ref: d.ref });
      } else if ((d.kind === 'late-completion' || d.kind === 'bad-review' || d.kind === 'archive-problem') && d.staffIds?.includes(person.id)) {
        found.push({ kind: d.kind, date: d.date, detail: d.detail, ref: d.ref });
      }
    }
    const deductions = listed(found, (d) => pointsOf(d.kind, d.detail, rules));
    const deducted = rounded(deductions.reduce((s, d) => s + d.points, 0));
    const score = rounded(rules.base - deducted);
    const band = bandOf(score, rules.allowances);
    const c = input.completions.get(person.id) ?? { completed: 0, onTime: 0, late: 0 };
    return {
      staffId: person.id,
      name: person.name,
      badgeNo: person.badgeNo,
      windowId: person.windowId,
      completed: c.completed,
      onTime: c.onTime,
      onTimeRate: rateOf(c.onTime, c.completed),
      badReviews: deductions.filter((d) => d.kind === 'bad-review').length,
      daysKept: kept.length,
      score,
      deducted,
      band: band.name,
      allowance: band.points,
      deductions,
    };
  });
  const staff = ranked(cards, (c) => c.staffId);
  return { month: input.month, daysKept: kept, allowanceTotal: staff.reduce((s, c) => s + c.allowance, 0), staff };
}
