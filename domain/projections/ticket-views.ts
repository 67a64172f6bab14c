import type { ServedBy, TicketEvent, TicketState } from '../ticket/aggregate.ts';
import { counterProjection, documentProjection, type Counters, type ViewKey } from './projection.ts';

/** The hall screen (叫号屏): each call, newest first, for the day. */
export const boardPartition = (date: string) => `board#${date}`;

export const hallBoard = documentProjection<TicketEvent, TicketState, { number: string; category: string; windowId: string; at: string; recall: boolean }>({
  name: 'hall-board',
  canHandle: ['TicketCalled', 'TicketRecalled'],
  keys: ({ event, after }) => {
    const at = event.type === 'TicketCalled' ? event.data.calledAt : event.type === 'TicketRecalled' ? event.data.recalledAt : '';
    return [{ pk: boardPartition(after.date), sk: `${at}#${after.ticketId}` }];
  },
  evolve: ({ event, after }) =>
    event.type === 'TicketCalled' || event.type === 'TicketRecalled'
      ? { number: after.number, category: after.category, windowId: event.data.windowId, at: event.type === 'TicketCalled' ? event.data.calledAt : event.data.recalledAt, recall: event.type === 'TicketRecalled' }
      : undefined,
});

/** Queue counters per (date, window, category); minutes histograms give the p90 without keeping every ticket. */
export const queueStatsPartition = (date: string) => `queue-stats#${date.slice(0, 7)}`;
export const queueStatsKey = (date: string, windowId: string, category: string): ViewKey => ({ pk: queueStatsPartition(date), sk: `${date}#${windowId}#${category}` });
export const queueStatsLabels = (key: ViewKey) => {
  const [date, windowId, category] = key.sk.split('#') as [string, string, string];
  return { date, windowId, category };
};
/** Histogram buckets: whole minutes [m, m+1), the last one (180) open-ended. */
export const HISTOGRAM_MINUTES = 180;
const bucket = (from: string, to: string) => Math.min(HISTOGRAM_MINUTES, Math.max(0, Math.floor((Date.parse(to) - Date.parse(from)) / 60_000)));
const seconds = (from: string, to: string) => Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 1000));

function rows(event: TicketEvent, before: TicketState | undefined, after: TicketState): { key: ViewKey; deltas: Counters }[] {
  switch (event.type) {
    case 'TicketIssued':
      return [{ key: queueStatsKey(after.date, '-', after.category), deltas: { issued: 1 } }];
    case 'TicketCalled': {
      if (!event.data.firstCall) return [];
      // A visitor who came early for an appointment waits from the appointment's time.
      const from = after.appointmentAt !== null && after.appointmentAt > after.issuedAt ? after.appointmentAt : after.issuedAt;
      return [{ key: queueStatsKey(after.date, event.data.windowId, after.category), deltas: { called: 1, waitSeconds: seconds(from, event.data.calledAt), [`wait_${bucket(from, event.data.calledAt)}`]: 1 } }];
    }
    case 'TicketNoShow':
      return [{ key: queueStatsKey(after.date, event.data.windowId, after.category), deltas: { noShows: 1 } }];
    case 'TicketTransferred':
      return [{ key: queueStatsKey(after.date, event.data.fromWindowId, before?.category ?? after.category), deltas: { transfers: 1 } }];
    case 'TicketFinished': {
      const start = after.startedAt ?? event.data.finishedAt;
      return [{ key: queueStatsKey(after.date, event.data.windowId, after.category), deltas: { served: 1, serviceSeconds: seconds(start, event.data.finishedAt), [`service_${bucket(start, event.data.finishedAt)}`]: 1 } }];
    }
    default:
      return [];
  }
}

export const queueStats = counterProjection<TicketEvent, TicketState>({
  name: 'queue-stats',
  canHandle: ['TicketIssued', 'TicketCalled', 'TicketNoShow', 'TicketTransferred', 'TicketFinished'],
  keys: ({ event, before, after }) => rows(event, before, after).map((r) => r.key),
  deltas: ({ event, before, after }, key) => rows(event, before, after).find((r) => r.key.sk === key.sk)?.deltas ?? {},
  labels: (key) => queueStatsLabels(key),
});

/** The ticket itself, for the terminals' reads. */
/** The day's tickets, each as it stands. */
export const ticketsPartition = (date: string) => `tickets#${date}`;
export const ticketView = documentProjection<TicketEvent, TicketState, TicketState>({
  name: 'ticket',
  canHandle: ['TicketIssued', 'TicketCalled', 'TicketRecalled', 'TicketNoShow', 'TicketTransferred', 'TicketStarted', 'TicketFinished'],
  keys: ({ after }) => [{ pk: ticketsPartition(after.date), sk: after.ticketId }],
  evolve: ({ after }) => after,
});

/** A window's own display (窗口屏): the tickets the window called today, newest call last; each as it stands at that window. */
export const displayPartition = (date: string, windowId: string) => `display#${date}#${windowId}`;
export const windowDisplayStatuses = ['called', 'serving', 'finished', 'no-show', 'transferred'] as const;
export interface WindowDisplayTicket {
  ticketId: string;
  number: string;
  category: string;
  status: (typeof windowDisplayStatuses)[number];
  calledAt: string;
  /** When it last changed at this window. */
  at: string;
  servedBy: ServedBy | null;
  caseIds: string[];
}

/** Where a step happened, and the call it belongs to (a ticket called again later, after a transfer, is another document). */
function atWindow(event: TicketEvent, before: TicketState | undefined): { windowId: string; calledAt: string; at: string } | undefined {
  switch (event.type) {
    case 'TicketCalled':
      return { windowId: event.data.windowId, calledAt: event.data.calledAt, at: event.data.calledAt };
    case 'TicketRecalled':
      return before?.calledAt ? { windowId: event.data.windowId, calledAt: before.calledAt, at: event.data.recalledAt } : undefined;
    case 'TicketStarted':
      return before?.calledAt ? { windowId: event.data.windowId, calledAt: before.calledAt, at: event.data.startedAt } : undefined;
    case 'TicketFinished':
      return before?.calledAt ? { windowId: event.data.windowId, calledAt: before.calledAt, at: event.data.finishedAt } : undefined;
    case 'TicketNoShow':
      return before?.calledAt ? { windowId: event.data.windowId, calledAt: before.calledAt, at: event.data.at } : undefined;
    case 'TicketTransferred':
      return before?.calledAt ? { windowId: event.data.fromWindowId, calledAt: before.calledAt, at: event.data.at } : undefined;
    default:
      return undefined;
  }
}

/**
 * Keyed by the window and the call's instant, so that the window's latest call is its partition's
 * newest document whatever order the projector meets different tickets' events in.
 */
export const windowDisplay = documentProjection<TicketEvent, TicketState, WindowDisplayTicket>({
  name: 'window-display',
  canHandle: ['TicketCalled', 'TicketRecalled', 'TicketStarted', 'TicketFinished', 'TicketNoShow', 'TicketTransferred'],
  keys: ({ event, before, after }) => {
    const place = atWindow(event, before);
    return place ? [{ pk: displayPartition(after.date, place.windowId), sk: `${place.calledAt}#${after.ticketId}` }] : [];
  },
  evolve: ({ event, before, after }) => {
    const place = atWindow(event, before);
    if (!place) return undefined;
    const status = event.type === 'TicketTransferred' ? 'transferred' : after.status === 'waiting' ? 'transferred' : after.status;
    return { ticketId: after.ticketId, number: after.number, category: before?.category ?? after.category, status, calledAt: place.calledAt, at: place.at, servedBy: after.servedBy ?? before?.servedBy ?? null, caseIds: after.caseIds };
  },
});
