import { describe, expect, it } from 'vitest';
import { at } from '../../support/builders.ts';
import { acceptJoint, completeJoint, completeRectification, issueRectification, jointContext, jointSubmitted, opinion, recordInspection, scheduleInspection, sweep } from '../../support/joint-builders.ts';
import { givenEvents } from '../../support/views.ts';
import { caseHistory } from './histories.ts';

/** The worked example of shared/domain.md, up to the step given. */
const worked = [
  jointSubmitted(),
  acceptJoint('2026-11-02'),
  scheduleInspection('2026-11-04', '09:30', at('2026-11-02', '15:00')),
  recordInspection('2026-11-04', ['D-NR', 'D-FIRE', 'D-LAND', 'D-QS'], { 'D-CAD': null }),
  opinion('D-NR', 'pass', '2026-11-05', { time: '10:00' }),
  opinion('D-ARCH', 'pass', '2026-11-05', { time: '11:00' }),
  opinion('D-FIRE', 'rectify', '2026-11-05', { items: ['疏散指示标志不连续', '消防水泵接合器未标识'], time: '15:00' }),
  opinion('D-QS', 'rectify', '2026-11-06', { items: ['楼梯栏杆高度不足'], time: '09:30' }),
  issueRectification('2026-11-06', '10:30'),
  completeRectification('2026-11-11'),
  sweep('2026-11-10', at('2026-11-11', '09:30')),
  opinion('D-FIRE', 'pass', '2026-11-12', { time: '10:00' }),
  opinion('D-QS', 'pass', '2026-11-12', { time: '14:00' }),
  completeJoint('2026-11-13'),
];
const upTo = (n: number) => givenEvents(caseHistory('joint-1', worked.slice(0, n), jointContext));

describe('a department’s joint tasks (部门待办)', () => {
  it('files each task under its department and status, and moves it as the status changes', () => {
    const opened = upTo(2).then.docs('joint-tasks');
    expect(opened.map((d) => [d.pk, d.sk])).toEqual([
      ['jointTasks#D-ARCH', 'open#joint-1'],
      ['jointTasks#D-CAD', 'open#joint-1'],
      ['jointTasks#D-FIRE', 'open#joint-1'],
      ['jointTasks#D-LAND', 'open#joint-1'],
      ['jointTasks#D-NR', 'open#joint-1'],
      ['jointTasks#D-QS', 'open#joint-1'],
    ]);
    expect(opened.find((d) => d.pk === 'jointTasks#D-ARCH')?.doc).toMatchObject({ caseNo: '339998-20261102-00001', organization: '测试置业有限公司', status: 'open', days: 3, deadline: '2026-11-05', inspects: false, stoppedSince: null });
    const listOut = upTo(9).then.docs('joint-tasks');
    const fire = listOut.filter((d) => d.pk === 'jointTasks#D-FIRE');
    expect(fire.map((d) => d.sk)).toEqual(['rectify#joint-1']);
    expect(fire[0]?.doc).toMatchObject({ status: 'rectify', stoppedSince: '2026-11-06', items: [{ text: '疏散指示标志不连续' }, { text: '消防水泵接合器未标识' }], inspection: { date: '2026-11-04', heldDate: '2026-11-04' } });
    expect(listOut.find((d) => d.pk === 'jointTasks#D-CAD')?.sk).toBe('deemed-consenting#joint-1');
    const done = upTo(10).then.docs('joint-tasks');
    expect(done.find((d) => d.pk === 'jointTasks#D-FIRE')).toMatchObject({ sk: 'open#joint-1', doc: { status: 'open', deadline: '2026-11-12', stoppedWorkingDays: 3, stoppedSince: null } });
    const completed = upTo(14).then.docs('joint-tasks');
    expect(completed.map((d) => d.sk).sort()).toEqual(['deemed-approving#joint-1', 'deemed-consenting#joint-1', 'passed#joint-1', 'passed#joint-1', 'passed#joint-1', 'passed#joint-1']);
    expect(completed.every((d) => (d.doc as { caseStatus: string }).caseStatus === 'completed')).toBe(true);
  });
});

describe('the sweep’s index of open tasks by deadline', () => {
  it('holds exactly the open tasks, under their current deadline', () => {
    expect(upTo(2).then.docs('joint-due').map((d) => d.sk)).toEqual([
      '2026-11-05#joint-1#D-ARCH',
      '2026-11-09#joint-1#D-CAD',
      '2026-11-09#joint-1#D-FIRE',
      '2026-11-09#joint-1#D-LAND',
      '2026-11-09#joint-1#D-NR',
      '2026-11-09#joint-1#D-QS',
    ]);
    // After the list went out: land alone is open; fire and quality wait for the applicant.
    expect(upTo(9).then.docs('joint-due').map((d) => d.sk)).toEqual(['2026-11-09#joint-1#D-LAND']);
    // Done: fire and quality re-open with their moved deadlines.
    expect(upTo(10).then.docs('joint-due').map((d) => d.sk)).toEqual(['2026-11-09#joint-1#D-LAND', '2026-11-12#joint-1#D-FIRE', '2026-11-12#joint-1#D-QS']);
    expect(upTo(11).then.docs('joint-due').map((d) => d.sk)).toEqual(['2026-11-12#joint-1#D-FIRE', '2026-11-12#joint-1#D-QS']);
    expect(upTo(14).then.docs('joint-due')).toEqual([]);
  });
});

describe('the joint figures', () => {
  it('count cases, tasks, answers, deemed consents and approvals, lists, and the completion’s working days against the serial sum', () => {
    const rows = upTo(14).then.counters('joint-statistics');
    const row = (date: string, departmentId: string) => rows.find((r) => r.sk === `${date}#JA-1#${departmentId}`)?.counters;
    expect(row('2026-11-02', '-')).toEqual({ cases: 1 });
    expect(row('2026-11-02', 'D-FIRE')).toEqual({ tasks: 1 });
    expect(row('2026-11-04', 'D-CAD')).toEqual({ deemedConsents: 1 });
    expect(row('2026-11-05', 'D-FIRE')).toEqual({ answered: 1, answerWorkingDays: 3, rectify: 1 });
    expect(row('2026-11-06', '-')).toEqual({ rectifications: 1, rectificationItems: 3 });
    expect(row('2026-11-11', 'D-LAND')).toEqual({ deemedApprovals: 1 });
    // Fire answered again on 11-12: 8 working days since acceptance, less the 3 its clock stood still.
    expect(row('2026-11-12', 'D-FIRE')).toEqual({ answered: 1, answerWorkingDays: 5, pass: 1 });
    expect(row('2026-11-13', '-')).toEqual({ completed: 1, approved: 1, workingDays: 9, serialWorkingDays: 28, 'wd:9': 1 });
    expect(rows.find((r) => r.sk === '2026-11-13#JA-1#-')?.labels).toEqual({ date: '2026-11-13', itemCode: 'JA-1', departmentId: '-' });
  });

  it('puts the deemed approval and the unjustified absence on the windows that answer for those departments', () => {
    const deductions = upTo(14)
      .then.docs('scorecard-case')
      .map((d) => [d.sk, (d.doc as { kind: string; ref: { stream: string } }).kind]);
    expect(deductions).toEqual([
      ['W-CAD#joint-absence#joint-1-D-CAD', 'joint-absence'],
      ['W-LAND#joint-deemed-approval#joint-1-D-LAND', 'joint-deemed-approval'],
    ]);
  });
});

describe('the lead window’s backlog', () => {
  it('shows the case’s clock stopped while the combined list is with the applicant, and the days added once done', () => {
    expect(upTo(9).then.docs('window-queue')[0]?.doc).toMatchObject({ status: 'accepted', suspendedSince: '2026-11-06', suspendedWorkingDays: 0 });
    expect(upTo(10).then.docs('window-queue')[0]?.doc).toMatchObject({ status: 'accepted', suspendedSince: null, suspendedWorkingDays: 3, deadline: '2026-12-03' });
  });
});
