import { describe, expect, it } from 'vitest';
import { staffScores } from '../../../domain/assessment/staff.ts';
import type { AttendanceState } from '../../../domain/attendance/aggregate.ts';
import type { Deduction } from '../../../domain/scorecard/scorecard.ts';
import { localTimeOf } from '../../../domain/time.ts';
import { at } from '../../support/builders.ts';
import { attendanceRules, day, settings } from './fixtures.ts';

const staff = [
  { id: 'clerk-a', name: '王丽', windowId: 'W01', badgeNo: '220101' },
  { id: 'clerk-b', name: '蒋欣', windowId: 'W01', badgeNo: '220102' },
  { id: 'clerk-c', name: '张伟', windowId: 'W02', badgeNo: '220201' },
];

/**
 * A hand-worked month (four working days, 2–5 November; nobody signed in on the 5th, so the hall did
 * not keep attendance that day and it costs nobody anything):
 *
 * clerk-a  2nd clean · 3rd in 08:36 late −1 · 4th off post 10:00–10:20 −3, no sign-out −2
 *          video check of W01 on the 3rd at 10:00 (on duty): noPhone −1, atPost −3 · bad review −2 ·
 *          archive problem in a file they signed −1                                      = 100 − 13 = 87 → 20 yuan
 * clerk-b  2nd on leave · 3rd in 09:00 (30 minutes late: half a day) −5 · 4th no record −10 ·
 *          the same video check (on duty 09:00–17:00) −4                                = 100 − 19 = 81 → 10 yuan
 * clerk-c  3rd signed out without signing in −2 · 4th out 16:45 (15 minutes early: half a day) −5 ·
 *          late completion −1 · the archive problem −1 · video check of W02 on the 4th, deskTidy −1
 *                                                                                     = 100 − 10 = 90 → 20 yuan
 */
const days = new Map<string, AttendanceState>(
  [
    day('clerk-a', '2026-11-02', [['in', '08:25'], ['out', '12:00'], ['in', '13:25'], ['out', '17:05']]),
    day('clerk-a', '2026-11-03', [['in', '08:36'], ['out', '12:02'], ['in', '13:30'], ['out', '17:00']]),
    day('clerk-a', '2026-11-04', [['in', '08:20'], ['out', '10:00'], ['in', '10:20'], ['out', '12:00'], ['in', '13:28']]),
    day('clerk-b', '2026-11-02', [['leave', 'day']]),
    day('clerk-b', '2026-11-03', [['in', '09:00'], ['out', '17:00']]),
    day('clerk-c', '2026-11-02', [['in', '08:30', 'W02'], ['out', '17:00', 'W02']]),
    day('clerk-c', '2026-11-03', [['out', '17:00', 'W02']]),
    day('clerk-c', '2026-11-04', [['in', '08:29', 'W02'], ['out', '16:45', 'W02']]),
  ].map((d) => [`${d.staffId}#${d.date}`, d]),
);

const ref = (stream: string, version: number) => ({ stream, version });
const deductions: Deduction[] = [
  { kind: 'video-check', windowId: 'W01', date: '2026-11-03', detail: 'noPhone', ref: ref('roster#2026-11-03', 5), at: at('2026-11-03', '10:00') },
  { kind: 'video-check', windowId: 'W01', date: '2026-11-03', detail: 'atPost', ref: ref('roster#2026-11-03', 5), at: at('2026-11-03', '10:00') },
  { kind: 'video-check', windowId: 'W02', date: '2026-11-04', detail: 'deskTidy', ref: ref('roster#2026-11-04', 3), at: at('2026-11-04', '09:00') },
  { kind: 'bad-review', windowId: 'W01', date: '2026-11-03', detail: 'dissatisfied', ref: ref('case#C1', 6), staffIds: ['clerk-a'], siteId: 'S-C' },
  { kind: 'late-completion', windowId: 'W02', date: '2026-11-04', detail: '2026-11-03', ref: ref('case#C2', 4), staffIds: ['clerk-c'], siteId: 'S-C' },
  { kind: 'archive-problem', windowId: 'W01', date: '2026-11-04', detail: 'step-unsigned', ref: ref('archive#2026-10', 7), staffIds: ['clerk-a', 'clerk-c'] },
  // The window's own, not a worker's: a joint department's silence.
  { kind: 'joint-deemed-approval', windowId: 'W01', date: '2026-11-04', detail: 'D1', ref: ref('case#C3', 9) },
];

const sheet = staffScores({
  month: '2026-11',
  staff,
  workingDays: ['2026-11-02', '2026-11-03', '2026-11-04', '2026-11-05'],
  days,
  deductions,
  completions: new Map([['clerk-a', { completed: 5, onTime: 5, late: 0 }], ['clerk-c', { completed: 2, onTime: 1, late: 1 }]]),
  timeOf: (instant) => localTimeOf(instant, 'Asia/Shanghai'),
  rules: settings.staff,
  attendance: attendanceRules,
});
const card = (id: string) => sheet.staff.find((s) => s.staffId === id)!;

describe('each window worker’s month (个人考核)', () => {
  it('adds up the hand-worked month: scores, ranks, bands and allowances', () => {
    expect(sheet.daysKept).toEqual(['2026-11-02', '2026-11-03', '2026-11-04']);
    expect(sheet.staff.map((s) => [s.staffId, s.score, s.deducted, s.rank, s.band, s.allowance])).toEqual([
      ['clerk-c', 90, 10, 1, '良好', 20],
      ['clerk-a', 87, 13, 2, '良好', 20],
      ['clerk-b', 81, 19, 3, '合格', 10],
    ]);
    expect(sheet.allowanceTotal).toBe(50);
    expect([card('clerk-a').completed, card('clerk-a').onTimeRate, card('clerk-c').onTimeRate, card('clerk-b').onTimeRate]).toEqual([5, 1, 0.5, null]);
    expect(card('clerk-a').badReviews).toBe(1);
  });

  it('lists every deduction with its points and the event behind it', () => {
    expect(card('clerk-a').deductions.map((d) => [d.date, d.kind, d.points, d.link])).toEqual([
      ['2026-11-03', 'bad-review', 2, '/cases/C1/events#v6'],
      ['2026-11-03', 'late', 1, '/staff/clerk-a/attendance/2026-11#2026-11-03-v1'],
      ['2026-11-03', 'video-check', 1, '/rosters/2026-11-03#v5'],
      ['2026-11-03', 'video-check', 3, '/rosters/2026-11-03#v5'],
      ['2026-11-04', 'archive-problem', 1, '/archive-checks/2026-10#v7'],
      ['2026-11-04', 'missed-sign', 2, '/staff/clerk-a/attendance/2026-11#2026-11-04-v5'],
      ['2026-11-04', 'off-post', 3, '/staff/clerk-a/attendance/2026-11#2026-11-04-v3'],
    ]);
    expect(card('clerk-b').deductions.map((d) => [d.date, d.kind, d.points, d.ref.version])).toEqual([
      ['2026-11-03', 'absent-half-day', 5, 1],
      ['2026-11-03', 'video-check', 1, 5],
      ['2026-11-03', 'video-check', 3, 5],
      ['2026-11-04', 'absent-half-day', 5, 0],
      ['2026-11-04', 'absent-half-day', 5, 0],
    ]);
    expect(card('clerk-c').deductions.map((d) => [d.date, d.kind, d.points])).toEqual([
      ['2026-11-03', 'missed-sign', 2],
      ['2026-11-04', 'absent-half-day', 5],
      ['2026-11-04', 'archive-problem', 1],
      ['2026-11-04', 'late-completion', 1],
      ['2026-11-04', 'video-check', 1],
    ]);
  });

  it('costs nothing on a working day nobody signed in (leave alone does not keep it), and shares equal scores’ rank', () => {
    const onLeave = new Map([...days, ['clerk-b#2026-11-05', day('clerk-b', '2026-11-05', [['leave', 'day']])]]);
    const quiet = staffScores({ month: '2026-11', staff, workingDays: ['2026-11-05'], days: onLeave, deductions: [], completions: new Map(), timeOf: (i) => localTimeOf(i, 'Asia/Shanghai'), rules: settings.staff, attendance: attendanceRules });
    expect(quiet.daysKept).toEqual([]);
    expect(quiet.staff.map((s) => [s.staffId, s.score, s.rank, s.allowance])).toEqual([['clerk-a', 100, 1, 30], ['clerk-b', 100, 1, 30], ['clerk-c', 100, 1, 30]]);
  });
});
