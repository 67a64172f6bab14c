import { describe, expect, it } from 'vitest';
import { fold } from '../../../domain/decider.ts';
import { projectAggregate } from '../../../domain/project/aggregate.ts';
import { projectSchedule, type CaseProgress } from '../../../domain/project/schedule.ts';
import type { ProjectCommand, ProjectState } from '../../../domain/project/types.ts';
import { assign, calendar, close, filed, fiveSteps, outcome, projects, register, setPlan } from './fixtures.ts';

/**
 * The worked example, by hand, in the test calendar (November–December 2026 has weekends only). The
 * plan is set on Monday 2 November: S1 company registration (5 working days) → S2 planning permit (6)
 * → S4 change registration (0) → S5 second planning permit (6, target 4 December); S1 → S3 land
 * pre-review (10, target 25 November) → S5.
 *
 * Baseline: S1 2 Nov → 9 Nov; S2 and S3 start 9 Nov, finish 17 Nov and 23 Nov; S4 17 Nov → 17 Nov;
 * S5 starts when S3 is planned to finish, 23 Nov, and finishes six working days later, 1 Dec.
 */
const base = [register(), assign('agent-1'), setPlan(fiveSteps)];
const s1Done = [filed('S1', 'c1', '2026-11-02', '11:00', 'COM-5'), outcome('S1', 'c1', 'approved', '2026-11-06')];
const s3Filed = filed('S3', 'c3', '2026-11-09', '10:00', 'UP-10');
const s2Denied = [filed('S2', 'c2', '2026-11-09'), outcome('S2', 'c2', 'denied', '2026-11-12', { reason: '设计方案不符合控规' })];

const cases = new Map<string, CaseProgress>([
  ['c1', { caseId: 'c1', status: 'delivered', deadline: '2026-11-09' }],
  ['c2', { caseId: 'c2', status: 'completed', deadline: '2026-11-17' }],
  ['c3', { caseId: 'c3', status: 'accepted', deadline: '2026-11-23' }],
  ['c4', { caseId: 'c4', status: 'accepted', deadline: '2026-11-25' }],
]);
const stateOf = (commands: ProjectCommand[]) => fold(projectAggregate, projects.run([...base, ...commands])) as ProjectState;
const scheduleOf = (commands: ProjectCommand[], today: string, progress = cases) => projectSchedule(stateOf(commands), { today, calendar, stallAfterWorkingDays: 5, cases: progress });
/** Step id → the named fields of its view. */
const table = <K extends string>(schedule: ReturnType<typeof projectSchedule>, ...keys: K[]) =>
  Object.fromEntries(schedule.steps.map((s) => [s.stepId, keys.map((k) => (s as unknown as Record<string, unknown>)[k])]));

describe('a project’s schedule (代办进度)', () => {
  it('sets the baseline from the plan’s date through the prerequisites’ planned finish', () => {
    const schedule = scheduleOf([], '2026-11-02');
    expect(schedule.steps.map((s) => [s.stepId, s.planned.start, s.planned.finish])).toEqual([
      ['S1', '2026-11-02', '2026-11-09'],
      ['S2', '2026-11-09', '2026-11-17'],
      ['S3', '2026-11-09', '2026-11-23'],
      ['S4', '2026-11-17', '2026-11-17'],
      ['S5', '2026-11-23', '2026-12-01'],
    ]);
    // On the first day the expected dates are the baseline, and the land pre-review is the critical branch.
    expect(schedule.steps.map((s) => s.expectedFinish)).toEqual(['2026-11-09', '2026-11-17', '2026-11-23', '2026-11-17', '2026-12-01']);
    expect(table(schedule, 'state', 'readySince')).toEqual({ S1: ['ready', '2026-11-02'], S2: ['waiting', null], S3: ['waiting', null], S4: ['waiting', null], S5: ['waiting', null] });
    expect(schedule).toMatchObject({ expectedFinish: '2026-12-01', criticalPath: ['S1', 'S3', 'S5'], blockingStepId: 'S1' });
  });

  it('on Friday 13 November: S1 done, S3 filed, S2 ready for five working days (not yet stalled); a tie goes to the earlier step', () => {
    const schedule = scheduleOf([...s1Done, s3Filed], '2026-11-13');
    expect(table(schedule, 'state', 'stalled', 'readySince', 'expectedFinish')).toEqual({
      S1: ['done', null, '2026-11-02', '2026-11-06'],
      S2: ['ready', null, '2026-11-06', '2026-11-23'], // 13 Nov + 6 working days
      S3: ['filed', null, '2026-11-06', '2026-11-23'], // the case's deadline
      S4: ['waiting', null, null, '2026-11-23'],
      S5: ['waiting', null, null, '2026-12-01'], // S3 and S4 both 23 Nov, + 6
    });
    expect(schedule.steps[0]).toMatchObject({ actual: { start: '2026-11-02', finish: '2026-11-06' }, case: { caseId: 'c1', caseNo: '339999-20261102-00001', status: 'delivered', filedDate: '2026-11-02' }, filings: 1 });
    expect(schedule).toMatchObject({ criticalPath: ['S1', 'S3', 'S5'], blockingStepId: 'S3', expectedFinish: '2026-12-01' });
    expect(schedule.steps.map((s) => [s.critical, s.blocking])).toEqual([[true, false], [false, false], [true, true], [false, false], [true, false]]);
  });

  it('on Monday 16 November the ready step has waited six working days: stalled, untouched', () => {
    const schedule = scheduleOf([...s1Done, s3Filed], '2026-11-16');
    expect(table(schedule, 'state', 'stalled', 'expectedFinish')).toMatchObject({ S2: ['stalled', 'untouched', '2026-11-24'], S4: ['waiting', null, '2026-11-24'], S5: ['waiting', null, '2026-12-02'] });
    expect(schedule).toMatchObject({ criticalPath: ['S1', 'S2', 'S4', 'S5'], blockingStepId: 'S2' });
  });

  it('on Friday 20 November: S2 denied on the 12th and not filed again is stalled; S5 puts its target at risk', () => {
    const schedule = scheduleOf([...s1Done, s3Filed, ...s2Denied], '2026-11-20');
    expect(table(schedule, 'state', 'stalled', 'readySince', 'expectedFinish', 'targetAtRisk')).toEqual({
      S1: ['done', null, '2026-11-02', '2026-11-06', false],
      S2: ['denied', 'untouched', '2026-11-12', '2026-11-30', false], // six working days since the denial; 20 Nov + 6
      S3: ['filed', null, '2026-11-06', '2026-11-23', false], // target 25 Nov
      S4: ['waiting', null, null, '2026-11-30', false],
      S5: ['waiting', null, null, '2026-12-08', true], // target 4 Dec
    });
    expect(schedule.steps[1]).toMatchObject({ case: { caseId: 'c2', status: 'completed', deadline: '2026-11-17', filedDate: '2026-11-09' }, actual: { start: '2026-11-09', finish: null } });
    expect(schedule).toMatchObject({ expectedFinish: '2026-12-08', criticalPath: ['S1', 'S2', 'S4', 'S5'], blockingStepId: 'S2' });
  });

  it('on Tuesday 24 November: S3 past its deadline is stalled, overdue; S2 filed again counts from its first filing', () => {
    const schedule = scheduleOf([...s1Done, s3Filed, ...s2Denied, filed('S2', 'c4', '2026-11-17')], '2026-11-24');
    expect(table(schedule, 'state', 'stalled', 'readySince', 'expectedFinish')).toEqual({
      S1: ['done', null, '2026-11-02', '2026-11-06'],
      S2: ['filed', null, '2026-11-12', '2026-11-25'],
      S3: ['stalled', 'overdue', '2026-11-06', '2026-11-24'], // deadline 23 Nov passed: today at the earliest
      S4: ['waiting', null, null, '2026-11-25'],
      S5: ['waiting', null, null, '2026-12-03'],
    });
    expect(schedule.steps[1]).toMatchObject({ filings: 2, case: { caseId: 'c4', deadline: '2026-11-25', filedDate: '2026-11-17' }, actual: { start: '2026-11-09', finish: null } });
    expect(schedule).toMatchObject({ criticalPath: ['S1', 'S2', 'S4', 'S5'], blockingStepId: 'S2' });
  });

  it('expects a filed step whose case it knows nothing of its committed days after filing, or today', () => {
    const unknown = new Map([...cases].filter(([id]) => id !== 'c3'));
    expect(scheduleOf([...s1Done, s3Filed], '2026-11-20', unknown).steps[2]).toMatchObject({ state: 'filed', stalled: null, case: { status: null, deadline: null }, expectedFinish: '2026-11-23' });
    expect(scheduleOf([...s1Done, s3Filed], '2026-11-25', unknown).steps[2]).toMatchObject({ state: 'filed', stalled: null, expectedFinish: '2026-11-25' });
  });

  it('blocks nothing once every step is done, and still computes a closed project’s', () => {
    const all = [
      ...s1Done,
      s3Filed,
      ...s2Denied,
      filed('S2', 'c4', '2026-11-17'),
      outcome('S2', 'c4', 'approved', '2026-11-20'),
      outcome('S3', 'c3', 'forwarded', '2026-11-23'),
      filed('S4', 'c5', '2026-11-23', '09:00', 'IMM-1'),
      outcome('S4', 'c5', 'approved', '2026-11-23', { time: '09:30' }),
      filed('S5', 'c6', '2026-11-24'),
      outcome('S5', 'c6', 'approved', '2026-12-01'),
      close(),
    ];
    const schedule = scheduleOf(all, '2026-12-10');
    expect(schedule.steps.map((s) => [s.state, s.expectedFinish, s.actual.finish])).toEqual([
      ['done', '2026-11-06', '2026-11-06'],
      ['done', '2026-11-20', '2026-11-20'],
      ['done', '2026-11-23', '2026-11-23'],
      ['done', '2026-11-23', '2026-11-23'],
      ['done', '2026-12-01', '2026-12-01'],
    ]);
    expect(schedule).toMatchObject({ expectedFinish: '2026-12-01', criticalPath: ['S1', 'S3', 'S5'], blockingStepId: null });
  });

  it('is empty before a plan is set', () => {
    const state = fold(projectAggregate, projects.run([register()])) as ProjectState;
    expect(projectSchedule(state, { today: '2026-11-02', calendar, stallAfterWorkingDays: 5, cases })).toEqual({ steps: [], expectedFinish: null, criticalPath: [], blockingStepId: null });
  });
});
