import { timingSafeEqual } from 'node:crypto';
import * as z from 'zod/mini';
import { caseAggregate } from '../../domain/case/aggregate.ts';
import { caseNoPattern } from '../../domain/case/case-number.ts';
import type { CaseCommand } from '../../domain/case/commands.ts';
import { decisions, deliveryMethods } from '../../domain/case/events.ts';
import { caseStatuses, type CaseState } from '../../domain/case/state.ts';
import type { CountyIndex } from '../../domain/county.ts';
import { fold } from '../../domain/decider.ts';
import { IllegalTransition, NotFound } from '../../domain/errors.ts';
import type { CommandMeta } from '../../domain/meta.ts';
import { caseNoKey, caseNumbers } from '../../domain/projections/case-numbers.ts';
import { levels } from '../../domain/reviews/levels.ts';
import { isLocalDate } from '../../domain/time.ts';
import { caseContext, caseOf } from '../case/run.ts';
import { commandReply } from '../http/command-reply.ts';
import { HttpError } from '../http/errors.ts';
import { scopedKey } from '../http/request-meta.ts';
import { defineRoute, type Request } from '../http/route.ts';
import { LocalDateString, named, Nullable, Text } from '../http/schemas.ts';
import type { Runtime } from '../runtime.ts';
import { countyMac } from '../secret.ts';
import { countLookup } from './metrics.ts';
import { progressOf } from './progress.ts';
import { TokenBuckets } from './rate-limit.ts';
import { openRatingToken, ratingReviewId, type RatingLink } from './rating-token.ts';

/**
 * The citizens' side without sign-in: the progress lookup (办件进度查询) by case number and a code,
 * and rating a case from the link of the rating invitation (扫码/短信评价). Nothing here names anyone.
 */

const ENTRY = 'public' as const;

const CaseNo = z.string().check(
  z.regex(caseNoPattern, 'a case number as the receipt prints it, e.g. 331022-20261102-00042'),
  z.refine((caseNo) => isLocalDate(`${caseNo.slice(7, 11)}-${caseNo.slice(11, 13)}-${caseNo.slice(13, 15)}`), 'the case number’s date is no date'),
);
const ProgressQuery = z.strictObject({
  caseNo: CaseNo,
  code: z.string().check(z.regex(/^(\d{4}|\d{6})$/, 'the last four digits of the applicant’s phone, or the six-digit query code on the receipt')),
});
const PublicProgress = named('PublicProgress', z.object({
  caseNo: z.string(),
  status: z.enum(caseStatuses),
  itemName: z.string(),
  acceptedDate: Nullable(LocalDateString),
  deadline: Nullable(LocalDateString),
  steps: z.array(z.object({ step: z.string().check(z.describe('the step as the citizen reads it: 收件, 一次性告知, 补正, 受理, 不予受理, 特别程序, 恢复, 转办/转报, 办结, 送达')), date: LocalDateString })),
  completion: Nullable(z.object({ decision: z.enum(decisions), date: LocalDateString })),
  collection: Nullable(z.object({ method: z.enum(deliveryMethods), deliveredDate: LocalDateString })),
}));

const TokenParams = z.strictObject({ token: z.string().check(z.regex(/^[A-Za-z0-9_-]{16,128}$/, 'a rating link’s token')) });
const PublicReviewLink = named('PublicReviewLink', z.object({
  itemName: z.string(),
  acceptedDate: Nullable(LocalDateString),
  completedDate: Nullable(LocalDateString),
  rated: z.boolean().check(z.describe('this link was used already, or the invitation was answered by SMS reply')),
}));
const PublicReviewBody = z.strictObject({ level: z.enum(levels), comment: z.optional(Text(200)) });
const PublicReviewResult = named('PublicReviewResult', z.object({ rated: z.literal(true), level: z.enum(levels) }));

export class TooManyRequests extends HttpError {
  constructor(retryAfterSeconds: number) {
    super(429, 'too-many-requests', 'Too many requests', `too many lookups from this address: try again in ${retryAfterSeconds} s`, { headers: { 'retry-after': String(retryAfterSeconds) } });
  }
}

export class LinkExpired extends HttpError {
  constructor() {
    super(410, 'link-expired', 'Link expired', 'this rating link has expired');
  }
}

/** One answer for an unknown case number and a wrong code: nothing tells the two apart. */
const noSuchCase = () => new NotFound('No case has that number and code');
/** A forged or altered link, and a link to a case that is not there, read the same. */
const noSuchLink = () => new NotFound('No such rating link');

/**
 * The lookups' buckets, one set per county runtime (so per function instance), on the wall clock (a
 * dev clock must not refill them). On AWS the WAF web ACL's rate-based rule on `/public/*` is the
 * limit that holds across instances; this one is what `npm start` has, and a second line behind the WAF.
 */
const buckets = new WeakMap<CountyIndex, Map<string, TokenBuckets>>();
/** The buckets of one family of public routes (the progress lookup's, the marketplace notices'): each family its own allowance. */
export function bucketsOf(rt: Runtime, family = 'progress'): TokenBuckets {
  let families = buckets.get(rt.county);
  if (!families) {
    families = new Map();
    buckets.set(rt.county, families);
  }
  let found = families.get(family);
  if (!found) {
    found = new TokenBuckets(rt.county.county.public.lookups);
    families.set(family, found);
  }
  return found;
}

async function readCaseStream(rt: Runtime, caseId: string) {
  const { events } = await rt.events.read<Parameters<typeof caseAggregate.evolve>[1]>(caseAggregate.streamPrefix + caseId);
  const list = events.map((e) => e.event);
  return { state: fold(caseAggregate, list), events: list };
}

const sameText = (a: string, b: string) => a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** The code fits the case: the last four digits of the applicant's phone, or the receipt's query code. */
function codeFits(state: CaseState, code: string): boolean {
  if (code.length === 6) return state.queryCode !== null && sameText(state.queryCode, code);
  const digits = state.applicant.phone?.replace(/\D/g, '') ?? '';
  return digits.length >= 4 && sameText(digits.slice(-4), code);
}

/** The link a token names, or 404 (forged) / 410 (expired) — checked before anything is read. */
async function linkOf(token: string, now: string): Promise<{ link: RatingLink; reviewId: string }> {
  const mac = await countyMac();
  const link = openRatingToken(mac, token, now);
  if (link === 'forged') throw noSuchLink();
  if (link === 'expired') throw new LinkExpired();
  return { link, reviewId: ratingReviewId(mac, link) };
}

/** Who a rating from the link was: nobody with an account (the applicant, through the public page). */
function linkMeta(request: Request): CommandMeta {
  return { actor: { id: 'public-rating-link', role: 'system' }, windowId: null, siteId: null, now: request.now, commandId: request.commandId, correlationId: request.correlationId };
}

export const publicRoutes = [
  defineRoute({
    method: 'GET',
    path: '/public/progress',
    entry: ENTRY,
    operationId: 'getPublicProgress',
    summary: 'Look a case up by its number and a code (办件进度查询): the last four digits of the applicant’s phone or the receipt’s query code; rate limited per client',
    query: ProgressQuery,
    response: { status: 200, schema: PublicProgress },
    access: 'public',
    handle: async (request, rt) => {
      const take = bucketsOf(rt).take(request.sourceIp);
      if (!take.allowed) {
        countLookup('limited');
        throw new TooManyRequests(take.retryAfterSeconds);
      }
      const { caseNo, code } = request.query;
      const indexed = await rt.views.doc(caseNumbers, caseNoKey(caseNo));
      // The case's own stream decides, not the view: the code is checked against the applicant as they are now.
      const found = indexed && (await readCaseStream(rt, indexed.caseId));
      if (!found?.state || found.state.caseNo !== caseNo || !codeFits(found.state, code)) {
        countLookup('not-found');
        throw noSuchCase();
      }
      countLookup('found');
      const calendar = await rt.calendars.calendar();
      return { body: progressOf(found.state, found.events, calendar, rt.county.county.timeZone) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/public/reviews/{token}',
    entry: ENTRY,
    operationId: 'getPublicReview',
    summary: 'What a rating link rates (扫码/短信评价): the item and its dates, and whether the link was used; 404 forged, 410 expired',
    params: TokenParams,
    response: { status: 200, schema: PublicReviewLink },
    access: 'public',
    handle: async (request, rt) => {
      const { link, reviewId } = await linkOf(request.params.token, request.now);
      const { state } = await readCaseStream(rt, link.caseId);
      if (!state) throw noSuchLink();
      return { body: { itemName: state.item.name, acceptedDate: state.acceptedDate, completedDate: state.completedDate, rated: state.reviews.some((r) => r.reviewId === reviewId) || state.sms?.answered === true } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/public/reviews/{token}',
    entry: ENTRY,
    operationId: 'postPublicReview',
    summary: 'Rate the case from the link (online channel), once per link: 409 when the link was used; a bad rating opens a rectification',
    params: TokenParams,
    body: PublicReviewBody,
    response: { status: 201, schema: PublicReviewResult },
    // An Idempotency-Key makes a resend (after a lost answer) get its 201 back rather than 409.
    command: true,
    access: 'public',
    handle: async (request, rt) => {
      const { link, reviewId } = await linkOf(request.params.token, request.now);
      const { level, comment } = request.body;
      const command = (state: CaseState): CaseCommand => {
        // The link's review is recorded already: the link is spent (the decider alone would take it as a resend).
        if (state.reviews.some((r) => r.reviewId === reviewId)) throw new IllegalTransition('already rated with this link');
        // The applicant answered the invitation by SMS reply: one answer per invitation.
        if (state.sms?.answered) throw new IllegalTransition('already rated by SMS reply');
        return { type: 'ReviewCase', data: { reviewId, level, channel: 'online', ...(comment === undefined ? {} : { text: comment }) }, meta: linkMeta(request) };
      };
      // A citizen has no account to scope an Idempotency-Key by (every one is "anonymous"): the link scopes it.
      const key = request.headers['idempotency-key'];
      const idempotencyKey = key === undefined ? undefined : scopedKey(request.caller, request.route, `${reviewId}\n${key}`);
      // No If-Match here: a citizen has no version to hold, and a refusal must not tell one.
      return commandReply(
        rt,
        { ...request, idempotencyKey, ifMatch: undefined },
        { aggregate: caseAggregate, id: link.caseId, mustExist: noSuchLink, command: (state) => command(caseOf({ state })), context: await caseContext(rt) },
        (result) => {
          const review = caseOf(result).reviews.find((r) => r.reviewId === reviewId);
          return { status: 201, body: { rated: true as const, level: review?.level ?? level } };
        },
      );
    },
  }),
];
