import { describe, expect, it } from 'vitest';
import { attendanceAggregate } from '../../../domain/attendance/aggregate.ts';
import { attendanceFindings, onDutyAt } from '../../../domain/attendance/findings.ts';
import { IllegalTransition } from '../../../domain/errors.ts';
import { at, meta } from '../../support/builders.ts';
import { specFor } from '../../support/given.ts';
import { attendanceRules, day } from './fixtures.ts';

const attendance = specFor(attendanceAggregate, undefined);
const signIn = (time: string, windowId = 'W01') => ({ type: 'SignIn' as const, data: { staffId: 'clerk-a', windowId, date: '2026-11-03', time }, meta: meta(at('2026-11-03', time), { actor: { id: 'clerk-a', role: 'clerk' } }) });
const signOut = (time: string, windowId = 'W01') => ({ type: 'SignOut' as const, data: { staffId: 'clerk-a', windowId, date: '2026-11-03', time }, meta: meta(at('2026-11-03', time), { actor: { id: 'clerk-a', role: 'clerk' } }) });

describe('a worker’s day at the terminal (签到签退)', () => {
  it('signs in, out and in again; a second sign-in without a sign-out is refused', () => {
    attendance.given([signIn('08:25'), signOut('12:00')]).when(signIn('13:25')).then([{ type: 'ClerkSignedIn', data: { time: '13:25' } }]);
    attendance.given([signIn('08:25')]).when(signIn('08:26')).thenThrows(IllegalTransition, /already signed in at window W01 since 08:25/);
  });

  it('records a sign-out without a sign-in as the missed sign-in, and refuses signing out at another window', () => {
    attendance.given([]).when(signOut('17:00')).then([{ type: 'ClerkSignedOut', data: { missedSignIn: true } }]);
    attendance.given([signIn('08:25')]).when(signOut('12:00')).then([{ type: 'ClerkSignedOut', data: { missedSignIn: false } }]);
    attendance.given([signIn('08:25', 'W01')]).when(signOut('12:00', 'W02')).thenThrows(IllegalTransition, /signed in at window W01/);
  });

  it('takes leave once per half day', () => {
    const leave = (part: 'day' | 'morning' | 'afternoon') => ({ type: 'RecordLeave' as const, data: { staffId: 'clerk-a', date: '2026-11-03', part, reason: '病假', recordedBy: 'dir-w01' }, meta: meta(at('2026-11-02')) });
    attendance.given([leave('morning')]).when(leave('afternoon')).then([{ type: 'LeaveRecorded', data: { part: 'afternoon' } }]);
    attendance.given([leave('morning')]).when(leave('morning')).thenThrows(IllegalTransition);
    attendance.given([leave('day')]).when(leave('afternoon')).thenThrows(IllegalTransition);
  });
});

describe('what a day costs (考勤)', () => {
  const findings = (steps: Parameters<typeof day>[2]) => attendanceFindings(day('clerk-a', '2026-11-03', steps), attendanceRules).map((f) => [f.kind, f.v]);

  it('finds nothing in a day kept to the hours, with the lunch break signed out', () => {
    expect(findings([['in', '08:25'], ['out', '12:00'], ['in', '13:28'], ['out', '17:02']])).toEqual([]);
  });

  it('finds late (≤ 10 minutes) and early leave, each linked to its sign-in or sign-out', () => {
    expect(findings([['in', '08:36'], ['out', '12:00'], ['in', '13:30'], ['out', '16:52']])).toEqual([['late', 1], ['early-leave', 4]]);
    expect(findings([['in', '08:40'], ['out', '17:00']])).toEqual([['late', 1]]);
  });

  it('finds half a day absent when more than ten minutes late or early, and two for a day with no record', () => {
    expect(findings([['in', '08:41'], ['out', '17:00']])).toEqual([['absent-half-day', 1]]);
    expect(findings([['in', '08:20'], ['out', '12:00'], ['in', '13:20'], ['out', '16:45']])).toEqual([['absent-half-day', 4]]);
    expect(attendanceFindings(undefined, attendanceRules).map((f) => [f.kind, f.v])).toEqual([['absent-half-day', 0], ['absent-half-day', 0]]);
    // Only the afternoon: the morning is absent.
    expect(findings([['in', '13:25'], ['out', '17:00']])).toEqual([['absent-half-day', 0]]);
  });

  it('finds off post for a gap of 15 minutes or more inside a half day, not for a shorter one or the lunch break', () => {
    expect(findings([['in', '08:20'], ['out', '10:00'], ['in', '10:15'], ['out', '17:00']])).toEqual([['off-post', 3]]);
    expect(findings([['in', '08:20'], ['out', '10:00'], ['in', '10:14'], ['out', '17:00']])).toEqual([]);
  });

  it('charges a missed sign-in or sign-out and takes the day at its most favourable otherwise', () => {
    expect(findings([['out', '17:00']])).toEqual([['missed-sign', 1]]);
    expect(findings([['in', '08:20']])).toEqual([['missed-sign', 1]]);
    expect(findings([['in', '08:20'], ['out', '12:00'], ['in', '13:25']])).toEqual([['missed-sign', 3]]);
  });

  it('excuses the half days on leave', () => {
    expect(findings([['leave', 'day']])).toEqual([]);
    expect(findings([['leave', 'morning'], ['in', '13:29'], ['out', '17:00']])).toEqual([]);
    expect(findings([['leave', 'afternoon'], ['in', '08:29'], ['out', '11:40']])).toEqual([['absent-half-day', 3]]);
  });

  it('says who was signed in at a window at a time (video checks)', () => {
    const d = day('clerk-a', '2026-11-03', [['in', '08:25'], ['out', '12:00'], ['in', '13:30', 'W02'], ['out', '17:00', 'W02']]);
    expect(onDutyAt(d, 'W01', '10:00', '17:00')).toBe(true);
    expect(onDutyAt(d, 'W01', '12:30', '17:00')).toBe(false);
    expect(onDutyAt(d, 'W01', '14:00', '17:00')).toBe(false);
    expect(onDutyAt(d, 'W02', '14:00', '17:00')).toBe(true);
    expect(onDutyAt(day('clerk-a', '2026-11-03', [['in', '08:25']]), 'W01', '16:00', '17:00')).toBe(true);
    // Out at 10:00, then out again in the evening without signing in: taken as at the post from 10:00 on.
    const forgot = day('clerk-a', '2026-11-03', [['in', '08:25'], ['out', '10:00'], ['out', '17:05']]);
    expect(onDutyAt(forgot, 'W01', '09:00', '17:00')).toBe(true);
    expect(onDutyAt(forgot, 'W01', '14:00', '17:00')).toBe(true);
    expect(onDutyAt(day('clerk-a', '2026-11-03', [['out', '17:05']]), 'W01', '09:00', '17:00')).toBe(true);
  });
});
