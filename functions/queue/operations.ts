import { setTimeout as sleep } from 'node:timers/promises';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { z } from 'zod';
import { ConcurrencyError, IllegalTransition, InvalidInput, NotFound, RuleViolation } from '../../domain/errors.ts';
import type { CommandMeta } from '../../domain/meta.ts';
import { boardPartition, queueStatsLabels, queueStatsPartition } from '../../domain/projections/ticket-views.ts';
import { CLASS_SPAN, decideTicket, evolveTicket, foldTicket, rank, waitingOrder, type TicketCommand, type TicketEvent, type TicketState, type Waiting, type WindowCategoriesSet } from '../../domain/queue/ticket.ts';
import { summarizeQueue, type QueueRow } from '../../domain/stats/queue.ts';
import { eventMetaOf } from '../../domain/meta.ts';
import type { LocalDate } from '../../domain/time.ts';
import { assertPlace } from '../auth/access.ts';
import { earlierAnswer, executeCommand, replayed, storedJson } from '../commands/execute.ts';
import { ServiceUnavailable } from '../http/errors.ts';
import { commandMeta, type HttpRequest, type Operation } from '../http/http-handler.ts';
import type * as s from '../http/schemas.ts';
import { ulid } from '../ids.ts';
import { countersOf } from '../projections/projector.ts';
import { counterRows } from '../projections/counter-rows.ts';
import { todayAt, type Runtime } from '../runtime.ts';
import { IdempotencyReplay, type StoredResponse, type TransactItem } from '../store/dynamo-event-store.ts';
import { eventsTable, streams } from '../tables.ts';

/**
 * The waiting index: for each day and category (or one window a ticket was sent to), the tickets
 * waiting, ordered by the calling rule. It lives in the Events table beside the tickets' streams and
 * is written in the same transactions as their events, so it is as consistent as they are: a call
 * deletes the ticket's entry on the condition that it is still there — two windows can never get
 * the same ticket.
 *
 * A category's partition also holds its day's line (version 0): the numbers drawn, and a place for
 * each walk-in (no appointment, no priority) in the order drawn. Windows take walk-ins by claiming
 * the next place on the line with one atomic update, which never fails under contention: ten
 * windows calling at once get ten different places, in order, instead of all racing for the head.
 * Appointments, priority tickets and transferred visitors are few; a window takes them straight
 * from the index, racing on the conditional delete.
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
  /** A walk-in's place on its category's line. */
  place?: number;
  /** Set when a window claimed the place but could not use it: any window may take it now. */
  released?: boolean;
}

/**
 * A category's line for the day: `drawn` numbers, `places` given to walk-ins, `claimed` places,
 * and in `ring` the last place claimed in each of the last few 5-second buckets of the clock, which
 * tells a place claimed long ago (by a call that died before taking its ticket) from one in flight.
 */
interface Line {
  drawn: number;
  places?: number;
  claimed?: number;
  ring?: Record<string, { b: number; v: number }>;
  /** Places drawn that nobody stands in (their issue lost to a resend of itself, or failed). */
  voided?: Set<number>;
  /** `serving#<windowId>`: whether a window changed for the day serves the category (`on`), as of its day stream's version `v`. */
  [serving: `serving#${string}`]: { v: number; on: boolean } | undefined;
}

const SERVING = 'serving#';
const servingAttribute = (windowId: string) => `${SERVING}${windowId}` as const;

/** The windows serving a category today: the county file's, with the day's changes recorded on the line. */
function servingWindows(rt: Runtime, category: string, line: Line): number {
  const windows = new Set(rt.county.county.queue.categories.find((c) => c.code === category)?.windowIds ?? []);
  for (const [name, value] of Object.entries(line)) {
    if (!name.startsWith(SERVING)) continue;
    const windowId = name.slice(SERVING.length);
    if ((value as { on: boolean }).on) windows.add(windowId);
    else windows.delete(windowId);
  }
  return windows.size;
}

/**
 * Records on every category's line whether the window serves it today, from the window's day
 * stream (its latest change wins, whatever order two changes' writes land in).
 */
async function recordServing(rt: Runtime, date: LocalDate, windowId: string): Promise<void> {
  const { categories, version } = await dayCategories(rt, date, windowId);
  if (categories === undefined) return;
  await Promise.all(
    rt.county.county.queue.categories.map(async ({ code }) => {
      try {
        await rt.db.send(
          new UpdateCommand({
            TableName: rt.tables.events,
            Key: { [eventsTable.partitionKey]: waitingStream(date, code), [eventsTable.sortKey]: LINE_VERSION },
            UpdateExpression: 'SET #a = :a, #k = :line',
            ConditionExpression: 'attribute_not_exists(#a) OR #a.#v < :v',
            ExpressionAttributeNames: { '#a': servingAttribute(windowId), '#k': 'kind', '#v': 'v' },
            ExpressionAttributeValues: { ':a': { v: version, on: categories.includes(code) }, ':v': version, ':line': 'line' },
          }),
        );
      } catch (error) {
        if (!(error instanceof ConditionalCheckFailedException)) throw error;
      }
    }),
  );
}

/** Where entries sort in a partition: the line, appointments (by due time), priority, transferred, then walk-ins by place. */
const LINE_VERSION = 0;
const OTHERS_FROM = CLASS_SPAN;
export const PLACES_FROM = 3 * CLASS_SPAN;
const HEAD = 20;
const BUCKET_MS = 5_000;
const RING = 8;
/** A place claimed at least this many whole buckets ago (10 s, the function's timeout) whose ticket still waits was abandoned. */
const SETTLED_BUCKETS = 3;


function waitingPut(rt: Runtime, date: LocalDate, t: TicketState, version: number, place?: number): TransactItem {
  const w: Waiting = { ticketId: t.ticketId, numberCategory: t.number.slice(0, 1), appointmentAt: t.appointmentAt, priority: t.priority, issuedAt: t.issuedAt, sequence: Number(t.number.slice(1)) };
  const stream = waitingStream(date, t.forWindowId !== null ? windowPartition(t.forWindowId) : t.category);
  const item: WaitingItem = { ...w, stream, version: place === undefined ? waitingOrder(w) : PLACES_FROM + place, ticketVersion: version, number: t.number, category: t.category, forWindowId: t.forWindowId, firstCalledAt: t.firstCalledAt, ...(place === undefined ? {} : { place }) };
  return { Put: { TableName: rt.tables.events, Item: { ...item, kind: 'waiting' }, ConditionExpression: 'attribute_not_exists(#v)', ExpressionAttributeNames: { '#v': eventsTable.sortKey } } };
}

/** A partition's rows: waiting tickets, the line (categories only), and voided places. */
type Row = (WaitingItem & { kind: 'waiting' }) | (Line & { kind: 'line'; version: 0 }) | { kind: 'void'; version: number };

/** A partition's rows from `from` up to (not including) `below`: one page of `limit`, or all of them. */
async function rows(rt: Runtime, date: LocalDate, partition: string, range: { from?: number; below?: number; limit?: number } = {}): Promise<Row[]> {
  const items: Row[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await rt.db.send(
      new QueryCommand({
        TableName: rt.tables.events,
        KeyConditionExpression: '#s = :s AND #v BETWEEN :from AND :to',
        ExpressionAttributeNames: { '#s': eventsTable.partitionKey, '#v': eventsTable.sortKey },
        ExpressionAttributeValues: { ':s': waitingStream(date, partition), ':from': range.from ?? 0, ':to': (range.below ?? Number.MAX_SAFE_INTEGER) - 1 },
        ConsistentRead: true,
        ExclusiveStartKey: start,
        Limit: range.limit,
      }),
    );
    items.push(...((page.Items ?? []) as Row[]));
    start = range.limit === undefined ? page.LastEvaluatedKey : undefined;
  } while (start);
  return items;
}

const isWaiting = (r: Row): r is WaitingItem & { kind: 'waiting' } => r.kind === 'waiting';

/** Every ticket waiting in a partition. */
async function waiting(rt: Runtime, date: LocalDate, partition: string): Promise<WaitingItem[]> {
  return (await rows(rt, date, partition)).filter(isWaiting);
}

/** The last place claimed at least `SETTLED_BUCKETS` buckets before `now`: a ticket at or before it that still waits was abandoned. */
export function settledPlace(ring: Line['ring'], now: string): number {
  const bucket = Math.floor(Date.parse(now) / BUCKET_MS);
  return Math.max(0, ...Object.values(ring ?? {}).filter((s) => s.b <= bucket - SETTLED_BUCKETS).map((s) => s.v));
}

interface Head {
  partition: string;
  /** Tickets a window takes straight from the index: due appointments, priority, transferred, and walk-ins whose place was released or abandoned. */
  takeable: WaitingItem[];
  /** The first walk-in no window has claimed yet: it stands for the line in the rule's order. */
  next: WaitingItem | undefined;
  /** The walk-ins read, by place, to find a claimed place's ticket without reading again. */
  walkIns: WaitingItem[];
}

/**
 * The head of a partition for calling. One Query from the start of the partition finds the line,
 * the due appointments, and the first of the others; only when those fill the whole page does a
 * call read further (past the appointments, and from the first unclaimed place).
 */
async function callable(rt: Runtime, date: LocalDate, partition: string, now: string): Promise<Head> {
  let page = await rows(rt, date, partition, { from: 0, limit: HEAD });
  const line = page.find((r) => r.kind === 'line') as Line | undefined;
  const claimed = line?.claimed ?? 0;
  // A full page is enough when it shows a priority ticket (nothing after it can come first) or the
  // first unclaimed walk-in (everything before it is on the page).
  const enough = page.some((r) => r.kind === 'waiting' && ((r.version >= OTHERS_FROM && r.version < 2 * CLASS_SPAN) || (r.place ?? 0) > claimed));
  if (page.length === HEAD && !enough) {
    const more = await Promise.all([rows(rt, date, partition, { from: OTHERS_FROM, limit: HEAD }), rows(rt, date, partition, { from: PLACES_FROM + claimed + 1, limit: HEAD })]);
    page = [...new Map([...page, ...more.flat()].map((r) => [r.version, r])).values()];
  }
  const entries = page.filter(isWaiting);
  const settled = settledPlace(line?.ring, now);
  const walkIns = entries.filter((w) => w.place !== undefined).sort((a, b) => a.place! - b.place!);
  const isDue = (w: WaitingItem) => w.appointmentAt === null || w.appointmentAt <= now;
  const takeable = entries.filter((w) => (w.place === undefined ? isDue(w) : w.place <= claimed && (w.released === true || w.place <= settled)));
  return { partition, takeable, next: walkIns.find((w) => w.place! > claimed), walkIns };
}

/** Claims the next place on a category's line: its number, or undefined when every place is claimed. */
export async function claimPlace(rt: Runtime, date: LocalDate, category: string, now: string): Promise<number | undefined> {
  const bucket = Math.floor(Date.parse(now) / BUCKET_MS);
  try {
    const result = await rt.db.send(
      new UpdateCommand({
        TableName: rt.tables.events,
        Key: { [eventsTable.partitionKey]: waitingStream(date, category), [eventsTable.sortKey]: LINE_VERSION },
        UpdateExpression: 'SET #c = if_not_exists(#c, :zero) + :one, #r.#slot.#b = :bucket, #r.#slot.#v = if_not_exists(#c, :zero) + :one',
        ConditionExpression: '#p > :zero AND (attribute_not_exists(#c) OR #c < #p)',
        ExpressionAttributeNames: { '#c': 'claimed', '#p': 'places', '#r': 'ring', '#slot': `s${bucket % RING}`, '#b': 'b', '#v': 'v' },
        ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':bucket': bucket },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number((result.Attributes as Line).claimed);
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

/** Draws a ticket's number, and for a walk-in its place on the line. */
async function draw(rt: Runtime, date: LocalDate, category: string, walkIn: boolean): Promise<{ sequence: number; place: number | undefined; line: Line }> {
  const ring = Object.fromEntries(Array.from({ length: RING }, (_, i) => [`s${i}`, { b: -1, v: 0 }]));
  const result = await rt.db.send(
    new UpdateCommand({
      TableName: rt.tables.events,
      Key: { [eventsTable.partitionKey]: waitingStream(date, category), [eventsTable.sortKey]: LINE_VERSION },
      UpdateExpression: `ADD #d :one${walkIn ? ', #p :one' : ''} SET #k = :line, #r = if_not_exists(#r, :ring)`,
      ExpressionAttributeNames: { '#d': 'drawn', '#k': 'kind', '#r': 'ring', ...(walkIn ? { '#p': 'places' } : {}) },
      ExpressionAttributeValues: { ':one': 1, ':line': 'line', ':ring': ring },
      ReturnValues: 'ALL_NEW',
    }),
  );
  const line = result.Attributes as Line;
  return { sequence: Number(line.drawn), place: walkIn ? Number(line.places) : undefined, line };
}

/**
 * A claimed place's ticket. Its issue may still be writing it: wait a moment for it, then give up
 * (it is taken later as abandoned). A place whose issue lost to its own resend holds nobody.
 */
async function walkInAt(rt: Runtime, date: LocalDate, category: string, place: number, read: WaitingItem[]): Promise<WaitingItem | undefined> {
  const seen = read.find((w) => w.place === place);
  if (seen) return seen;
  const Key = { [eventsTable.partitionKey]: waitingStream(date, category), [eventsTable.sortKey]: PLACES_FROM + place };
  // Reads after 0, 10, 30, 70 … ms: about a second in all, in eight reads.
  for (let pause = 10, waited = 0; ; waited += pause, pause *= 2) {
    const { Item } = await rt.db.send(new GetCommand({ TableName: rt.tables.events, Key, ConsistentRead: true }));
    if (Item?.kind === 'void') {
      await rt.db.send(new DeleteCommand({ TableName: rt.tables.events, Key }));
      return undefined;
    }
    if (Item || waited >= 1_000) return Item as WaitingItem | undefined;
    await sleep(pause);
  }
}

/**
 * Marks a drawn place nobody will stand in (its issue lost to a resend of itself, or failed), so the
 * window that claims it moves on at once, and slips do not count it as someone ahead.
 */
async function voidPlace(rt: Runtime, date: LocalDate, category: string, place: number): Promise<void> {
  const stream = waitingStream(date, category);
  try {
    await rt.db.send(new PutCommand({ TableName: rt.tables.events, Item: { [eventsTable.partitionKey]: stream, [eventsTable.sortKey]: PLACES_FROM + place, kind: 'void' }, ConditionExpression: 'attribute_not_exists(#v)', ExpressionAttributeNames: { '#v': eventsTable.sortKey } }));
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return;
  }
  await rt.db.send(new UpdateCommand({ TableName: rt.tables.events, Key: { [eventsTable.partitionKey]: stream, [eventsTable.sortKey]: LINE_VERSION }, UpdateExpression: 'ADD #vd :p', ExpressionAttributeNames: { '#vd': 'voided' }, ExpressionAttributeValues: { ':p': new Set([place]) } }));
}

/** Lets any window take a place this call claimed but cannot use. */
async function release(rt: Runtime, w: Pick<WaitingItem, 'stream' | 'version'>): Promise<void> {
  try {
    await rt.db.send(new UpdateCommand({ TableName: rt.tables.events, Key: { [eventsTable.partitionKey]: w.stream, [eventsTable.sortKey]: w.version }, UpdateExpression: 'SET released = :t', ConditionExpression: 'attribute_exists(#v)', ExpressionAttributeNames: { '#v': eventsTable.sortKey }, ExpressionAttributeValues: { ':t': true } }));
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** A window's categories as last changed for the day (undefined when unchanged), and its day stream's version. */
async function dayCategories(rt: Runtime, date: LocalDate, windowId: string): Promise<{ categories: string[] | undefined; version: number }> {
  const { events, version } = await rt.events.read<WindowCategoriesSet>(windowDayStream(date, windowId));
  return { categories: events.at(-1)?.event.data.categories, version };
}

/** The categories a window serves today: the county file's, unless changed for the day. Cached briefly per process. */
const categoriesCache = new Map<string, { at: number; categories: string[] }>();
async function windowCategories(rt: Runtime, windowId: string, date: LocalDate): Promise<string[]> {
  const key = `${date}#${windowId}`;
  const cached = categoriesCache.get(key);
  if (cached && Date.now() - cached.at < 5_000) return cached.categories;
  const categories = (await dayCategories(rt, date, windowId)).categories ?? rt.county.county.queue.categories.filter((c) => c.windowIds.includes(windowId)).map((c) => c.code);
  categoriesCache.set(key, { at: Date.now(), categories });
  return categories;
}

function ticketBody(t: TicketState) {
  return { ticketId: t.ticketId, number: t.number, category: t.category, status: t.status, windowId: t.windowId, forWindowId: t.forWindowId, priority: t.priority, issuedAt: t.issuedAt, calledAt: t.calledAt, startedAt: t.startedAt, finishedAt: t.finishedAt, recalls: t.recalls, transfers: t.transfers, caseIds: t.caseIds, version: t.version };
}


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
const replayOf = (request: HttpRequest, rt: Runtime) => earlierAnswer(rt.events, request);

const issueTicket: Operation = async (request, rt) => {
  const body = request.body as z.infer<typeof s.IssueTicketBody>;
  checkCategory(rt, body.category, 'body.category');
  // A kiosk resending after a timeout gets its slip again, without drawing another number.
  const earlier = await replayOf(request, rt);
  if (earlier) return earlier;
  const date = todayAt(rt, request.now);
  const appointmentAt = body.appointmentAt === undefined ? null : new Date(body.appointmentAt).toISOString();
  if (appointmentAt !== null && todayAt(rt, appointmentAt) !== date) throw new InvalidInput('Appointment not today', [{ path: 'body.appointmentAt', message: `tickets are for today (${date}); the appointment is on ${todayAt(rt, appointmentAt)}` }]);
  const ticketId = ulid(Date.parse(request.now));
  const priority = body.priority ?? 'normal';
  const { sequence, place, line } = await draw(rt, date, body.category, appointmentAt === null && priority === 'normal');
  const number = `${body.category}${String(sequence).padStart(3, '0')}`;
  const issued: TicketEvent = {
    type: 'TicketIssued',
    data: { ticketId, number, category: body.category, date, priority, source: body.appointmentId !== undefined ? 'appointment' : (body.source ?? 'kiosk'), appointmentId: body.appointmentId ?? null, appointmentAt, issuedAt: request.now },
    meta: eventMetaOf(commandMeta(request)),
  };
  const state = evolveTicket(undefined, issued);
  // What the visitor sees on the slip: how many wait ahead, and a wait estimated from today's service times.
  // Walk-ins ahead are counted off the line (the places before this one no window has claimed); only the
  // few others (appointments, priority, transferred) are read.
  const self: Waiting = { ticketId, numberCategory: body.category, appointmentAt, priority: state.priority, issuedAt: request.now, sequence };
  const [othersRows, serviceMinutes] = await Promise.all([rows(rt, date, body.category, { from: LINE_VERSION + 1, below: PLACES_FROM }), averageServiceMinutes(rt, date, body.category)]);
  const others = othersRows.filter(isWaiting);
  const before = place ?? Number(line.places ?? 0) + 1;
  const claimedNow = Number(line.claimed ?? 0);
  const voidedAhead = [...(line.voided ?? [])].filter((p) => p > claimedNow && p < before).length;
  const unclaimed = Math.max(0, before - 1 - claimedNow - voidedAhead);
  const ranked = rank([...others, self], request.now);
  const position = ranked.findIndex((w) => w.ticketId === ticketId);
  // An appointment not yet due has everyone callable now ahead of it.
  const ahead = position === -1 ? ranked.length + unclaimed : position + (place === undefined ? 0 : unclaimed);
  const serving = servingWindows(rt, body.category, line);
  const estimatedWaitMinutes = Math.ceil((ahead * serviceMinutes) / Math.max(1, serving));
  const response = await executeCommand<TicketEvent>(
    rt.events,
    {
      stream: ticketStream(ticketId),
      fresh: true,
      decide: () => [issued],
      extra: () => [waitingPut(rt, date, state, 1, place)],
      respond: () => storedJson(201, { ticketId, number, category: body.category, ahead, estimatedWaitMinutes }, 1),
    },
    request,
  ).catch(async (error: unknown) => {
    // The issue failed after drawing (a key reused for another request, an error): nobody stands in its place.
    if (place !== undefined) await voidPlace(rt, date, body.category, place).catch(() => undefined);
    throw error;
  });
  // A resend that ran at the same time was answered first: this number is skipped, and its place voided.
  if (place !== undefined && (JSON.parse(response.body) as { ticketId?: string }).ticketId !== ticketId) await voidPlace(rt, date, body.category, place);
  return response;
};

/** How long a call keeps trying after losing tickets to other windows (the function's timeout is 10 s), and how long it steps back. */
const CALL_BUDGET_MS = 5_000;
const BACKOFF_MS = 40;
const MAX_CONFLICT_RETRIES = 3;

type Taken = { response: StoredResponse } | { lost: true };

/** Calls one ticket to the window: its event, its entry's removal and the idempotency record, in one transaction. */
async function take(rt: Runtime, request: HttpRequest, windowId: string, w: WaitingItem): Promise<Taken> {
  const meta = commandMeta(request, { windowId, siteId: rt.county.window(windowId)!.siteId });
  // The index entry carries all that deciding a call needs: no read of the ticket's stream.
  const events = decideTicket({ type: 'CallTicket', data: { windowId }, meta }, { status: 'waiting', forWindowId: w.forWindowId, number: w.number, firstCalledAt: w.firstCalledAt ?? null } as TicketState);
  const response = storedJson(200, { ticketId: w.ticketId, number: w.number, category: w.category, windowId }, w.ticketVersion + 1);
  const key = request.idempotencyKey;
  for (let attempt = 0; ; attempt++) {
    try {
      await rt.events.append(ticketStream(w.ticketId), w.ticketVersion, events, key === undefined ? undefined : { key, fingerprint: request.fingerprint, response }, [
        { Delete: { TableName: rt.tables.events, Key: { [eventsTable.partitionKey]: w.stream, [eventsTable.sortKey]: w.version }, ConditionExpression: 'attribute_exists(#v)', ExpressionAttributeNames: { '#v': eventsTable.sortKey } } },
      ]);
      return { response };
    } catch (error) {
      if (error instanceof IdempotencyReplay) {
        // The same call, sent again while this one ran, was answered first: its ticket is this call's answer.
        const response = replayed(error.record, request);
        if (w.place !== undefined) await release(rt, w);
        return { response };
      }
      if (!(error instanceof ConcurrencyError)) throw error;
      // Two calls at the same instant on one ticket: neither was decided, so try it again.
      if (!error.transient || attempt >= MAX_CONFLICT_RETRIES) return { lost: true };
      await sleep(2 + Math.random() * 10 * (attempt + 1));
    }
  }
}

const callNext: Operation = async (request, rt) => {
  const { id: windowId } = request.params as z.infer<typeof s.WindowParams>;
  if (!rt.county.window(windowId)) throw new NotFound(`no window ${windowId}`);
  assertPlace(request.caller, { windowId }, `window ${windowId}`);
  // A terminal retrying a call it lost the answer to gets the same ticket, whatever changed since.
  const earlier = await replayOf(request, rt);
  if (earlier) return earlier;
  const date = todayAt(rt, request.now);
  const categories = await windowCategories(rt, windowId, date);
  // The window's categories, and the tickets sent to this window in person.
  const partitions = [...categories, windowPartition(windowId)];
  const deadline = Date.now() + CALL_BUDGET_MS;
  for (let losses = 0; Date.now() < deadline; ) {
    const heads = await Promise.all(partitions.map((p) => callable(rt, date, p, request.now)));
    const ranked = rank(heads.flatMap((h) => (h.next ? [...h.takeable, h.next] : h.takeable)), request.now);
    if (ranked.length === 0 && categories.length === 0) throw new RuleViolation(`Window ${windowId} serves no ticket category today`, { windowId });
    if (ranked.length === 0) return { statusCode: 204, body: '' };
    const best = ranked[0]!;
    const line = heads.find((h) => h.next === best);
    if (line) {
      // A walk-in is next: claim the next place on the line (no other window can get it), and call
      // the ticket standing there. Windows calling at one moment get the next places, in order.
      const place = await claimPlace(rt, date, line.partition, request.now);
      if (place === undefined) continue;
      // A place this call cannot use goes back at once, whatever stopped it, not after it looks abandoned.
      const claimed = { stream: waitingStream(date, line.partition), version: PLACES_FROM + place };
      const giveBack = async (error: unknown) => {
        await release(rt, claimed).catch(() => undefined);
        throw error;
      };
      const ticket = await walkInAt(rt, date, line.partition, place, line.walkIns).catch(giveBack);
      if (ticket === undefined) continue;
      const taken = await take(rt, request, windowId, ticket).catch(giveBack);
      if ('response' in taken) return taken.response;
      await release(rt, ticket);
      continue;
    }
    // Strictly the head of the queue: a window moves on only once another window has taken it.
    const taken = await take(rt, request, windowId, best);
    if ('response' in taken) return taken.response;
    // Another window took it. Windows that lost the same ticket would all go for the next one together
    // and mostly lose again: each steps back a random moment (a little longer after the first losses)
    // and looks again, so they take the next tickets one after another instead of colliding on each.
    losses++;
    await sleep(Math.random() * BACKOFF_MS * Math.min(losses, 3));
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
        authorize: (history) => {
          const windowId = foldTicket(history.map((e) => e.event))!.windowId;
          if (windowId !== null) assertPlace(request.caller, { windowId, siteIds: [rt.county.window(windowId)?.siteId ?? null] }, `window ${windowId}`);
        },
        decide: (history) => {
          const state = foldTicket(history.map((e) => e.event))!;
          // The window holding the ticket acts; a ticket nobody holds can take no step (409 below).
          const windowId = state.windowId ?? request.caller.windowId;
          if (windowId === null) throw new IllegalTransition(`ticket ${state.number} is ${state.status}: no window holds it`);
          assertPlace(request.caller, { windowId, siteIds: [rt.county.window(windowId)?.siteId ?? null] }, `window ${windowId}`);
          return decideTicket(build(request, windowId, rt), state);
        },
        respond: (events, version) => storedJson(200, ticketBody(foldTicket(events)!), version),
        extra: (history, events) => {
          // A transferred ticket waits again, in the place its issue time gives it.
          const after = foldTicket([...history.map((h) => h.event), ...events])!;
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
    const date = todayAt(rt, request.now);
    const stream = windowDayStream(date, windowId);
    const categories = [...new Set(body.categories)];
    const response = await executeCommand<WindowCategoriesSet>(
      rt.events,
      {
        stream,
        decide: () => [{ type: 'WindowCategoriesSet', data: { windowId, date, categories }, meta: eventMetaOf(commandMeta(request)) }],
        respond: () => {
          categoriesCache.delete(`${date}#${windowId}`);
          return storedJson(200, { windowId, date, categories });
        },
      },
      request,
    );
    // Also after a replay: a terminal resending a change whose answer it lost completes the lines too.
    await recordServing(rt, date, windowId);
    return response;
  },

  getQueue: async (request, rt) => {
    const query = request.query as z.infer<typeof s.QueueQuery>;
    if (query.category !== undefined) checkCategory(rt, query.category, 'query.category');
    if (query.windowId !== undefined && !rt.county.window(query.windowId)) throw new InvalidInput('Unknown window', [{ path: 'query.windowId', message: `no window ${query.windowId}` }]);
    const date = todayAt(rt, request.now);
    const all = await waiting(rt, date, query.category ?? windowPartition(query.windowId!));
    const ranked = rank(all, request.now);
    // Appointments not yet due wait behind everyone callable now.
    const callable = new Set(ranked.map((r) => r.ticketId));
    const future = all.filter((w) => !callable.has(w.ticketId));
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
    const date = todayAt(rt, request.now);
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

export const queueRows = (rt: Runtime, from: LocalDate, to: LocalDate): Promise<QueueRow[]> => counterRows(rt.views, queueStatsPartition, queueStatsLabels, from, to);
