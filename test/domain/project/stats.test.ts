import { describe, expect, it } from 'vitest';
import { fold } from '../../../domain/decider.ts';
import { projectAggregate } from '../../../domain/project/aggregate.ts';
import { agencyStats } from '../../../domain/project/stats.ts';
import type { ProjectCommand, ProjectState } from '../../../domain/project/types.ts';
import { at } from '../../support/builders.ts';
import { assign, calendar, close, filed, fiveSteps, outcome, projects, register, setPlan } from './fixtures.ts';

function project(n: number, registered: string, data: { investment: number; siteId: string }, commands: ProjectCommand[]): ProjectState {
  const head = [register({ projectId: `P${n}`, projectNo: `339999-XM-2026-000${n}`, ...data }, at(registered, '09:00')), setPlan(fiveSteps, at(registered, '10:00'))];
  return fold(projectAggregate, projects.run([...head, ...commands])) as ProjectState;
}

/**
 * November 2026, by hand. P1 (centre, agent-1, 5200.5万元): S1 filed 2 Nov, approved 6 Nov on time
 * (4 working days); S2 denied, filed again 17 Nov, approved 25 Nov late (6); S3 filed 9 Nov,
 * forwarded 30 Nov, timeliness unknown (15). P2 (township, agent-2, 800.25): S1 filed 12 Nov,
 * approved 19 Nov on time (5). P3 closed in October and P4 registered in December do not count; P5
 * (centre, no agent, 100.125), closed 3 November, counts with nothing filed.
 */
const portfolio = [
  project(1, '2026-11-02', { investment: 5200.5, siteId: 'S-CENTER' }, [
    assign('agent-1'),
    filed('S1', 'c1', '2026-11-02', '11:00', 'COM-5'),
    outcome('S1', 'c1', 'approved', '2026-11-06', { onTime: true }),
    filed('S2', 'c2', '2026-11-09'),
    outcome('S2', 'c2', 'denied', '2026-11-12'),
    filed('S3', 'c3', '2026-11-09', '10:00', 'UP-10'),
    filed('S2', 'c4', '2026-11-17'),
    outcome('S2', 'c4', 'approved', '2026-11-25', { onTime: false }),
    outcome('S3', 'c3', 'forwarded', '2026-11-30', { onTime: null }),
  ]),
  project(2, '2026-11-10', { investment: 800.25, siteId: 'S-T1' }, [assign('agent-2', at('2026-11-10', '11:00')), filed('S1', 'c5', '2026-11-12', '11:00', 'COM-5'), outcome('S1', 'c5', 'approved', '2026-11-19', { onTime: true })]),
  project(3, '2026-10-12', { investment: 999, siteId: 'S-CENTER' }, [close(null, at('2026-10-30'))]),
  project(4, '2026-12-05', { investment: 50, siteId: 'S-T1-V1' }, [assign('agent-1', at('2026-12-05', '11:00'))]),
  project(5, '2026-10-20', { investment: 100.125, siteId: 'S-CENTER' }, [close(null, at('2026-11-03'))]),
];

describe('the agency figures (代办统计)', () => {
  it('counts projects live in the range, permits filed and done in it, and their speed and timeliness', () => {
    expect(agencyStats(portfolio, { from: '2026-11-01', to: '2026-11-30' }, calendar)).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      siteId: null,
      projects: 3,
      investment: 6100.88, // 6100.875
      permits: 4, // P1 S1, S2, S3; P2 S1
      permitsDone: 4,
      averageWorkingDaysPerPermit: 7.5, // (4 + 6 + 15 + 5) / 4
      onTimeRate: 0.6667, // 2 of the 3 whose timeliness is known
      byAgent: [
        { agentId: 'agent-1', projects: 1, investment: 5200.5, permits: 3, permitsDone: 3 },
        { agentId: 'agent-2', projects: 1, investment: 800.25, permits: 1, permitsDone: 1 },
        { agentId: null, projects: 1, investment: 100.13, permits: 0, permitsDone: 0 },
      ],
      bySite: [
        { siteId: 'S-CENTER', projects: 2, investment: 5300.63, permits: 3, permitsDone: 3 },
        { siteId: 'S-T1', projects: 1, investment: 800.25, permits: 1, permitsDone: 1 },
      ],
    });
  });

  it('restricts every figure to one site', () => {
    expect(agencyStats(portfolio, { from: '2026-11-01', to: '2026-11-30', siteId: 'S-T1' }, calendar)).toMatchObject({
      siteId: 'S-T1',
      projects: 1,
      investment: 800.25,
      permits: 1,
      permitsDone: 1,
      averageWorkingDaysPerPermit: 5,
      onTimeRate: 1,
      byAgent: [{ agentId: 'agent-2' }],
      bySite: [{ siteId: 'S-T1' }],
    });
  });

  it('takes the range’s ends as they are: a permit done on the last day counts, one filed before the first does not', () => {
    expect(agencyStats(portfolio, { from: '2026-11-06', to: '2026-11-06' }, calendar)).toMatchObject({ projects: 1, permits: 0, permitsDone: 1, averageWorkingDaysPerPermit: 4, onTimeRate: 1 });
    expect(agencyStats(portfolio, { from: '2026-11-03', to: '2026-11-09' }, calendar)).toMatchObject({ projects: 2, permits: 2, permitsDone: 1 }); // P5 closed on the 3rd still counts
    expect(agencyStats(portfolio, { from: '2026-12-01', to: '2026-12-31' }, calendar)).toMatchObject({ projects: 3, investment: 6050.75, permits: 0, permitsDone: 0, averageWorkingDaysPerPermit: null, onTimeRate: null });
  });

  it('is all zeros for nothing', () => {
    expect(agencyStats([], { from: '2026-11-01', to: '2026-11-30' }, calendar)).toEqual({ from: '2026-11-01', to: '2026-11-30', siteId: null, projects: 0, investment: 0, permits: 0, permitsDone: 0, averageWorkingDaysPerPermit: null, onTimeRate: null, byAgent: [], bySite: [] });
  });
});
