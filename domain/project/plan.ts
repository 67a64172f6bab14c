import { InvalidInput, RuleViolation, type FieldError } from '../errors.ts';
import { isLocalDate } from '../time.ts';
import type { Filing, PlanStep, PlanStepInput, ProjectContext, ProjectState } from './types.ts';

/** A plan holds 1…60 steps (代办计划步骤). */
export const maxPlanSteps = 60;
const stepIdPattern = /^[A-Za-z0-9_-]{1,32}$/;

/** The filings of one step, in filing order. */
export const filingsOf = (state: Pick<ProjectState, 'filings'>, stepId: string): Filing[] => state.filings.filter((f) => f.stepId === stepId);

/** A filing that gave the permit (办结): approved, or forwarded to the higher level. */
export const isDoneFiling = (f: Filing): boolean => f.outcome === 'approved' || f.outcome === 'forwarded';

/** The filing that finished the step (its first approved or forwarded one), if any. */
export const doneFilingOf = (filings: readonly Filing[]): Filing | undefined => filings.find(isDoneFiling);

/** The step's case still under way (outcome not yet known), if any. */
export const openFilingOf = (filings: readonly Filing[]): Filing | undefined => filings.findLast((f) => f.outcome === null);

/**
 * The steps of a plan in an order where every step follows the steps it waits for; among steps
 * free at the same time, the plan's own order. Throws on a cycle (a validated plan has none).
 */
export function topologicalOrder<S extends Pick<PlanStep, 'stepId' | 'after'>>(steps: readonly S[]): S[] {
  const ids = new Set(steps.map((s) => s.stepId));
  const placed = new Set<string>();
  const order: S[] = [];
  while (order.length < steps.length) {
    const next = steps.find((s) => !placed.has(s.stepId) && s.after.every((p) => placed.has(p) || !ids.has(p)));
    if (!next) throw new Error('the plan has a cycle');
    placed.add(next.stepId);
    order.push(next);
  }
  return order;
}

/** A cycle through the `after` links, as step ids in the order they would run (first = last), starting at the earliest step in the plan; null when there is none. */
function cycleOf(steps: readonly PlanStepInput[]): string[] | null {
  const index = new Map(steps.map((s, i) => [s.stepId, i]));
  const state = new Map<string, 'open' | 'closed'>();
  const path: string[] = [];
  const visit = (id: string): string[] | null => {
    if (state.get(id) === 'closed') return null;
    if (state.get(id) === 'open') return path.slice(path.indexOf(id));
    state.set(id, 'open');
    path.push(id);
    for (const before of steps[index.get(id)!]!.after) {
      const cycle = index.has(before) ? visit(before) : null;
      if (cycle) return cycle;
    }
    path.pop();
    state.set(id, 'closed');
    return null;
  };
  for (const step of steps) {
    // The path follows `after` (a step to the one it waits for): reversed, it reads in running order.
    const cycle = visit(step.stepId)?.reverse();
    if (!cycle) continue;
    const first = cycle.reduce((a, b) => (index.get(b)! < index.get(a)! ? b : a));
    const start = cycle.indexOf(first);
    const rotated = [...cycle.slice(start), ...cycle.slice(0, start)];
    return [...rotated, first];
  }
  return null;
}

/**
 * Checks a plan (代办计划) the agent set and returns it as recorded: each step with its catalogue
 * item's name and committed days. Malformed steps are InvalidInput (paths `body.steps.<i>.…`);
 * dropping a step that has been filed, or changing its item, is a RuleViolation.
 */
export function validatePlan(steps: readonly PlanStepInput[], context: Pick<ProjectContext, 'item'>, current?: Pick<ProjectState, 'plan' | 'filings'>): PlanStep[] {
  if (steps.length < 1 || steps.length > maxPlanSteps) {
    throw new InvalidInput(`A plan has 1 to ${maxPlanSteps} steps`, [{ path: 'body.steps', message: `${steps.length} steps` }]);
  }
  const errors: FieldError[] = [];
  const problem = (i: number, field: string, message: string) => errors.push({ path: `body.steps.${i}.${field}`, message });
  const firstIndex = new Map<string, number>();
  steps.forEach((s, i) => {
    if (!stepIdPattern.test(s.stepId)) problem(i, 'stepId', `step id ${JSON.stringify(s.stepId)} must be 1–32 letters, digits, - or _`);
    else if (firstIndex.has(s.stepId)) problem(i, 'stepId', `step ${s.stepId} appears twice (steps ${firstIndex.get(s.stepId)} and ${i})`);
    else firstIndex.set(s.stepId, i);
  });
  steps.forEach((s, i) => {
    if (!context.item(s.itemCode)) problem(i, 'itemCode', `step ${s.stepId}: no item ${s.itemCode} in the catalogue`);
    if (s.after.includes(s.stepId)) problem(i, 'after', `step ${s.stepId} cannot wait for itself`);
    const unknown = s.after.filter((p) => p !== s.stepId && !firstIndex.has(p));
    if (unknown.length > 0) problem(i, 'after', `step ${s.stepId} waits for ${unknown.join(', ')}, not in the plan`);
    if (s.targetDate != null && !isLocalDate(s.targetDate)) problem(i, 'targetDate', `step ${s.stepId}: ${s.targetDate} is not a date (YYYY-MM-DD)`);
  });
  if (errors.length === 0) {
    const cycle = cycleOf(steps);
    if (cycle) problem(firstIndex.get(cycle[0]!)!, 'after', `step ${cycle[0]} is in a cycle: ${cycle.join(' → ')}`);
  }
  if (errors.length > 0) throw new InvalidInput(errors.length === 1 ? errors[0]!.message : `${errors[0]!.message} (and ${errors.length - 1} more problems)`, errors);

  const plan = steps.map((s): PlanStep => {
    const item = context.item(s.itemCode)!;
    return { stepId: s.stepId, itemCode: s.itemCode, itemName: item.name, committedDays: item.committedDays, after: [...new Set(s.after)], targetDate: s.targetDate ?? null };
  });
  if (current) checkFiledStepsKept(plan, current);
  return plan;
}

/** A step that has been filed stays in the plan with its item: its cases are facts about that permit. */
function checkFiledStepsKept(plan: readonly PlanStep[], current: Pick<ProjectState, 'plan' | 'filings'>) {
  const next = new Map(plan.map((s) => [s.stepId, s]));
  for (const step of current.plan?.steps ?? []) {
    const filing = filingsOf(current, step.stepId).at(-1);
    if (!filing) continue;
    const kept = next.get(step.stepId);
    if (!kept) throw new RuleViolation(`step ${step.stepId} has been filed as case ${filing.caseNo} and cannot be removed`, { stepId: step.stepId, caseNo: filing.caseNo });
    if (kept.itemCode !== step.itemCode) {
      throw new RuleViolation(`step ${step.stepId} has been filed as case ${filing.caseNo} for item ${step.itemCode}: its item cannot change`, { stepId: step.stepId, caseNo: filing.caseNo, itemCode: step.itemCode });
    }
  }
}
