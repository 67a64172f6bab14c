import { IllegalTransition, InvalidInput, NotFound, RuleViolation } from '../errors.ts';
import { eventMetaOf, type CommandMeta } from '../meta.ts';
import { isBad, parseSmsReply, type Level, type ReviewChannel } from '../satisfaction/levels.ts';
import { addDays, type LocalDate } from '../time.ts';
import type { SatisfactionCommand } from './commands.ts';
import type { CaseContext } from './decide.ts';
import type { CaseEvent } from './events.ts';
import type { CaseState, Rectification, RectificationStatus } from './state.ts';

/** Statuses in which a case can be rated: from acceptance on. */
const reviewable = new Set(['accepted', 'suspended', 'completed', 'delivered']);

/** Which rectification steps may follow which (the bad-review loop). */
const rectificationSteps: Record<Exclude<SatisfactionCommand['type'], 'ReviewCase' | 'ApplyDefaultReview' | 'ReceiveSmsReply' | 'RecordCallbackAttempt'>, readonly RectificationStatus[]> = {
  VerifyRectification: ['opened'],
  AppealRectification: ['opened', 'verified'],
  RecheckRectification: ['appealed'],
  ResolveRectification: ['verified'],
  FollowUpRectification: ['resolved'],
  CloseRectification: ['followed-up'],
};

function review(state: CaseState, context: CaseContext, meta: CommandMeta, today: LocalDate, r: { reviewId: string; level: Level; channel: ReviewChannel; tags: string[]; text: string | null }): CaseEvent[] {
  const activeDefault = state.reviews.find((x) => x.channel === 'default' && !x.replaced && !x.voided);
  const bad = isBad(r.level);
  const events: CaseEvent[] = [
    { type: 'CaseReviewed', data: { ...r, bad, reviewDate: today, replacesDefault: activeDefault?.reviewId ?? null }, meta: eventMetaOf(meta) },
  ];
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

function rectificationOf(state: CaseState, id: string): Rectification {
  const found = state.rectifications.find((r) => r.rectificationId === id);
  if (!found) throw new NotFound(`no rectification ${id}`);
  return found;
}

/** The satisfaction side of a case: reviews, SMS replies, callbacks and the bad-review loop. */
export function decideSatisfaction(command: SatisfactionCommand, state: CaseState, context: CaseContext, today: LocalDate): CaseEvent[] {
  const meta = eventMetaOf(command.meta);
  const settings = context.county.county.satisfaction;
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
      const rule = settings.defaultReview;
      if (!rule) throw new RuleViolation('This county counts no default review');
      if (state.completedDate === null) throw new IllegalTransition('only a completed case can get a default review');
      if (addDays(state.completedDate, rule.afterDays) > today) throw new RuleViolation(`The applicant has ${rule.afterDays} days from completion to rate`, { completedDate: state.completedDate });
      const completedDate = state.completedDate;
      if (state.reviews.some((r) => !r.voided && (r.channel === 'default' || r.reviewDate >= completedDate))) throw new IllegalTransition('the case was rated since completion');
      return [{ type: 'DefaultReviewApplied', data: { reviewId: command.data.reviewId, level: rule.level, afterDays: rule.afterDays, reviewDate: today }, meta }];
    }
    case 'RecordCallbackAttempt': {
      // An attempt recorded already (the same attempt sent again) is no new attempt.
      if (state.callback.attemptIds.includes(command.data.attemptId)) return [];
      const list = context.callbackList;
      if (!list) throw new RuleViolation('The case is not on today’s callback list', { date: today });
      if (state.callback.settled) throw new IllegalTransition('the callback for this case is already settled');
      if (state.callback.round >= settings.maxCallbackAttempts) throw new IllegalTransition(`the case had its ${settings.maxCallbackAttempts} attempts`);
      const d = command.data;
      if (d.level !== undefined && d.outcome !== 'reached') throw new InvalidInput('Only a reached callback has a rating', [{ path: 'level', message: `outcome ${d.outcome} takes no level` }]);
      const events: CaseEvent[] = [
        {
          type: 'CallbackAttempted',
          data: { attemptId: d.attemptId, listDate: list.date, attempt: state.callback.attempts.length + 1, outcome: d.outcome, level: d.level ?? null, answers: d.answers ?? null, comment: d.comment ?? null, staffId: command.meta.actor.id, attemptDate: today },
          meta,
        },
      ];
      if (d.outcome === 'reached' && d.level !== undefined) events.push(...review(state, context, command.meta, today, { reviewId: d.reviewId, level: d.level, channel: 'callback', tags: [], text: d.comment ?? null }));
      return events;
    }
    default: {
      const r = rectificationOf(state, command.data.rectificationId);
      if (!rectificationSteps[command.type].includes(r.status)) throw new IllegalTransition(`cannot ${command.type} a rectification that is ${r.status}`);
      const id = r.rectificationId;
      switch (command.type) {
        case 'VerifyRectification':
          return [{ type: 'RectificationVerified', data: { rectificationId: id, finding: command.data.finding, note: command.data.note ?? null, verifiedDate: today }, meta }];
        case 'AppealRectification':
          if (r.appealReason !== null) throw new IllegalTransition('the review was appealed once already');
          return [{ type: 'RectificationAppealed', data: { rectificationId: id, reason: command.data.reason, appealedDate: today }, meta }];
        case 'RecheckRectification':
          return [{ type: 'RectificationRechecked', data: { rectificationId: id, result: command.data.result, note: command.data.note ?? null, recheckedDate: today }, meta }];
        case 'ResolveRectification':
          return [{ type: 'RectificationResolved', data: { rectificationId: id, how: command.data.how, note: command.data.note, resolvedDate: today }, meta }];
        case 'FollowUpRectification':
          return [{ type: 'RectificationFollowedUp', data: { rectificationId: id, satisfied: command.data.satisfied, note: command.data.note ?? null, followedUpDate: today }, meta }];
        case 'CloseRectification':
          return [{ type: 'RectificationClosed', data: { rectificationId: id, note: command.data.note ?? null, closedDate: today }, meta }];
        default: {
          const unhandled: never = command;
          throw new Error(`unhandled command ${(unhandled as SatisfactionCommand).type}`);
        }
      }
    }
  }
}
