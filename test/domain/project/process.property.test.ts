import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../../domain/case/events.ts';
import { fold } from '../../../domain/decider.ts';
import { projectAggregate } from '../../../domain/project/aggregate.ts';
import { projectCommandFor } from '../../../domain/project/process.ts';
import type { Filing, PlanStepInput, ProjectCommand, ProjectEvent, ProjectState, RecordStepFiled, RecordStepOutcome } from '../../../domain/project/types.ts';
import { localDateOf } from '../../../domain/time.ts';
import { caseEvent, caseNoOf, caseSubmitted, projectContext, register, setPlan, TZ } from './fixtures.ts';

/**
 * The process manager sees each case's events in order, maybe more than once, in any interleaving
 * with other cases'. Random plans and random case histories per step (filed; then maybe not
 * accepted, denied, approved or forwarded; filed again after a refusal): whatever the deliveries,
 * the project's filings are the ones read straight off the histories, and the state is the same.
 */

type End = 'open' | 'approved' | 'forwarded' | 'denied' | 'rejected';
interface CaseHistory {
  stepId: string;
  caseId: string;
  itemCode: string;
  filedAt: string;
  end: End;
  closedAt: string | null;
  onTime: boolean | null;
  reason: string | null;
}

const items = ['COM-5', 'COM-6', 'UP-10', 'IMM-1'];
const start = Date.parse('2026-11-02T00:30:00.000Z');
/** Hours from the start, as an instant: coarse, so that different steps' cases are often filed at the same moment. */
const instant = (hours: number) => new Date(start + hours * 3_600_000).toISOString();

/** A plan of 1–6 steps, each waiting for some earlier ones (so no cycle). */
const plan = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.tuple(...Array.from({ length: n }, (_, i) => fc.record({ itemCode: fc.constantFrom(...items), after: fc.subarray(Array.from({ length: i }, (_, j) => `S${j + 1}`)) }))).map((steps) => steps.map((s, i): PlanStepInput => ({ stepId: `S${i + 1}`, ...s }))),
);
/** A step's cases: refusals, then maybe one that is open or gave the permit. */
const stepCases = fc.record({
  refusals: fc.array(fc.record({ end: fc.constantFrom<End>('denied', 'rejected'), gap: fc.integer({ min: 0, max: 30 }), lasts: fc.integer({ min: 1, max: 60 }), onTime: fc.constant(null) }), { maxLength: 2 }),
  last: fc.option(fc.record({ end: fc.constantFrom<End>('open', 'approved', 'forwarded', 'denied', 'rejected'), gap: fc.integer({ min: 0, max: 30 }), lasts: fc.integer({ min: 1, max: 60 }), onTime: fc.option(fc.boolean()) })),
  startsAt: fc.integer({ min: 0, max: 40 }),
});

type StepCases = typeof stepCases extends fc.Arbitrary<infer T> ? T : never;

/** The cases of every step (the plan's and one the plan no longer has), with ids in no particular order. */
function historiesOf(steps: PlanStepInput[], perStep: StepCases[]): CaseHistory[] {
  const histories: CaseHistory[] = [];
  [...steps, { stepId: 'GONE', itemCode: 'COM-6', after: [] }].forEach((step, i) => {
    const { refusals, last, startsAt } = perStep[i]!;
    let hour = startsAt;
    for (const c of [...refusals, ...(last ? [last] : [])]) {
      const filedAt = instant((hour += c.gap));
      const closedAt = c.end === 'open' ? null : instant((hour += c.lasts));
      const caseId = `c${String(97 - histories.length * 7).padStart(2, '0')}`;
      const onTime = c.end === 'approved' || c.end === 'forwarded' ? c.onTime : null;
      histories.push({ stepId: step.stepId, caseId, itemCode: step.itemCode, filedAt, end: c.end, closedAt, onTime, reason: c.end === 'denied' || c.end === 'rejected' ? `理由${caseId}` : null });
    }
  });
  return histories;
}

/** The case's events as its stream holds them, and the project commands the process manager makes of them. */
function commandsOf(h: CaseHistory): (RecordStepFiled | RecordStepOutcome)[] {
  const events: CaseEvent[] = [caseSubmitted(h.caseId, h.filedAt, h.itemCode)];
  const date = (at: string) => localDateOf(at, TZ);
  if (h.end === 'rejected') events.push(caseEvent('CaseRejected', { reason: h.reason!, rejectedDate: date(h.closedAt!) }, h.closedAt!));
  else events.push(caseEvent('CaseAccepted', { acceptedDate: date(h.filedAt), deadline: '2026-12-31', deadlineProvisional: false }, h.filedAt));
  if (h.end === 'approved' || h.end === 'forwarded' || h.end === 'denied') {
    events.push(caseEvent('CaseCompleted', { decision: h.end, note: h.reason, completedDate: date(h.closedAt!), deadline: '2026-12-31', onTime: h.onTime ?? true, early: null }, h.closedAt!));
  }
  const info = { caseId: h.caseId, caseNo: caseNoOf(h.caseId), itemCode: h.itemCode, onTime: h.onTime };
  return events.flatMap((event, i) => projectCommandFor({ stream: `case#${h.caseId}`, version: i + 1, event }, { projectId: 'P1', stepId: h.stepId }, info)?.command ?? []);
}

/** The filing each history should leave, computed without the domain. */
function expectedFiling(h: CaseHistory): Filing {
  return {
    stepId: h.stepId,
    caseId: h.caseId,
    caseNo: caseNoOf(h.caseId),
    itemCode: h.itemCode,
    filedAt: h.filedAt,
    filedDate: localDateOf(h.filedAt, TZ),
    outcome: h.end === 'open' ? null : h.end,
    reason: h.reason,
    closedAt: h.closedAt,
    closedDate: h.closedAt && localDateOf(h.closedAt, TZ),
    onTime: h.onTime,
  };
}

/** Deliveries of one case's commands: each in order the first time, some delivered again later (redelivery). */
function deliveriesOf<T>(commands: T[], picks: number[]): T[] {
  const out: T[] = [];
  let next = 0;
  for (const pick of picks) {
    if (next < commands.length && (pick % 3 !== 0 || next === 0)) out.push(commands[next++]!);
    else if (next > 0) out.push(commands[pick % next]!);
  }
  return [...out, ...commands.slice(next)];
}

/** One interleaving of the cases' deliveries, keeping each case's own order. */
function interleave<T>(queues: T[][], picks: number[]): T[] {
  const rest = queues.map((q) => [...q]);
  const out: T[] = [];
  for (const pick of picks) {
    const open = rest.filter((q) => q.length > 0);
    if (open.length === 0) break;
    out.push(open[pick % open.length]!.shift()!);
  }
  return [...out, ...rest.flat()];
}

function stateAfter(steps: PlanStepInput[], commands: ProjectCommand[]): { state: ProjectState; events: ProjectEvent[] } {
  const events: ProjectEvent[] = [];
  for (const command of [register(), setPlan(steps), ...commands]) events.push(...projectAggregate.decide(command, fold(projectAggregate, events), projectContext));
  return { state: fold(projectAggregate, events) as ProjectState, events };
}

const picks = fc.array(fc.nat(), { maxLength: 80 });

describe('the process manager’s commands, delivered in any order and more than once', () => {
  it('leave the filings read off the case histories, the same state whatever the interleaving', () => {
    fc.assert(
      fc.property(
        plan.chain((steps) => fc.tuple(fc.constant(steps), fc.array(stepCases, { minLength: steps.length + 1, maxLength: steps.length + 1 }))),
        fc.array(picks, { minLength: 8, maxLength: 8 }),
        picks,
        picks,
        ([steps, perStep], redeliveries, orderA, orderB) => {
          const histories = historiesOf(steps, perStep);
          const perCase = histories.map((h, i) => deliveriesOf(commandsOf(h), redeliveries[i % redeliveries.length]!));
          const a = stateAfter(steps, interleave(perCase, orderA));
          const b = stateAfter(steps, interleave(perCase, orderB));
          const expected = histories.map(expectedFiling).sort((x, y) => (`${x.filedAt}|${x.caseId}` < `${y.filedAt}|${y.caseId}` ? -1 : 1));
          expect(a.state.filings).toEqual(expected);
          expect(b.state).toEqual(a.state);
          // Exactly once: a filing per case and an outcome per closed case, whatever was delivered again.
          const recorded = a.events.filter((e) => e.type !== 'ProjectRegistered' && e.type !== 'PlanSet');
          expect(recorded).toHaveLength(histories.length + histories.filter((h) => h.end !== 'open').length);
        },
      ),
      { numRuns: 200 },
    );
  });
});
