import { caseAggregate } from '../../domain/case/aggregate.ts';
import type { CaseCommand } from '../../domain/case/commands.ts';
import { latestSweepDate } from '../../domain/case/joint.ts';
import { RuleViolation } from '../../domain/errors.ts';
import type { CommandMeta } from '../../domain/meta.ts';
import { jointDue, jointDuePartition } from '../../domain/projections/joint.ts';
import { addDays, type LocalDate } from '../../domain/time.ts';
import { caseContext, noCase } from '../case/run.ts';
import { handleCommand } from '../commands/handle.ts';
import type { Runtime } from '../runtime.ts';

/**
 * A calendar amendment can move an open task's deadline after the view stored it; looking this far
 * past the date lets the decision (which recomputes every deadline against today's calendar) see it.
 */
const LOOK_AHEAD_DAYS = 14;

export interface SweepResult {
  date: LocalDate;
  /** Joint cases with an open task due before the date (or a little after, see above). */
  considered: number;
  deemed: { caseId: string; caseNo: string; departmentId: string; deadline: LocalDate }[];
}

/**
 * The deadline sweep (超时默许): every open department task whose deadline is before `date` is deemed
 * approving. Each case is one command on its own stream, decided against its current state, so a
 * task answered meanwhile is left alone and a second sweep — or two at once — deems nothing again.
 */
export async function sweepJointDeadlines(rt: Runtime, date: LocalDate, now: string, meta: (caseId: string) => CommandMeta): Promise<SweepResult> {
  const latest = latestSweepDate(now, rt.county);
  if (date > latest) throw new RuleViolation('A sweep cannot count a day as passed before the hall has closed on it', { date, latest });
  const due = await rt.views.docs(jointDue, jointDuePartition, { from: '0000', to: `${addDays(date, LOOK_AHEAD_DAYS)}#\uffff` });
  const caseIds = [...new Set(due.map((d) => d.doc.caseId))];
  const context = await caseContext(rt);
  const deemed: SweepResult['deemed'] = [];
  for (const caseId of caseIds) {
    const outcome = await handleCommand(
      rt.events,
      { aggregate: caseAggregate, id: caseId, mustExist: noCase(caseId), command: (): CaseCommand => ({ type: 'SweepJointDeadlines', data: { date }, meta: meta(caseId) }), context },
      (result) => result,
    );
    if (outcome.replayed) continue;
    const caseNo = outcome.result.state?.caseNo ?? '';
    for (const event of outcome.result.events) {
      if (event.type === 'DepartmentDeemedApproving') {
        const d = event.data;
        deemed.push({ caseId, caseNo, departmentId: d.departmentId, deadline: d.deadline });
      }
    }
  }
  return { date, considered: caseIds.length, deemed };
}
