import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { caseAggregate } from '../../domain/case/aggregate.ts';
import type { CaseCommand } from '../../domain/case/commands.ts';
import type { CaseEvent } from '../../domain/case/events.ts';
import { approvingStatuses, type JointTaskStatus, type OpinionResult } from '../../domain/case/joint.ts';
import type { CaseState } from '../../domain/case/state.ts';
import { fold } from '../../domain/decider.ts';
import { DomainError } from '../../domain/errors.ts';
import { addDays, type LocalDate } from '../../domain/time.ts';
import { at } from '../support/builders.ts';
import {
  acceptJoint,
  acceptanceDepartments,
  completeRectification,
  inspectingDepartments,
  issueRectification,
  jointContext,
  jointIndex,
  jointSubmitted,
  opinion,
  recordInspection,
  scheduleInspection,
  sweep,
} from '../support/joint-builders.ts';

/**
 * Random interleavings of departments' opinions, deadline sweeps (run repeatedly, for random dates)
 * and rectification rounds on the worked example's case, checked against a model written apart
 * from the domain: each department's status and stopped days, its deadline counted afresh.
 */

const { calendar } = jointContext;
const acceptedDate = '2026-11-02';
const limits = new Map(jointIndex.item('JA-1')!.joint!.departments.map((d) => [d.departmentId, d.days]));

type Attendance = 'present' | 'absent' | 'excused';
type Action =
  | { kind: 'opinion'; department: number; result: OpinionResult; advance: number }
  | { kind: 'sweep'; offset: number; advance: number; again: boolean }
  | { kind: 'issue'; advance: number }
  | { kind: 'complete'; advance: number };

/** Minutes since the inspection's lunch break (Wed 11-04 12:00, Beijing) to a wall-clock date and time. */
const wallClock = (minutes: number) => {
  const wall = new Date(Date.UTC(2026, 10, 4, 12, 0) + minutes * 60_000).toISOString();
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
};

/** Minutes to the next step: mostly within the day, now and then a day or two. */
const advance = fc.oneof({ weight: 3, arbitrary: fc.integer({ min: 0, max: 4 * 60 }) }, { weight: 1, arbitrary: fc.integer({ min: 0, max: 2 * 24 * 60 }) });
const action: fc.Arbitrary<Action> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ kind: fc.constant('opinion' as const), department: fc.integer({ min: 0, max: acceptanceDepartments.length - 1 }), result: fc.constantFrom<OpinionResult>('pass', 'pass', 'rectify', 'rectify', 'fail'), advance }) },
  { weight: 4, arbitrary: fc.record({ kind: fc.constant('sweep' as const), offset: fc.integer({ min: -4, max: 2 }), advance, again: fc.boolean() }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('issue' as const), advance }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('complete' as const), advance }) },
);
const attendance = fc.tuple(...inspectingDepartments.map(() => fc.constantFrom<Attendance>('present', 'present', 'absent', 'excused')));

/** The model: what each department's task should be, kept without the domain's code. */
interface ModelTask {
  status: JointTaskStatus;
  stopped: number;
}
const settledOrWaiting: readonly JointTaskStatus[] = [...approvingStatuses, 'failed', 'rectify'];
const statusOf: Record<OpinionResult, JointTaskStatus> = { pass: 'passed', rectify: 'rectify', fail: 'failed' };

function expectedDeadline(departmentId: string, stopped: number): LocalDate {
  return calendar.addWorkingDays(acceptedDate, limits.get(departmentId)! + stopped);
}

/** The latest sweep date at a Beijing wall clock: today, or tomorrow once the hall has closed at 17:00. */
const latestSweep = (date: LocalDate, time: string): LocalDate => (time >= '17:00' ? addDays(date, 1) : date);

/** Checks, on the event log alone, what the sweep must never do. */
function checkDeemedApprovals(events: readonly CaseEvent[]) {
  const deemedOnce = new Set<string>();
  const consenting = new Set<string>();
  /** Per department: an opinion given since it was last re-opened, and the working days its clock stood still. */
  const answered = new Map<string, boolean>();
  const stopped = new Map<string, number>();
  for (const event of events) {
    switch (event.type) {
      case 'DepartmentDeemedConsenting':
        consenting.add(event.data.departmentId);
        break;
      case 'DepartmentOpinionGiven':
        answered.set(event.data.departmentId, true);
        break;
      case 'JointRectificationCompleted':
        for (const d of event.data.departments) {
          answered.set(d.departmentId, false);
          stopped.set(d.departmentId, (stopped.get(d.departmentId) ?? 0) + event.data.stoppedWorkingDays);
        }
        break;
      case 'DepartmentDeemedApproving': {
        const { departmentId, deadline, sweepDate } = event.data;
        expect(deemedOnce.has(departmentId), `${departmentId} deemed approving twice`).toBe(false);
        expect(consenting.has(departmentId), `${departmentId} deemed approving after consenting`).toBe(false);
        expect(answered.get(departmentId) ?? false, `${departmentId} deemed approving after its opinion`).toBe(false);
        expect(deadline).toBe(expectedDeadline(departmentId, stopped.get(departmentId) ?? 0));
        expect(deadline < sweepDate, `${departmentId}: deadline ${deadline} not before the sweep date ${sweepDate}`).toBe(true);
        const local = new Date(Date.parse(event.meta.at) + 8 * 3_600_000).toISOString();
        expect(sweepDate <= latestSweep(local.slice(0, 10), local.slice(11, 16))).toBe(true);
        deemedOnce.add(departmentId);
        break;
      }
      default:
        break;
    }
  }
}

function scenario(present: readonly Attendance[], actions: readonly Action[]) {
  const opening: CaseCommand[] = [
    jointSubmitted(),
    acceptJoint(acceptedDate),
    scheduleInspection('2026-11-04', '09:30', at(acceptedDate, '11:00')),
    recordInspection(
      '2026-11-04',
      inspectingDepartments.filter((_, i) => present[i] === 'present'),
      Object.fromEntries(inspectingDepartments.flatMap((d, i): [string, string | null][] => (present[i] === 'absent' ? [[d, null]] : present[i] === 'excused' ? [[d, '另有公务，已书面请假']] : []))),
    ),
  ];
  const model = new Map<string, ModelTask>(acceptanceDepartments.map((d) => [d, { status: 'open', stopped: 0 }]));
  inspectingDepartments.forEach((d, i) => {
    if (present[i] === 'absent') model.get(d)!.status = 'deemed-consenting';
  });
  let round: { issuedDate: LocalDate; departments: string[] } | null = null;

  const events: CaseEvent[] = [];
  let state: CaseState | undefined;
  const apply = (command: CaseCommand): CaseEvent[] | DomainError => {
    let produced: CaseEvent[];
    try {
      produced = caseAggregate.decide(command, state, jointContext);
    } catch (error) {
      if (error instanceof DomainError) return error;
      throw error;
    }
    // Deciding is pure: the same command on the same state means the same events.
    expect(caseAggregate.decide(command, state, jointContext)).toEqual(produced);
    for (const event of produced) state = caseAggregate.evolve(state, event);
    events.push(...produced);
    return produced;
  };
  for (const command of opening) {
    const produced = apply(command);
    if (produced instanceof DomainError) throw produced;
  }

  let minutes = 0;
  for (const step of actions) {
    minutes += step.advance;
    const { date: today, time } = wallClock(minutes);
    switch (step.kind) {
      case 'opinion': {
        const departmentId = acceptanceDepartments[step.department]!;
        const task = model.get(departmentId)!;
        const deadline = expectedDeadline(departmentId, task.stopped);
        const outcome = apply(opinion(departmentId, step.result, today, { time }));
        const allowed = task.status === 'open' && today <= deadline;
        expect(outcome instanceof DomainError ? `refused: ${outcome.message}` : 'given', `${departmentId} ${step.result} on ${today} (${task.status}, due ${deadline})`).toEqual(allowed ? 'given' : expect.stringMatching(/^refused/));
        if (!(outcome instanceof DomainError)) {
          expect(outcome).toMatchObject([{ type: 'DepartmentOpinionGiven', data: { departmentId, deadline, answeredDate: today } }]);
          task.status = statusOf[step.result];
        }
        break;
      }
      case 'sweep': {
        const date = addDays(today, step.offset);
        const command = sweep(date, at(today, time));
        const outcome = apply(command);
        if (date > latestSweep(today, time)) {
          expect(outcome).toBeInstanceOf(DomainError);
          break;
        }
        const due = [...model].filter(([id, t]) => t.status === 'open' && expectedDeadline(id, t.stopped) < date).map(([id]) => id);
        expect(outcome instanceof DomainError ? outcome.message : outcome.map((e) => e.type === 'DepartmentDeemedApproving' && e.data.departmentId)).toEqual(due);
        for (const id of due) model.get(id)!.status = 'deemed-approving';
        // The timer runs again (a retry, an overlapping run): nothing more to deem.
        if (step.again) expect(apply(command)).toEqual([]);
        break;
      }
      case 'issue': {
        const asking = [...model].filter(([, t]) => t.status === 'rectify').map(([id]) => id);
        const outcome = apply(issueRectification(today, time));
        if (round !== null || asking.length === 0) {
          expect(outcome).toBeInstanceOf(DomainError);
          break;
        }
        expect(outcome).toMatchObject([{ type: 'JointRectificationIssued', data: { issuedDate: today, departments: asking } }]);
        round = { issuedDate: today, departments: asking };
        break;
      }
      case 'complete': {
        const outcome = apply(completeRectification(today, time));
        if (round === null) {
          expect(outcome).toBeInstanceOf(DomainError);
          break;
        }
        const stopped = calendar.workingDaysBetween(round.issuedDate, today);
        for (const id of round.departments) {
          const task = model.get(id)!;
          task.stopped += stopped;
          task.status = 'open';
        }
        expect(outcome).toMatchObject([{ type: 'JointRectificationCompleted', data: { stoppedWorkingDays: stopped, departments: round.departments.map((id) => ({ departmentId: id, deadline: expectedDeadline(id, model.get(id)!.stopped) })) } }]);
        round = null;
        break;
      }
    }
  }

  // A last sweep, well past every deadline: nobody is left reviewing.
  const { date: last } = wallClock(minutes + 40 * 24 * 60);
  const final = apply(sweep(last, at(last, '10:00')));
  const stillOpen = [...model].filter(([, t]) => t.status === 'open').map(([id]) => id);
  expect(final instanceof DomainError ? final.message : final.map((e) => e.type === 'DepartmentDeemedApproving' && e.data.departmentId)).toEqual(stillOpen);
  for (const id of stillOpen) model.get(id)!.status = 'deemed-approving';

  checkDeemedApprovals(events);
  const folded = fold(caseAggregate, events);
  expect(folded).toEqual(state);
  const tasks = folded?.joint?.tasks ?? [];
  expect(tasks.map((t) => [t.departmentId, t.status])).toEqual([...model].map(([id, t]) => [id, t.status]));
  expect(tasks.every((t) => settledOrWaiting.includes(t.status))).toBe(true);
  expect(tasks.map((t) => t.stoppedWorkingDays)).toEqual([...model.values()].map((t) => t.stopped));
  expect(folded?.suspendedWorkingDays).toBe(folded?.joint?.rectifications.reduce((sum, r) => sum + (r.stoppedWorkingDays ?? 0), 0));
}

describe('joint review under random opinions and sweeps', () => {
  it('deems each silent department once, never one that answered or was not yet due, and folds to the state decided', () => {
    fc.assert(
      fc.property(attendance, fc.array(action, { minLength: 5, maxLength: 40 }), (present, actions) => scenario(present, actions)),
      { numRuns: 200 },
    );
  });
});
