import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { caseStream } from '../../domain/case/stream.ts';
import { fold } from '../../domain/decider.ts';
import { IllegalTransition, InvalidInput, NotFound } from '../../domain/errors.ts';
import type { CommandMeta } from '../../domain/meta.ts';
import { queueStatsPartition } from '../../domain/projections/ticket-views.ts';
import { rank, servingWindows, type Waiting } from '../../domain/queue/rules.ts';
import { ticketAggregate, type Priority, type TicketCommand, type TicketSource, type TicketState } from '../../domain/ticket/aggregate.ts';
import type { LocalDate } from '../../domain/time.ts';
import { assertPlace } from '../auth/access.ts';
import { earlierAnswer, handleCommand } from '../commands/handle.ts';
import { commandReply, idempotencyOf, versioned } from '../http/command-reply.ts';
import { commandMeta } from '../http/request-meta.ts';
import type { Reply, Request } from '../http/route.ts';
import { ulid } from '../ids.ts';
import { countersOf } from '../projections/view-store.ts';
import { todayAt, type Runtime } from '../runtime.ts';
import { eventsTable } from '../tables.ts';
import { draw, isLine, isWaiting, othersWaiting, rows, servingChanges, staffedWindows, voidPlace, waitingPut, type Line } from './waiting-line.ts';

/** A ticket as windows and screens read it. */
export function ticketBody(t: TicketState) {
  return { ticketId: t.ticketId, number: t.number, category: t.category, status: t.status, windowId: t.windowId, forWindowId: t.forWindowId, priority: t.priority, issuedAt: t.issuedAt, calledAt: t.calledAt, startedAt: t.startedAt, finishedAt: t.finishedAt, recalls: t.recalls, transfers: t.transfers, caseIds: t.caseIds, version: t.version };
}

export function checkCategory(rt: Runtime, category: string, path: string): void {
  if (!rt.county.county.queue.categories.some((c) => c.code === category)) throw new InvalidInput('Unknown ticket category', [{ path, message: `no category ${category}` }]);
}

/** Service seconds and visitors served per category, added up over the queue's counter rows (per day, window and category). */
export function serviceTotals(rows: readonly Record<string, unknown>[]): Map<string, { seconds: number; served: number }> {
  const totals = new Map<string, { seconds: number; served: number }>();
  for (const row of rows) {
    const category = String(row.sk).split('#').at(-1) ?? '';
    const c = countersOf(row);
    const total = totals.get(category) ?? { seconds: 0, served: 0 };
    totals.set(category, { seconds: total.seconds + (c.serviceSeconds ?? 0), served: total.served + (c.served ?? 0) });
  }
  return totals;
}

/** Today's average service time per category, from the queue's counters (the county's default before anyone was served there). */
async function averageServiceMinutes(rt: Runtime, date: LocalDate): Promise<(category: string) => number> {
  const totals = serviceTotals(await rt.views.partition<Record<string, unknown>>(queueStatsPartition(date), { from: `${date}#`, to: `${date}#\uffff` }));
  return (category) => {
    const total = totals.get(category);
    return total === undefined || total.served === 0 ? rt.county.county.queue.defaultServiceMinutes : total.seconds / total.served / 60;
  };
}

/** The wait a visitor taking a ticket now should expect: those ahead, served at today's pace by the windows serving the category (those staffed, once anyone signed in). */
function estimatedWait(rt: Runtime, category: string, ahead: number, serviceMinutes: number, line: Line): number {
  const fromFile = rt.county.county.queue.categories.find((c) => c.code === category)?.windowIds ?? [];
  return Math.ceil((ahead * serviceMinutes) / Math.max(1, servingWindows(fromFile, servingChanges(line), staffedWindows(line))));
}

/**
 * What the hall screen shows per category (候号人数, 预计等待): everyone who may be called now, and
 * the wait the next visitor should expect. One read of each category's waiting list, side by side.
 */
export async function hallWaiting(rt: Runtime, date: LocalDate, now: string): Promise<{ code: string; name: string; waiting: number; estimatedWaitMinutes: number }[]> {
  const categories = rt.county.county.queue.categories;
  const [serviceMinutes, partitions] = await Promise.all([averageServiceMinutes(rt, date), Promise.all(categories.map((c) => rows(rt, date, c.code)))]);
  return categories.map((c, i) => {
    const all = partitions[i] ?? [];
    const line: Line = all.find(isLine) ?? { drawn: 0 };
    const waitingNow = rank(all.filter(isWaiting), now).length;
    return { code: c.code, name: c.name, waiting: waitingNow, estimatedWaitMinutes: estimatedWait(rt, c.code, waitingNow, serviceMinutes(c.code), line) };
  });
}

export interface TicketOrder {
  category: string;
  priority?: Priority | undefined;
  source?: Exclude<TicketSource, 'appointment'> | undefined;
  appointmentId?: string | undefined;
  appointmentAt?: string | undefined;
}
export interface IssuedSlip {
  ticketId: string;
  number: string;
  category: string;
  ahead: number;
  estimatedWaitMinutes: number;
}

/**
 * Takes a ticket (取号): draws its number (and a walk-in's place on the line), and writes its event
 * with its waiting entry. The slip says how many wait ahead, and a wait estimated from today's
 * service times. A kiosk resending after a timeout gets its slip again, without drawing another number.
 */
export async function issueTicket(rt: Runtime, request: Request, order: TicketOrder): Promise<Reply<IssuedSlip>> {
  checkCategory(rt, order.category, 'body.category');
  const idempotency = idempotencyOf(request);
  const earlier = await earlierAnswer<Reply<IssuedSlip>>(rt.events, idempotency);
  if (earlier) return earlier;
  const date = todayAt(rt, request.now);
  const appointmentAt = order.appointmentAt === undefined ? null : new Date(order.appointmentAt).toISOString();
  if (appointmentAt !== null && todayAt(rt, appointmentAt) !== date) throw new InvalidInput('Appointment not today', [{ path: 'body.appointmentAt', message: `tickets are for today (${date}); the appointment is on ${todayAt(rt, appointmentAt)}` }]);
  const ticketId = ulid(Date.parse(request.now));
  const priority = order.priority ?? 'normal';
  const { sequence, place, line } = await draw(rt, date, order.category, appointmentAt === null && priority === 'normal');
  const number = `${order.category}${String(sequence).padStart(3, '0')}`;
  // Walk-ins ahead are counted off the line (the places before this one no window has claimed); only
  // the few others (appointments, priority, transferred) are read.
  const self: Waiting = { ticketId, numberCategory: order.category, appointmentAt, priority, issuedAt: request.now, sequence };
  const [others, serviceMinutes] = await Promise.all([othersWaiting(rt, date, order.category), averageServiceMinutes(rt, date)]);
  const before = place ?? Number(line.places ?? 0) + 1;
  const claimedNow = Number(line.claimed ?? 0);
  const voidedAhead = [...(line.voided ?? [])].filter((p) => p > claimedNow && p < before).length;
  const unclaimed = Math.max(0, before - 1 - claimedNow - voidedAhead);
  const ranked = rank([...others, self], request.now);
  const position = ranked.findIndex((w) => w.ticketId === ticketId);
  // An appointment not yet due has everyone callable now ahead of it.
  const ahead = position === -1 ? ranked.length + unclaimed : position + (place === undefined ? 0 : unclaimed);
  const estimatedWaitMinutes = estimatedWait(rt, order.category, ahead, serviceMinutes(order.category), line);
  const command: TicketCommand = {
    type: 'IssueTicket',
    data: { ticketId, number, category: order.category, date, priority, source: order.appointmentId !== undefined ? 'appointment' : (order.source ?? 'kiosk'), appointmentId: order.appointmentId ?? null, appointmentAt, issuedAt: request.now },
    meta: commandMeta(request),
  };
  const outcome = await handleCommand(
    rt.events,
    { aggregate: ticketAggregate, id: ticketId, isNew: true, command: () => command, context: undefined, extra: (_state, events) => [waitingPut(rt, fold(ticketAggregate, events)!, place)] },
    (): Reply<IssuedSlip> => versioned({ ticketId, number, category: order.category, ahead, estimatedWaitMinutes }, 1, 201),
    idempotency,
  ).catch(async (error: unknown) => {
    // The issue failed after drawing (a key reused for another request, an error): nobody stands in its place.
    if (place !== undefined) await voidPlace(rt, date, order.category, place).catch(() => undefined);
    throw error;
  });
  // A resend that ran at the same time was answered first: this number is skipped, and its place voided.
  if (outcome.replayed && place !== undefined) await voidPlace(rt, date, order.category, place);
  return outcome.answer;
}

export const placeOf = (rt: Runtime, windowId: string) => ({ windowId, siteIds: [rt.county.window(windowId)?.siteId ?? null] });

/**
 * One step on a ticket, by the window holding it: its own clerk, an administrator, or a clerk of its
 * site. A clerk of another window gets 403. A transferred ticket waits again, in the place its issue
 * time gives it, written with its event.
 */
export async function ticketStep(rt: Runtime, request: Request, ticketId: string, build: (windowId: string, meta: CommandMeta) => TicketCommand): Promise<Reply<ReturnType<typeof ticketBody>>> {
  return commandReply(
    rt,
    request,
    {
      aggregate: ticketAggregate,
      id: ticketId,
      mustExist: () => new NotFound(`no ticket ${ticketId}`),
      authorize: (state) => {
        if (state?.windowId) assertPlace(request.caller, placeOf(rt, state.windowId), `window ${state.windowId}`);
      },
      command: (state) => {
        // The window holding the ticket acts; a ticket nobody holds can take no step (409).
        const windowId = state?.windowId ?? request.caller.windowId;
        if (!state || windowId === null) throw new IllegalTransition(`ticket ${state?.number ?? ticketId} is ${state?.status ?? 'unknown'}: no window holds it`);
        return build(windowId, commandMeta(request, { windowId, siteId: rt.county.window(windowId)?.siteId ?? null }));
      },
      context: undefined,
      extra: (state, events) => {
        const after = events.reduce((s, e) => ticketAggregate.evolve(s, e), state);
        return after && events.some((e) => e.type === 'TicketTransferred') ? [waitingPut(rt, after)] : [];
      },
    },
    (result) => versioned(ticketBody(result.state!), result.version),
  );
}

/** The cases a visit names that do not exist, as field errors. */
export async function unknownCases(rt: Runtime, caseIds: readonly string[]): Promise<{ path: string; message: string }[]> {
  const found = await Promise.all(
    caseIds.map(async (id) => {
      const { Item } = await rt.db.send(new GetCommand({ TableName: rt.tables.events, Key: { [eventsTable.partitionKey]: caseStream(id), [eventsTable.sortKey]: 1 }, ConsistentRead: true, ProjectionExpression: '#v', ExpressionAttributeNames: { '#v': eventsTable.sortKey } }));
      return Item !== undefined;
    }),
  );
  return caseIds.flatMap((id, i) => (found[i] ? [] : [{ path: `body.caseIds.${i}`, message: `no case ${id}` }]));
}
