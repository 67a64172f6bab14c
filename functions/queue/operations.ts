import { setTimeout as sleep } from 'node:timers/promises';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { IllegalTransition, InvalidInput, NotFound, RuleViolation } from '../../domain/errors.ts';
import type { CommandMeta, EventMeta } from '../../domain/meta.ts';
import { boardPartition, queueStatsLabels, queueStatsPartition } from '../../domain/projections/ticket-views.ts';
import { CLASS_SPAN, decideTicket, evolveTicket, rank, waitingOrder, type TicketCommand, type TicketEvent, type TicketState, type Waiting } from '../../domain/queue/ticket.ts';
import { summarizeQueue, type QueueRow } from '../../domain/stats/queue.ts';
import { eventMetaOf } from '../../domain/meta.ts';
import { localDateOf, type LocalDate } from '../../domain/time.ts';
import { assertPlace } from '../auth/access.ts';
import { executeCommand } from '../commands/execute.ts';
import { ServiceUnavailable } from '../http/errors.ts';
import { commandMeta, type HttpRequest, type Operation } from '../http/http-handler.ts';
import type * as s from '../http/schemas.ts';
import { ulid } from '../ids.ts';
import { countersOf } from '../projections/projector.ts';
import type { Runtime } from '../runtime.ts';
import { ConcurrencyError } from '../../domain/errors.ts';
import { IdempotencyReplay, type StoredResponse, type TransactItem } from '../store/dynamo-event-store.ts';
import { IdempotencyKeyReused } from '../http/errors.ts';
import { eventsTable, streams } from '../tables.ts';

/**
 * The waiting index: for each day and category (or one window a ticket was sent to), the tickets
 * waiting, ordered by the calling rule. It lives in the Events table beside the tickets' streams and
 * is written in the same transactions as their events, so it is as consistent as they are: a call
 * deletes the ticket's entry on the condition that it is still there — two windows can never get
 * the same ticket.
 */
export const ticketStream = (ticketId: string) => `ticket#${ticketId}`;
export const waitingStream = (date: LocalDate, partition: string) => `waiting#${date}#${partition}`;
const windowPartition = (windowId: string) => `window:${windowId}`;
const windowDayStream = (date: LocalDate, windowId: string) => `window-day#${date}#${windowId}`;

interface WaitingItem extends Waiting {
  stream: string;
  version: number;
  ticketVersion: number;
  number: string;
  category: string;
  forWindowId: string | null;
  /** Set on a ticket waiting again after a transfer: its next call is not its first. */
  firstCalledAt: string | null;
}

const today = (now: string, rt: Runtime) => localDateOf(now, rt.county.county.timeZone);

function waitingPut(rt: Runtime, date: LocalDate, t: TicketState, version: number): TransactItem {
  const w: Waiting = { ticketId: t.ticketId, numberCategory: t.number.slice(0, 1), appointmentAt: t.appointmentAt, priority: t.priority, issuedAt: t.issuedAt, sequence: Number(t.number.slice(1)) };
  const item: WaitingItem = { ...w, stream: waitingStream(date, t.forWindowId !== null ? windowPartition(t.forWindowId) : t.category), version: waitingOrder(w), ticketVersion: version, number: t.number, category: t.category, forWindowId: t.forWindowId, firstCalledAt: t.firstCalledAt };
  return { Put: { TableName: rt.tables.events, Item: { ...item, kind: 'waiting' }, ConditionExpression: 'attribute_not_exists(#v)', ExpressionAttributeNames: { '#v': eventsTable.sortKey } } };
}

async function waiting(rt: Runtime, date: LocalDate, partition: string, range?: { below?: number; from?: number; limit: number }): Promise<WaitingItem[]> {
  const items: WaitingItem[] = [];
  let start: Record<string, unknown> | undefined;
  const bounded = range !== undefined;
  do {
    const page = await rt.db.send(
      new QueryCommand({
        TableName: rt.tables.events,
        KeyConditionExpression: bounded ? '#s = :s AND #v BETWEEN :from AND :to' : '#s = :s',
        ExpressionAttributeNames: { '#s': eventsTable.partitionKey, ...(bounded ? { '#v': eventsTable.sortKey } : {}) },
        ExpressionAttributeValues: { ':s': waitingStream(date, partition), ...(bounded ? { ':from': range.from ?? 0, ':to': range.below ?? Number.MAX_SAFE_INTEGER } : {}) },
        ConsistentRead: true,
        ExclusiveStartKey: start,
        ...(bounded ? { Limit: range.limit } : {}),
      }),
    );
    items.push(...((page.Items ?? []) as WaitingItem[]));
    start = bounded ? undefined : page.LastEvaluatedKey;
  } while (start);
  return items;
}

/**
 * The head of a partition for calling: appointments already due, and the first of the others. One
 * Query from the start of the partition finds both (appointments sort first, by the time they are
 * due); a second is needed only when appointments fill the whole page.
 */
async function callable(rt: Runtime, date: LocalDate, partition: string, now: string): Promise<WaitingItem[]> {
  const head = await waiting(rt, date, partition, { from: 0, limit: HEAD });
  const isAppointment = (w: WaitingItem) => w.version < OTHERS_FROM;
  const due = head.filter((w) => isAppointment(w) && w.appointmentAt !== null && w.appointmentAt <= now);
  const others = head.length === HEAD && head.every(isAppointment) ? await waiting(rt, date, partition, { from: OTHERS_FROM, limit: HEAD }) : head.filter((w) => !isAppointment(w));
  return [...due, ...others];
}
/** Where tickets without an appointment start in a partition's order. */
const OTHERS_FROM = CLASS_SPAN;
const HEAD = 20;

/** The categories a window serves today: the county file's, unless changed for the day. Cached briefly per process. */
const categoriesCache = new Map<string, { at: number; categories: string[] }>();
async function windowCategories(rt: Runtime, windowId: string, date: LocalDate): Promise<string[]> {
  const key = `${date}#${windowId}`;
  const cached = categoriesCache.get(key);
  if (cached && Date.now() - cached.at < 5_000) return cached.categories;
  const { events } = await rt.events.read<{ type: string; data: { categories: string[] }; meta: EventMeta }>(windowDayStream(date, windowId));
  const categories = events.at(-1)?.event.data.categories ?? rt.county.county.queue.categories.filter((c) => c.windowIds.includes(windowId)).map((c) => c.code);
  categoriesCache.set(key, { at: Date.now(), categories });
  return categories;
}

function ticketBody(t: TicketState) {
  return { ticketId: t.ticketId, number: t.number, category: t.category, status: t.status, windowId: t.windowId, forWindowId: t.forWindowId, priority: t.priority, issuedAt: t.issuedAt, calledAt: t.calledAt, startedAt: t.startedAt, finishedAt: t.finishedAt, recalls: t.recalls, transfers: t.transfers, caseIds: t.caseIds, version: t.version };
}

const json = (statusCode: number, body: unknown, version?: number): StoredResponse => ({ statusCode, headers: version === undefined ? {} : { etag: `"${version}"` }, body: JSON.stringify(body) });

function checkCategory(rt: Runtime, category: string, path: string) {
  if (!rt.county.county.queue.categories.some((c) => c.code === category)) throw new InvalidInput('Unknown ticket category', [{ path, message: `no category ${category}` }]);
}

async function averageServiceMinutes(rt: Runtime, date: LocalDate, category: string): Promise<number> {
  const rows = await rt.views.partition<Record<string, unknown>>(queueStatsPartition(date), { from: `${date}#`, to: `${date}#\uffff` });
  let seconds = 0;
  let served = 0;
  for (const row of rows) {
    if (!String(row.sk).endsWith(`#${category}`)) continue;
    const c = countersOf(row);
    seconds += c.serviceSeconds ?? 0;
    served += c.served ?? 0;
  }
  return served === 0 ? rt.county.county.queue.defaultServiceMinutes : seconds / served / 60;
}

/** The stored answer to a command sent again with its Idempotency-Key (before anything is drawn or read). */
async function replayOf(request: HttpRequest, rt: Runtime): Promise<StoredResponse | undefined> {
  if (request.idempotencyKey === undefined) return undefined;
  const earlier = await rt.events.idempotencyRecord(request.idempotencyKey);
  if (earlier && earlier.fingerprint !== request.fingerprint) throw new IdempotencyKeyReused(request.idempotencyKey);
  return earlier?.response;
}

const issueTicket: Operation = async (request, rt) => {
  const body = request.body as z.infer<typeof s.IssueTicketBody>;
  checkCategory(rt, body.category, 'body.category');
  // A kiosk resending after a timeout gets its slip again, without drawing another number.
  const earlier = await replayOf(request, rt);
  if (earlier) return earlier;
  const date = today(request.now, rt);
  const appointmentAt = body.appointmentAt === undefined ? null : new Date(body.appointmentAt).toISOString();
  if (appointmentAt !== null && today(appointmentAt, rt) !== date) throw new InvalidInput('Appointment not today', [{ path: 'body.appointmentAt', message: `tickets are for today (${date}); the appointment is on ${today(appointmentAt, rt)}` }]);
  const ticketId = ulid(Date.parse(request.now));
  const sequence = await rt.events.nextSequence(`ticket#${date}#${body.category}`);
  const number = `${body.category}${String(sequence).padStart(3, '0')}`;
  const issued: TicketEvent = {
    type: 'TicketIssued',
    data: { ticketId, number, category: body.category, date, priority: body.priority ?? 'normal', source: body.appointmentId !== undefined ? 'appointment' : (body.source ?? 'kiosk'), appointmentId: body.appointmentId ?? null, appointmentAt, issuedAt: request.now },
    meta: eventMetaOf(commandMeta(request)),
  };
  const state = evolveTicket(undefined, issued);
  // What the visitor sees on the slip: how many wait ahead, and a wait estimated from today's service times.
  const self: Waiting = { ticketId, numberCategory: body.category, appointmentAt, priority: state.priority, issuedAt: request.now, sequence };
  const ranked = rank([...(await waiting(rt, date, body.category)), self], request.now);
  const position = ranked.findIndex((w) => w.ticketId === ticketId);
  const ahead = position === -1 ? ranked.length : position;
  const serving = rt.county.county.queue.categories.find((c) => c.code === body.category)!.windowIds.length;
  const estimatedWaitMinutes = Math.ceil((ahead * (await averageServiceMinutes(rt, date, body.category))) / Math.max(1, serving));
  return executeCommand<TicketEvent>(
    rt.events,
    {
      stream: ticketStream(ticketId),
      fresh: true,
      decide: () => [issued],
      extra: () => [waitingPut(rt, date, state, 1)],
      respond: () => json(201, { ticketId, number, category: body.category, ahead, estimatedWaitMinutes }, 1),
    },
    request,
  );
};

/** How long a call keeps trying after losing tickets to other windows (the function's timeout is 10 s), and how long it steps back. */
const CALL_BUDGET_MS = 5_000;
const BACKOFF_MS = 40;
const MAX_CONFLICT_RETRIES = 3;

const callNext: Operation = async (request, rt) => {
  const { id: windowId } = request.params as z.infer<typeof s.WindowParams>;
  if (!rt.county.window(windowId)) throw new NotFound(`no window ${windowId}`);
  assertPlace(request.caller, { windowId }, `window ${windowId}`);
  // A terminal retrying a call it lost the answer to gets the same ticket, whatever changed since.
  const earlier = await replayOf(request, rt);
  if (earlier) return earlier;
  const date = today(request.now, rt);
  const categories = await windowCategories(rt, windowId, date);
  const key = request.idempotencyKey;
  const meta = commandMeta(request, { windowId, siteId: rt.county.window(windowId)!.siteId });
  // The window's categories, and the tickets sent to this window in person.
  const partitions = [...categories, windowPartition(windowId)];
  const deadline = Date.now() + CALL_BUDGET_MS;
  for (let round = 0; Date.now() < deadline; round++) {
    const ranked = rank((await Promise.all(partitions.map((p) => callable(rt, date, p, request.now)))).flat(), request.now);
    if (ranked.length === 0 && categories.length === 0) throw new RuleViolation(`Window ${windowId} serves no ticket category today`, { windowId });
    if (ranked.length === 0) return { statusCode: 204, body: '' };
    // Strictly the head of the queue: a window moves on only once another window has taken it, so
    // whatever several windows call at one moment is the head of the queue, in the rule's order.
    const candidate = ranked[0]!;
    // The index entry carries all that deciding a call needs: no read of the ticket's stream.
    const events = decideTicket({ type: 'CallTicket', data: { windowId }, meta }, { status: 'waiting', forWindowId: candidate.forWindowId, number: candidate.number, firstCalledAt: candidate.firstCalledAt ?? null } as TicketState);
    const response = json(200, { ticketId: candidate.ticketId, number: candidate.number, category: candidate.category, windowId }, candidate.ticketVersion + 1);
    for (let attempt = 0; ; attempt++) {
      try {
        await rt.events.append(ticketStream(candidate.ticketId), candidate.ticketVersion, events, key === undefined ? undefined : { key, fingerprint: request.fingerprint, response }, [
          { Delete: { TableName: rt.tables.events, Key: { [eventsTable.partitionKey]: candidate.stream, [eventsTable.sortKey]: candidate.version }, ConditionExpression: 'attribute_exists(#v)', ExpressionAttributeNames: { '#v': eventsTable.sortKey } } },
        ]);
        return response;
      } catch (error) {
        if (error instanceof IdempotencyReplay) {
          if (error.record.fingerprint !== request.fingerprint) throw new IdempotencyKeyReused(error.record.key);
          return error.record.response;
        }
        if (!(error instanceof ConcurrencyError)) throw error;
        // Two calls at the same instant on one ticket: neither was decided, so try it again.
        if (!error.transient || attempt >= MAX_CONFLICT_RETRIES) break;
        await sleep(2 + Math.random() * 10 * (attempt + 1));
      }
    }
    // Another window took it. Windows that lost the same ticket would all go for the next one together
    // and mostly lose again: each steps back a random moment (a little longer after the first losses)
    // and looks again, so they take the next tickets one after another instead of colliding on each.
    await sleep(Math.random() * BACKOFF_MS * Math.min(round + 1, 3));
  }
  throw new ServiceUnavailable('Too many windows called at once; call again', 1);
};

/**
 * One step on a ticket, by the window holding it: its own clerk, an administrator, or a clerk of its
 * site. A clerk of another window gets 403.
 */
function ticketStep(build: (request: HttpRequest, windowId: string, rt: Runtime) => TicketCommand): Operation {
  return async (request, rt) => {
    const { id } = request.params as z.infer<typeof s.TicketParams>;
    return executeCommand<TicketEvent>(
      rt.events,
      {
        stream: ticketStream(id),
        notFound: () => new NotFound(`no ticket ${id}`),
        decide: (history) => {
          const state = history.reduce<TicketState | undefined>((st, e) => evolveTicket(st, e.event), undefined)!;
          // The window holding the ticket acts; a ticket nobody holds can take no step (409 below).
          const windowId = state.windowId ?? request.caller.windowId;
          if (windowId === null) throw new IllegalTransition(`ticket ${state.number} is ${state.status}: no window holds it`);
          assertPlace(request.caller, { windowId, siteIds: [rt.county.window(windowId)?.siteId ?? null] }, `window ${windowId}`);
          return decideTicket(build(request, windowId, rt), state);
        },
        respond: (events, version) => json(200, ticketBody(events.reduce<TicketState | undefined>((st, e) => evolveTicket(st, e), undefined)!), version),
        extra: (history, events) => {
          // A transferred ticket waits again, in the place its issue time gives it.
          const after = [...history.map((h) => h.event), ...events].reduce<TicketState | undefined>((st, e) => evolveTicket(st, e), undefined)!;
          return events.some((e) => e.type === 'TicketTransferred') ? [waitingPut(rt, after.date, after, after.version)] : [];
        },
      },
      request,
    );
  };
}

const noShowMinutes = (rt: Runtime) => rt.county.county.queue.noShowMinutes;
const m = (request: HttpRequest, windowId: string, rt: Runtime): CommandMeta => commandMeta(request, { windowId, siteId: rt.county.window(windowId)?.siteId ?? null });

export const queueOperations: Record<string, Operation> = {
  listTicketCategories: (_request, rt) => ({ statusCode: 200, body: rt.county.county.queue.categories }),
  issueTicket,
  callNext,
  recallTicket: ticketStep((r, w, rt) => ({ type: 'RecallTicket', data: { windowId: w }, meta: m(r, w, rt) })),
  noShowTicket: ticketStep((r, w, rt) => ({ type: 'MarkNoShow', data: { windowId: w, noShowMinutes: noShowMinutes(rt) }, meta: m(r, w, rt) })),
  transferTicket: ticketStep((r, w, rt) => {
    const body = r.body as z.infer<typeof s.TransferTicketBody>;
    if (body.category !== undefined) checkCategory(rt, body.category, 'body.category');
    if (body.windowId !== undefined) {
      // A visitor can be sent to another window of the same hall, not to another site.
      const to = rt.county.window(body.windowId);
      if (!to) throw new InvalidInput('Unknown window', [{ path: 'body.windowId', message: `no window ${body.windowId}` }]);
      if (to.siteId !== rt.county.window(w)?.siteId) throw new InvalidInput('Window in another hall', [{ path: 'body.windowId', message: `${body.windowId} is not at the site of ${w}` }]);
    }
    return { type: 'TransferTicket', data: { windowId: w, toCategory: body.category, toWindowId: body.windowId }, meta: m(r, w, rt) };
  }),
  startTicket: ticketStep((r, w, rt) => ({ type: 'StartService', data: { windowId: w }, meta: m(r, w, rt) })),
  finishTicket: async (request, rt) => {
    // The visit links only to cases that exist.
    const given = (request.body as z.infer<typeof s.FinishTicketBody>).caseIds ?? [];
    const found = await Promise.all(given.map(async (id) => (await rt.db.send(new GetCommand({ TableName: rt.tables.events, Key: { [eventsTable.partitionKey]: streams.case(id), [eventsTable.sortKey]: 1 }, ConsistentRead: true, ProjectionExpression: '#v', ExpressionAttributeNames: { '#v': eventsTable.sortKey } }))).Item !== undefined));
    const missing = given.flatMap((id, i) => (found[i] ? [] : [{ path: `body.caseIds.${i}`, message: `no case ${id}` }]));
    if (missing.length > 0) throw new InvalidInput('Unknown case', missing);
    return ticketStep((r, w) => ({ type: 'FinishService', data: { windowId: w, caseIds: [...new Set(given)] }, meta: m(r, w, rt) }))(request, rt);
  },

  setWindowCategories: async (request, rt) => {
    const { id: windowId } = request.params as z.infer<typeof s.WindowParams>;
    const body = request.body as z.infer<typeof s.WindowCategoriesBody>;
    if (!rt.county.window(windowId)) throw new NotFound(`no window ${windowId}`);
    assertPlace(request.caller, { windowId }, `window ${windowId}`);
    body.categories.forEach((c, i) => checkCategory(rt, c, `body.categories.${i}`));
    const date = today(request.now, rt);
    const stream = windowDayStream(date, windowId);
    const categories = [...new Set(body.categories)];
    return executeCommand(
      rt.events,
      {
        stream,
        decide: () => [{ type: 'WindowCategoriesSet', data: { windowId, date, categories }, meta: eventMetaOf(commandMeta(request)) }],
        respond: () => {
          categoriesCache.delete(`${date}#${windowId}`);
          return json(200, { windowId, date, categories });
        },
      },
      request,
    );
  },

  getQueue: async (request, rt) => {
    const query = request.query as z.infer<typeof s.QueueQuery>;
    if (query.category !== undefined) checkCategory(rt, query.category, 'query.category');
    if (query.windowId !== undefined && !rt.county.window(query.windowId)) throw new InvalidInput('Unknown window', [{ path: 'query.windowId', message: `no window ${query.windowId}` }]);
    const date = today(request.now, rt);
    const all = await waiting(rt, date, query.category ?? windowPartition(query.windowId!));
    const ranked = rank(all, request.now);
    // Appointments not yet due wait behind everyone callable now.
    const future = all.filter((w) => !ranked.some((r) => r.ticketId === w.ticketId));
    return {
      statusCode: 200,
      body: {
        category: query.category ?? null,
        windowId: query.windowId ?? null,
        date,
        waiting: ranked.length,
        entries: [...ranked, ...future].map((w, i) => ({
          ticketId: w.ticketId,
          number: w.number,
          priority: w.priority,
          appointmentAt: w.appointmentAt,
          issuedAt: w.issuedAt,
          ahead: i < ranked.length ? i : ranked.length,
          waitingMinutes: Math.max(0, Math.floor((Date.parse(request.now) - Date.parse(w.issuedAt)) / 60_000)),
        })),
      },
    };
  },

  getHallBoard: async (request, rt) => {
    const date = today(request.now, rt);
    // The screen polls: read only the last calls, not the whole day's.
    const items = await rt.views.partition<{ doc: { number: string; category: string; windowId: string; at: string; recall: boolean } }>(boardPartition(date), { newest: 20 });
    const calls = items.map((i) => i.doc);
    const windowName = (id: string) => rt.county.window(id)?.name ?? id;
    return { statusCode: 200, body: { date, calls: calls.map((c) => ({ ...c, windowName: windowName(c.windowId) })) } };
  },

  getQueueStats: async (request, rt) => {
    const query = request.query as z.infer<typeof s.QueueStatsQuery>;
    return { statusCode: 200, body: { from: query.from, to: query.to, ...summarizeQueue(await queueRows(rt, query.from, query.to), query) } };
  },
};

export async function queueRows(rt: Runtime, from: LocalDate, to: LocalDate): Promise<QueueRow[]> {
  const generation = await rt.views.generation();
  const months: string[] = [];
  for (let mth = from.slice(0, 7); mth <= to.slice(0, 7); ) {
    months.push(mth);
    const [y, mm] = mth.split('-').map(Number) as [number, number];
    mth = mm === 12 ? `${y + 1}-01` : `${y}-${String(mm + 1).padStart(2, '0')}`;
  }
  const pages = await Promise.all(months.map((mth) => rt.views.partition<Record<string, unknown>>(queueStatsPartition(`${mth}-01`), { from: `${from}#`, to: `${to}#\uffff`, generation })));
  return pages.flat().map((item) => ({ ...queueStatsLabels({ pk: '', sk: String(item.sk) }), counters: countersOf(item) }));
}
