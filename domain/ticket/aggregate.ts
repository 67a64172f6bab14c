import { allOf, type Aggregate } from '../decider.ts';
import { IllegalTransition, RuleViolation } from '../errors.ts';
import { eventMetaOf, type CommandMeta, type EventMeta } from '../meta.ts';
import type { LocalDate } from '../time.ts';

/**
 * The hall's ticket queue (排队叫号). A ticket waits in a category (or for one window it was sent
 * to); a window calls the next by its rule — appointments due now first, then priority, then the
 * longest waiting — recalls, marks a no-show, transfers, starts and finishes the service.
 */
export const ticketSources = ['kiosk', 'desk', 'appointment'] as const;
export type TicketSource = (typeof ticketSources)[number];
export const priorities = ['normal', 'priority'] as const;
export type Priority = (typeof priorities)[number];

export const ticketStatuses = ['waiting', 'called', 'serving', 'finished', 'no-show'] as const;
export type TicketStatus = (typeof ticketStatuses)[number];

type Event<T extends string, D> = { type: T; data: D; meta: EventMeta };

/** A ticket taken at a kiosk, a staffed desk, or from an appointment (取号). */
export type TicketIssued = Event<
  'TicketIssued',
  { ticketId: string; number: string; category: string; date: LocalDate; priority: Priority; source: TicketSource; appointmentId: string | null; appointmentAt: string | null; issuedAt: string }
>;
/** Called to a window (叫号). */
export type TicketCalled = Event<'TicketCalled', { windowId: string; calledAt: string; firstCall: boolean; servedBy?: ServedBy | undefined }>;
/** Called again at the same window (重呼). */
export type TicketRecalled = Event<'TicketRecalled', { windowId: string; recalledAt: string }>;
/** The visitor did not come (过号). */
export type TicketNoShow = Event<'TicketNoShow', { windowId: string; at: string; reason: 'after-recall' | 'timeout' }>;
/** Sent to another category or window (转移): it waits again, in its original place in time. */
export type TicketTransferred = Event<'TicketTransferred', { fromWindowId: string; toCategory: string | null; toWindowId: string | null; at: string }>;
/** The window began serving the visitor (开始办理). */
export type TicketStarted = Event<'TicketStarted', { windowId: string; startedAt: string }>;
/** Service ended (办结), with the cases registered during the visit. */
export type TicketFinished = Event<'TicketFinished', { windowId: string; finishedAt: string; caseIds: string[] }>;

export type TicketEvent = TicketIssued | TicketCalled | TicketRecalled | TicketNoShow | TicketTransferred | TicketStarted | TicketFinished;
export const ticketEventTypes = allOf<TicketEvent['type']>({ TicketIssued: true, TicketCalled: true, TicketRecalled: true, TicketNoShow: true, TicketTransferred: true, TicketStarted: true, TicketFinished: true });

/** The clerk who called the ticket, as the window's display shows them (name and badge number, 工号); absent when the account has no name. */
export interface ServedBy {
  name: string;
  badgeNo: string | null;
}

export interface TicketState {
  ticketId: string;
  number: string;
  date: LocalDate;
  category: string;
  /** Set when the ticket was sent to one window. */
  forWindowId: string | null;
  priority: Priority;
  source: TicketSource;
  appointmentAt: string | null;
  issuedAt: string;
  status: TicketStatus;
  windowId: string | null;
  firstCalledAt: string | null;
  calledAt: string | null;
  recalls: number;
  startedAt: string | null;
  finishedAt: string | null;
  transfers: number;
  caseIds: string[];
  /** Who called it to the window (from calls recorded since the window displays existed). */
  servedBy?: ServedBy | undefined;
  version: number;
}

export function evolveTicket(state: TicketState | undefined, event: TicketEvent): TicketState {
  if (event.type === 'TicketIssued') {
    const d = event.data;
    return {
      ticketId: d.ticketId,
      number: d.number,
      date: d.date,
      category: d.category,
      forWindowId: null,
      priority: d.priority,
      source: d.source,
      appointmentAt: d.appointmentAt,
      issuedAt: d.issuedAt,
      status: 'waiting',
      windowId: null,
      firstCalledAt: null,
      calledAt: null,
      recalls: 0,
      startedAt: null,
      finishedAt: null,
      transfers: 0,
      caseIds: [],
      version: 1,
    };
  }
  if (!state) throw new Error(`${event.type} before TicketIssued`);
  const next = { ...state, version: state.version + 1 };
  switch (event.type) {
    case 'TicketCalled':
      return { ...next, status: 'called', windowId: event.data.windowId, calledAt: event.data.calledAt, firstCalledAt: state.firstCalledAt ?? event.data.calledAt, recalls: 0, servedBy: event.data.servedBy };
    case 'TicketRecalled':
      return { ...next, recalls: state.recalls + 1 };
    case 'TicketNoShow':
      return { ...next, status: 'no-show' };
    case 'TicketTransferred':
      return { ...next, status: 'waiting', windowId: null, calledAt: null, category: event.data.toCategory ?? state.category, forWindowId: event.data.toWindowId, transfers: state.transfers + 1 };
    case 'TicketStarted':
      return { ...next, status: 'serving', startedAt: event.data.startedAt };
    case 'TicketFinished':
      return { ...next, status: 'finished', finishedAt: event.data.finishedAt, caseIds: event.data.caseIds };
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled event ${(unhandled as TicketEvent).type}`);
    }
  }
}

/** Take a ticket (取号): its number drawn from the category's line. */
export type IssueTicket = { type: 'IssueTicket'; data: TicketIssued['data']; meta: CommandMeta };

export type TicketCommand =
  | IssueTicket
  | { type: 'CallTicket'; data: { windowId: string; servedBy?: ServedBy | undefined }; meta: CommandMeta }
  | { type: 'RecallTicket'; data: { windowId: string }; meta: CommandMeta }
  | { type: 'MarkNoShow'; data: { windowId: string; noShowMinutes: number }; meta: CommandMeta }
  | { type: 'TransferTicket'; data: { windowId: string; toCategory?: string | undefined; toWindowId?: string | undefined }; meta: CommandMeta }
  | { type: 'StartService'; data: { windowId: string }; meta: CommandMeta }
  | { type: 'FinishService'; data: { windowId: string; caseIds: string[] }; meta: CommandMeta };

function held(state: TicketState, windowId: string, statuses: readonly TicketStatus[], action: string): void {
  if (!statuses.includes(state.status)) throw new IllegalTransition(`cannot ${action} a ticket that is ${state.status}`);
  if (state.windowId !== windowId) throw new IllegalTransition(`ticket ${state.number} is held by window ${state.windowId ?? 'none'}, not ${windowId}`);
}

/** Decides one step of a ticket. Pure: the time comes in the command's metadata. */
export function decideTicket(command: TicketCommand, state: TicketState | undefined): TicketEvent[] {
  const meta = eventMetaOf(command.meta);
  if (command.type === 'IssueTicket') {
    if (state) throw new IllegalTransition(`ticket ${state.number} is already issued`);
    return [{ type: 'TicketIssued', data: command.data, meta }];
  }
  if (!state) throw new IllegalTransition(`${command.type} needs an issued ticket`);
  const now = command.meta.now;
  const w = command.data.windowId;
  switch (command.type) {
    case 'CallTicket':
      if (state.status !== 'waiting') throw new IllegalTransition(`ticket ${state.number} is ${state.status}`);
      if (state.forWindowId !== null && state.forWindowId !== w) throw new IllegalTransition(`ticket ${state.number} was sent to window ${state.forWindowId}`);
      return [{ type: 'TicketCalled', data: { windowId: w, calledAt: now, firstCall: state.firstCalledAt === null, ...(command.data.servedBy ? { servedBy: command.data.servedBy } : {}) }, meta }];
    case 'RecallTicket':
      held(state, w, ['called'], 'recall');
      return [{ type: 'TicketRecalled', data: { windowId: w, recalledAt: now }, meta }];
    case 'MarkNoShow': {
      held(state, w, ['called'], 'mark as a no-show');
      const waited = (Date.parse(now) - Date.parse(state.calledAt ?? now)) / 60_000;
      if (state.recalls === 0 && waited < command.data.noShowMinutes) {
        throw new RuleViolation(`Recall the ticket first, or wait ${command.data.noShowMinutes} minutes after calling it`, { calledAt: state.calledAt, recalls: 0 });
      }
      return [{ type: 'TicketNoShow', data: { windowId: w, at: now, reason: state.recalls > 0 ? 'after-recall' : 'timeout' }, meta }];
    }
    case 'TransferTicket': {
      held(state, w, ['called', 'serving'], 'transfer');
      const { toCategory, toWindowId } = command.data;
      if ((toCategory === undefined) === (toWindowId === undefined)) throw new RuleViolation('Transfer to a category or to a window, one of the two');
      if (toWindowId === w) throw new RuleViolation('The ticket is already at that window');
      return [{ type: 'TicketTransferred', data: { fromWindowId: w, toCategory: toCategory ?? null, toWindowId: toWindowId ?? null, at: now }, meta }];
    }
    case 'StartService':
      held(state, w, ['called'], 'start serving');
      return [{ type: 'TicketStarted', data: { windowId: w, startedAt: now }, meta }];
    case 'FinishService':
      held(state, w, ['serving'], 'finish');
      return [{ type: 'TicketFinished', data: { windowId: w, finishedAt: now, caseIds: [...new Set(command.data.caseIds)] }, meta }];
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${(unhandled as TicketCommand).type}`);
    }
  }
}

/** A ticket (排队号): issued, called, perhaps recalled or sent elsewhere, served, finished. */
export const ticketAggregate: Aggregate<TicketCommand, TicketEvent, TicketState | undefined> = {
  name: 'ticket',
  streamPrefix: 'ticket#',
  eventTypes: ticketEventTypes,
  initialState: () => undefined,
  evolve: evolveTicket,
  decide: (command, state) => decideTicket(command, state),
};
