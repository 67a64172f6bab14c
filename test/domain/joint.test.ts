import { describe, expect, it } from 'vitest';
import { caseAggregate } from '../../domain/case/aggregate.ts';
import type { CaseCommand } from '../../domain/case/commands.ts';
import { currentDeadline } from '../../domain/case/deadline.ts';
import type { CaseEvent } from '../../domain/case/events.ts';
import { jointView, type JointTask } from '../../domain/case/joint.ts';
import type { CaseState } from '../../domain/case/state.ts';
import { fold } from '../../domain/decider.ts';
import { IllegalTransition, InvalidInput, RuleViolation } from '../../domain/errors.ts';
import { at } from '../support/builders.ts';
import { specFor } from '../support/given.ts';
import {
  acceptJoint,
  acceptanceDepartments,
  completeJoint,
  completeRectification,
  inspectingDepartments,
  issueRectification,
  jointContext,
  jointIndex,
  jointSubmitted,
  opinion,
  recordAttendance,
  recordInspection,
  resumeJoint,
  scheduleInspection,
  suspendJoint,
  sweep,
} from '../support/joint-builders.ts';

const { given, run } = specFor(caseAggregate, jointContext);
const { calendar } = jointContext;

const accepted = [jointSubmitted(), acceptJoint('2026-11-02')];
const scheduled = [...accepted, scheduleInspection('2026-11-04', '09:30', at('2026-11-02', '11:00'))];
/** Every inspecting department came. */
const allCame = [...scheduled, recordInspection('2026-11-04', inspectingDepartments)];
/** Civil air defence stayed away without a reason (the worked example). */
const held = [...scheduled, recordInspection('2026-11-04', ['D-NR', 'D-FIRE', 'D-LAND', 'D-QS'], { 'D-CAD': null })];
/** Fire asked for two rectifications, quality for one, the list went out on Fri 11-06. */
const listOut = [
  ...held,
  opinion('D-NR', 'pass', '2026-11-05'),
  opinion('D-ARCH', 'pass', '2026-11-05'),
  opinion('D-FIRE', 'rectify', '2026-11-05', { items: ['疏散指示标志不足', '消防车道被占用'] }),
  opinion('D-QS', 'rectify', '2026-11-06', { items: ['屋面防水层局部空鼓'], time: '10:00' }),
  issueRectification('2026-11-06'),
];

const taskOf = (state: CaseState | undefined, departmentId: string): JointTask => {
  const task = state?.joint?.tasks.find((t) => t.departmentId === departmentId);
  if (!task) throw new Error(`no task for ${departmentId}`);
  return task;
};
const statuses = (state: CaseState | undefined) => Object.fromEntries((state?.joint?.tasks ?? []).map((t) => [t.departmentId, t.status]));
const deadlines = (state: CaseState | undefined) => Object.fromEntries((state?.joint?.tasks ?? []).map((t) => [t.departmentId, t.deadline]));
const deemed = (events: CaseEvent[]) => events.flatMap((e) => (e.type === 'DepartmentDeemedApproving' ? [[e.data.departmentId, e.data.deadline]] : []));
const fieldErrors = (error: unknown) => (error as InvalidInput).errors;

describe('acceptance opens the joint review (联合审查启动)', () => {
  it('opens one task per department, each with its own working-day deadline', () => {
    given([jointSubmitted()])
      .when(acceptJoint('2026-11-02'))
      .then((events, state) => {
        expect(events.map((e) => e.type)).toEqual(['CaseAccepted', 'JointReviewOpened']);
        expect(events[0]).toMatchObject({ data: { acceptedDate: '2026-11-02', deadline: '2026-11-30' } });
        expect(events[1]).toEqual({
          type: 'JointReviewOpened',
          data: {
            acceptedDate: '2026-11-02',
            inspection: true,
            tasks: [
              { departmentId: 'D-NR', windowId: 'W02', days: 5, inspects: true, materials: ['M1', 'M2'], deadline: '2026-11-09', deadlineProvisional: false },
              { departmentId: 'D-FIRE', windowId: 'W-FIRE', days: 5, inspects: true, materials: ['M1', 'M3'], deadline: '2026-11-09', deadlineProvisional: false },
              { departmentId: 'D-CAD', windowId: 'W-CAD', days: 5, inspects: true, materials: ['M1', 'M4'], deadline: '2026-11-09', deadlineProvisional: false },
              { departmentId: 'D-LAND', windowId: 'W-LAND', days: 5, inspects: true, materials: ['M1', 'M5'], deadline: '2026-11-09', deadlineProvisional: false },
              { departmentId: 'D-ARCH', windowId: 'W-HC', days: 3, inspects: false, materials: ['M6'], deadline: '2026-11-05', deadlineProvisional: false },
              { departmentId: 'D-QS', windowId: 'W-HC', days: 5, inspects: true, materials: ['M1', 'M7'], deadline: '2026-11-09', deadlineProvisional: false },
            ],
          },
          meta: expect.objectContaining({ windowId: 'W-HC', at: at('2026-11-02', '10:00') }) as unknown,
        });
        expect(state?.joint?.tasks.map((t) => [t.status, t.stoppedWorkingDays, t.stoppedSince, t.round])).toEqual(acceptanceDepartments.map(() => ['open', 0, null, null]));
        expect(state?.joint?.inspection).toEqual({ required: true, at: null, date: null, place: null, heldDate: null, present: [], absent: [] });
        expect(state?.joint?.rectifications).toEqual([]);
      });
  });

  it('counts from the working day after acceptance, across the National Day holiday and its make-up Saturday', () => {
    // Accepted Mon 09-28: 09-29, 09-30, (10-01 … 10-07 off), 10-08, 10-09, Sat 10-10 (a working day).
    given([jointSubmitted({ date: '2026-09-28' })])
      .when(acceptJoint('2026-09-28'))
      .then((_, state) => expect(deadlines(state)).toEqual({ 'D-NR': '2026-10-10', 'D-FIRE': '2026-10-10', 'D-CAD': '2026-10-10', 'D-LAND': '2026-10-10', 'D-ARCH': '2026-10-08', 'D-QS': '2026-10-10' }));
  });

  it('opens the joint survey and a review without inspection with their own terms', () => {
    given([jointSubmitted({ itemCode: 'JS-1' })])
      .when(acceptJoint('2026-11-02', '10:00', 'JS-1'))
      .then((events) =>
        expect(events[1]).toMatchObject({
          data: {
            inspection: true,
            tasks: [
              { departmentId: 'D-REG', windowId: 'W-REG', days: 5, deadline: '2026-11-09', inspects: true },
              { departmentId: 'D-HC', windowId: 'W-HC', days: 6, deadline: '2026-11-10', inspects: true },
              { departmentId: 'D-NR', windowId: 'W02', days: 6, deadline: '2026-11-10', inspects: true },
            ],
          },
        }),
      );
    given([jointSubmitted({ itemCode: 'JD-1' })])
      .when(acceptJoint('2026-11-02', '10:00', 'JD-1'))
      .then((events, state) => {
        expect(events[1]).toMatchObject({ data: { inspection: false, tasks: [{ departmentId: 'D-FIRE', inspects: false }, { departmentId: 'D-CAD', inspects: false }, { departmentId: 'D-QS', windowId: 'W-HC', days: 4, deadline: '2026-11-06' }] } });
        expect(state?.joint?.inspection.required).toBe(false);
      });
  });

  it('opens nothing for an item that is not joint', () => {
    given([jointSubmitted({ itemCode: 'COM-6' })])
      .when(acceptJoint('2026-11-02', '10:00', 'COM-6'))
      .then((events, state) => {
        expect(events.map((e) => e.type)).toEqual(['CaseAccepted']);
        expect(state?.joint).toBeNull();
      });
  });
});

describe('appointing the joint inspection (安排联合验收)', () => {
  it('records the appointed time, its local day and the place', () => {
    given(accepted)
      .when(scheduleInspection('2026-11-04', '09:30', at('2026-11-02', '11:00')))
      .then((events, state) => {
        expect(events).toEqual([expect.objectContaining({ type: 'JointInspectionScheduled', data: { at: at('2026-11-04', '09:30'), date: '2026-11-04', place: '项目现场（城东路8号）' } })]);
        expect(state?.joint?.inspection).toMatchObject({ required: true, at: at('2026-11-04', '09:30'), date: '2026-11-04', heldDate: null });
      });
  });

  it('takes the county-local day of an early-morning time (the previous day in UTC)', () => {
    // Mon 11-09 07:30 in Beijing is Sun 11-08 23:30 UTC.
    given(accepted).when(scheduleInspection('2026-11-09', '07:30', at('2026-11-02', '11:00'))).then([{ data: { date: '2026-11-09' } }]);
  });

  it('may be moved until it is held', () => {
    given(scheduled)
      .when(scheduleInspection('2026-11-05', '14:00', at('2026-11-03', '09:00'), '项目部会议室'))
      .then((_, state) => expect(state?.joint?.inspection).toMatchObject({ date: '2026-11-05', place: '项目部会议室', at: at('2026-11-05', '14:00') }));
  });

  it('refuses a time that has passed', () => {
    const error = given(accepted).when(scheduleInspection('2026-11-02', '09:30', at('2026-11-02', '11:00'))).thenThrows(InvalidInput);
    expect(fieldErrors(error)).toEqual([{ path: 'at', message: `${at('2026-11-02', '09:30')} has passed` }]);
  });

  it('refuses a weekend or a holiday, and takes a make-up working Saturday', () => {
    expect(fieldErrors(given(accepted).when(scheduleInspection('2026-11-07', '09:30', at('2026-11-02', '11:00'))).thenThrows(InvalidInput))).toEqual([{ path: 'at', message: '2026-11-07 is not a working day' }]);
    const september = [jointSubmitted({ date: '2026-09-28' }), acceptJoint('2026-09-28')];
    expect(fieldErrors(given(september).when(scheduleInspection('2026-10-01', '09:30', at('2026-09-28', '11:00'))).thenThrows(InvalidInput))).toEqual([{ path: 'at', message: '2026-10-01 is not a working day' }]);
    given(september).when(scheduleInspection('2026-10-10', '09:30', at('2026-09-28', '11:00'))).then([{ type: 'JointInspectionScheduled', data: { date: '2026-10-10' } }]);
  });

  it('is refused for an item without inspection', () => {
    const review = [jointSubmitted({ itemCode: 'JD-1' }), acceptJoint('2026-11-02', '10:00', 'JD-1')];
    given(review).when(scheduleInspection('2026-11-04', '09:30', at('2026-11-02', '11:00'))).thenThrows(RuleViolation, /no joint inspection/);
    given(review).when(recordInspection('2026-11-04', [])).thenThrows(RuleViolation, /no joint inspection/);
  });

  it('is refused once the inspection was held', () => {
    given(held).when(scheduleInspection('2026-11-06', '09:30', at('2026-11-05', '09:00'))).thenThrows(IllegalTransition, /held on 2026-11-04/);
  });

  it('is refused before acceptance, on a case that is not joint, and while the case is suspended', () => {
    given([jointSubmitted()]).when(scheduleInspection('2026-11-04', '09:30', at('2026-11-02', '11:00'))).thenThrows(IllegalTransition, /not accepted yet/);
    given([jointSubmitted({ itemCode: 'COM-6' }), acceptJoint('2026-11-02', '10:00', 'COM-6')])
      .when(scheduleInspection('2026-11-04', '09:30', at('2026-11-02', '11:00')))
      .thenThrows(IllegalTransition, /not a joint case/);
    given([...accepted, suspendJoint('2026-11-02', '10:30')])
      .when(scheduleInspection('2026-11-04', '09:30', at('2026-11-02', '11:00')))
      .thenThrows(IllegalTransition, /case that is suspended/);
  });
});

describe('holding the joint inspection (联合验收现场)', () => {
  it('records who came', () => {
    given(scheduled)
      .when(recordInspection('2026-11-04', inspectingDepartments))
      .then((events, state) => {
        expect(events).toEqual([expect.objectContaining({ type: 'JointInspectionHeld', data: { heldDate: '2026-11-04', present: [...inspectingDepartments], absent: [] } })]);
        expect(state?.joint?.inspection).toMatchObject({ heldDate: '2026-11-04', present: [...inspectingDepartments] });
        expect(Object.values(statuses(state))).toEqual(acceptanceDepartments.map(() => 'open'));
      });
  });

  it('deems a department absent without reason to consent, the same day (无正当理由缺席默认)', () => {
    given(scheduled)
      .when(recordInspection('2026-11-04', ['D-NR', 'D-FIRE', 'D-LAND', 'D-QS'], { 'D-CAD': null }))
      .then((events, state) => {
        expect(events.map((e) => [e.type, e.data])).toEqual([
          ['JointInspectionHeld', { heldDate: '2026-11-04', present: ['D-NR', 'D-FIRE', 'D-LAND', 'D-QS'], absent: [{ departmentId: 'D-CAD', justified: false, reason: null }] }],
          ['DepartmentDeemedConsenting', { departmentId: 'D-CAD', windowId: 'W-CAD', deemedDate: '2026-11-04' }],
        ]);
        expect(taskOf(state, 'D-CAD')).toMatchObject({ status: 'deemed-consenting', answeredDate: '2026-11-04', answeredAt: at('2026-11-04', '11:30') });
      });
  });

  it('leaves the task of a department absent with good reason open', () => {
    given(scheduled)
      .when(recordInspection('2026-11-04', ['D-NR', 'D-FIRE', 'D-LAND', 'D-QS'], { 'D-CAD': '参加省人防办专项检查' }))
      .then((events, state) => {
        expect(events.map((e) => e.type)).toEqual(['JointInspectionHeld']);
        expect(state?.joint?.inspection.absent).toEqual([{ departmentId: 'D-CAD', justified: true, reason: '参加省人防办专项检查' }]);
        expect(taskOf(state, 'D-CAD').status).toBe('open');
      });
    given([...scheduled, recordInspection('2026-11-04', ['D-NR', 'D-FIRE', 'D-LAND', 'D-QS'], { 'D-CAD': '参加省人防办专项检查' })])
      .when(opinion('D-CAD', 'pass', '2026-11-05'))
      .then((_, state) => expect(taskOf(state, 'D-CAD').status).toBe('passed'));
  });

  it('needs the reason of a justified absence', () => {
    const present = ['D-NR', 'D-FIRE', 'D-LAND', 'D-QS'];
    expect(fieldErrors(given(scheduled).when(recordAttendance('2026-11-04', present, [{ departmentId: 'D-CAD', justified: true }])).thenThrows(InvalidInput))).toEqual([
      { path: 'absent.0.reason', message: 'a justified absence gives its reason' },
    ]);
    expect(fieldErrors(given(scheduled).when(recordAttendance('2026-11-04', present, [{ departmentId: 'D-CAD', justified: true, reason: '  ' }])).thenThrows(InvalidInput))).toEqual([
      { path: 'absent.0.reason', message: 'a justified absence gives its reason' },
    ]);
  });

  it('lists every inspecting department exactly once', () => {
    const missing = given(scheduled).when(recordInspection('2026-11-04', ['D-NR', 'D-FIRE', 'D-QS'], { 'D-CAD': null })).thenThrows(InvalidInput, /attendance/);
    expect(fieldErrors(missing)).toEqual([{ path: 'present', message: 'every inspecting department is present or absent; not listed: D-LAND' }]);

    const wrong = given(scheduled)
      .when(recordAttendance('2026-11-04', ['D-NR', 'D-FIRE', 'D-CAD', 'D-LAND', 'D-QS', 'D-ARCH', 'D-XX', 'D-FIRE'], [{ departmentId: 'D-NR', justified: false }, { departmentId: 'D-REG', justified: false }]))
      .thenThrows(InvalidInput);
    expect(fieldErrors(wrong)).toEqual([
      { path: 'present.5', message: 'department D-ARCH does not inspect' },
      { path: 'present.6', message: 'department D-XX has no task in this case' },
      { path: 'present.7', message: 'department D-FIRE is listed twice' },
      { path: 'absent.0.departmentId', message: 'department D-NR is listed twice' },
      { path: 'absent.1.departmentId', message: 'department D-REG has no task in this case' },
    ]);
  });

  it('is recorded once, on or after its appointed day', () => {
    given(accepted).when(recordInspection('2026-11-04', inspectingDepartments)).thenThrows(IllegalTransition, /not been appointed/);
    const early = given(scheduled).when(recordInspection('2026-11-03', inspectingDepartments)).thenThrows(RuleViolation);
    expect((early as RuleViolation).details).toEqual({ appointed: '2026-11-04' });
    given(allCame).when(recordInspection('2026-11-05', inspectingDepartments)).thenThrows(IllegalTransition, /held on 2026-11-04/);
  });

  it('deems no consent for a department that is no longer reviewing', () => {
    // The inspection on the deadline day was recorded only the next morning, after the evening sweep deemed them all approving.
    const late = [...accepted, scheduleInspection('2026-11-09', '09:30', at('2026-11-02', '11:00')), sweep('2026-11-10', at('2026-11-09', '18:00'))];
    given(late)
      .when(recordInspection('2026-11-10', ['D-NR', 'D-FIRE', 'D-LAND', 'D-QS'], { 'D-CAD': null }, '09:00'))
      .then((events, state) => {
        expect(events.map((e) => e.type)).toEqual(['JointInspectionHeld']);
        expect(taskOf(state, 'D-CAD').status).toBe('deemed-approving');
      });
  });
});

describe('departments’ opinions (部门意见)', () => {
  it('records a pass with the working days the department took', () => {
    given(held)
      .when(opinion('D-NR', 'pass', '2026-11-05'))
      .then((events, state) => {
        expect(events).toEqual([
          expect.objectContaining({
            type: 'DepartmentOpinionGiven',
            data: { departmentId: 'D-NR', windowId: 'W02', result: 'pass', items: [], note: null, answeredDate: '2026-11-05', deadline: '2026-11-09', workingDaysToAnswer: 3 },
            meta: expect.objectContaining({ windowId: 'W02' }) as unknown,
          }),
        ]);
        expect(taskOf(state, 'D-NR')).toMatchObject({ status: 'passed', answeredDate: '2026-11-05', answeredAt: at('2026-11-05', '14:00'), items: [], note: null });
      });
  });

  it('records the rectifications asked for, waiting for the combined list', () => {
    given(held)
      .when(opinion('D-FIRE', 'rectify', '2026-11-05', { items: ['疏散指示标志不足', '消防车道被占用'] }))
      .then((_, state) => expect(taskOf(state, 'D-FIRE')).toMatchObject({ status: 'rectify', items: [{ text: '疏散指示标志不足' }, { text: '消防车道被占用' }], round: null, stoppedSince: null }));
  });

  it('records a failure with its reason or its items', () => {
    given(held).when(opinion('D-LAND', 'fail', '2026-11-05', { note: '超出批准用地范围' })).then((_, state) => expect(taskOf(state, 'D-LAND')).toMatchObject({ status: 'failed', note: '超出批准用地范围' }));
    given(held)
      .when(opinion('D-LAND', 'fail', '2026-11-05', { note: '', items: ['擅自改变用地性质'] }))
      .then((events) => expect(events[0]).toMatchObject({ data: { result: 'fail', items: [{ text: '擅自改变用地性质' }], note: '' } }));
  });

  it('refuses an opinion that does not fit its result', () => {
    expect(fieldErrors(given(held).when(opinion('D-FIRE', 'rectify', '2026-11-05', { items: [] })).thenThrows(InvalidInput))).toEqual([{ path: 'items', message: 'a rectification opinion lists what to rectify' }]);
    expect(fieldErrors(given(held).when(opinion('D-NR', 'pass', '2026-11-05', { items: ['顺便整改'] })).thenThrows(InvalidInput))).toEqual([{ path: 'items', message: 'a passing opinion asks for no rectification' }]);
    expect(fieldErrors(given(held).when(opinion('D-LAND', 'fail', '2026-11-05', { note: '  ' })).thenThrows(InvalidInput))).toEqual([{ path: 'note', message: 'a failing opinion gives its reason' }]);
  });

  it('refuses an inspecting department before the inspection, and lets the others answer', () => {
    given(accepted).when(opinion('D-NR', 'pass', '2026-11-03')).thenThrows(IllegalTransition, /has not been held/);
    given(scheduled).when(opinion('D-FIRE', 'rectify', '2026-11-03')).thenThrows(IllegalTransition, /has not been held/);
    given(accepted).when(opinion('D-ARCH', 'pass', '2026-11-03')).then((_, state) => expect(taskOf(state, 'D-ARCH').status).toBe('passed'));
    // Without an inspection nobody waits for one.
    given([jointSubmitted({ itemCode: 'JD-1' }), acceptJoint('2026-11-02', '10:00', 'JD-1')])
      .when(opinion('D-FIRE', 'pass', '2026-11-03', { itemCode: 'JD-1' }))
      .then([{ type: 'DepartmentOpinionGiven', data: { departmentId: 'D-FIRE', windowId: 'W-FIRE', deadline: '2026-11-09', workingDaysToAnswer: 1 } }]);
  });

  it('takes an opinion until the end of the deadline day, and refuses it after (超时默许)', () => {
    given(accepted).when(opinion('D-ARCH', 'pass', '2026-11-05', { time: '21:00' })).then([{ data: { deadline: '2026-11-05', workingDaysToAnswer: 3 } }]);
    const error = given(accepted).when(opinion('D-ARCH', 'pass', '2026-11-06')).thenThrows(RuleViolation, /deemed to approve/);
    expect((error as RuleViolation).details).toEqual({ departmentId: 'D-ARCH', deadline: '2026-11-05' });
    given(held).when(opinion('D-LAND', 'pass', '2026-11-10')).thenThrows(RuleViolation);
  });

  it('refuses a department that has answered, or is deemed to have', () => {
    given([...held, opinion('D-NR', 'pass', '2026-11-05')]).when(opinion('D-NR', 'rectify', '2026-11-06')).thenThrows(IllegalTransition, /D-NR has passed it/);
    given([...held, opinion('D-FIRE', 'rectify', '2026-11-05')]).when(opinion('D-FIRE', 'pass', '2026-11-06')).thenThrows(IllegalTransition, /asked for rectification/);
    given([...held, opinion('D-LAND', 'fail', '2026-11-05')]).when(opinion('D-LAND', 'pass', '2026-11-06')).thenThrows(IllegalTransition, /has failed it/);
    given(held).when(opinion('D-CAD', 'pass', '2026-11-05')).thenThrows(IllegalTransition, /deemed consenting/);
    given([...held, sweep('2026-11-10', at('2026-11-10', '09:00'))]).when(opinion('D-LAND', 'pass', '2026-11-10', { time: '10:00' })).thenThrows(IllegalTransition, /deemed approving/);
  });

  it('refuses a department that is not one of the item’s', () => {
    expect(fieldErrors(given(held).when(opinion('D-XX', 'pass', '2026-11-05')).thenThrows(InvalidInput))).toEqual([{ path: 'departmentId', message: 'department D-XX has no task in this case' }]);
    // A department of the county, but not of this item.
    given(held).when(opinion('D-REG', 'pass', '2026-11-05')).thenThrows(InvalidInput, /Not a department of this joint case/);
  });
});

describe('the combined rectification list (一次性整改通知)', () => {
  it('lists every rectification of every department that asked, and stops their clocks', () => {
    given(listOut.slice(0, -1))
      .when(issueRectification('2026-11-06'))
      .then((events, state) => {
        expect(events).toEqual([
          expect.objectContaining({
            type: 'JointRectificationIssued',
            data: {
              round: 1,
              issuedDate: '2026-11-06',
              items: [
                { departmentId: 'D-FIRE', text: '疏散指示标志不足' },
                { departmentId: 'D-FIRE', text: '消防车道被占用' },
                { departmentId: 'D-QS', text: '屋面防水层局部空鼓' },
              ],
              departments: ['D-FIRE', 'D-QS'],
            },
          }),
        ]);
        expect(taskOf(state, 'D-FIRE')).toMatchObject({ status: 'rectify', stoppedSince: '2026-11-06', round: 1 });
        expect(taskOf(state, 'D-QS')).toMatchObject({ status: 'rectify', stoppedSince: '2026-11-06', round: 1 });
        expect(taskOf(state, 'D-LAND')).toMatchObject({ status: 'open', stoppedSince: null, round: null });
        expect(state?.joint?.rectifications).toEqual([{ round: 1, issuedDate: '2026-11-06', items: expect.any(Array) as unknown, departments: ['D-FIRE', 'D-QS'], completedDate: null, stoppedWorkingDays: null }]);
      });
  });

  it('has nothing to issue when no department asked', () => {
    given([...held, opinion('D-NR', 'pass', '2026-11-05')]).when(issueRectification('2026-11-05')).thenThrows(IllegalTransition, /no department has asked/);
  });

  it('sends one round at a time', () => {
    given([...listOut, opinion('D-LAND', 'rectify', '2026-11-09', { items: ['宗地界址点标识缺失'] })])
      .when(issueRectification('2026-11-09'))
      .thenThrows(IllegalTransition, /round 1 is still with the applicant/);
  });

  it('cannot be reported done when no list is out', () => {
    given(held).when(completeRectification('2026-11-05')).thenThrows(IllegalTransition, /no combined rectification list/);
    given([...listOut, completeRectification('2026-11-11')]).when(completeRectification('2026-11-12')).thenThrows(IllegalTransition, /no combined rectification list/);
  });

  it('keeps the special procedure out while the list is with the applicant', () => {
    given(listOut).when(suspendJoint('2026-11-09')).thenThrows(IllegalTransition, /clocks already stand still/);
  });
});

describe('the rectification done (整改完成)', () => {
  it('moves only the asking departments’ clocks, re-opens them, and leaves the others’ answers standing', () => {
    given(listOut)
      .when(completeRectification('2026-11-11'))
      .then((events, state) => {
        expect(events).toEqual([
          expect.objectContaining({
            type: 'JointRectificationCompleted',
            data: expect.objectContaining({ round: 1, completedDate: '2026-11-11', stoppedWorkingDays: 3, departments: [{ departmentId: 'D-FIRE', deadline: '2026-11-12' }, { departmentId: 'D-QS', deadline: '2026-11-12' }] }) as unknown,
          }),
        ]);
        expect(taskOf(state, 'D-FIRE')).toMatchObject({ status: 'open', deadline: '2026-11-12', stoppedWorkingDays: 3, stoppedSince: null, round: null, answeredDate: null });
        expect(taskOf(state, 'D-QS')).toMatchObject({ status: 'open', deadline: '2026-11-12', stoppedWorkingDays: 3 });
        expect(statuses(state)).toEqual({ 'D-NR': 'passed', 'D-FIRE': 'open', 'D-CAD': 'deemed-consenting', 'D-LAND': 'open', 'D-ARCH': 'passed', 'D-QS': 'open' });
        expect(taskOf(state, 'D-NR')).toMatchObject({ answeredDate: '2026-11-05', stoppedWorkingDays: 0 });
        expect(taskOf(state, 'D-LAND')).toMatchObject({ deadline: '2026-11-09', stoppedWorkingDays: 0 });
        expect(state?.joint?.rectifications[0]).toMatchObject({ completedDate: '2026-11-11', stoppedWorkingDays: 3 });
      });
  });

  it('moves the case’s own deadline by the same working days', () => {
    const before = fold(caseAggregate, run(listOut));
    expect(currentDeadline(before!, calendar)?.deadline).toBe('2026-11-30');
    given(listOut)
      .when(completeRectification('2026-11-11'))
      .then((_, state) => {
        expect(state?.suspendedWorkingDays).toBe(3);
        expect(currentDeadline(state!, calendar)?.deadline).toBe('2026-12-03');
      });
  });

  it('records the case’s moved deadline, as a resumed special procedure does', () => {
    // CaseResumed carries the case's new deadline into the state; the joint rectification's end should too.
    given(listOut)
      .when(completeRectification('2026-11-11'))
      .then((events, state) => {
        expect(events).toMatchObject([{ data: { caseDeadline: '2026-12-03', caseDeadlineProvisional: false } }]);
        expect(state).toMatchObject({ deadline: '2026-12-03', deadlineProvisional: false });
      });
  });

  it('lets a re-opened department answer until its moved deadline', () => {
    const done = [...listOut, completeRectification('2026-11-11')];
    given(done).when(opinion('D-FIRE', 'pass', '2026-11-12')).then([{ data: { deadline: '2026-11-12', workingDaysToAnswer: 5 } }]);
    given(done).when(opinion('D-FIRE', 'pass', '2026-11-13')).thenThrows(RuleViolation);
  });

  it('leaves a department that asked after the list went out for the next round', () => {
    const late = [...listOut, opinion('D-LAND', 'rectify', '2026-11-09', { items: ['宗地界址点标识缺失'] }), completeRectification('2026-11-11')];
    given(late)
      .when(issueRectification('2026-11-11', '10:00'))
      .then((events, state) => {
        expect(events[0]).toMatchObject({ data: { round: 2, issuedDate: '2026-11-11', departments: ['D-LAND'], items: [{ departmentId: 'D-LAND', text: '宗地界址点标识缺失' }] } });
        expect(taskOf(state, 'D-LAND')).toMatchObject({ status: 'rectify', round: 2, stoppedSince: '2026-11-11', stoppedWorkingDays: 0 });
        expect(taskOf(state, 'D-FIRE')).toMatchObject({ status: 'open', round: null });
      });
  });
});

describe('the deadline sweep (超时默许)', () => {
  /** Planning passed, fire asked for rectification (no list yet), land, archives and quality said nothing. */
  const quiet = [...held, opinion('D-NR', 'pass', '2026-11-05'), opinion('D-FIRE', 'rectify', '2026-11-05')];

  it('deems every open department whose deadline is before the date, and no other', () => {
    given(quiet)
      .when(sweep('2026-11-10', at('2026-11-10', '08:00')))
      .then((events, state) => {
        expect(deemed(events)).toEqual([
          ['D-LAND', '2026-11-09'],
          ['D-ARCH', '2026-11-05'],
          ['D-QS', '2026-11-09'],
        ]);
        expect(events[0]).toEqual(
          expect.objectContaining({
            type: 'DepartmentDeemedApproving',
            data: { departmentId: 'D-LAND', windowId: 'W-LAND', deadline: '2026-11-09', deemedDate: '2026-11-10', sweepDate: '2026-11-10' },
            meta: expect.objectContaining({ actor: { id: 'joint-sweeper', role: 'system' } }) as unknown,
          }),
        );
        expect(statuses(state)).toEqual({ 'D-NR': 'passed', 'D-FIRE': 'rectify', 'D-CAD': 'deemed-consenting', 'D-LAND': 'deemed-approving', 'D-ARCH': 'deemed-approving', 'D-QS': 'deemed-approving' });
        expect(taskOf(state, 'D-LAND')).toMatchObject({ answeredDate: '2026-11-10', deadline: '2026-11-09' });
      });
  });

  it('does not count the deadline day itself as passed', () => {
    given(quiet).when(sweep('2026-11-09', at('2026-11-09', '10:00'))).then((events) => expect(deemed(events)).toEqual([['D-ARCH', '2026-11-05']]));
  });

  it('cannot count today as passed before the hall has closed, and may after', () => {
    const early = given(quiet).when(sweep('2026-11-10', at('2026-11-09', '16:59'))).thenThrows(RuleViolation, /before the hall has closed/);
    expect((early as RuleViolation).details).toEqual({ date: '2026-11-10', latest: '2026-11-09' });
    given(quiet).when(sweep('2026-11-10', at('2026-11-09', '17:00'))).then((events) => expect(deemed(events).map(([id]) => id)).toEqual(['D-LAND', 'D-ARCH', 'D-QS']));
    given(quiet).when(sweep('2026-11-11', at('2026-11-09', '18:00'))).thenThrows(RuleViolation);
  });

  it('turns the day at midnight, county time', () => {
    given(quiet).when(sweep('2026-11-10', at('2026-11-09', '23:59'))).then((events) => expect(deemed(events)).toHaveLength(3));
    given(quiet).when(sweep('2026-11-10', at('2026-11-10', '00:00'))).then((events) => expect(deemed(events)).toHaveLength(3));
    const error = given(quiet).when(sweep('2026-11-11', at('2026-11-10', '00:00'))).thenThrows(RuleViolation);
    expect((error as RuleViolation).details).toEqual({ date: '2026-11-11', latest: '2026-11-10' });
  });

  it('deems nothing the second time', () => {
    const swept = [...quiet, sweep('2026-11-10', at('2026-11-10', '08:00'))];
    given(swept).when(sweep('2026-11-10', at('2026-11-10', '08:05'))).then([]);
    given(swept).when(sweep('2026-11-20', at('2026-11-20', '08:00'))).then([]);
  });

  it('does not touch departments whose rectification is with the applicant', () => {
    given(listOut)
      .when(sweep('2026-11-11', at('2026-11-10', '18:00')))
      .then((events, state) => {
        expect(deemed(events)).toEqual([['D-LAND', '2026-11-09']]);
        expect(taskOf(state, 'D-FIRE')).toMatchObject({ status: 'rectify', round: 1 });
      });
  });

  it('deems nothing while the case is suspended, nor on a case without a joint review', () => {
    given([...held, suspendJoint('2026-11-05')]).when(sweep('2026-11-20', at('2026-11-20', '08:00'))).then([]);
    given([jointSubmitted({ itemCode: 'COM-6' }), acceptJoint('2026-11-02', '10:00', 'COM-6')]).when(sweep('2026-11-20', at('2026-11-20', '08:00'))).then([]);
    given([jointSubmitted()]).when(sweep('2026-11-20', at('2026-11-20', '08:00'))).then([]);
  });

  it('deems nothing once the case is completed', () => {
    const denied = [...held, opinion('D-LAND', 'fail', '2026-11-05'), completeJoint('2026-11-05', 'denied')];
    given(denied).when(sweep('2026-11-20', at('2026-11-20', '08:00'))).then([]);
  });

  it('is not dated before the case’s last step', () => {
    given(quiet).when(sweep('2026-11-05', at('2026-11-05', '13:00'))).thenThrows(RuleViolation, /before the previous one/);
  });
});

describe('completing a joint case', () => {
  it('waits for every department to pass, consent or be deemed approving (409)', () => {
    const error = given([...held, opinion('D-NR', 'pass', '2026-11-05'), opinion('D-FIRE', 'rectify', '2026-11-05')]).when(completeJoint('2026-11-05')).thenThrows(IllegalTransition, /waiting for D-FIRE \(rectify\), D-LAND \(open\), D-ARCH \(open\), D-QS \(open\)/);
    expect(error.code).toBe('illegal-transition');
  });

  it('is denied only on a department’s failing opinion', () => {
    given(held).when(completeJoint('2026-11-05', 'denied')).thenThrows(IllegalTransition, /none has failed/);
    given([...held, opinion('D-LAND', 'fail', '2026-11-05', { note: '超出批准用地范围' })])
      .when(completeJoint('2026-11-05', 'denied'))
      .then((events, state) => {
        expect(events).toEqual([expect.objectContaining({ type: 'CaseCompleted', data: expect.objectContaining({ decision: 'denied', completedDate: '2026-11-05' }) as unknown })]);
        expect(state?.status).toBe('completed');
      });
  });

  it('cannot be approved once a department failed it', () => {
    const failed = [...allCame, ...['D-NR', 'D-FIRE', 'D-CAD', 'D-ARCH', 'D-QS'].map((d) => opinion(d, 'pass', '2026-11-05')), opinion('D-LAND', 'fail', '2026-11-05')];
    given(failed).when(completeJoint('2026-11-06')).thenThrows(IllegalTransition, /D-LAND failed the case/);
  });

  it('is approved once every department is settled approving', () => {
    const settled = [...held, ...['D-NR', 'D-FIRE', 'D-ARCH'].map((d) => opinion(d, 'pass', '2026-11-05')), sweep('2026-11-10', at('2026-11-09', '17:30'))];
    given(settled)
      .when(completeJoint('2026-11-10'))
      .then((events, state) => {
        expect(statuses(state)).toEqual({ 'D-NR': 'passed', 'D-FIRE': 'passed', 'D-CAD': 'deemed-consenting', 'D-LAND': 'deemed-approving', 'D-ARCH': 'passed', 'D-QS': 'deemed-approving' });
        expect(events[0]).toMatchObject({ type: 'CaseCompleted', data: { decision: 'approved', completedDate: '2026-11-10', deadline: '2026-11-30', onTime: true, early: true } });
      });
  });

  it('closes the joint commands once completed', () => {
    const done = [...held, opinion('D-LAND', 'fail', '2026-11-05'), completeJoint('2026-11-05', 'denied')];
    given(done).when(opinion('D-NR', 'pass', '2026-11-06')).thenThrows(IllegalTransition, /case that is completed/);
  });
});

describe('a special procedure (特别程序) on a joint case', () => {
  const underway = [...held, opinion('D-NR', 'pass', '2026-11-05'), opinion('D-FIRE', 'rectify', '2026-11-05'), suspendJoint('2026-11-05')];

  it('stops the unanswered departments’ clocks with the case’s', () => {
    given(underway)
      .when(resumeJoint('2026-11-10'))
      .then((events, state) => {
        expect(events[0]).toMatchObject({
          type: 'CaseResumed',
          data: {
            stoppedWorkingDays: 3,
            deadline: '2026-12-03',
            jointDeadlines: [
              { departmentId: 'D-FIRE', deadline: '2026-11-12' },
              { departmentId: 'D-LAND', deadline: '2026-11-12' },
              { departmentId: 'D-ARCH', deadline: '2026-11-10' },
              { departmentId: 'D-QS', deadline: '2026-11-12' },
            ],
          },
        });
        expect(deadlines(state)).toEqual({ 'D-NR': '2026-11-09', 'D-FIRE': '2026-11-12', 'D-CAD': '2026-11-09', 'D-LAND': '2026-11-12', 'D-ARCH': '2026-11-10', 'D-QS': '2026-11-12' });
        expect(taskOf(state, 'D-LAND').stoppedWorkingDays).toBe(3);
        expect(taskOf(state, 'D-NR').stoppedWorkingDays).toBe(0);
      });
  });

  it('refuses opinions while suspended, and the sweep after it honours the moved deadlines', () => {
    given(underway).when(opinion('D-LAND', 'pass', '2026-11-06')).thenThrows(IllegalTransition, /suspended/);
    const resumed = [...underway, resumeJoint('2026-11-10')];
    given(resumed).when(sweep('2026-11-11', at('2026-11-10', '18:00'))).then((events) => expect(deemed(events)).toEqual([['D-ARCH', '2026-11-10']]));
    given(resumed).when(opinion('D-LAND', 'pass', '2026-11-12')).then([{ data: { deadline: '2026-11-12', workingDaysToAnswer: 5 } }]);
  });

  it('carries the suspension into a later rectification round', () => {
    const resumed = [...underway, resumeJoint('2026-11-10'), issueRectification('2026-11-10', '10:00')];
    // Fire: 5 days + 3 suspended + wd(11-10, 11-12] = 2 → 10 working days from 11-02.
    given(resumed).when(completeRectification('2026-11-12')).then([{ data: { stoppedWorkingDays: 2, departments: [{ departmentId: 'D-FIRE', deadline: '2026-11-16' }] } }]);
  });
});

describe('a second rectification round', () => {
  it('stops the clock again and adds both rounds to the deadline', () => {
    const rounds = [
      ...allCame,
      opinion('D-FIRE', 'rectify', '2026-11-05', { items: ['疏散指示标志不足'] }),
      issueRectification('2026-11-05'),
      completeRectification('2026-11-09'), // wd(11-05, 11-09] = 2 → 11-11
      opinion('D-FIRE', 'rectify', '2026-11-10', { items: ['应急照明照度不足'] }),
    ];
    given(rounds)
      .when(issueRectification('2026-11-10'))
      .then((events, state) => {
        expect(events[0]).toMatchObject({ data: { round: 2, departments: ['D-FIRE'], items: [{ departmentId: 'D-FIRE', text: '应急照明照度不足' }] } });
        expect(taskOf(state, 'D-FIRE')).toMatchObject({ stoppedWorkingDays: 2, deadline: '2026-11-11', round: 2 });
      });
    const secondDone = [...rounds, issueRectification('2026-11-10'), completeRectification('2026-11-12')]; // + wd(11-10, 11-12] = 2 → 11-13
    given(secondDone)
      .when(opinion('D-FIRE', 'pass', '2026-11-13'))
      .then((events, state) => {
        expect(events[0]).toMatchObject({ data: { deadline: '2026-11-13', workingDaysToAnswer: 5 } });
        expect(taskOf(state, 'D-FIRE')).toMatchObject({ status: 'passed', stoppedWorkingDays: 4 });
        expect(state?.suspendedWorkingDays).toBe(4);
        expect(state?.joint?.rectifications.map((r) => [r.round, r.issuedDate, r.completedDate, r.stoppedWorkingDays])).toEqual([
          [1, '2026-11-05', '2026-11-09', 2],
          [2, '2026-11-10', '2026-11-12', 2],
        ]);
      });
  });
});

describe('the worked example of shared/domain.md', () => {
  it('takes 9 working days against 28 one after another, on time', () => {
    const history: CaseCommand[] = [];
    const step = (next: CaseCommand) => {
      let result: { events: CaseEvent[]; state: CaseState | undefined } | undefined;
      given(history).when(next).then((events, state) => (result = { events, state }));
      history.push(next);
      return result!;
    };

    step(jointSubmitted());
    // Accepted Mon 11-02: five working days to Mon 11-09, the archives' three to Thu 11-05.
    const opened = step(acceptJoint('2026-11-02'));
    expect(deadlines(opened.state)).toEqual({ 'D-NR': '2026-11-09', 'D-FIRE': '2026-11-09', 'D-CAD': '2026-11-09', 'D-LAND': '2026-11-09', 'D-ARCH': '2026-11-05', 'D-QS': '2026-11-09' });
    const serial = jointIndex.item('JA-1')!.joint!.departments.reduce((sum, d) => sum + d.days, 0);
    expect(serial).toBe(28);

    // Wed 11-04: the joint inspection; civil air defence stays away without reason and is deemed to consent that day.
    step(scheduleInspection('2026-11-04', '09:30', at('2026-11-02', '11:00')));
    const inspection = step(recordInspection('2026-11-04', ['D-NR', 'D-FIRE', 'D-LAND', 'D-QS'], { 'D-CAD': null }));
    expect(inspection.events.map((e) => e.type)).toEqual(['JointInspectionHeld', 'DepartmentDeemedConsenting']);
    expect(inspection.events[1]?.data).toEqual({ departmentId: 'D-CAD', windowId: 'W-CAD', deemedDate: '2026-11-04' });

    // Thu 11-05: planning and archives pass, fire asks for two rectifications; Fri 11-06: quality asks for one.
    step(opinion('D-NR', 'pass', '2026-11-05'));
    step(opinion('D-ARCH', 'pass', '2026-11-05'));
    step(opinion('D-FIRE', 'rectify', '2026-11-05', { items: ['疏散指示标志不足', '消防车道被占用'] }));
    step(opinion('D-QS', 'rectify', '2026-11-06', { items: ['屋面防水层局部空鼓'], time: '10:00' }));
    // The combined list of 3 items goes out on 11-06; land says nothing.
    const list = step(issueRectification('2026-11-06'));
    expect(list.events[0]).toMatchObject({ type: 'JointRectificationIssued', data: { round: 1, issuedDate: '2026-11-06', departments: ['D-FIRE', 'D-QS'] } });
    expect(list.events[0]?.type === 'JointRectificationIssued' && list.events[0].data.items).toHaveLength(3);
    expect(deadlines(list.state)).toMatchObject({ 'D-FIRE': '2026-11-09', 'D-QS': '2026-11-09' });

    // Wed 11-11, done: fire's and quality's clocks stood still for the 3 working days in (11-06, 11-11].
    const done = step(completeRectification('2026-11-11'));
    expect(calendar.workingDaysBetween('2026-11-06', '2026-11-11')).toBe(3);
    expect(done.events[0]).toMatchObject({ data: { stoppedWorkingDays: 3, departments: [{ departmentId: 'D-FIRE', deadline: '2026-11-12' }, { departmentId: 'D-QS', deadline: '2026-11-12' }] } });
    expect(deadlines(done.state)).toMatchObject({ 'D-FIRE': '2026-11-12', 'D-QS': '2026-11-12', 'D-LAND': '2026-11-09' });

    // The sweep for 11-10 finds land's deadline 11-09 passed with no answer; fire and quality (now 11-12) stay.
    const swept = step(sweep('2026-11-10', at('2026-11-11', '10:00')));
    expect(swept.events).toHaveLength(1);
    expect(swept.events[0]).toMatchObject({ type: 'DepartmentDeemedApproving', data: { departmentId: 'D-LAND', deadline: '2026-11-09', sweepDate: '2026-11-10', deemedDate: '2026-11-11' } });

    // Thu 11-12: fire and quality pass, on their moved deadline.
    for (const departmentId of ['D-FIRE', 'D-QS']) {
      const passed = step(opinion(departmentId, 'pass', '2026-11-12'));
      expect(passed.events[0]).toMatchObject({ data: { departmentId, deadline: '2026-11-12', workingDaysToAnswer: 5 } });
    }

    // Fri 11-13: the case completes, 9 working days after acceptance, on time and early.
    const completed = step(completeJoint('2026-11-13'));
    expect(statuses(completed.state)).toEqual({ 'D-NR': 'passed', 'D-FIRE': 'passed', 'D-CAD': 'deemed-consenting', 'D-LAND': 'deemed-approving', 'D-ARCH': 'passed', 'D-QS': 'passed' });
    expect(completed.events).toEqual([
      expect.objectContaining({
        type: 'CaseCompleted',
        data: { decision: 'approved', note: null, completedDate: '2026-11-13', deadline: '2026-12-03', onTime: true, early: true, joint: { workingDays: 9, serialWorkingDays: 28 } },
      }),
    ]);
    expect(calendar.workingDaysBetween('2026-11-02', '2026-11-13')).toBe(9);
    expect(jointView(completed.state!.joint!, calendar).serialWorkingDays).toBe(28);
    expect(completed.state?.suspendedWorkingDays).toBe(3);
  });

  it('deems land alone when the same sweep runs the evening of 11-10, with the list still out', () => {
    const beforeDone = listOut; // the worked example up to the combined list of 11-06
    given(beforeDone)
      .when(sweep('2026-11-10', at('2026-11-10', '18:00')))
      .then((events, state) => {
        expect(deemed(events)).toEqual([['D-LAND', '2026-11-09']]);
        expect(statuses(state)).toMatchObject({ 'D-FIRE': 'rectify', 'D-QS': 'rectify', 'D-LAND': 'deemed-approving' });
      });
    given([...beforeDone, sweep('2026-11-10', at('2026-11-10', '18:00')), completeRectification('2026-11-11')])
      .when(sweep('2026-11-12', at('2026-11-12', '08:00')))
      .then([]);
  });
});
