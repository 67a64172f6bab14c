import type { z } from 'zod';
import type { CaseState } from '../../domain/case/state.ts';
import { IllegalTransition, NotFound } from '../../domain/errors.ts';
import { callbackListPartition } from '../../domain/projections/callback-attempts.ts';
import { openRectificationsPartition, doneRectificationsPartition, type RectificationView } from '../../domain/projections/rectifications.ts';
import { satisfactionLabels, satisfactionPartition } from '../../domain/projections/satisfaction-stats.ts';
import { smsPartition } from '../../domain/projections/sms-awaiting.ts';
import { phoneKey } from '../../domain/satisfaction/sampling.ts';
import { rectificationWarnings, summarizeSatisfaction, type SatisfactionRow } from '../../domain/stats/satisfaction.ts';
import type { LocalDate } from '../../domain/time.ts';
import { assertPlace, Forbidden } from '../auth/access.ts';
import { runCaseCommand } from '../case/operations.ts';
import { csvResult, toCsv } from '../http/csv.ts';
import { commandMeta, scopedKey, type HttpRequest, type Operation } from '../http/http-handler.ts';
import type * as s from '../http/schemas.ts';
import { ulid } from '../ids.ts';
import { counterRows } from '../projections/counter-rows.ts';
import { todayAt, type Runtime } from '../runtime.ts';
import { countyMac } from '../secret.ts';
import { earlierAnswer, executeCommand, storedJson } from '../commands/execute.ts';
import { eventMetaOf } from '../../domain/meta.ts';
import { maskPhone } from '../../domain/privacy.ts';
import { smsInboxStream, type SmsReplyUnmatched } from '../../domain/satisfaction/sms-inbox.ts';
import { keepContacts, keptContacts } from '../privacy/contacts.ts';
import { buildCallbackList, callbackContactsScope, publishedList } from './callback-lists.ts';


function reviewResult(state: CaseState, reviewId: string) {
  const review = state.reviews.find((r) => r.reviewId === reviewId);
  const rectification = state.rectifications.find((r) => r.reviewId === reviewId);
  return { caseId: state.caseId, reviewId, level: review?.level ?? null, bad: review?.bad ?? false, rectificationId: rectification?.rectificationId ?? null, version: state.version };
}

const reviewCase: Operation = (request, rt) => {
  const { id } = request.params as z.infer<typeof s.CaseIdParams>;
  const body = request.body as z.infer<typeof s.ReviewBody>;
  // A window's rating device (评价器) speaks for its window's visitors only, on its own channel.
  if (request.caller.actor.role === 'rating-device' && body.channel !== 'window-device') throw new Forbidden('a rating device rates on the window-device channel');
  // The device's own id when it gives one: a resend of that rating is recorded once.
  const reviewId = body.reviewId ?? ulid(Date.parse(request.now));
  return runCaseCommand(request, rt, id, (state) => ({ type: 'ReviewCase', data: { ...body, reviewId }, meta: commandMeta(request, { windowId: state.windowId, siteId: state.siteId }) }), {
    respond: (state) => storedJson(201, reviewResult(state, reviewId), state.version),
  });
};

/** Commands the route's roles may send on any case (callback staff, the SMS gateway). */
const anyone = () => undefined;

/** The gateway learns only that the reply is kept: nothing says whether or which case it rated. */
const smsReceived = storedJson(202, { received: true });

const smsInbound: Operation = async (request, rt) => {
  const body = request.body as z.infer<typeof s.SmsInboundBody>;
  const from = body.from.replace(/^\+?86/, '');
  const receivedAt = body.receivedAt === undefined ? request.now : new Date(body.receivedAt).toISOString();
  const key = phoneKey(from, await countyMac());
  // A message the gateway delivers again is taken once, whichever stream took it: its id keys a record
  // written with the reply (on the case it rated, or in the inbox).
  const command = body.messageId === undefined ? request : { ...request, idempotencyKey: scopedKey(request.caller, request.route, `sms-message:${body.messageId}`) };
  const earlier = await earlierAnswer(rt.events, command);
  if (earlier) return earlier;
  const awaiting = (await rt.views.partition<{ doc: { caseId: string } }>(smsPartition(key))).map((i) => i.doc.caseId).reverse();
  const reviewId = body.messageId === undefined ? ulid(Date.parse(request.now)) : `sms-${body.messageId}`;
  for (const caseId of awaiting) {
    try {
      return await runCaseCommand(command, rt, caseId, () => ({ type: 'ReceiveSmsReply', data: { reviewId, text: body.text, receivedAt, messageId: body.messageId }, meta: commandMeta(request) }), {
        authorize: anyone,
        respond: () => smsReceived,
      });
    } catch (error) {
      // The view lags: this case was answered meanwhile; try the next most recent one.
      if (!(error instanceof IllegalTransition)) throw error;
    }
  }
  // No case waits for this number: keep the reply anyway, in the day's inbox stream (the whole number apart, for a while).
  const date = todayAt(rt, receivedAt);
  await executeCommand<SmsReplyUnmatched>(
    rt.events,
    {
      stream: smsInboxStream(date),
      decide: () => [{ type: 'SmsReplyUnmatched', data: { phoneKey: key, phoneMasked: maskPhone(from), text: body.text, receivedAt }, meta: eventMetaOf(commandMeta(request)) }],
      extra: (history) => [keepContacts(rt, smsInboxStream(date), (history.at(-1)?.version ?? 0) + 1, { from }, request.now)],
      respond: () => smsReceived,
    },
    command,
  );
  return smsReceived;
};

/** A day's replies from unknown numbers, oldest first: the sender's whole number while the county keeps it, masked after. */
const getUnmatchedSms: Operation = async (request, rt) => {
  const { date } = request.query as z.infer<typeof s.DateQuery>;
  const [{ events }, kept] = await Promise.all([rt.events.read<SmsReplyUnmatched>(smsInboxStream(date)), keptContacts(rt, smsInboxStream(date), request.now)]);
  const replies = events.map(({ event, version }) => ({ receivedAt: event.data.receivedAt, text: event.data.text, phone: kept.get(version)?.from ?? event.data.phoneMasked }));
  return { statusCode: 200, body: { date, replies } };
};

const getCallbacks: Operation = async (request, rt) => {
  const query = request.query as z.infer<typeof s.CallbacksQuery>;
  // One read of the day's partition (the list's view and its cases' attempts), and the numbers still kept.
  const [items, kept] = await Promise.all([rt.views.partition<{ sk: string; doc: unknown }>(callbackListPartition(query.date), { generation: await rt.views.generation() }), keptContacts(rt, callbackContactsScope(query.date), request.now)]);
  const phones = kept.get(0) ?? {};
  const view = items.find((i) => i.sk === 'list') as { doc: Awaited<ReturnType<typeof publishedList>> } | undefined;
  const list = view?.doc ?? (await publishedList(rt, query.date));
  if (!list) throw new NotFound(`no callback list for ${query.date}`);
  const attempts = new Map(
    (items.filter((i) => i.sk.startsWith('attempts#')) as { doc: { caseId: string; attempts: CaseState['callback']['attempts'] } }[]).map((i) => [i.doc.caseId, i.doc.attempts]),
  );
  const staff = query.staff === 'me' ? request.caller.actor.id : query.staff;
  // Whole numbers while the county keeps them, masked ones after.
  const entries = list.entries.filter((e) => staff === undefined || e.staffId === staff).map(({ phoneMasked, ...e }) => ({ ...e, phone: phones[e.caseId] ?? phoneMasked, attempts: attempts.get(e.caseId) ?? [] }));
  if (query.format === 'json') return { statusCode: 200, body: { ...list, entries } };
  const reasonNames = { 'bad-review': '差评回访', retry: '未接通重拨', sample: '抽样回访' } as const;
  const windowName = (id: string) => rt.county.window(id)?.name ?? id;
  const csv = toCsv(
    ['序号', '办件编号', '回访原因', '回访截止', '事项名称', '窗口', '办结日期', '联系电话', '已拨打次数', '本次拨打', '回访人员'],
    entries.map((e, i) => [i + 1, e.caseNo, reasonNames[e.reason], e.due, e.itemName, windowName(e.windowId), e.completedDate, e.phone, e.earlierAttempts.length, e.attempts.map((a) => a.outcome).join(' '), e.staffId]),
  );
  return csvResult(`callbacks-${rt.county.county.key}-${query.date}${staff ? `-${staff}` : ''}.csv`, csv);
};

const buildList: Operation = async (request, rt) => {
  const { date } = request.params as z.infer<typeof s.DateParams>;
  const body = request.body as z.infer<typeof s.BuildCallbackListBody>;
  const { created, list } = await buildCallbackList(rt, date, commandMeta(request), body.staff);
  const byStaff: Record<string, number> = {};
  for (const e of list.entries) byStaff[e.staffId ?? 'unassigned'] = (byStaff[e.staffId ?? 'unassigned'] ?? 0) + 1;
  return { statusCode: created ? 201 : 200, body: { date, created, entries: list.entries.length, byStaff, skipped: list.skipped } };
};

const recordAttempt: Operation = async (request, rt) => {
  const { caseId } = request.params as z.infer<typeof s.CaseIdOnly>;
  const body = request.body as z.infer<typeof s.CallbackAttemptBody>;
  const date = todayAt(rt, request.now);
  const list = await publishedList(rt, date);
  const entry = list?.entries.find((e) => e.caseId === caseId);
  const attemptId = body.attemptId ?? ulid(Date.parse(request.now));
  const reviewId = `callback-${attemptId}`;
  return runCaseCommand(request, rt, caseId, () => ({ type: 'RecordCallbackAttempt', data: { ...body, attemptId, reviewId }, meta: commandMeta(request) }), {
    authorize: anyone,
    context: { callbackList: entry ? { date } : undefined },
    respond: (state) => {
      // This attempt, whether recorded now or by an earlier send of it.
      const index = state.callback.attemptIds.indexOf(attemptId);
      return storedJson(201, { caseId, attempt: index + 1, outcome: state.callback.attempts[index]?.outcome ?? body.outcome, settled: state.callback.settled, reviewId: state.reviews.some((r) => r.reviewId === reviewId) ? reviewId : null, version: state.version });
    },
  });
};

type CaseCommandBuilder = Parameters<typeof runCaseCommand>[3];

/** One step of the bad-review loop, on the case the rectification belongs to (its id names the case). */
function rectificationStep(build: (request: HttpRequest, rectificationId: string) => CaseCommandBuilder, placeBound: boolean): Operation {
  return (request, rt) => {
    const { id } = request.params as z.infer<typeof s.RectificationIdParams>;
    const caseId = id.slice(0, id.lastIndexOf('-R'));
    return runCaseCommand(
      request,
      rt,
      caseId,
      (state) => build(request, id)(state),
      {
        authorize: (state) => {
          const r = state.rectifications.find((x) => x.rectificationId === id);
          // A clerk answers for their own window's rectifications only.
          if (placeBound && r) assertPlace(request.caller, { windowId: r.windowId }, `rectification ${id}`);
        },
        respond: (state) => {
          const r = state.rectifications.find((x) => x.rectificationId === id)!;
          return storedJson(200, { ...toView(r, state), warnings: rectificationWarnings(r, todayAt(rt, request.now)) }, state.version);
        },
      },
    );
  };
}

const toView = (r: CaseState['rectifications'][number], state: CaseState): RectificationView => ({ ...r, caseId: state.caseId, caseNo: state.caseNo, itemName: state.item.name });
const meta = (request: HttpRequest) => commandMeta(request);

const listRectifications: Operation = async (request, rt) => {
  const query = request.query as z.infer<typeof s.RectificationsQuery>;
  let windowId = query.windowId;
  if (request.caller.actor.role === 'clerk') {
    if (request.caller.windowId === null) throw new Forbidden('a clerk without a window has no rectifications');
    if (windowId !== undefined && windowId !== request.caller.windowId) assertPlace(request.caller, { windowId }, `window ${windowId}’s rectifications`);
    windowId = request.caller.windowId;
  }
  const date = todayAt(rt, request.now);
  const partitions = query.status === undefined || query.status === 'open' || !['closed', 'voided'].includes(query.status) ? [openRectificationsPartition] : [];
  if (query.status === undefined || query.status === 'closed' || query.status === 'voided') partitions.push(doneRectificationsPartition(query.month ?? date.slice(0, 7)));
  const docs = (await Promise.all(partitions.map((p) => rt.views.partition<{ doc: RectificationView }>(p)))).flat().map((i) => i.doc);
  const selected = docs.filter((r) => (windowId === undefined || r.windowId === windowId) && (query.status === undefined || query.status === 'open' || r.status === query.status));
  return { statusCode: 200, body: selected.map((r) => ({ ...r, warnings: rectificationWarnings(r, date) })) };
};

export const satisfactionRows = (rt: Runtime, from: LocalDate, to: LocalDate): Promise<SatisfactionRow[]> => counterRows(rt.views, satisfactionPartition, satisfactionLabels, from, to);

export async function satisfactionOf(rt: Runtime, request: { now: string }, from: LocalDate, to: LocalDate, filter: Parameters<typeof summarizeSatisfaction>[6]) {
  const [rows, open] = await Promise.all([satisfactionRows(rt, from, to), rt.views.partition<{ doc: RectificationView }>(openRectificationsPartition)]);
  return summarizeSatisfaction(
    rows,
    open.map((i) => i.doc),
    rt.county,
    from,
    to,
    todayAt(rt, request.now),
    filter,
  );
}

const getSatisfaction: Operation = async (request, rt) => {
  const query = request.query as z.infer<typeof s.SatisfactionQuery>;
  return { statusCode: 200, body: await satisfactionOf(rt, request, query.from, query.to, query) };
};

export const satisfactionOperations: Record<string, Operation> = {
  reviewCase,
  smsInbound,
  getUnmatchedSms,
  getCallbacks,
  buildCallbackList: buildList,
  recordCallbackAttempt: recordAttempt,
  listRectifications,
  verifyRectification: rectificationStep((request, rectificationId) => () => ({ type: 'VerifyRectification', data: { rectificationId, ...(request.body as z.infer<typeof s.VerifyBody>) }, meta: meta(request) }), false),
  resolveRectification: rectificationStep((request, rectificationId) => () => ({ type: 'ResolveRectification', data: { rectificationId, ...(request.body as z.infer<typeof s.ResolveBody>) }, meta: meta(request) }), true),
  appealRectification: rectificationStep((request, rectificationId) => () => ({ type: 'AppealRectification', data: { rectificationId, ...(request.body as z.infer<typeof s.AppealBody>) }, meta: meta(request) }), true),
  recheckRectification: rectificationStep((request, rectificationId) => () => ({ type: 'RecheckRectification', data: { rectificationId, ...(request.body as z.infer<typeof s.RecheckBody>) }, meta: meta(request) }), false),
  followUpRectification: rectificationStep((request, rectificationId) => () => ({ type: 'FollowUpRectification', data: { rectificationId, ...(request.body as z.infer<typeof s.FollowUpBody>) }, meta: meta(request) }), false),
  closeRectification: rectificationStep((request, rectificationId) => () => ({ type: 'CloseRectification', data: { rectificationId, ...(request.body as z.infer<typeof s.CloseBody>) }, meta: meta(request) }), false),
  getSatisfaction,
};
