import { describe, expect, it } from 'vitest';
import { fold } from '../../../domain/decider.ts';
import { IllegalTransition, InvalidInput, NotFound, RuleViolation } from '../../../domain/errors.ts';
import { assertFileable, projectAggregate, projectEventTypes } from '../../../domain/project/aggregate.ts';
import { projectCommandFor } from '../../../domain/project/process.ts';
import type { ProjectCommand, ProjectState } from '../../../domain/project/types.ts';
import { at } from '../../support/builders.ts';
import { assign, caseEvent, caseSubmitted, close, CREDIT_CODE, filed, filing, fiveSteps, followUp, outcome, projects, register, setPlan } from './fixtures.ts';

const registered = [register()];
const planned = [...registered, assign('agent-1'), setPlan(fiveSteps)];
/** What `fn` throws (the test fails when it throws nothing). */
function thrownBy(fn: () => unknown): Error {
  try {
    fn();
  } catch (error) {
    return error as Error;
  }
  throw new Error('nothing was thrown');
}
/** Expects `fn` to throw exactly this error: its class and its message. */
const expectError = (fn: () => unknown, expected: Error) => {
  const error = thrownBy(fn);
  expect(error).toBeInstanceOf(expected.constructor);
  expect(error.message).toBe(expected.message);
  return error;
};
const stateAfter = (commands: ProjectCommand[]) => fold(projectAggregate, projects.run(commands)) as ProjectState;

describe('the project aggregate', () => {
  it('lives in `project#` streams and lists every event type', () => {
    expect(projectAggregate).toMatchObject({ name: 'project', streamPrefix: 'project#' });
    expect([...projectEventTypes].sort()).toEqual(['AgentAssigned', 'FollowUpRecorded', 'PlanSet', 'ProjectClosed', 'ProjectRegistered', 'StepCompleted', 'StepDenied', 'StepFiled']);
  });
});

describe('registering a project (代办项目登记)', () => {
  it('records the project, dated in county time', () => {
    projects
      .given([])
      .when(register({}, '2026-11-01T17:30:00.000Z'))
      .then((events, state) => {
        expect(events).toMatchObject([
          {
            type: 'ProjectRegistered',
            data: { projectId: 'P1', projectNo: '339999-XM-2026-0001', name: '年产十万吨饲料加工项目', enterprise: { name: '测试县丰收饲料有限公司', creditCode: CREDIT_CODE }, investment: 5200.5, siteId: 'S-CENTER', registeredDate: '2026-11-02' },
            meta: { actor: { id: 'agent-1' }, at: '2026-11-01T17:30:00.000Z' },
          },
        ]);
        expect(state).toMatchObject({ registeredAt: '2026-11-01T17:30:00.000Z', agentId: null, plan: null, plans: [], filings: [], followUps: [], status: 'open', closedAt: null, closedDate: null });
      });
  });

  it('assigns the agent who registers it, in the same append', () => {
    projects
      .given([])
      .when(register({ agentId: 'agent-1' }))
      .then((events, state) => {
        expect(events.map((e) => e.type)).toEqual(['ProjectRegistered', 'AgentAssigned']);
        expect(events[0]!.data).not.toHaveProperty('agentId');
        expect(events[1]).toMatchObject({ data: { agentId: 'agent-1', previous: null } });
        expect(state?.agentId).toBe('agent-1');
      });
  });

  it('refuses a bad credit code, an investment of nothing, an unknown site, each at its field (422)', () => {
    const error = projects.given([]).when(register({ enterprise: { name: 'x', creditCode: '91339999MA2D8K3L1H' } })).thenThrows(InvalidInput, /check character should be G/) as InvalidInput;
    expect(error.errors).toEqual([{ path: 'body.enterprise.creditCode', message: 'the check character should be G' }]);
    expect((projects.given([]).when(register({ investment: 0, siteId: 'S-NOWHERE' })).thenThrows(InvalidInput) as InvalidInput).errors.map((e) => e.path)).toEqual(['body.investment', 'body.siteId']);
    projects.given([]).when(register({ investment: -3 })).thenThrows(InvalidInput, /more than 0/);
  });

  it('happens once on a stream (409)', () => {
    projects.given(registered).when(register()).thenThrows(IllegalTransition, /already registered/);
  });
});

describe('commands on a project that does not exist', () => {
  it('are refused as not found (404)', () => {
    for (const command of [assign('agent-1'), setPlan(fiveSteps), followUp(), close()]) projects.given([]).when(command).thenThrows(NotFound);
  });
});

describe('assigning an agent (指派代办员)', () => {
  it('records the agent and the one replaced; the same agent again changes nothing', () => {
    projects.given(registered).when(assign('agent-1')).then([{ type: 'AgentAssigned', data: { agentId: 'agent-1', previous: null } }]);
    projects
      .given([...registered, assign('agent-1')])
      .when(assign('agent-2'))
      .then((events, state) => {
        expect(events).toMatchObject([{ data: { agentId: 'agent-2', previous: 'agent-1' } }]);
        expect(state?.agentId).toBe('agent-2');
      });
    projects.given([...registered, assign('agent-1')]).when(assign('agent-1')).then([]);
  });
});

describe('setting the plan (制定代办计划)', () => {
  it('records version 1 with the catalogue’s names and days, dated in county time', () => {
    projects
      .given(registered)
      .when(setPlan(fiveSteps))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'PlanSet', data: { planVersion: 1, setDate: '2026-11-02', steps: [{ stepId: 'S1', itemName: '企业设立登记（五证合一）', committedDays: 5 }, {}, {}, {}, { stepId: 'S5', targetDate: '2026-12-04' }] } }]);
        expect(state?.plan).toMatchObject({ version: 1, setAt: at('2026-11-02', '10:00'), setDate: '2026-11-02' });
        expect(state?.plans).toHaveLength(1);
      });
  });

  it('records a changed plan as the next version and keeps the earlier ones', () => {
    projects
      .given(planned)
      .when(setPlan(fiveSteps.slice(0, 3), at('2026-11-09')))
      .then((events, state) => {
        expect(events).toMatchObject([{ data: { planVersion: 2, setDate: '2026-11-09' } }]);
        expect(state?.plan?.steps.map((s) => s.stepId)).toEqual(['S1', 'S2', 'S3']);
        expect(state?.plans.map((p) => [p.version, p.steps.length])).toEqual([[1, 5], [2, 3]]);
      });
  });

  it('changes nothing when the plan is the same', () => {
    projects.given(planned).when(setPlan(structuredClone(fiveSteps), at('2026-11-09'))).then([]);
  });

  it('refuses an invalid plan (422) and dropping a filed step (422)', () => {
    projects.given(registered).when(setPlan([{ stepId: 'S1', itemCode: 'COM-6', after: ['S2'] }, { stepId: 'S2', itemCode: 'COM-6', after: ['S1'] }])).thenThrows(InvalidInput, /S1 → S2 → S1/);
    projects.given([...planned, filed('S1', 'c1', '2026-11-02', '11:00', 'COM-5')]).when(setPlan(fiveSteps.slice(1).map((s) => ({ ...s, after: s.after.filter((a) => a !== 'S1') })))).thenThrows(RuleViolation, /step S1 has been filed/);
  });
});

describe('recording a step’s case (the process manager)', () => {
  it('records a filing, dated in county time', () => {
    projects
      .given(planned)
      .when(filed('S1', 'c1', '2026-11-02', '11:00', 'COM-5'))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'StepFiled', data: { stepId: 'S1', caseId: 'c1', caseNo: '339999-20261102-00001', itemCode: 'COM-5', filedAt: at('2026-11-02', '11:00'), filedDate: '2026-11-02', cause: { stream: 'case#c1', version: 1 } }, meta: { actor: { id: 'process-manager', role: 'system' } } }]);
        expect(state?.filings).toEqual([filing('S1', 'c1', at('2026-11-02', '11:00'), 'COM-5')]);
      });
  });

  it('records an approval or a forward as done, with its timeliness', () => {
    const history = [...planned, filed('S1', 'c1', '2026-11-02', '11:00', 'COM-5')];
    projects
      .given(history)
      .when(outcome('S1', 'c1', 'approved', '2026-11-06', { onTime: true }))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'StepCompleted', data: { stepId: 'S1', caseId: 'c1', decision: 'approved', completedAt: at('2026-11-06', '15:00'), completedDate: '2026-11-06', onTime: true, cause: { stream: 'case#c1', version: 3 } } }]);
        expect(state?.filings).toEqual([filing('S1', 'c1', at('2026-11-02', '11:00'), 'COM-5', { outcome: 'approved', closedAt: at('2026-11-06', '15:00'), onTime: true })]);
      });
    projects.given(history).when(outcome('S1', 'c1', 'forwarded', '2026-11-06', { onTime: false })).then([{ type: 'StepCompleted', data: { decision: 'forwarded', onTime: false } }]);
  });

  it('records a denial or a rejection with its reason', () => {
    const history = [...planned, filed('S1', 'c1', '2026-11-02', '11:00', 'COM-5')];
    projects
      .given(history)
      .when(outcome('S1', 'c1', 'rejected', '2026-11-03', { reason: '材料不全' }))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'StepDenied', data: { stepId: 'S1', caseId: 'c1', how: 'rejected', reason: '材料不全', deniedAt: at('2026-11-03', '15:00'), deniedDate: '2026-11-03' } }]);
        expect(state?.filings[0]).toMatchObject({ outcome: 'rejected', reason: '材料不全', closedDate: '2026-11-03', onTime: null });
      });
    projects.given(history).when(outcome('S1', 'c1', 'denied', '2026-11-03')).then([{ type: 'StepDenied', data: { how: 'denied', reason: null } }]);
  });

  it('never refuses: a case recorded already, an outcome recorded already or for a case never filed change nothing', () => {
    const history = [...planned, filed('S1', 'c1', '2026-11-02', '11:00', 'COM-5'), outcome('S1', 'c1', 'approved', '2026-11-06')];
    projects.given(history).when(filed('S1', 'c1', '2026-11-02', '11:00', 'COM-5')).then([]);
    projects.given(history).when(outcome('S1', 'c1', 'approved', '2026-11-06')).then([]);
    projects.given(history).when(outcome('S1', 'c1', 'denied', '2026-11-07')).then([]);
    projects.given(history).when(outcome('S2', 'c9', 'approved', '2026-11-06')).then([]);
    projects.given([]).when(filed('S1', 'c1', '2026-11-02')).then([]);
  });

  it('records a step no longer in the plan, and on a closed project', () => {
    projects.given(planned).when(filed('S9', 'c9', '2026-11-03')).then([{ type: 'StepFiled', data: { stepId: 'S9' } }]);
    projects.given([...planned, filed('S1', 'c1', '2026-11-02', '11:00', 'COM-5'), close()]).when(outcome('S1', 'c1', 'approved', '2026-12-11')).then([{ type: 'StepCompleted' }]);
  });

  it('keeps filings in filing order whatever order they arrive in', () => {
    const a = filed('S2', 'c3', '2026-11-09', '10:00');
    const b = filed('S3', 'c2', '2026-11-09', '10:00', 'UP-10');
    const c = filed('S1', 'c1', '2026-11-02', '11:00', 'COM-5');
    const orders = [[a, b, c], [c, b, a], [b, a, c]].map((order) => stateAfter([...planned, ...order]).filings.map((f) => f.caseId));
    expect(orders).toEqual([['c1', 'c2', 'c3'], ['c1', 'c2', 'c3'], ['c1', 'c2', 'c3']]);
  });
});

describe('recording a follow-up (记录跟进)', () => {
  it('numbers follow-ups and records who made them', () => {
    projects
      .given([...planned, followUp()])
      .when(followUp({ note: '电话：设计方案已修改', blockers: [] }, at('2026-11-06')))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'FollowUpRecorded', data: { followUpNo: 2, at: at('2026-11-05', '15:00'), note: '电话：设计方案已修改', blockers: [] } }]);
        expect(state?.followUps.map((f) => [f.followUpNo, f.by])).toEqual([[1, 'agent-1'], [2, 'agent-1']]);
      });
  });

  it('refuses a follow-up in the future (422)', () => {
    projects.given(planned).when(followUp({ at: at('2026-11-05', '16:01') }, at('2026-11-05', '16:00'))).thenThrows(RuleViolation, /in the future/);
  });
});

describe('closing a project (结案)', () => {
  it('closes it, dated in county time', () => {
    projects
      .given(planned)
      .when(close('全部许可已取得'))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'ProjectClosed', data: { closedAt: at('2026-12-10'), closedDate: '2026-12-10', note: '全部许可已取得' } }]);
        expect(state).toMatchObject({ status: 'closed', closedAt: at('2026-12-10'), closedDate: '2026-12-10' });
      });
  });

  it('refuses closing twice, and every other human command once closed (409)', () => {
    const closed = [...planned, close()];
    projects.given(closed).when(close()).thenThrows(IllegalTransition, /already closed/);
    for (const command of [assign('agent-2'), assign('agent-1'), setPlan(fiveSteps), followUp({}, at('2026-12-11'))]) projects.given(closed).when(command).thenThrows(IllegalTransition, /is closed/);
  });
});

describe('whether a step may be filed (申报前检查)', () => {
  const state = (more: ProjectCommand[] = []) => stateAfter([...planned, ...more]);
  const s1Done = [filed('S1', 'c1', '2026-11-02', '11:00', 'COM-5'), outcome('S1', 'c1', 'approved', '2026-11-06')];

  it('returns the step when it is free and everything it waits for is done', () => {
    expect(assertFileable(state(), 'S1')).toMatchObject({ stepId: 'S1', itemCode: 'COM-5' });
    expect(assertFileable(state(s1Done), 'S3')).toMatchObject({ stepId: 'S3', itemCode: 'UP-10' });
    expect(assertFileable(state([filed('S1', 'c1', '2026-11-02', '11:00', 'COM-5'), outcome('S1', 'c1', 'forwarded', '2026-11-06')]), 'S2').stepId).toBe('S2');
  });

  it('finds no project or no such step in the current plan (404)', () => {
    expect(() => assertFileable(undefined, 'S1')).toThrow(NotFound);
    expectError(() => assertFileable(state(), 'S9'), new NotFound('project 339999-XM-2026-0001 has no step S9 in its plan'));
    expect(() => assertFileable(stateAfter(registered), 'S1')).toThrow(NotFound);
  });

  it('refuses a closed project, a done step and a step under way (409)', () => {
    expectError(() => assertFileable(state([close()]), 'S1'), new IllegalTransition('project 339999-XM-2026-0001 is closed'));
    expectError(() => assertFileable(state(s1Done), 'S1'), new IllegalTransition('step S1 is done: case 339999-20261102-00001 was approved'));
    expectError(() => assertFileable(state([...s1Done, filed('S2', 'c2', '2026-11-09')]), 'S2'), new IllegalTransition('step S2 is already filed as case 339999-20261102-00002'));
  });

  it('refuses a step whose prerequisites are not done, naming them (422)', () => {
    const error = expectError(() => assertFileable(state([...s1Done, filed('S2', 'c2', '2026-11-09')]), 'S5'), new RuleViolation('step S5 waits for S3, S4'));
    expect(error).toMatchObject({ details: { stepId: 'S5', waitingFor: ['S3', 'S4'] } });
    const s1Denied = state([filed('S1', 'c1', '2026-11-02', '11:00', 'COM-5'), outcome('S1', 'c1', 'denied', '2026-11-06')]);
    expectError(() => assertFileable(s1Denied, 'S2'), new RuleViolation('step S2 waits for S1'));
  });

  it('lets a denied or rejected step be filed again', () => {
    expect(assertFileable(state([...s1Done, filed('S2', 'c2', '2026-11-09'), outcome('S2', 'c2', 'denied', '2026-11-12')]), 'S2').stepId).toBe('S2');
    expect(assertFileable(state([...s1Done, filed('S2', 'c2', '2026-11-09'), outcome('S2', 'c2', 'rejected', '2026-11-10')]), 'S2').stepId).toBe('S2');
  });
});

describe('the process manager’s command for a case event', () => {
  const link = { projectId: 'P1', stepId: 'S2' };
  const info = { caseId: 'c2', caseNo: '339999-20261109-00002', itemCode: 'COM-6', onTime: true };
  const submittedAt = at('2026-11-09', '09:00');
  const commandFor = (event: ReturnType<typeof caseSubmitted>, version: number, caseInfo = info) => projectCommandFor({ stream: 'case#c2', version, event }, link, caseInfo);
  const pmMeta = (now: string, version: number) => ({ actor: { id: 'process-manager', role: 'system' }, windowId: null, siteId: null, now, commandId: `pm.project.case#c2.${version}`, correlationId: 'corr-case' });

  it('maps a submission to RecordStepFiled, keyed by the event’s stream and version', () => {
    expect(commandFor(caseSubmitted('c2', submittedAt), 1)).toEqual({
      projectId: 'P1',
      key: 'pm.project.case#c2.1',
      command: { type: 'RecordStepFiled', data: { stepId: 'S2', caseId: 'c2', caseNo: '339999-20261109-00002', itemCode: 'COM-6', filedAt: submittedAt, cause: { stream: 'case#c2', version: 1 } }, meta: pmMeta(submittedAt, 1) },
    });
  });

  it('maps a completion and a rejection to RecordStepOutcome; a denial’s note is its reason', () => {
    const completedAt = at('2026-11-16', '15:00');
    const completed = (decision: 'approved' | 'denied' | 'forwarded') => caseEvent('CaseCompleted', { decision, note: '设计方案不符合控规', completedDate: '2026-11-16', deadline: '2026-11-17', onTime: true, early: true }, completedAt);
    expect(commandFor(completed('approved'), 4)).toEqual({
      projectId: 'P1',
      key: 'pm.project.case#c2.4',
      command: { type: 'RecordStepOutcome', data: { stepId: 'S2', caseId: 'c2', outcome: 'approved', reason: null, at: completedAt, onTime: true, cause: { stream: 'case#c2', version: 4 } }, meta: pmMeta(completedAt, 4) },
    });
    expect(commandFor(completed('forwarded'), 4)?.command.data).toMatchObject({ outcome: 'forwarded', reason: null });
    expect(commandFor(completed('denied'), 4)?.command.data).toMatchObject({ outcome: 'denied', reason: '设计方案不符合控规' });
    const rejected = caseEvent('CaseRejected', { reason: '不属于本机关职权范围', rejectedDate: '2026-11-10' }, at('2026-11-10'));
    expect(commandFor(rejected, 2)?.command.data).toMatchObject({ outcome: 'rejected', reason: '不属于本机关职权范围', onTime: null, at: at('2026-11-10') });
  });

  it('ignores every other event, and a case filed for no project', () => {
    expect(commandFor(caseEvent('CaseAccepted', { acceptedDate: '2026-11-09', deadline: '2026-11-17', deadlineProvisional: false }, submittedAt), 2)).toBeNull();
    expect(projectCommandFor({ stream: 'case#c2', version: 1, event: caseSubmitted('c2', submittedAt) }, null, info)).toBeNull();
  });

  it('gives commands the aggregate records once however often they come', () => {
    const commands = [commandFor(caseSubmitted('c2', submittedAt), 1)!.command, commandFor(caseEvent('CaseRejected', { reason: '材料不全', rejectedDate: '2026-11-10' }, at('2026-11-10')), 2)!.command];
    const once = projects.run([...planned, ...commands]);
    expect(projects.run([...planned, ...commands, ...commands, commands[0]!])).toEqual(once);
  });
});
