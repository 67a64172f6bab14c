import { describe, expect, it } from 'vitest';
import { InvalidInput, RuleViolation } from '../../../domain/errors.ts';
import { topologicalOrder, validatePlan } from '../../../domain/project/plan.ts';
import type { PlanStepInput, ProjectState } from '../../../domain/project/types.ts';
import { fiveSteps, projectContext } from './fixtures.ts';

const step = (stepId: string, after: string[] = [], itemCode = 'COM-6'): PlanStepInput => ({ stepId, itemCode, after });

/** The InvalidInput a plan throws, or fails the test. */
function refusal(steps: PlanStepInput[], current?: Pick<ProjectState, 'plan' | 'filings'>) {
  try {
    validatePlan(steps, projectContext, current);
  } catch (error) {
    return error as InvalidInput | RuleViolation;
  }
  throw new Error('the plan was accepted');
}

describe('validating a plan (代办计划)', () => {
  it('records each step with its item’s name and committed days, `after` without repeats, no target as null', () => {
    const plan = validatePlan([...fiveSteps.slice(0, 2), { ...step('S3', ['S1', 'S1'], 'UP-10'), targetDate: '2026-11-25' }], projectContext);
    expect(plan).toEqual([
      { stepId: 'S1', itemCode: 'COM-5', itemName: '企业设立登记（五证合一）', committedDays: 5, after: [], targetDate: null },
      { stepId: 'S2', itemCode: 'COM-6', itemName: '建设工程规划许可', committedDays: 6, after: ['S1'], targetDate: null },
      { stepId: 'S3', itemCode: 'UP-10', itemName: '建设用地预审（报市级）', committedDays: 10, after: ['S1'], targetDate: '2026-11-25' },
    ]);
  });

  it('refuses an empty plan and one of more than 60 steps', () => {
    expect(refusal([])).toMatchObject({ errors: [{ path: 'body.steps' }] });
    expect(refusal(Array.from({ length: 61 }, (_, i) => step(`S${i}`)))).toMatchObject({ message: 'A plan has 1 to 60 steps' });
    expect(validatePlan(Array.from({ length: 60 }, (_, i) => step(`S${i}`, i > 0 ? [`S${i - 1}`] : [])), projectContext)).toHaveLength(60);
  });

  it('refuses malformed and repeated step ids', () => {
    expect(refusal([step('S 1')])).toMatchObject({ errors: [{ path: 'body.steps.0.stepId' }] });
    expect((refusal([step('x'.repeat(33))]) as InvalidInput).errors).toHaveLength(1);
    expect(refusal([step('S1'), step('S2'), step('S1')])).toMatchObject({ message: 'step S1 appears twice (steps 0 and 2)', errors: [{ path: 'body.steps.2.stepId' }] });
  });

  it('refuses an item not in the catalogue, naming the step', () => {
    const error = refusal([step('S1'), step('S2', ['S1'], 'NOPE-1')]);
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error).toMatchObject({ message: 'step S2: no item NOPE-1 in the catalogue', errors: [{ path: 'body.steps.1.itemCode' }] });
  });

  it('refuses `after` naming a step not in the plan, or the step itself', () => {
    expect(refusal([step('S1'), step('S2', ['S1', 'S9', 'S8'])])).toMatchObject({ message: 'step S2 waits for S9, S8, not in the plan', errors: [{ path: 'body.steps.1.after' }] });
    expect(refusal([step('S1', ['S1'])])).toMatchObject({ message: 'step S1 cannot wait for itself', errors: [{ path: 'body.steps.0.after' }] });
  });

  it('refuses a target date that is not a date', () => {
    expect(refusal([{ ...step('S1'), targetDate: '2026-02-30' }])).toMatchObject({ errors: [{ path: 'body.steps.0.targetDate', message: 'step S1: 2026-02-30 is not a date (YYYY-MM-DD)' }] });
  });

  it('lists every problem, the first in the message', () => {
    const error = refusal([step('S1', [], 'NOPE-1'), step('S1'), step('S3', ['S4'])]);
    expect(error.message).toBe('step S1 appears twice (steps 0 and 1) (and 2 more problems)');
    expect((error as InvalidInput).errors.map((e) => e.path)).toEqual(['body.steps.1.stepId', 'body.steps.0.itemCode', 'body.steps.2.after']);
  });

  it('refuses a cycle, naming its steps in running order from the earliest in the plan', () => {
    expect(refusal([step('S1'), step('S3', ['S4']), step('S4', ['S3'])])).toMatchObject({ message: 'step S3 is in a cycle: S3 → S4 → S3', errors: [{ path: 'body.steps.1.after' }] });
    // A three-step cycle entered from a step outside it: S2 waits for S5, S5 for S4, S4 for S2.
    const three = [step('S1'), step('S2', ['S1', 'S5']), step('S3', ['S1']), step('S4', ['S2']), step('S5', ['S4'])];
    expect(refusal(three)).toMatchObject({ message: 'step S2 is in a cycle: S2 → S4 → S5 → S2', errors: [{ path: 'body.steps.1.after' }] });
    expect(refusal([step('A', ['C']), step('B', ['A']), step('C', ['B'])]).message).toBe('step A is in a cycle: A → B → C → A');
  });

  it('refuses to drop a step that has been filed, or to change its item (422)', () => {
    const current = {
      plan: { version: 1, setAt: '', setDate: '2026-11-02', steps: validatePlan(fiveSteps, projectContext) },
      filings: [{ stepId: 'S2', caseId: 'c2', caseNo: '339999-20261102-00002', itemCode: 'COM-6', filedAt: '', filedDate: '2026-11-09', outcome: 'denied', reason: null, closedAt: null, closedDate: null, onTime: null }],
    } satisfies Pick<ProjectState, 'plan' | 'filings'>;
    const without = fiveSteps.filter((s) => s.stepId !== 'S2').map((s) => ({ ...s, after: s.after.filter((a) => a !== 'S2') }));
    expect(refusal(without, current)).toBeInstanceOf(RuleViolation);
    expect(refusal(without, current)).toMatchObject({ message: 'step S2 has been filed as case 339999-20261102-00002 and cannot be removed', details: { stepId: 'S2' } });
    const changed = fiveSteps.map((s) => (s.stepId === 'S2' ? { ...s, itemCode: 'COM-5' } : s));
    expect(refusal(changed, current).message).toBe('step S2 has been filed as case 339999-20261102-00002 for item COM-6: its item cannot change');
    // Steps never filed may go or change; the filed one may get new prerequisites and a target.
    const reshaped = [fiveSteps[0]!, { ...fiveSteps[1]!, targetDate: '2026-11-30' }, { ...fiveSteps[4]!, itemCode: 'COM-5', after: ['S2'] }];
    expect(validatePlan(reshaped, projectContext, current).map((s) => s.stepId)).toEqual(['S1', 'S2', 'S5']);
  });
});

describe('the topological order of a plan', () => {
  it('puts every step after the steps it waits for, otherwise keeping the plan’s order', () => {
    const ids = (steps: PlanStepInput[]) => topologicalOrder(steps).map((s) => s.stepId);
    expect(ids(fiveSteps)).toEqual(['S1', 'S2', 'S3', 'S4', 'S5']);
    expect(ids([step('S5', ['S3', 'S4']), step('S4', ['S2']), step('S3', ['S1']), step('S2', ['S1']), step('S1')])).toEqual(['S1', 'S3', 'S2', 'S4', 'S5']);
  });

  it('throws on a cycle', () => {
    expect(() => topologicalOrder([step('A', ['B']), step('B', ['A'])])).toThrow(/cycle/);
  });
});
