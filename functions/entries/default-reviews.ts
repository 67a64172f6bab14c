import { caseAggregate } from '../../domain/case/aggregate.ts';
import type { CaseCommand } from '../../domain/case/commands.ts';
import { DomainError } from '../../domain/errors.ts';
import { completions, completionsPartition } from '../../domain/projections/completions.ts';
import { addDays } from '../../domain/time.ts';
import { caseContext, noCase } from '../case/run.ts';
import { handleCommand } from '../commands/handle.ts';
import { timerKey, timerMeta } from '../commands/timer.ts';
import { ulid } from '../ids.ts';
import { logger } from '../logger.ts';
import { runtime, todayAt } from '../runtime.ts';

/**
 * Daily, when the county counts "no review within N days" as a review: applies the default level to
 * the cases completed N days ago that nobody rated since. A later real review replaces it.
 */
export const handler = async (event: { time?: string } = {}) => {
  const rt = runtime('default-reviews');
  const rule = rt.county.county.satisfaction.defaultReview;
  const now = event.time ?? new Date().toISOString();
  if (!rule) return { applied: 0, skipped: 'the county counts no default review' };
  const day = addDays(todayAt(rt, now), -rule.afterDays);
  const completed = (await rt.views.docs(completions, completionsPartition(day))).map((i) => i.doc);
  const context = await caseContext(rt);
  let applied = 0;
  for (const { caseId } of completed) {
    // The key makes a rerun of the same day's timer a no-op.
    const trigger = `default-review-${caseId}`;
    try {
      const outcome = await handleCommand(
        rt.events,
        { aggregate: caseAggregate, id: caseId, mustExist: noCase(caseId), command: (): CaseCommand => ({ type: 'ApplyDefaultReview', data: { reviewId: ulid(Date.parse(now)) }, meta: timerMeta('default-reviews', now, trigger) }), context },
        () => ({ applied: true }),
        timerKey(trigger),
      );
      if (!outcome.replayed) applied++;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  logger.info('default reviews', { day, considered: completed.length, applied });
  return { day, considered: completed.length, applied };
};
