import { IllegalTransition, InvalidInput, RuleViolation } from '../errors.ts';
import { eventMetaOf } from '../meta.ts';
import type { LocalDate } from '../time.ts';
import type { RecordCallbackAttempt } from './commands.ts';
import type { CaseContext } from './context.ts';
import type { CaseEvent } from './events.ts';
import { review } from './reviews.ts';
import type { CaseState } from './state.ts';

/** A telephone callback attempt (电话回访) from today's list; a reached call may carry a rating. */
export function decideCallback(command: RecordCallbackAttempt, state: CaseState, context: CaseContext, today: LocalDate): CaseEvent[] {
  // An attempt recorded already (the same attempt sent again) is no new attempt.
  if (state.callback.attemptIds.includes(command.data.attemptId)) return [];
  const list = context.callbackList;
  if (!list) throw new RuleViolation('The case is not on today’s callback list', { date: today });
  const { maxCallbackAttempts } = context.county.county.satisfaction;
  if (state.callback.settled) throw new IllegalTransition('the callback for this case is already settled');
  if (state.callback.round >= maxCallbackAttempts) throw new IllegalTransition(`the case had its ${maxCallbackAttempts} attempts`);
  const d = command.data;
  if (d.level !== undefined && d.outcome !== 'reached') throw new InvalidInput('Only a reached callback has a rating', [{ path: 'level', message: `outcome ${d.outcome} takes no level` }]);
  const events: CaseEvent[] = [
    {
      type: 'CallbackAttempted',
      data: { attemptId: d.attemptId, listDate: list.date, attempt: state.callback.attempts.length + 1, outcome: d.outcome, level: d.level ?? null, answers: d.answers ?? null, comment: d.comment ?? null, staffId: command.meta.actor.id, attemptDate: today },
      meta: eventMetaOf(command.meta),
    },
  ];
  if (d.outcome === 'reached' && d.level !== undefined) events.push(...review(state, context, command.meta, today, { reviewId: d.reviewId, level: d.level, channel: 'callback', tags: [], text: d.comment ?? null }));
  return events;
}
