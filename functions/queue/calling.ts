import { setTimeout as sleep } from 'node:timers/promises';
import { ConcurrencyError, NotFound, RuleViolation } from '../../domain/errors.ts';
import { rank } from '../../domain/queue/rules.ts';
import { ticketAggregate, type TicketCommand } from '../../domain/ticket/aggregate.ts';
import { assertPlace } from '../auth/access.ts';
import { earlierAnswer, handleCommand } from '../commands/handle.ts';
import { idempotencyOf } from '../http/command-reply.ts';
import { ServiceUnavailable } from '../http/errors.ts';
import { commandMeta } from '../http/request-meta.ts';
import { noContent, type EmptyReply, type Reply, type Request } from '../http/route.ts';
import { todayAt, type Runtime } from '../runtime.ts';
import { callable, claimPlace, PLACES_FROM, release, waitingDelete, waitingStream, walkInAt, windowPartition, type WaitingItem } from './waiting-line.ts';
import { windowCategories } from './window-days.ts';

/** How long a call keeps trying after losing tickets to other windows (the function's timeout is 10 s), and how long it steps back. */
const CALL_BUDGET_MS = 5_000;
const BACKOFF_MS = 40;
const MAX_CONFLICT_RETRIES = 3;

export interface Called {
  ticketId: string;
  number: string;
  category: string;
  windowId: string;
}
type CallReply = Reply<Called>;
type Taken = { reply: CallReply } | { lost: true };

/** The caller as the window's display shows them, when their account has a name. */
const servedBy = ({ caller }: Request) => (caller.name === null ? {} : { servedBy: { name: caller.name, badgeNo: caller.badgeNo } });

/**
 * Calls one ticket to the window: its event, its entry's removal and the idempotency record, in one
 * transaction. The entry carries the ticket as it stands, so nothing else is read.
 */
async function take(rt: Runtime, request: Request, windowId: string, w: WaitingItem): Promise<Taken> {
  const meta = commandMeta(request, { windowId, siteId: rt.county.window(windowId)?.siteId ?? null });
  const answer = (): CallReply => ({ body: { ticketId: w.ticketId, number: w.ticket.number, category: w.ticket.category, windowId }, headers: { etag: `"${w.ticket.version + 1}"` } });
  for (let attempt = 0; ; attempt++) {
    try {
      const outcome = await handleCommand(
        rt.events,
        { aggregate: ticketAggregate, id: w.ticketId, known: { state: w.ticket, version: w.ticket.version }, command: (): TicketCommand => ({ type: 'CallTicket', data: { windowId, ...servedBy(request) }, meta }), context: undefined, extra: () => [waitingDelete(rt, w)] },
        answer,
        idempotencyOf(request),
      );
      // The same call, sent again while this one ran, was answered first: its ticket is this call's answer.
      if (outcome.replayed && w.place !== undefined) await release(rt, w);
      return { reply: outcome.answer };
    } catch (error) {
      if (!(error instanceof ConcurrencyError)) throw error;
      // Two calls at the same instant on one ticket: neither was decided, so try it again.
      if (!error.transient || attempt >= MAX_CONFLICT_RETRIES) return { lost: true };
      await sleep(2 + Math.random() * 10 * (attempt + 1));
    }
  }
}

/**
 * Calls the next ticket to a window by the calling rule (叫号), from its categories today and the
 * tickets sent to it in person; 204 when nobody waits. A terminal retrying a call it lost the answer
 * to gets the same ticket, whatever changed since.
 */
export async function callNext(rt: Runtime, request: Request, windowId: string): Promise<CallReply | EmptyReply> {
  if (!rt.county.window(windowId)) throw new NotFound(`no window ${windowId}`);
  assertPlace(request.caller, { windowId }, `window ${windowId}`);
  const earlier = await earlierAnswer<CallReply>(rt.events, idempotencyOf(request));
  if (earlier) return earlier;
  const date = todayAt(rt, request.now);
  const categories = await windowCategories(rt, windowId, date);
  const partitions = [...categories, windowPartition(windowId)];
  const deadline = Date.now() + CALL_BUDGET_MS;
  for (let losses = 0; Date.now() < deadline; ) {
    const heads = await Promise.all(partitions.map((p) => callable(rt, date, p, request.now)));
    const ranked = rank(
      heads.flatMap((h) => (h.next ? [...h.takeable, h.next] : h.takeable)),
      request.now,
    );
    const best = ranked[0];
    if (best === undefined && categories.length === 0) throw new RuleViolation(`Window ${windowId} serves no ticket category today`, { windowId });
    if (best === undefined) return noContent;
    const line = heads.find((h) => h.next === best);
    if (line) {
      // A walk-in is next: claim the next place on the line (no other window can get it), and call
      // the ticket standing there. Windows calling at one moment get the next places, in order.
      const place = await claimPlace(rt, date, line.partition, request.now);
      if (place === undefined) continue;
      // A place this call cannot use goes back at once, whatever stopped it, not after it looks abandoned.
      const claimed = { stream: waitingStream(date, line.partition), version: PLACES_FROM + place };
      const giveBack = async (error: unknown): Promise<never> => {
        await release(rt, claimed).catch(() => undefined);
        throw error;
      };
      const ticket = await walkInAt(rt, date, line.partition, place, line.walkIns).catch(giveBack);
      if (ticket === undefined) continue;
      const taken = await take(rt, request, windowId, ticket).catch(giveBack);
      if ('reply' in taken) return taken.reply;
      await release(rt, ticket);
      continue;
    }
    // Strictly the head of the queue: a window moves on only once another window has taken it.
    const taken = await take(rt, request, windowId, best);
    if ('reply' in taken) return taken.reply;
    // Another window took it. Windows that lost the same ticket would all go for the next one together
    // and mostly lose again: each steps back a random moment (a little longer after the first losses)
    // and looks again, so they take the next tickets one after another instead of colliding on each.
    losses++;
    await sleep(Math.random() * BACKOFF_MS * Math.min(losses, 3));
  }
  throw new ServiceUnavailable('Too many windows called at once; call again', 1);
}
