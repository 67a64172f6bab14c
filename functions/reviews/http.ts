import * as z from 'zod/mini';
import { reviewChannels, levels } from '../../domain/reviews/levels.ts';
import { streamOf } from '../../domain/decider.ts';
import { IllegalTransition } from '../../domain/errors.ts';
import { phoneKey } from '../../domain/keyed.ts';
import { maskPhone } from '../../domain/privacy.ts';
import { smsAwaiting, smsPartition } from '../../domain/projections/sms-awaiting.ts';
import { smsInboxAggregate } from '../../domain/sms-inbox/aggregate.ts';
import { Forbidden } from '../auth/access.ts';
import { CaseIdParams } from '../case/schemas.ts';
import { caseOf, onCase } from '../case/run.ts';
import { earlierAnswer } from '../commands/handle.ts';
import { commandReply, idempotencyOf, versioned } from '../http/command-reply.ts';
import { commandMeta, scopedKey } from '../http/request-meta.ts';
import { defineRoute, type Reply } from '../http/route.ts';
import { CaseId, ClientId, dateRange, LocalDateString, named, StatsFilters, Text } from '../http/schemas.ts';
import { ulid } from '../ids.ts';
import { keepContacts, keptContacts } from '../privacy/contacts.ts';
import { todayAt } from '../runtime.ts';
import { countyMac } from '../secret.ts';
import { satisfactionOf } from './rates.ts';

/** Reviews (好差评): from a window's rating device, online and the hotline; SMS replies to the rating invitation; the rates. */

const ReviewBody = z.strictObject({
  reviewId: z.optional(ClientId).check(z.describe('the device’s own id for this rating: sent again (after a lost answer), it is recorded once')),
  level: z.enum(levels),
  /** SMS ratings arrive through /sms/inbound and callback ratings through the callback attempts. */
  channel: z.enum(['window-device', 'online', 'hotline']),
  tags: z.optional(z.array(Text(30)).check(z.maxLength(10))),
  text: z.optional(Text(1000)),
});
const ReviewResult = named('ReviewResult', z.object({ caseId: CaseId, reviewId: z.string(), level: z.enum(levels), bad: z.boolean(), rectificationId: z.nullable(z.string()), version: z.int() }));
const SmsInboundBody = z.strictObject({
  messageId: z.optional(ClientId).check(z.describe('the gateway’s id of the message: delivered again, it is taken once')),
  from: z.string().check(z.regex(/^(\+?86)?1[3-9]\d{9}$/, 'a mainland mobile number')),
  text: z.string().check(z.maxLength(500)),
  receivedAt: z.optional(z.iso.datetime({ offset: true })),
});
/** All the SMS gateway learns: the reply is kept (never which case it rated, or whether it rated one). */
const SmsResult = named('SmsResult', z.strictObject({ received: z.literal(true) }));
const UnmatchedSms = named('UnmatchedSms', z.object({
  date: LocalDateString,
  replies: z.array(z.object({ receivedAt: z.string(), text: z.string(), phone: z.string().check(z.describe('whole while the county keeps it (privacy.contactRetentionDays), masked after')) })),
}));
const SatisfactionQuery = z.strictObject({ from: LocalDateString, to: LocalDateString, ...StatsFilters, channel: z.optional(z.enum([...reviewChannels, 'default'])) }).check(z.superRefine(dateRange));
const Satisfaction = named('SatisfactionStats', z.object({
  from: LocalDateString,
  to: LocalDateString,
  reviews: z.int(),
  byLevel: z.record(z.enum(levels), z.int()),
  badReviews: z.int(),
  satisfactionRate: z.nullable(z.number().check(z.gte(0), z.lte(1))),
  averageScore: z.nullable(z.number()),
  callbackAttempts: z.int(),
  validCallbacks: z.int(),
  smsReviews: z.int(),
  smsUnparsed: z.int(),
  rectifications: z.object({ open: z.int(), overdue: z.int(), closed: z.int() }),
  windows: z.array(z.object({ windowId: z.string(), name: z.string(), reviews: z.int(), badReviews: z.int(), satisfactionRate: z.nullable(z.number()) })),
  monthly: z.array(z.object({ month: z.string(), reviews: z.int(), badReviews: z.int(), satisfactionRate: z.nullable(z.number()) })),
}));

const smsReceived: Reply<z.input<typeof SmsResult>> = { status: 202, body: { received: true } };
const ENTRY = 'reviews' as const;

export const reviewRoutes = [
  defineRoute({
    method: 'POST',
    path: '/cases/{id}/reviews',
    entry: ENTRY,
    operationId: 'reviewCase',
    summary: 'Rate the service (好差评): from a rating device, online or the hotline',
    params: CaseIdParams,
    body: ReviewBody,
    response: { status: 201, schema: ReviewResult },
    command: true,
    access: ['clerk', 'admin', 'rating-device'],
    handle: (request, rt) => {
      const body = request.body;
      // A window's rating device (评价器) speaks for its window's visitors only, on its own channel.
      if (request.caller.actor.role === 'rating-device' && body.channel !== 'window-device') throw new Forbidden('a rating device rates on the window-device channel');
      // The device's own id when it gives one: a resend of that rating is recorded once.
      const reviewId = body.reviewId ?? ulid(Date.parse(request.now));
      return onCase(
        rt,
        request,
        request.params.id,
        (state) => ({ type: 'ReviewCase', data: { ...body, reviewId }, meta: commandMeta(request, { windowId: state.windowId, siteId: state.siteId }) }),
        (result) => {
          const state = caseOf(result);
          const review = state.reviews.find((r) => r.reviewId === reviewId);
          const rectification = state.rectifications.find((r) => r.reviewId === reviewId);
          const body = { caseId: state.caseId, reviewId, level: review?.level ?? 'satisfied', bad: review?.bad ?? false, rectificationId: rectification?.rectificationId ?? null, version: state.version };
          return versioned(body, state.version);
        },
      );
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/sms/inbound',
    entry: ENTRY,
    operationId: 'smsInbound',
    summary: 'An SMS reply from the gateway (1–5 or the Chinese word rates the sender’s case; anything else is kept); 202 says nothing of which case',
    body: SmsInboundBody,
    response: { status: 202, schema: SmsResult },
    access: ['sms-gateway', 'admin'],
    handle: async (request, rt) => {
      const body = request.body;
      const from = body.from.replace(/^\+?86/, '');
      const receivedAt = body.receivedAt === undefined ? request.now : new Date(body.receivedAt).toISOString();
      const key = phoneKey(from, await countyMac());
      // A message the gateway delivers again is taken once, whichever stream took it: its id keys a record
      // written with the reply (on the case it rated, or in the inbox).
      const sms = body.messageId === undefined ? request : { ...request, idempotencyKey: scopedKey(request.caller, request.route, `sms-message:${body.messageId}`) };
      const earlier = await earlierAnswer<Reply<z.input<typeof SmsResult>>>(rt.events, idempotencyOf(sms));
      if (earlier) return earlier;
      const awaiting = (await rt.views.docs(smsAwaiting, smsPartition(key))).map((i) => i.doc.caseId).reverse();
      const reviewId = body.messageId === undefined ? ulid(Date.parse(request.now)) : `sms-${body.messageId}`;
      for (const caseId of awaiting) {
        try {
          return await onCase(rt, sms, caseId, () => ({ type: 'ReceiveSmsReply', data: { reviewId, text: body.text, receivedAt, messageId: body.messageId }, meta: commandMeta(request) }), () => smsReceived, { authorize: () => undefined });
        } catch (error) {
          // The view lags: this case was answered meanwhile; try the next most recent one.
          if (!(error instanceof IllegalTransition)) throw error;
        }
      }
      // No case waits for this number: keep the reply anyway, in the day's inbox (the whole number apart, for a while).
      const date = todayAt(rt, receivedAt);
      return commandReply(
        rt,
        sms,
        {
          aggregate: smsInboxAggregate,
          id: date,
          command: () => ({ type: 'KeepUnmatchedReply', data: { phoneKey: key, phoneMasked: maskPhone(from), text: body.text, receivedAt }, meta: commandMeta(request) }),
          context: undefined,
          extra: (_state, _events, version) => [keepContacts(rt, streamOf(smsInboxAggregate, date), version + 1, { from }, request.now)],
        },
        () => smsReceived,
      );
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/sms/unmatched',
    entry: ENTRY,
    operationId: 'getUnmatchedSms',
    summary: 'A day’s SMS replies from numbers no case waits on: the whole number while the county keeps it, masked after',
    query: z.strictObject({ date: LocalDateString }),
    response: { status: 200, schema: UnmatchedSms },
    access: ['callback', 'admin'],
    handle: async (request, rt) => {
      const { date } = request.query;
      const stream = streamOf(smsInboxAggregate, date);
      const [{ events }, kept] = await Promise.all([rt.events.read<Parameters<typeof smsInboxAggregate.evolve>[1]>(stream), keptContacts(rt, stream, request.now)]);
      const replies = events.map(({ event, version }) => ({ receivedAt: event.data.receivedAt, text: event.data.text, phone: kept.get(version)?.from ?? event.data.phoneMasked }));
      return { body: { date, replies } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/stats/satisfaction',
    entry: ENTRY,
    operationId: 'getSatisfaction',
    summary: 'Satisfaction rate, reviews by level, callbacks, SMS reviews, rectifications; monthly series',
    query: SatisfactionQuery,
    response: { status: 200, schema: Satisfaction },
    access: ['director', 'admin'],
    handle: async (request, rt) => ({ body: await satisfactionOf(rt, request.now, request.query.from, request.query.to, request.query) }),
  }),
];

