import * as z from 'zod/mini';
import { callbackReasons } from '../../domain/callback-list/assemble.ts';
import { callbackOutcomes, callbackQuestions } from '../../domain/case/events.ts';
import { NotFound } from '../../domain/errors.ts';
import { callbackAttempts, callbackListPartition } from '../../domain/projections/callback-attempts.ts';
import { callbackListView } from '../../domain/projections/callback-lists.ts';
import { levels } from '../../domain/reviews/levels.ts';
import { caseOf, onCase } from '../case/run.ts';
import { toCsv } from '../http/csv.ts';
import { versioned } from '../http/command-reply.ts';
import { commandMeta } from '../http/request-meta.ts';
import { csv, defineRoute } from '../http/route.ts';
import { CaseId, ClientId, DateParams, LocalDateString, named, Text } from '../http/schemas.ts';
import { ulid } from '../ids.ts';
import { keptContacts } from '../privacy/contacts.ts';
import { todayAt } from '../runtime.ts';
import { buildCallbackList, callbackContactsScope, publishedList } from './lists.ts';

/** Telephone callbacks (电话回访): the day's list, dealt out to the staff on duty, and each attempt. */

const CallbacksQuery = z.strictObject({ date: LocalDateString, staff: z.optional(z.string().check(z.minLength(1), z.maxLength(64))), format: z._default(z.enum(['json', 'csv']), 'json') });
const Attempt = z.object({ listDate: LocalDateString, outcome: z.enum(callbackOutcomes), attemptDate: LocalDateString });
const CallbackList = named('CallbackList', z.object({
  date: LocalDateString,
  coveredFrom: LocalDateString,
  coveredThrough: LocalDateString,
  ratio: z.number(),
  staff: z.array(z.string()),
  considered: z.int(),
  sampled: z.int(),
  skipped: z.object({ noPhone: z.int(), optedOut: z.int() }),
  entries: z.array(
    z.object({
      caseId: CaseId,
      caseNo: z.string(),
      reason: z.enum(callbackReasons),
      due: z.nullable(LocalDateString),
      windowId: z.string(),
      itemName: z.string(),
      completedDate: z.nullable(LocalDateString),
      phone: z.string().check(z.describe('whole while the county keeps it (privacy.contactRetentionDays), masked after')),
      staffId: z.nullable(z.string()),
      earlierAttempts: z.array(Attempt),
      attempts: z.array(Attempt),
    }),
  ),
}));
const CallbackListSummary = named('CallbackListSummary', z.object({ date: LocalDateString, created: z.boolean(), entries: z.int(), byStaff: z.record(z.string(), z.int()), skipped: z.object({ noPhone: z.int(), optedOut: z.int() }) }));
const CallbackAttemptBody = z.strictObject({
  attemptId: z.optional(ClientId).check(z.describe('the terminal’s id for this attempt: sent again, it is recorded once')),
  outcome: z.enum(callbackOutcomes),
  level: z.optional(z.enum(levels)),
  answers: z.optional(z.strictObject(Object.fromEntries(callbackQuestions.map((q) => [q, z.optional(z.boolean())])) as Record<(typeof callbackQuestions)[number], z.ZodMiniOptional<z.ZodMiniBoolean>>)),
  comment: z.optional(Text(1000)),
});
const AttemptResult = named('AttemptResult', z.object({ caseId: CaseId, attempt: z.int(), outcome: z.enum(callbackOutcomes), settled: z.boolean(), reviewId: z.nullable(z.string()), version: z.int() }));

const reasonNames = { 'bad-review': '差评回访', retry: '未接通重拨', sample: '抽样回访' } as const;
const outcomeNames = { reached: '已接通', 'no-answer': '无人接听', 'wrong-number': '号码错误', refused: '拒绝回访' } as const satisfies Record<(typeof callbackOutcomes)[number], string>;
const ENTRY = 'reviews' as const;

export const callbackRoutes = [
  defineRoute({
    method: 'GET',
    path: '/callbacks',
    entry: ENTRY,
    operationId: 'getCallbacks',
    summary: 'A day’s callback list with full phone numbers (staff=me for one’s own share; format=csv)',
    query: CallbacksQuery,
    response: { status: 200, schema: CallbackList },
    access: ['callback', 'admin'],
    handle: async (request, rt) => {
      const query = request.query;
      // The list's view and its cases' attempts (both in the day's partition, of one generation), and the numbers still kept.
      const generation = await rt.views.generation();
      const partition = callbackListPartition(query.date);
      const [view, attemptDocs, kept] = await Promise.all([
        rt.views.doc(callbackListView, { pk: partition, sk: 'list' }, { generation }),
        rt.views.docs(callbackAttempts, partition, { generation }),
        keptContacts(rt, callbackContactsScope(query.date), request.now),
      ]);
      const phones = kept.get(0) ?? {};
      const list = view ?? (await publishedList(rt, query.date));
      if (!list) throw new NotFound(`no callback list for ${query.date}`);
      const attempts = new Map(attemptDocs.map(({ doc }) => [doc.caseId, doc.attempts]));
      const staff = query.staff === 'me' ? request.caller.actor.id : query.staff;
      // Whole numbers while the county keeps them, masked ones after.
      const entries = list.entries.filter((e) => staff === undefined || e.staffId === staff).map(({ phoneMasked, ...e }) => ({ ...e, phone: phones[e.caseId] ?? phoneMasked, attempts: attempts.get(e.caseId) ?? [] }));
      if (query.format === 'json') return { body: { ...list, entries } };
      const windowName = (id: string) => rt.county.window(id)?.name ?? id;
      return csv(
        `callbacks-${rt.county.county.key}-${query.date}${staff ? `-${staff}` : ''}.csv`,
        toCsv(
          ['序号', '办件编号', '回访原因', '回访截止', '事项名称', '窗口', '办结日期', '联系电话', '已拨打次数', '本次拨打', '回访人员'],
          entries.map((e, i) => [i + 1, e.caseNo, reasonNames[e.reason], e.due, e.itemName, windowName(e.windowId), e.completedDate, e.phone, e.earlierAttempts.length, e.attempts.map((a) => outcomeNames[a.outcome]).join('、'), e.staffId]),
        ),
      );
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/callbacks/lists/{date}',
    entry: ENTRY,
    operationId: 'buildCallbackList',
    summary: 'Build and publish a day’s callback list (once per day; again returns it)',
    params: DateParams,
    body: z.strictObject({ staff: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(50))) }),
    response: { status: 201, schema: CallbackListSummary },
    access: ['admin'],
    handle: async (request, rt) => {
      const { date } = request.params;
      const { created, list } = await buildCallbackList(rt, date, commandMeta(request), request.body.staff);
      const byStaff: Record<string, number> = {};
      for (const e of list.entries) byStaff[e.staffId ?? 'unassigned'] = (byStaff[e.staffId ?? 'unassigned'] ?? 0) + 1;
      return { status: created ? 201 : 200, body: { date, created, entries: list.entries.length, byStaff, skipped: list.skipped } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/callbacks/{caseId}/attempts',
    entry: ENTRY,
    operationId: 'recordCallbackAttempt',
    summary: 'Record a callback attempt from today’s list',
    params: z.strictObject({ caseId: CaseId }),
    body: CallbackAttemptBody,
    response: { status: 201, schema: AttemptResult },
    command: true,
    access: ['callback', 'admin'],
    handle: async (request, rt) => {
      const { caseId } = request.params;
      const body = request.body;
      const date = todayAt(rt, request.now);
      const list = await publishedList(rt, date);
      const onList = list?.entries.some((e) => e.caseId === caseId) === true;
      const attemptId = body.attemptId ?? ulid(Date.parse(request.now));
      const reviewId = `callback-${attemptId}`;
      return onCase(
        rt,
        request,
        caseId,
        () => ({ type: 'RecordCallbackAttempt', data: { ...body, attemptId, reviewId }, meta: commandMeta(request) }),
        (result) => {
          const state = caseOf(result);
          // This attempt, whether recorded now or by an earlier send of it.
          const index = state.callback.attemptIds.indexOf(attemptId);
          return versioned({ caseId, attempt: index + 1, outcome: state.callback.attempts[index]?.outcome ?? body.outcome, settled: state.callback.settled, reviewId: state.reviews.some((r) => r.reviewId === reviewId) ? reviewId : null, version: state.version }, state.version, 201);
        },
        // Callback staff call any case on the list.
        { authorize: () => undefined, context: { callbackList: onList ? { date } : undefined } },
      );
    },
  }),
];
