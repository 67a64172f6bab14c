import { setTimeout as sleep } from 'node:timers/promises';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { DeleteCommand, GetCommand, PutCommand, QueryCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { BUCKET_MS, CLASS_SPAN, RING, settledPlace, waitingOrder, type ClaimRing, type Waiting } from '../../domain/queue/rules.ts';
import type { TicketState } from '../../domain/ticket/aggregate.ts';
import type { LocalDate } from '../../domain/time.ts';
import type { Runtime } from '../runtime.ts';
import type { TransactItem } from '../store/dynamo-event-store.ts';
import { eventsTable } from '../tables.ts';

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
export const waitingStream = (date: LocalDate, partition: string) => `waiting#${date}#${partition}`;
export const windowPartition = (windowId: string) => `window:${windowId}`;

/** A waiting ticket's entry: what the calling rule orders it by, and the ticket as it stands (a call decides on it without reading the ticket's stream). */
export interface WaitingItem extends Waiting {
  stream: string;
  version: number;
  ticket: TicketState;
  /** A walk-in's place on its category's line. */
  place?: number;
  /** Set when a window claimed the place but could not use it: any window may take it now. */
  released?: boolean;
}

/** A category's line for the day: `drawn` numbers, `places` given to walk-ins, `claimed` places, and the ring of recent claims. */
export interface Line {
  drawn: number;
  places?: number;
  claimed?: number;
  ring?: ClaimRing;
  /** Places drawn that nobody stands in (their issue lost to a resend of itself, or failed). */
  voided?: Set<number>;
  /** `serving#<windowId>`: whether a window changed for the day serves the category (`on`), as of its day stream's version `v`. */
  [serving: `serving#${string}`]: { v: number; on: boolean } | undefined;
  /** `staffed#<windowId>#<staffId>`: whether a worker is signed in at the window (`on`), as of their day stream's version `v`. */
  [staffed: `staffed#${string}`]: { v: number; on: boolean } | undefined;
}

/** Where entries sort in a partition: the line, appointments (by due time), priority, transferred, then walk-ins by place. */
export const LINE_VERSION = 0;
const OTHERS_FROM = CLASS_SPAN;
export const PLACES_FROM = 3 * CLASS_SPAN;
const HEAD = 20;

const lineKey = (date: LocalDate, category: string) => ({ [eventsTable.partitionKey]: waitingStream(date, category), [eventsTable.sortKey]: LINE_VERSION });

/** The entry putting a ticket in its partition's waiting list (with its place, for a walk-in), written with its event. */
export function waitingPut(rt: Runtime, t: TicketState, place?: number): TransactItem {
  const w: Waiting = { ticketId: t.ticketId, numberCategory: t.number.slice(0, 1), appointmentAt: t.appointmentAt, priority: t.priority, issuedAt: t.issuedAt, sequence: Number(t.number.slice(1)) };
  const stream = waitingStream(t.date, t.forWindowId !== null ? windowPartition(t.forWindowId) : t.category);
  const item: WaitingItem = { ...w, stream, version: place === undefined ? waitingOrder(w) : PLACES_FROM + place, ticket: t, ...(place === undefined ? {} : { place }) };
  // The fields the previous release read, so that rolling back during a day leaves nobody in the line unreadable.
  const previousShape = { ticketVersion: t.version, number: t.number, category: t.category, forWindowId: t.forWindowId, firstCalledAt: t.firstCalledAt };
  return { Put: { TableName: rt.tables.events, Item: { ...item, ...previousShape, kind: 'waiting' }, ConditionExpression: 'attribute_not_exists(#v)', ExpressionAttributeNames: { '#v': eventsTable.sortKey } } };
}

/** The write taking a ticket's entry out of its list, on the condition that it is still there: two windows can never get one ticket. */
export const waitingDelete = (rt: Runtime, w: Pick<WaitingItem, 'stream' | 'version'>): TransactItem => ({
  Delete: { TableName: rt.tables.events, Key: { [eventsTable.partitionKey]: w.stream, [eventsTable.sortKey]: w.version }, ConditionExpression: 'attribute_exists(#v)', ExpressionAttributeNames: { '#v': eventsTable.sortKey } },
});

/** A partition's rows: waiting tickets, the line (categories only), and voided places. */
export type Row = (WaitingItem & { kind: 'waiting' }) | (Line & { kind: 'line'; version: 0 }) | { kind: 'void'; version: number };

/** A partition's rows from `from` up to (not including) `below`: one page of `limit`, or all of them. */
export async function rows(rt: Runtime, date: LocalDate, partition: string, range: { from?: number; below?: number; limit?: number } = {}): Promise<Row[]> {
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
    // The index's own items: only this module writes them.
    items.push(...((page.Items ?? []) as (Row | PreviousEntry)[]).map(withTicket));
    start = range.limit === undefined ? page.LastEvaluatedKey : undefined;
  } while (start);
  return items;
}

/** An entry written by the previous release: the ticket's number, category, version and first call, beside the calling rule's fields. */
interface PreviousEntry extends Omit<WaitingItem, 'ticket'> {
  kind: 'waiting';
  ticket?: undefined;
  ticketVersion: number;
  number: string;
  category: string;
  forWindowId: string | null;
  firstCalledAt: string | null;
}

/**
 * Entries written before the whole ticket was kept in them (a deploy during opening hours) still wait
 * in today's lines: their ticket as a call needs it — waiting, its number, where it may be called, whether
 * it was called before, its version. Nothing else of it is read before the call appends its event.
 */
function withTicket(row: Row | PreviousEntry): Row {
  if (row.kind !== 'waiting' || row.ticket !== undefined) return row;
  const { ticketVersion, number, category, forWindowId, firstCalledAt, ...entry } = row;
  const date = entry.stream.split('#')[1] ?? '';
  const ticket: TicketState = {
    ticketId: entry.ticketId, number, date, category, forWindowId, priority: entry.priority, source: 'kiosk', appointmentAt: entry.appointmentAt, issuedAt: entry.issuedAt,
    status: 'waiting', windowId: null, firstCalledAt, calledAt: null, recalls: 0, startedAt: null, finishedAt: null, transfers: 0, caseIds: [], version: ticketVersion,
  };
  return { ...entry, ticket };
}

export const isWaiting = (r: Row): r is WaitingItem & { kind: 'waiting' } => r.kind === 'waiting';
export const isLine = (r: Row): r is Line & { kind: 'line'; version: 0 } => r.kind === 'line';

/** Every ticket waiting in a partition. */
export async function waiting(rt: Runtime, date: LocalDate, partition: string): Promise<WaitingItem[]> {
  return (await rows(rt, date, partition)).filter(isWaiting);
}

/** Appointments, priority and transferred tickets waiting in a category (not the walk-ins on its line). */
export async function othersWaiting(rt: Runtime, date: LocalDate, category: string): Promise<WaitingItem[]> {
  return (await rows(rt, date, category, { from: LINE_VERSION + 1, below: PLACES_FROM })).filter(isWaiting);
}

export interface Head {
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
export async function callable(rt: Runtime, date: LocalDate, partition: string, now: string): Promise<Head> {
  let page = await rows(rt, date, partition, { from: 0, limit: HEAD });
  const line = page.find(isLine);
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
  const placeOf = (w: WaitingItem) => w.place ?? 0;
  const walkIns = entries.filter((w) => w.place !== undefined).sort((a, b) => placeOf(a) - placeOf(b));
  const isDue = (w: WaitingItem) => w.appointmentAt === null || w.appointmentAt <= now;
  const takeable = entries.filter((w) => (w.place === undefined ? isDue(w) : w.place <= claimed && (w.released === true || w.place <= settled)));
  return { partition, takeable, next: walkIns.find((w) => placeOf(w) > claimed), walkIns };
}

/** Claims the next place on a category's line: its number, or undefined when every place is claimed. */
export async function claimPlace(rt: Runtime, date: LocalDate, category: string, now: string): Promise<number | undefined> {
  const bucket = Math.floor(Date.parse(now) / BUCKET_MS);
  try {
    const result = await rt.db.send(
      new UpdateCommand({
        TableName: rt.tables.events,
        Key: lineKey(date, category),
        UpdateExpression: 'SET #c = if_not_exists(#c, :zero) + :one, #r.#slot.#b = :bucket, #r.#slot.#v = if_not_exists(#c, :zero) + :one',
        ConditionExpression: '#p > :zero AND (attribute_not_exists(#c) OR #c < #p)',
        ExpressionAttributeNames: { '#c': 'claimed', '#p': 'places', '#r': 'ring', '#slot': `s${bucket % RING}`, '#b': 'b', '#v': 'v' },
        ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':bucket': bucket },
        ReturnValues: 'UPDATED_NEW',
      }),
    );
    return Number(result.Attributes?.claimed);
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return undefined;
    throw error;
  }
}

/** Draws a ticket's number, and for a walk-in its place on the line; with the line as it stands after. */
export async function draw(rt: Runtime, date: LocalDate, category: string, walkIn: boolean): Promise<{ sequence: number; place: number | undefined; line: Line }> {
  const ring = Object.fromEntries(Array.from({ length: RING }, (_, i) => [`s${i}`, { b: -1, v: 0 }]));
  const result = await rt.db.send(
    new UpdateCommand({
      TableName: rt.tables.events,
      Key: lineKey(date, category),
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
export async function walkInAt(rt: Runtime, date: LocalDate, category: string, place: number, read: WaitingItem[]): Promise<WaitingItem | undefined> {
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
export async function voidPlace(rt: Runtime, date: LocalDate, category: string, place: number): Promise<void> {
  const stream = waitingStream(date, category);
  try {
    await rt.db.send(new PutCommand({ TableName: rt.tables.events, Item: { [eventsTable.partitionKey]: stream, [eventsTable.sortKey]: PLACES_FROM + place, kind: 'void' }, ConditionExpression: 'attribute_not_exists(#v)', ExpressionAttributeNames: { '#v': eventsTable.sortKey } }));
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
    return;
  }
  await rt.db.send(new UpdateCommand({ TableName: rt.tables.events, Key: lineKey(date, category), UpdateExpression: 'ADD #vd :p', ExpressionAttributeNames: { '#vd': 'voided' }, ExpressionAttributeValues: { ':p': new Set([place]) } }));
}

/** Lets any window take a place a call claimed but cannot use. */
export async function release(rt: Runtime, w: Pick<WaitingItem, 'stream' | 'version'>): Promise<void> {
  try {
    await rt.db.send(new UpdateCommand({ TableName: rt.tables.events, Key: { [eventsTable.partitionKey]: w.stream, [eventsTable.sortKey]: w.version }, UpdateExpression: 'SET released = :t', ConditionExpression: 'attribute_exists(#v)', ExpressionAttributeNames: { '#v': eventsTable.sortKey }, ExpressionAttributeValues: { ':t': true } }));
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** Records on a category's line whether a window serves it today, as of its day stream's `version` (a later change wins, whatever order the writes land in). */
export const recordServingOnLine = (rt: Runtime, date: LocalDate, category: string, windowId: string, version: number, on: boolean): Promise<void> => recordOnLine(rt, date, category, `${SERVING}${windowId}`, version, on);

/** Sets a flag on a category's line as of a stream's version: an older version than the one recorded changes nothing. */
async function recordOnLine(rt: Runtime, date: LocalDate, category: string, attribute: string, version: number, on: boolean): Promise<void> {
  try {
    await rt.db.send(
      new UpdateCommand({
        TableName: rt.tables.events,
        Key: lineKey(date, category),
        UpdateExpression: 'SET #a = :a, #k = :line',
        ConditionExpression: 'attribute_not_exists(#a) OR #a.#v < :v',
        ExpressionAttributeNames: { '#a': attribute, '#k': 'kind', '#v': 'v' },
        ExpressionAttributeValues: { ':a': { v: version, on }, ':v': version, ':line': 'line' },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}

/** Records on a category's line whether a worker is signed in at a window now, as of their day stream's version `version`. */
export const recordStaffedOnLine = (rt: Runtime, date: LocalDate, category: string, windowId: string, staffId: string, version: number, on: boolean): Promise<void> =>
  recordOnLine(rt, date, category, `${STAFFED}${windowId}#${staffId}`, version, on);

const STAFFED = 'staffed#';
/** The windows with a worker signed in now, from a line; undefined when nobody signed in at any of its windows today. */
export function staffedWindows(line: Line): Set<string> | undefined {
  let seen = false;
  const windows = new Set<string>();
  for (const [name, value] of Object.entries(line)) {
    if (!name.startsWith(STAFFED) || value === undefined) continue;
    seen = true;
    if ((value as { on: boolean }).on) windows.add(name.slice(STAFFED.length).split('#')[0]!);
  }
  return seen ? windows : undefined;
}

const SERVING = 'serving#';
/** The day's changes recorded on a line: which windows took the category on (`true`) or gave it up. */
export function servingChanges(line: Line): Map<string, boolean> {
  const changes = new Map<string, boolean>();
  for (const [name, value] of Object.entries(line)) if (name.startsWith(SERVING) && value !== undefined) changes.set(name.slice(SERVING.length), (value as { on: boolean }).on);
  return changes;
}
