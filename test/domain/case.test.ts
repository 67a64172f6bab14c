import { describe, expect, it } from 'vitest';
import type { CaseCommand } from '../../domain/case/commands.ts';
import { decide } from '../../domain/case/decide.ts';
import { fold } from '../../domain/decider.ts';
import { caseAggregate } from '../../domain/case/aggregate.ts';
import { formatCaseNo } from '../../domain/case/case-number.ts';
import { IllegalTransition, InvalidInput, RuleViolation } from '../../domain/errors.ts';
import { at, command, context, submitted } from '../support/builders.ts';
import { given, run } from '../support/given.ts';

const accept = (date: string, time = '10:00') => command('AcceptCase', {}, at(date, time));
const complete = (date: string, decision: 'approved' | 'denied' | 'forwarded' = 'approved') => command('CompleteCase', { decision }, at(date, '15:00'));
const request = (date: string, missing: string[]) => command('RequestMaterials', { missing, note: '请补齐' }, at(date, '09:30'));
const supply = (date: string, materials: string[]) => command('SupplyMaterials', { materials }, at(date, '11:00'));
const suspend = (date: string) => command('SuspendCase', { procedure: 'expert-review', reason: '专家评审' }, at(date, '16:00'));
const resume = (date: string) => command('ResumeCase', {}, at(date, '09:00'));
const reject = (date: string) => command('RejectCase', { reason: '不属于本机关职权范围' }, at(date, '10:30'));
const transfer = (date: string, windowId: string, siteId?: string) => command('TransferCase', { windowId, siteId }, at(date, '10:45'));
const deliver = (date: string) => command('DeliverCase', { method: 'in-person' }, at(date, '16:30'));

describe('submitting a case', () => {
  it('records the item terms, the window, the site and who registered it', () => {
    given([]).when(submitted()).then((events, state) => {
      expect(events).toHaveLength(1);
      expect(events[0]).toMatchObject({
        type: 'CaseSubmitted',
        data: { caseNo: '339999-20261102-00001', windowId: 'W02', departmentId: 'D-NR', siteId: 'S-CENTER', submittedDate: '2026-11-02' },
        meta: { actor: { id: 'clerk-1', role: 'clerk' }, windowId: 'W02', siteId: 'S-CENTER' },
      });
      expect(state).toMatchObject({ status: 'submitted', version: 1, item: { code: 'COM-6', committedDays: 6 } });
    });
  });

  it('takes a township application at its site', () => {
    given([]).when(submitted({ channel: 'township', siteId: 'S-T1' })).then([{ data: { siteId: 'S-T1', channel: 'township' } }]);
  });

  it('refuses a village application that names no village site', () => {
    const error = given([]).when(submitted({ channel: 'village', siteId: 'S-T1' })).thenThrows(InvalidInput);
    expect((error as InvalidInput).errors[0]?.path).toBe('siteId');
  });

  it('refuses an unknown item and unknown material codes', () => {
    given([]).when(submitted({ itemCode: 'NOPE' })).thenThrows(InvalidInput, /Unknown item/);
    const error = given([]).when(submitted({ materials: ['M1', 'M9'] })).thenThrows(InvalidInput);
    expect((error as InvalidInput).errors).toEqual([{ path: 'materials.1', message: 'item COM-6 lists no material M9' }]);
  });

  it('cannot submit the same case twice', () => {
    given([submitted()]).when(submitted()).thenThrows(IllegalTransition);
  });
});

describe('the one-time notice (一次性告知)', () => {
  const partial = submitted({ materials: ['M1'] });

  it('lists everything missing and waits for the applicant', () => {
    given([partial]).when(request('2026-11-02', ['M2', 'M3'])).then((events, state) => {
      expect(events[0]).toMatchObject({ type: 'MaterialsRequested', data: { missing: ['M2', 'M3'], noticeDate: '2026-11-02' } });
      expect(state).toMatchObject({ status: 'awaiting-materials', missing: ['M2', 'M3'], materialsRequests: 1 });
    });
  });

  it('must not leave out a missing material', () => {
    const error = given([partial]).when(request('2026-11-02', ['M2'])).thenThrows(RuleViolation);
    expect((error as RuleViolation).details).toEqual({ omitted: ['M3'] });
  });

  it('cannot be issued a second time while the first is unanswered', () => {
    given([partial, request('2026-11-02', ['M2', 'M3'])]).when(request('2026-11-03', ['M2', 'M3'])).thenThrows(IllegalTransition, /unanswered/);
  });

  it('is answered by supplying materials, after which a new notice is possible', () => {
    given([partial, request('2026-11-02', ['M2', 'M3'])])
      .when(supply('2026-11-03', ['M2']))
      .then((_, state) => expect(state).toMatchObject({ status: 'submitted', materials: ['M1', 'M2'], missing: null }));
    given([partial, request('2026-11-02', ['M2', 'M3']), supply('2026-11-03', ['M2'])])
      .when(request('2026-11-04', ['M3']))
      .then((_, state) => expect(state?.materialsRequests).toBe(2));
  });

  it('cannot be supplied without an open notice', () => {
    given([submitted()]).when(supply('2026-11-02', ['M1'])).thenThrows(IllegalTransition);
  });
});

describe('accepting and rejecting', () => {
  it('accepts a complete application with its deadline', () => {
    given([submitted()]).when(accept('2026-11-02')).then([{ type: 'CaseAccepted', data: { acceptedDate: '2026-11-02', deadline: '2026-11-10', deadlineProvisional: false } }]);
  });

  it('will not accept while materials are missing', () => {
    const error = given([submitted({ materials: ['M1'] })]).when(accept('2026-11-02')).thenThrows(RuleViolation);
    expect((error as RuleViolation).details).toEqual({ missing: ['M2', 'M3'] });
    given([submitted({ materials: ['M1'] }), request('2026-11-02', ['M2', 'M3'])]).when(accept('2026-11-02')).thenThrows(IllegalTransition);
  });

  it('rejects (不予受理) a submitted or awaiting case with its reason', () => {
    given([submitted()]).when(reject('2026-11-02')).then((_, state) => expect(state).toMatchObject({ status: 'rejected', rejectionReason: '不属于本机关职权范围' }));
    given([submitted({ materials: ['M1'] }), request('2026-11-02', ['M2', 'M3'])]).when(reject('2026-11-03')).then([{ type: 'CaseRejected' }]);
  });

  it('cannot reject an accepted case, nor act on a rejected one', () => {
    given([submitted(), accept('2026-11-02')]).when(reject('2026-11-03')).thenThrows(IllegalTransition);
    for (const next of [accept('2026-11-03'), request('2026-11-03', ['M1']), complete('2026-11-03'), transfer('2026-11-03', 'W01')]) {
      given([submitted(), reject('2026-11-02')]).when(next).thenThrows(IllegalTransition);
    }
  });

  it('refuses a step dated before the previous one', () => {
    given([submitted({ date: '2026-11-03' })]).when(accept('2026-11-02')).thenThrows(RuleViolation, /before the previous/);
  });
});

describe('special procedures (特别程序)', () => {
  const history = [submitted(), accept('2026-11-02'), suspend('2026-11-04')];

  it('stops the clock and moves the deadline by the working days stopped', () => {
    given(history).when(resume('2026-11-09')).then((events, state) => {
      expect(events[0]).toMatchObject({ type: 'CaseResumed', data: { stoppedWorkingDays: 3, deadline: '2026-11-13' } });
      expect(state).toMatchObject({ status: 'accepted', suspendedWorkingDays: 3, deadline: '2026-11-13' });
    });
  });

  it('cannot complete, suspend again or resume twice', () => {
    given(history).when(complete('2026-11-05')).thenThrows(IllegalTransition);
    given(history).when(suspend('2026-11-05')).thenThrows(IllegalTransition);
    given([...history, resume('2026-11-09')]).when(resume('2026-11-10')).thenThrows(IllegalTransition);
  });

  it('does not apply to immediate items', () => {
    given([submitted({ itemCode: 'IMM-1', materials: ['M1'] }), accept('2026-11-02')]).when(suspend('2026-11-02')).thenThrows(RuleViolation);
  });
});

describe('transfers', () => {
  it('moves the case to another window', () => {
    given([submitted()]).when(transfer('2026-11-02', 'W01')).then([{ data: { fromWindowId: 'W02', toWindowId: 'W01', toDepartmentId: 'D-MR', kind: 'transfer' } }]);
  });

  it('forwards a township case to a county window', () => {
    given([submitted({ channel: 'township', siteId: 'S-T1' })])
      .when(transfer('2026-11-02', 'W02'))
      .then((events, state) => {
        expect(events[0]?.data).toMatchObject({ fromSiteId: 'S-T1', toSiteId: 'S-CENTER', kind: 'forward' });
        expect(state).toMatchObject({ siteId: 'S-CENTER', receivedSiteId: 'S-T1' });
      });
  });

  it('refuses an unknown window, a site the window is not at, and a no-op', () => {
    given([submitted()]).when(transfer('2026-11-02', 'W99')).thenThrows(InvalidInput);
    given([submitted()]).when(transfer('2026-11-02', 'W01', 'S-T1')).thenThrows(InvalidInput);
    given([submitted()]).when(transfer('2026-11-02', 'W02')).thenThrows(RuleViolation);
  });

  it('cannot move a completed case', () => {
    given([submitted(), accept('2026-11-02'), complete('2026-11-03')]).when(transfer('2026-11-04', 'W01')).thenThrows(IllegalTransition);
  });
});

describe('completion and delivery', () => {
  it('is on time and early when decided on a working day before the deadline', () => {
    given([submitted(), accept('2026-11-02')]).when(complete('2026-11-05')).then([{ data: { completedDate: '2026-11-05', deadline: '2026-11-10', onTime: true, early: true } }]);
  });

  it('is on time but not early on the deadline day, and late after it', () => {
    given([submitted(), accept('2026-11-02')]).when(complete('2026-11-10')).then([{ data: { onTime: true, early: false } }]);
    given([submitted(), accept('2026-11-02')]).when(complete('2026-11-11')).then([{ data: { onTime: false, early: false } }]);
  });

  it('is not early when decided on a weekend before the deadline', () => {
    given([submitted(), accept('2026-11-02')]).when(complete('2026-11-08')).then([{ data: { onTime: true, early: false } }]);
  });

  it('counts the stopped days when judging timeliness', () => {
    given([submitted(), accept('2026-11-02'), suspend('2026-11-04'), resume('2026-11-09')]).when(complete('2026-11-12')).then([{ data: { deadline: '2026-11-13', onTime: true, early: true } }]);
  });

  it('judges an immediate item by its acceptance day and leaves it out of the early rate', () => {
    const imm = submitted({ itemCode: 'IMM-1', materials: ['M1'] });
    given([imm, accept('2026-11-02')]).when(complete('2026-11-02')).then([{ data: { onTime: true, early: null } }]);
    given([imm, accept('2026-11-02')]).when(complete('2026-11-03')).then([{ data: { onTime: false, early: null } }]);
  });

  it('ends a report-up item as forwarded, never approved here', () => {
    const up = submitted({ itemCode: 'UP-10', materials: ['M1'] });
    given([up, accept('2026-11-02')]).when(complete('2026-11-03', 'forwarded')).then([{ data: { decision: 'forwarded' } }]);
    given([up, accept('2026-11-02')]).when(complete('2026-11-03', 'approved')).thenThrows(RuleViolation);
    given([submitted(), accept('2026-11-02')]).when(complete('2026-11-03', 'forwarded')).thenThrows(RuleViolation);
    given([up, accept('2026-11-02'), complete('2026-11-03', 'forwarded')]).when(deliver('2026-11-04')).thenThrows(IllegalTransition);
  });

  it('delivers a decided case once', () => {
    const done = [submitted(), accept('2026-11-02'), complete('2026-11-03', 'denied')];
    given(done).when(deliver('2026-11-04')).then((_, state) => expect(state).toMatchObject({ status: 'delivered', deliveryMethod: 'in-person' }));
    given([...done, deliver('2026-11-04')]).when(deliver('2026-11-05')).thenThrows(IllegalTransition);
    given([submitted(), accept('2026-11-02')]).when(deliver('2026-11-04')).thenThrows(IllegalTransition);
  });

  it('needs a case for every command but submit', () => {
    expect(() => decide(accept('2026-11-02'), undefined, context)).toThrow(IllegalTransition);
  });
});

describe('every event carries who, where and when', () => {
  it('on a full lifecycle', () => {
    const events = run([
      submitted({ materials: ['M1'] }),
      request('2026-11-02', ['M2', 'M3']),
      supply('2026-11-03', ['M2', 'M3']),
      accept('2026-11-03', '11:30'),
      suspend('2026-11-04'),
      resume('2026-11-06'),
      transfer('2026-11-06', 'W01'),
      complete('2026-11-09'),
      deliver('2026-11-10'),
    ] satisfies CaseCommand[]);
    expect(events.map((e) => e.type)).toEqual([
      'CaseSubmitted',
      'MaterialsRequested',
      'MaterialsSupplied',
      'CaseAccepted',
      'CaseSuspended',
      'CaseResumed',
      'CaseTransferred',
      'CaseCompleted',
      'CaseDelivered',
    ]);
    for (const event of events) {
      expect(event.meta.actor.id).toBeTruthy();
      expect(event.meta.windowId).toBe('W02');
      expect(event.meta.at).toMatch(/^2026-11-\d\dT/);
    }
    expect(fold(caseAggregate, events)?.version).toBe(9);
  });
});

describe('case numbers', () => {
  it('are county code, local date and a five-digit daily sequence', () => {
    expect(formatCaseNo('331022', '2026-11-26', 42)).toBe('331022-20261126-00042');
    expect(() => formatCaseNo('331022', '2026-11-26', 100_000)).toThrow(RangeError);
  });
});
