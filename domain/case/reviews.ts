import { IllegalTransition, RuleViolation } from '../errors.ts';
import { eventMetaOf, type CommandMeta } from '../meta.ts';
import { isBad, parseSmsReply, type Level, type ReviewChannel } from '../reviews/levels.ts';
import { addDays, type LocalDate } from '../time.ts';
import type { ApplyDefaultReview, ReceiveSmsReply, ReviewCase } from './commands.ts';
import type { CaseContext } from './context.ts';
import type { CaseEvent } from './events.ts';
import type { CaseState } from './state.ts';

/** Statuses in which a case can be rated: from acceptance on. */
const reviewable = new Set(['accepted', 'suspended', 'completed', 'delivered']);

/** A rating (好差评) and, for a bad one, the rectification it opens with its deadlines in working days. */
export function review(state: CaseState, context: CaseContext, meta: CommandMeta, today: LocalDate, r: { reviewId: string; level: Level; channel: ReviewChannel; tags: string[]; text: string | null }): CaseEvent[] {
  const activeDefault = state.reviews.find((x) => x.channel === 'default' && !x.replaced && !x.voided);
  const bad = isBad(r.level);
  const events: CaseEvent[] = [{ type: 'CaseReviewed', data: { ...r, bad, reviewDate: today, replacesDefault: activeDefault?.reviewId ?? null }, meta: eventMetaOf(meta) }];
  if (bad) {
    // Every bad review is closed out: called back within a working day, rectified or explained within the county's limit.
    const { callbackWorkingDays, resolveWorkingDays } = context.county.county.satisfaction.rectification;
    events.push({
      type: 'RectificationOpened',
      data: {
        rectificationId: `${state.caseId}-R${state.rectifications.length + 1}`,
        reviewId: r.reviewId,
        level: r.level,
        openedDate: today,
        callbackDue: context.calendar.addWorkingDays(today, callbackWorkingDays),
        resolveDue: context.calendar.addWorkingDays(today, resolveWorkingDays),
        windowId: state.windowId,
      },
      meta: eventMetaOf(meta),
    });
  }
  return events;
}

/** Reviews from devices, online and the hotline; SMS replies to the rating invitation; the county's default review. */
export function decideReview(command: ReviewCase | ReceiveSmsReply | ApplyDefaultReview, state: CaseState, context: CaseContext, today: LocalDate): CaseEvent[] {
  const meta = eventMetaOf(command.meta);
  switch (command.type) {
    case 'ReviewCase': {
      // A review recorded already (its device sent it again) is no new review.
      if (state.reviews.some((r) => r.reviewId === command.data.reviewId)) return [];
      if (!reviewable.has(state.status)) throw new IllegalTransition(`a case that is ${state.status} cannot be rated yet: reviews start at acceptance`);
      const d = command.data;
      return review(state, context, command.meta, today, { reviewId: d.reviewId, level: d.level, channel: d.channel, tags: d.tags ?? [], text: d.text ?? null });
    }
    case 'ReceiveSmsReply': {
      // The gateway sent a message again: it was taken the first time, as a rating or a reply.
      const messageId = command.data.messageId;
      if (state.reviews.some((r) => r.reviewId === command.data.reviewId) || (messageId !== undefined && state.sms?.messageIds.includes(messageId))) return [];
      if (!state.sms || state.sms.answered) throw new IllegalTransition('this case is not awaiting an SMS rating');
      const level = parseSmsReply(command.data.text);
      if (level === undefined) return [{ type: 'SmsReplyReceived', data: { text: command.data.text, receivedAt: command.data.receivedAt, receivedDate: today, messageId: messageId ?? null }, meta }];
      return review(state, context, command.meta, today, { reviewId: command.data.reviewId, level, channel: 'sms', tags: [], text: null });
    }
    case 'ApplyDefaultReview': {
      const rule = context.county.county.satisfaction.defaultReview;
      if (!rule) throw new RuleViolation('This county counts no default review');
      if (state.completedDate === null) throw new IllegalTransition('only a completed case can get a default review');
      if (addDays(state.completedDate, rule.afterDays) > today) throw new RuleViolation(`The applicant has ${rule.afterDays} days from completion to rate`, { completedDate: state.completedDate });
      const completedDate = state.completedDate;
      if (state.reviews.some((r) => !r.voided && (r.channel === 'default' || r.reviewDate >= completedDate))) throw new IllegalTransition('the case was rated since completion');
      return [{ type: 'DefaultReviewApplied', data: { reviewId: command.data.reviewId, level: rule.level, afterDays: rule.afterDays, reviewDate: today }, meta }];
    }
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${(unhandled as { type: string }).type}`);
    }
  }
}
