import { caseEventTypes, type CaseEvent } from '../case/events.ts';
import { evolve as evolveCase, type CaseState } from '../case/state.ts';
import { applicantView } from '../case/view.ts';
import { caseStatistics } from './case-statistics.ts';
import type { Projection } from './projection.ts';
import { windowQueue } from './window-queue.ts';
import { satisfactionStats } from './satisfaction-stats.ts';
import { completions } from './completions.ts';
import { smsAwaiting } from './sms-awaiting.ts';
import { callbackAttempts } from './callback-attempts.ts';
import { rectifications } from './rectifications.ts';
import { callbackListIndex, callbackListView } from './callback-lists.ts';
import { archiveDeductions, archiveView, caseDeductions, rosterIndex, rosterView, videoCheckDeductions } from './supervision.ts';
import { evolveRoster, rosterEventTypes, type RosterEvent, type RosterState } from '../supervision/roster.ts';
import { evolveTicket, ticketEventTypes, type TicketEvent, type TicketState } from '../queue/ticket.ts';
import { hallBoard, queueStats, ticketView } from './ticket-views.ts';
import { archiveEventTypes, evolveArchive, type ArchiveEvent, type ArchiveState } from '../supervision/archive.ts';
import { callbackListEventTypes, evolveCallbackList, type CallbackListEvent, type CallbackListState } from '../satisfaction/callback-list.ts';

/** An event-sourced aggregate whose streams the projector follows, with the projections it feeds. */
export interface AggregateProjections<E extends { type: string }, S> {
  name: string;
  /** Streams of this aggregate start with this prefix (`case#…`). */
  streamPrefix: string;
  /** Every event type its streams hold: anything else is unreadable. */
  eventTypes: readonly E['type'][];
  evolve(state: S | undefined, event: E): S;
  /** What of the state may be kept in the views (personal data masked); projections still see the whole event. */
  redact(state: S): S;
  projections: readonly Projection<E, S>[];
}

// The registry: adding a projection is its file plus one entry in a list below.
const caseAggregate: AggregateProjections<CaseEvent, CaseState> = {
  name: 'case',
  streamPrefix: 'case#',
  eventTypes: caseEventTypes,
  evolve: evolveCase,
  redact: (state) => ({ ...state, applicant: applicantView(state.applicant, { revealPhone: false }) }),
  projections: [windowQueue, caseStatistics, satisfactionStats, completions, smsAwaiting, callbackAttempts, rectifications, caseDeductions],
};

const rosterAggregate: AggregateProjections<RosterEvent, RosterState> = {
  name: 'roster',
  streamPrefix: 'roster#',
  eventTypes: rosterEventTypes,
  evolve: evolveRoster,
  redact: (state) => state,
  projections: [rosterView, rosterIndex, videoCheckDeductions],
};

const ticketAggregate: AggregateProjections<TicketEvent, TicketState> = {
  name: 'ticket',
  streamPrefix: 'ticket#',
  eventTypes: ticketEventTypes,
  evolve: evolveTicket,
  redact: (state) => state,
  projections: [ticketView, hallBoard, queueStats],
};

const archiveAggregate: AggregateProjections<ArchiveEvent, ArchiveState> = {
  name: 'archive',
  streamPrefix: 'archive#',
  eventTypes: archiveEventTypes,
  evolve: evolveArchive,
  redact: (state) => state,
  projections: [archiveView, archiveDeductions],
};

const callbackListAggregate: AggregateProjections<CallbackListEvent, CallbackListState> = {
  name: 'callback-list',
  streamPrefix: 'callbacks#',
  eventTypes: callbackListEventTypes,
  evolve: evolveCallbackList,
  // The list is the one view that keeps phone numbers whole (callback staff need them).
  redact: (state) => state,
  projections: [callbackListView, callbackListIndex],
};

export const aggregates: readonly AggregateProjections<{ type: string }, unknown>[] = [caseAggregate, callbackListAggregate, rosterAggregate, archiveAggregate, ticketAggregate];

export function aggregateOf(stream: string): AggregateProjections<{ type: string }, unknown> | undefined {
  return aggregates.find((a) => stream.startsWith(a.streamPrefix));
}
