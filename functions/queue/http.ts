import * as z from 'zod/mini';
import { boardPartition, displayPartition, hallBoard, ticketView, ticketsPartition, windowDisplay, windowDisplayStatuses } from '../../domain/projections/ticket-views.ts';
import { rank } from '../../domain/queue/rules.ts';
import { summarizeQueue } from '../../domain/stats/queue.ts';
import { priorities, ticketStatuses, type TicketCommand } from '../../domain/ticket/aggregate.ts';
import { windowDayAggregate, windowDayId } from '../../domain/window-day/aggregate.ts';
import { InvalidInput, NotFound } from '../../domain/errors.ts';
import type { CommandMeta } from '../../domain/meta.ts';
import { assertPlace } from '../auth/access.ts';
import { commandReply } from '../http/command-reply.ts';
import { commandMeta } from '../http/request-meta.ts';
import { defineRoute, noContent, type Out } from '../http/route.ts';
import { CaseId, dateRange, EmptyBody, Id, LocalDateString, named, QueueFigures, WindowParams } from '../http/schemas.ts';
import { todayAt, type Runtime } from '../runtime.ts';
import { callNext } from './calling.ts';
import { queueRows } from './rows.ts';
import { checkCategory, hallWaiting, issueTicket, placeOf, ticketBody, ticketStep, unknownCases } from './tickets.ts';
import { waiting, windowPartition } from './waiting-line.ts';
import { windowCategoriesChanged } from './window-days.ts';

/** The hall's ticket queue (排队叫号): taking tickets, calling them to windows, and each step of a visit. */

const Category = z.string().check(z.regex(/^[A-Z]$/, 'a category letter'));
const TicketParams = z.strictObject({ id: z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'a ticket id')) });
const IssueTicketBody = z
  .strictObject({
    category: Category,
    priority: z.optional(z.enum(priorities)),
    source: z.optional(z.enum(['kiosk', 'desk'])),
    appointmentId: z.optional(z.string().check(z.minLength(1), z.maxLength(64))),
    /** When the appointment is for: today, in the county's time. */
    appointmentAt: z.optional(z.iso.datetime({ offset: true })),
  })
  .check(
    z.refine((b) => (b.appointmentId === undefined) === (b.appointmentAt === undefined), { message: 'an appointment needs both appointmentId and appointmentAt', path: ['appointmentAt'] }),
    z.refine((b) => b.appointmentId === undefined || b.source === undefined, { message: 'a ticket from an appointment has no kiosk or desk source', path: ['source'] }),
  );
const TransferTicketBody = z
  .strictObject({ category: z.optional(Category), windowId: z.optional(Id).check(z.describe('the window the visitor is sent to')) })
  .check(z.refine((b) => (b.category === undefined) !== (b.windowId === undefined), { message: 'send the visitor to a category or to a window, one of the two' }));
const FinishTicketBody = z.strictObject({ caseIds: z.optional(z.array(CaseId).check(z.maxLength(20))) });
const WindowCategoriesBody = z.strictObject({ categories: z.array(z.string().check(z.regex(/^[A-Z]$/))).check(z.maxLength(26)) });
const QueueQuery = z
  .strictObject({ category: z.optional(Category), windowId: z.optional(Id).check(z.describe('the visitors sent to this window in person')) })
  .check(z.refine((q) => (q.category === undefined) !== (q.windowId === undefined), { message: 'ask for a category or a window, one of the two' }));
const QueueStatsQuery = z.strictObject({ from: LocalDateString, to: LocalDateString, windowId: z.optional(Id), category: z.optional(Category) }).check(z.superRefine(dateRange));

const TicketCategory = named('TicketCategory', z.object({ code: z.string(), name: z.string(), windowIds: z.array(z.string()) }));
const IssuedTicket = named('IssuedTicket', z.object({ ticketId: z.string(), number: z.string(), category: z.string(), ahead: z.int(), estimatedWaitMinutes: z.int() }));
const CalledTicket = named('CalledTicket', z.object({ ticketId: z.string(), number: z.string(), category: z.string(), windowId: z.string() }));
const TicketView = named('Ticket', z.object({
  ticketId: z.string(),
  number: z.string(),
  category: z.string(),
  status: z.enum(ticketStatuses),
  windowId: z.nullable(z.string()),
  forWindowId: z.nullable(z.string()),
  priority: z.enum(priorities),
  issuedAt: z.string(),
  calledAt: z.nullable(z.string()),
  startedAt: z.nullable(z.string()),
  finishedAt: z.nullable(z.string()),
  recalls: z.int(),
  transfers: z.int(),
  caseIds: z.array(z.string()),
  version: z.int(),
}));
const WaitingList = named('WaitingList', z.object({
  category: z.nullable(z.string()),
  windowId: z.nullable(z.string()),
  date: LocalDateString,
  waiting: z.int(),
  entries: z.array(z.object({ ticketId: z.string(), number: z.string(), priority: z.enum(priorities), appointmentAt: z.nullable(z.string()), issuedAt: z.string(), ahead: z.int(), waitingMinutes: z.int() })),
}));
const HallBoard = named('HallBoard', z.object({ date: LocalDateString, calls: z.array(z.object({ number: z.string(), category: z.string(), windowId: z.string(), windowName: z.string(), at: z.string(), recall: z.boolean() })) }));
const HallWaiting = named('HallWaiting', z.object({
  date: LocalDateString,
  categories: z.array(z.object({ code: z.string(), name: z.string(), waiting: z.int().check(z.describe('who may be called now')), estimatedWaitMinutes: z.int().check(z.describe('for a visitor taking a ticket now')) })),
}));
const WindowDisplay = named('WindowDisplay', z.object({
  windowId: z.string(),
  windowName: z.string(),
  departmentName: z.string(),
  date: LocalDateString,
  ticket: z
    .nullable(
      z.object({
        ticketId: z.string(),
        number: z.string(),
        category: z.string(),
        status: z.enum(windowDisplayStatuses),
        calledAt: z.string(),
        at: z.string().check(z.describe('when it last changed at this window')),
        servedBy: z.nullable(z.object({ name: z.string(), badgeNo: z.nullable(z.string()) })).check(z.describe('the clerk who called it (工号 when the account has one)')),
        caseIds: z.array(z.string()),
      }),
    )
    .check(z.describe('the ticket the window called last today, as it stands; null before its first call')),
}));
const QueueStats = named('QueueStats', z.object({
  from: LocalDateString,
  to: LocalDateString,
  ...QueueFigures,
  byWindow: z.array(z.omit(z.object({ windowId: z.string(), ...QueueFigures }), { issued: true })),
  byCategory: z.array(z.object({ category: z.string(), ...QueueFigures })),
  byDay: z.array(z.object({ date: LocalDateString, ...QueueFigures })),
}));
const WindowCategories = named('WindowCategories', z.object({ windowId: z.string(), date: LocalDateString, categories: z.array(z.string()) }));

const ENTRY = 'queue' as const;
const STAFF = ['clerk', 'director', 'callback', 'admin'] as const;
const CASE_ACTORS = ['clerk', 'admin'] as const;
/** Staff, and the machines of the hall that show the queue: kiosks list categories, screens show the calls. */
const HALL_SCREENS = [...STAFF, 'hall-screen'] as const;

/** A step on a ticket by the window holding it: the route, and the command it becomes. */
function ticketStepRoute<B extends z.ZodMiniType>(path: string, operationId: string, summary: string, body: B, command: (rt: Runtime, body: Out<B>, windowId: string, meta: CommandMeta) => TicketCommand) {
  return defineRoute({
    method: 'POST',
    path: `/tickets/{id}/${path}`,
    entry: ENTRY,
    operationId,
    summary,
    params: TicketParams,
    body,
    response: { status: 200, schema: TicketView },
    command: true,
    access: CASE_ACTORS,
    handle: (request, rt) => ticketStep(rt, request, request.params.id, (windowId, meta) => command(rt, request.body, windowId, meta)),
  });
}

export const queueRoutes = [
  defineRoute({
    method: 'GET',
    path: '/ticket-categories',
    entry: ENTRY,
    operationId: 'listTicketCategories',
    summary: 'Ticket categories, their letters and the windows serving them',
    response: { status: 200, schema: z.array(TicketCategory) },
    access: [...HALL_SCREENS, 'kiosk'],
    handle: (_request, rt) => ({ body: rt.county.county.queue.categories }),
  }),
  defineRoute({
    method: 'POST',
    path: '/tickets',
    entry: ENTRY,
    operationId: 'issueTicket',
    summary: 'Take a ticket (取号) at a kiosk, a desk, or from an appointment',
    body: IssueTicketBody,
    response: { status: 201, schema: IssuedTicket },
    command: true,
    access: ['clerk', 'admin', 'kiosk'],
    handle: (request, rt) => issueTicket(rt, request, request.body),
  }),
  defineRoute({
    method: 'POST',
    path: '/windows/{id}/call-next',
    entry: ENTRY,
    operationId: 'callNext',
    summary: 'Call the next ticket by the window’s rule (叫号); 204 when nobody waits',
    params: WindowParams,
    body: EmptyBody,
    response: { status: 200, schema: CalledTicket },
    command: true,
    access: CASE_ACTORS,
    handle: (request, rt) => callNext(rt, request, request.params.id),
  }),
  defineRoute({
    method: 'GET',
    path: '/windows/{id}/ticket',
    entry: ENTRY,
    operationId: 'getWindowTicket',
    summary: 'The ticket a window has called or is serving now (a terminal that restarted picks it up again); 204 when none',
    params: WindowParams,
    response: { status: 200, schema: TicketView },
    access: CASE_ACTORS,
    handle: async (request, rt) => {
      const id = request.params.id;
      if (!rt.county.window(id)) throw new NotFound(`no window ${id}`);
      assertPlace(request.caller, placeOf(rt, id), `window ${id}’s ticket`);
      const date = todayAt(rt, request.now);
      const held = (await rt.views.docs(ticketView, ticketsPartition(date)))
        .map(({ doc }) => doc)
        .filter((t) => t.windowId === id && (t.status === 'called' || t.status === 'serving'))
        .sort((a, b) => (b.calledAt ?? '').localeCompare(a.calledAt ?? ''));
      return held[0] ? { body: ticketBody(held[0]), headers: { etag: `"${held[0].version}"` } } : noContent;
    },
  }),
  ticketStepRoute('recall', 'recallTicket', 'Call the ticket again (重呼)', EmptyBody, (_rt, _body, windowId, meta) => ({ type: 'RecallTicket', data: { windowId }, meta })),
  ticketStepRoute('no-show', 'noShowTicket', 'The visitor did not come (过号): after a recall, or after the county’s minutes', EmptyBody, (rt, _body, windowId, meta) => ({
    type: 'MarkNoShow',
    data: { windowId, noShowMinutes: rt.county.county.queue.noShowMinutes },
    meta,
  })),
  ticketStepRoute('transfer', 'transferTicket', 'Send the visitor to another category or window (转移)', TransferTicketBody, (rt, body, windowId, meta) => {
    if (body.category !== undefined) checkCategory(rt, body.category, 'body.category');
    if (body.windowId !== undefined) {
      // A visitor can be sent to another window of the same hall, not to another site.
      const to = rt.county.window(body.windowId);
      if (!to) throw new InvalidInput('Unknown window', [{ path: 'body.windowId', message: `no window ${body.windowId}` }]);
      if (to.siteId !== rt.county.window(windowId)?.siteId) throw new InvalidInput('Window in another hall', [{ path: 'body.windowId', message: `${body.windowId} is not at the site of ${windowId}` }]);
    }
    return { type: 'TransferTicket', data: { windowId, toCategory: body.category, toWindowId: body.windowId }, meta };
  }),
  ticketStepRoute('start', 'startTicket', 'Begin serving (开始办理)', EmptyBody, (_rt, _body, windowId, meta) => ({ type: 'StartService', data: { windowId }, meta })),
  defineRoute({
    method: 'POST',
    path: '/tickets/{id}/finish',
    entry: ENTRY,
    operationId: 'finishTicket',
    summary: 'End the service, linking the cases registered during it',
    params: TicketParams,
    body: FinishTicketBody,
    response: { status: 200, schema: TicketView },
    command: true,
    access: CASE_ACTORS,
    handle: async (request, rt) => {
      // The visit links only to cases that exist.
      const caseIds = [...new Set(request.body.caseIds ?? [])];
      const missing = await unknownCases(rt, request.body.caseIds ?? []);
      if (missing.length > 0) throw new InvalidInput('Unknown case', missing);
      return ticketStep(rt, request, request.params.id, (windowId, meta) => ({ type: 'FinishService', data: { windowId, caseIds }, meta }));
    },
  }),
  defineRoute({
    method: 'PUT',
    path: '/windows/{id}/categories',
    entry: ENTRY,
    operationId: 'setWindowCategories',
    summary: 'Change the categories a window serves today',
    params: WindowParams,
    body: WindowCategoriesBody,
    response: { status: 200, schema: WindowCategories },
    command: true,
    access: CASE_ACTORS,
    handle: async (request, rt) => {
      const windowId = request.params.id;
      if (!rt.county.window(windowId)) throw new NotFound(`no window ${windowId}`);
      assertPlace(request.caller, { windowId }, `window ${windowId}`);
      request.body.categories.forEach((c, i) => checkCategory(rt, c, `body.categories.${i}`));
      const date = todayAt(rt, request.now);
      const reply = await commandReply(
        rt,
        request,
        { aggregate: windowDayAggregate, id: windowDayId(date, windowId), command: () => ({ type: 'SetWindowCategories', data: { windowId, date, categories: request.body.categories }, meta: commandMeta(request) }), context: undefined },
        (result) => ({ body: { windowId, date, categories: result.state.categories ?? [] } }),
      );
      // Also after a replay: a terminal resending a change whose answer it lost completes the lines too.
      await windowCategoriesChanged(rt, date, windowId);
      return reply;
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/queue',
    entry: ENTRY,
    operationId: 'getQueue',
    summary: 'A category’s waiting list, in calling order, with how many wait ahead',
    query: QueueQuery,
    response: { status: 200, schema: WaitingList },
    access: HALL_SCREENS,
    handle: async (request, rt) => {
      const { category, windowId } = request.query;
      if (category !== undefined) checkCategory(rt, category, 'query.category');
      if (windowId !== undefined && !rt.county.window(windowId)) throw new InvalidInput('Unknown window', [{ path: 'query.windowId', message: `no window ${windowId}` }]);
      const date = todayAt(rt, request.now);
      const all = await waiting(rt, date, category ?? windowPartition(windowId ?? ''));
      const ranked = rank(all, request.now);
      // Appointments not yet due wait behind everyone callable now.
      const callable = new Set(ranked.map((r) => r.ticketId));
      const future = all.filter((w) => !callable.has(w.ticketId));
      const entries = [...ranked, ...future].map((w, i) => ({
        ticketId: w.ticketId,
        number: w.ticket.number,
        priority: w.priority,
        appointmentAt: w.appointmentAt,
        issuedAt: w.issuedAt,
        ahead: i < ranked.length ? i : ranked.length,
        waitingMinutes: Math.max(0, Math.floor((Date.parse(request.now) - Date.parse(w.issuedAt)) / 60_000)),
      }));
      return { body: { category: category ?? null, windowId: windowId ?? null, date, waiting: ranked.length, entries } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/hall/board',
    entry: ENTRY,
    operationId: 'getHallBoard',
    summary: 'The last calls for the hall screen (ticket → window)',
    response: { status: 200, schema: HallBoard },
    access: HALL_SCREENS,
    handle: async (request, rt) => {
      const date = todayAt(rt, request.now);
      // The screen polls: read only the last calls, not the whole day's (none after now: a replayed day on the dev clock shows its own morning).
      const items = await rt.views.docs(hallBoard, boardPartition(date), { newest: 20, from: '0000', to: `${request.now}#\uffff` });
      return { body: { date, calls: items.map(({ doc }) => ({ ...doc, windowName: rt.county.window(doc.windowId)?.name ?? doc.windowId })) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/hall/waiting',
    entry: ENTRY,
    operationId: 'getHallWaiting',
    summary: 'Each category’s waiting count and the wait a visitor taking a ticket now should expect (the hall screen)',
    response: { status: 200, schema: HallWaiting },
    access: HALL_SCREENS,
    handle: async (request, rt) => {
      const date = todayAt(rt, request.now);
      return { body: { date, categories: await hallWaiting(rt, date, request.now) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/windows/{id}/display',
    entry: ENTRY,
    operationId: 'getWindowDisplay',
    summary: 'What a window’s own display shows (窗口屏): the window, and the ticket it called last today with the clerk who called it',
    params: WindowParams,
    response: { status: 200, schema: WindowDisplay },
    access: [...STAFF, 'rating-device'],
    handle: async (request, rt) => {
      const id = request.params.id;
      const window = rt.county.window(id);
      if (!window) throw new NotFound(`no window ${id}`);
      assertPlace(request.caller, placeOf(rt, id), `window ${id}’s display`);
      const date = todayAt(rt, request.now);
      const [last] = await rt.views.docs(windowDisplay, displayPartition(date, id), { newest: 1, from: '0000', to: `${request.now}#\uffff` });
      const departmentName = rt.county.county.departments.find((d) => d.id === window.departmentId)?.name ?? window.departmentId;
      return { body: { windowId: id, windowName: window.name, departmentName, date, ticket: last?.doc ?? null } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/stats/queue',
    entry: ENTRY,
    operationId: 'getQueueStats',
    summary: 'Tickets issued, served, no-shows, transfers, wait and service times (average, p90), per window, category and day',
    query: QueueStatsQuery,
    response: { status: 200, schema: QueueStats },
    access: ['director', 'admin'],
    handle: async (request, rt) => {
      const { from, to } = request.query;
      return { body: { from, to, ...summarizeQueue(await queueRows(rt, from, to), request.query) } };
    },
  }),
];
