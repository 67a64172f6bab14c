import { describe, expect, it } from 'vitest';
import { fold } from '../../../domain/decider.ts';
import { projectAggregate } from '../../../domain/project/aggregate.ts';
import { projectSchedule, type CaseProgress } from '../../../domain/project/schedule.ts';
import type { ProjectCommand, ProjectState } from '../../../domain/project/types.ts';
import { byUrgency, worklistKinds, worklistOf, type WorklistItem } from '../../../domain/project/worklist.ts';
import { at } from '../../support/builders.ts';
import { assign, calendar, close, filed, fiveSteps, outcome, projects, register, setPlan } from './fixtures.ts';

const TODAY = '2026-11-24'; // Tuesday: five working days ahead is Tuesday 1 December
const cases = new Map<string, CaseProgress>([['c3', { caseId: 'c3', status: 'accepted', deadline: '2026-11-23' }]]);
const s1Done = [filed('S1', 'c1', '2026-11-02', '11:00', 'COM-5'), outcome('S1', 'c1', 'approved', '2026-11-06')];

function project(n: number, commands: ProjectCommand[], planDate = '2026-11-02') {
  const head = [register({ projectId: `P${n}`, projectNo: `339999-XM-2026-000${n}`, name: `项目${n}`, enterprise: { name: `企业${n}`, creditCode: '91339999MA2D8K3L1G' } }, at('2026-11-02', '09:00')), assign('agent-1')];
  const state = fold(projectAggregate, projects.run([...head, setPlan(fiveSteps, at(planDate)), ...commands])) as ProjectState;
  return { state, schedule: projectSchedule(state, { today: TODAY, calendar, stallAfterWorkingDays: 5, cases }) };
}

/** P1: S3's case is past its deadline. P2: S3 never filed since 6 November (stalled), S2 denied on the 20th. P5: planned yesterday, S1 to file, S3's target near. P6: closed. */
const p1 = project(1, [...s1Done, filed('S3', 'c3', '2026-11-09', '10:00', 'UP-10'), filed('S2', 'c2', '2026-11-09')]);
const p2 = project(2, [...s1Done, filed('S2', 'c2', '2026-11-09'), outcome('S2', 'c2', 'rejected', '2026-11-20', { reason: '材料不全' })]);
const p5 = project(5, [], '2026-11-23');
const p6 = project(6, [close(null, at('2026-11-20'))]);

describe('the agent’s worklist (代办员待办)', () => {
  it('lists one item per step needing the agent, most urgent first, for open projects only', () => {
    const items = worklistOf([p6, p5, p2, p1], TODAY, calendar);
    expect(items.map((i) => [i.projectNo.slice(-1), i.stepId, i.kind, i.due, i.critical])).toEqual([
      ['1', 'S3', 'overdue', '2026-11-23', true],
      ['2', 'S3', 'stalled', '2026-11-25', true],
      ['5', 'S3', 'target', '2026-11-25', true],
      ['2', 'S2', 'refile', null, false],
      ['5', 'S1', 'file', null, true],
    ]);
    expect(items[0]).toEqual({
      projectId: 'P1',
      projectNo: '339999-XM-2026-0001',
      projectName: '项目1',
      enterprise: '企业1',
      stepId: 'S3',
      itemCode: 'UP-10',
      itemName: '建设用地预审（报市级）',
      kind: 'overdue',
      due: '2026-11-23',
      critical: true,
      readySince: expect.any(String) as unknown,
      expectedFinish: expect.any(String) as unknown,
      case: { caseNo: '339999-20261102-00003', outcome: null, reason: null, closedDate: null, deadline: '2026-11-23' },
    });
    expect(items.slice(1).map((i) => [i.readySince, i.expectedFinish, i.case && `${i.case.caseNo} ${i.case.outcome}: ${i.case.reason}`])).toEqual([
      ['2026-11-06', expect.any(String), null],
      [null, '2026-12-15', null],
      [expect.any(String), expect.any(String), '339999-20261102-00002 rejected: 材料不全'],
      ['2026-11-23', expect.any(String), null],
    ]);
  });

  it('lists a denied step left untouched as stalled, and a target five working days ahead but not six', () => {
    // Rejected on Friday 20 November: by Friday the 27th five working days have passed.
    const later = (n: number) => ({ ...p2, schedule: projectSchedule(p2.state, { today: '2026-11-27', calendar, stallAfterWorkingDays: n, cases }) });
    expect(worklistOf([later(5)], '2026-11-27', calendar).find((i) => i.stepId === 'S2')).toMatchObject({ kind: 'refile' });
    expect(worklistOf([later(4)], '2026-11-27', calendar).find((i) => i.stepId === 'S2')).toMatchObject({ kind: 'stalled', case: { outcome: 'rejected', closedDate: '2026-11-20' } });
    const targets = (today: string) => worklistOf([{ ...p5, schedule: projectSchedule(p5.state, { today, calendar, stallAfterWorkingDays: 5, cases }) }], today, calendar).filter((i) => i.kind === 'target');
    expect(targets('2026-11-27').map((i) => i.stepId)).toEqual(['S3', 'S5']); // 4 Dec is five working days after Friday 27 Nov
    expect(targets('2026-11-26').map((i) => i.stepId)).toEqual(['S3']);
  });

  it('ranks by kind, then due date (none last), then critical first, then project number and step', () => {
    expect(worklistKinds).toEqual(['overdue', 'stalled', 'target', 'refile', 'file']);
    const item = (kind: WorklistItem['kind'], due: string | null, critical: boolean, projectNo: string, stepId: string) => ({ kind, due, critical, projectNo, stepId }) as WorklistItem;
    const items = [
      item('file', '2026-11-20', true, 'P1', 'S1'),
      item('refile', null, true, 'P1', 'S2'),
      item('refile', '2026-12-01', false, 'P2', 'S1'),
      item('refile', '2026-12-01', true, 'P3', 'S1'),
      item('refile', '2026-12-01', false, 'P1', 'S9'),
      item('refile', '2026-12-01', false, 'P1', 'S3'),
      item('overdue', '2026-11-25', false, 'P9', 'S1'),
    ];
    expect(items.sort(byUrgency).map((i) => `${i.kind} ${i.projectNo} ${i.stepId}`)).toEqual(['overdue P9 S1', 'refile P3 S1', 'refile P1 S3', 'refile P1 S9', 'refile P2 S1', 'refile P1 S2', 'file P1 S1']);
  });
});
