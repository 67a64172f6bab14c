import { completionsPartition, type Completion } from '../../domain/projections/completions.ts';
import { DomainError } from '../../domain/errors.ts';
import { addDays } from '../../domain/time.ts';
import { executeCommand } from '../commands/execute.ts';
import { caseContext } from '../case/operations.ts';
import { decide } from '../../domain/case/decide.ts';
import { fold } from '../../domain/case/state.ts';
import type { CaseEvent } from '../../domain/case/events.ts';
import { ulid } from '../ids.ts';
import { logger } from '../logger.ts';
import { runtime, todayAt } from '../runtime.ts';
import { streams } from '../tables.ts';

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
  const completed = (await rt.views.partition<{ doc: Completion }>(completionsPartition(day))).map((i) => i.doc);
  const context = await caseContext(rt);
  let applied = 0;
  for (const { caseId } of completed) {
    const meta = { actor: { id: 'timer:default-reviews', role: 'system' as const }, windowId: null, siteId: null, now, commandId: `default-review-${caseId}`, correlationId: `default-review-${day}` };
    try {
      await executeCommand<CaseEvent>(
        rt.events,
        {
          stream: streams.case(caseId),
          decide: (history) => decide({ type: 'ApplyDefaultReview', data: { reviewId: ulid(Date.parse(now)) }, meta }, fold(history.map((h) => h.event)), context),
          respond: () => ({ statusCode: 200, headers: {}, body: '' }),
        },
        // The key makes a rerun of the same day's timer a no-op.
        { idempotencyKey: `default-review-${caseId}`, fingerprint: caseId, ifMatch: undefined },
      );
      applied++;
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
    }
  }
  logger.info('default reviews', { day, considered: completed.length, applied });
  return { day, considered: completed.length, applied };
};
