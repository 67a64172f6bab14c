import { createHmac } from 'node:crypto';
import { caseAggregate } from '../../../domain/case/aggregate.ts';
import type { CallbackOutcome } from '../../../domain/case/events.ts';
import { countySchema, indexCounty } from '../../../domain/county.ts';
import { phoneKey, type Mac } from '../../../domain/keyed.ts';
import type { CaseCommand } from '../../../domain/case/commands.ts';
import type { CaseContext } from '../../../domain/case/context.ts';
import { fold, streamOf, type Aggregate } from '../../../domain/decider.ts';
import type { Level, ReviewChannel } from '../../../domain/reviews/levels.ts';
import { at, command, context as defaultContext, testCounty } from '../../support/builders.ts';
import type { StreamEvent } from '../../support/views.ts';

/**
 * Histories for projection specs, made by the real deciders: each command is decided against the
 * state its stream has reached (with its own context when it needs one), and every event lands in
 * the aggregate's stream, as the command handlers append them.
 */
export type Step<C, X> = C | { command: C; context: X };

export function streamHistory<C extends object, E extends { type: string }, S, X>(aggregate: Aggregate<C, E, S, X>, id: string, steps: readonly Step<C, X>[], context: X): StreamEvent[] {
  const events: E[] = [];
  for (const step of steps) {
    const [c, x] = 'command' in step ? [step.command, step.context] : [step, context];
    events.push(...aggregate.decide(c, fold(aggregate, events), x));
  }
  const stream = streamOf(aggregate, id);
  return events.map((event) => ({ stream, event }));
}

/** A case's stream (`case#<caseId>`), from its commands. */
export function caseHistory(caseId: string, steps: readonly Step<CaseCommand, CaseContext>[], context: CaseContext = defaultContext): StreamEvent[] {
  return streamHistory(caseAggregate, caseId, steps, context);
}

/** A step with a context of its own (the SMS key, today's callback list …). */
export const withContext = (c: CaseCommand, context: CaseContext): Step<CaseCommand, CaseContext> => ({ command: c, context });

export const accept = (date: string, time = '10:00') => command('AcceptCase', {}, at(date, time));
export const complete = (date: string, decision: 'approved' | 'denied' | 'forwarded' = 'approved', time = '15:00') => command('CompleteCase', { decision }, at(date, time));
export const deliver = (date: string, time = '16:00') => command('DeliverCase', { method: 'in-person' }, at(date, time));
export const requestMaterials = (date: string, missing: string[], time = '09:30') => command('RequestMaterials', { missing }, at(date, time));
export const supplyMaterials = (date: string, materials: string[], time = '09:00') => command('SupplyMaterials', { materials }, at(date, time));
export const reject = (date: string, time = '11:00') => command('RejectCase', { reason: '不符合受理条件' }, at(date, time));
export const suspend = (date: string, time = '11:00') => command('SuspendCase', { procedure: 'expert-review', reason: '专家评审' }, at(date, time));
export const resume = (date: string, time = '11:00') => command('ResumeCase', {}, at(date, time));
export const transfer = (date: string, windowId: string, time = '11:30') => command('TransferCase', { windowId }, at(date, time));
export const review = (date: string, level: Level, reviewId: string, options: { channel?: ReviewChannel; time?: string } = {}) =>
  command('ReviewCase', { reviewId, level, channel: options.channel ?? 'window-device' }, at(date, options.time ?? '15:30'));

type RectificationStep = 'VerifyRectification' | 'ResolveRectification' | 'AppealRectification' | 'RecheckRectification' | 'FollowUpRectification' | 'CloseRectification';
export const rectification = (type: RectificationStep, data: object, date: string, time = '14:00', rectificationId = 'case-1-R1') =>
  command(type, { rectificationId, ...data }, at(date, time));

/** The whole rectification loop after a confirmed bad review: verify → rectify → follow up → close, one step a day from `dates[0]`. */
export const rectifyAndClose = (dates: [string, string, string, string], rectificationId = 'case-1-R1') => [
  rectification('VerifyRectification', { finding: 'confirmed' }, dates[0], '14:00', rectificationId),
  rectification('ResolveRectification', { how: 'rectified', note: '已整改' }, dates[1], '14:00', rectificationId),
  rectification('FollowUpRectification', { satisfied: true }, dates[2], '14:00', rectificationId),
  rectification('CloseRectification', {}, dates[3], '14:00', rectificationId),
];

/** The county's keyed MAC (HMAC-SHA-256, as the adapter makes it), under a test secret. */
export const mac: Mac = (message) => createHmac('sha256', 'test-secret').update(message, 'utf8').digest('hex');
/** Completion invites an SMS rating (the salted phone key is known). */
export const withSms: CaseContext = { ...defaultContext, phoneKey: (phone) => phoneKey(phone, mac) };
/** The case is on the callback list of `date`. */
export const onList = (date: string): CaseContext => ({ ...defaultContext, callbackList: { date } });
/** A county that counts "no review within 7 days" as very satisfied (默认好评). */
export const withDefaultReview: CaseContext = {
  ...defaultContext,
  county: indexCounty(countySchema().parse({ ...testCounty, satisfaction: { ...testCounty.satisfaction, defaultReview: { afterDays: 7, level: 'very-satisfied' } } })),
};

export const callbackAttempt = (date: string, attemptId: string, outcome: CallbackOutcome, level?: Level, time = '10:30') =>
  withContext(command('RecordCallbackAttempt', { attemptId, reviewId: `CB-${attemptId}`, outcome, level }, at(date, time), { actor: { id: 'callback-1', role: 'callback' } }), onList(date));
export const smsReply = (date: string, text: string, reviewId: string, time = '18:00') =>
  withContext(command('ReceiveSmsReply', { reviewId, text, receivedAt: at(date, time), messageId: `M-${reviewId}` }, at(date, time), { actor: { id: 'gateway', role: 'sms-gateway' } }), withSms);
export const applyDefaultReview = (date: string, reviewId = 'D-1') => withContext(command('ApplyDefaultReview', { reviewId }, at(date, '01:00'), { actor: { id: 'system', role: 'system' } }), withDefaultReview);

/** Personal data of the builders' applicant that no view but the callback list's may hold, in any form. */
export const applicantSecrets = ['13812341234', '331022199001011234', '张三'];

/** The whole of a projection's documents, as text, for privacy checks. */
export const asText = (value: unknown) => JSON.stringify(value);
