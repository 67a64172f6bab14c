import { describe, expect, it } from 'vitest';
import { HISTOGRAM_MINUTES } from '../../../domain/projections/ticket-views.ts';
import { ticketAggregate, type TicketCommand, type TicketIssued, type TicketState } from '../../../domain/ticket/aggregate.ts';
import { meta } from '../../support/builders.ts';
import { givenEvents, type StreamEvent } from '../../support/views.ts';
import { streamHistory } from './histories.ts';

/** 2026-11-02, Beijing time h:mm[:ss], as a UTC instant. */
const t = (hhmmss: string) => new Date(`2026-11-02T${hhmmss.length === 5 ? `${hhmmss}:00` : hhmmss}+08:00`).toISOString();

const kiosk = { actor: { id: 'kiosk-1', role: 'kiosk' as const }, windowId: null };
function issue(ticketId: string, number: string, issuedAt: string, extra: Partial<TicketIssued['data']> = {}): TicketCommand {
  return {
    type: 'IssueTicket',
    data: { ticketId, number, category: number.slice(0, 1), date: '2026-11-02', priority: 'normal', source: 'kiosk', appointmentId: null, appointmentAt: null, issuedAt: t(issuedAt), ...extra },
    meta: meta(t(issuedAt), kiosk),
  };
}
const step = (type: Exclude<TicketCommand['type'], 'IssueTicket'>, windowId: string, time: string, data: object = {}): TicketCommand =>
  ({ type, data: { windowId, noShowMinutes: 5, caseIds: [], ...data }, meta: meta(t(time), { windowId }) }) as TicketCommand;
const call = (windowId: string, time: string) => step('CallTicket', windowId, time);
const recall = (windowId: string, time: string) => step('RecallTicket', windowId, time);
const start = (windowId: string, time: string) => step('StartService', windowId, time);
const finish = (windowId: string, time: string, caseIds: string[] = []) => step('FinishService', windowId, time, { caseIds });

const ticket = (ticketId: string, commands: readonly TicketCommand[]): StreamEvent[] => streamHistory(ticketAggregate, ticketId, commands, undefined);
const served = (ticketId = 'T1', number = 'A001') => ticket(ticketId, [issue(ticketId, number, '09:00'), call('W01', '09:12'), start('W01', '09:13'), finish('W01', '09:20:30', ['case-1'])]);

describe('the ticket (ticket)', () => {
  it('keeps each ticket of the day as it stands, for the terminals', () => {
    const docs = givenEvents(ticket('T1', [issue('T1', 'A001', '09:00')])).then.docs('ticket');
    expect(docs.map((d) => [d.pk, d.sk])).toEqual([['tickets#2026-11-02', 'T1']]);
    expect(docs[0]?.doc).toMatchObject({ ticketId: 'T1', number: 'A001', category: 'A', status: 'waiting', windowId: null, version: 1 });
  });

  it('follows the ticket through call, service and finish', () => {
    const called = givenEvents(ticket('T1', [issue('T1', 'A001', '09:00'), call('W01', '09:12')])).then.docs('ticket')[0]?.doc;
    expect(called).toMatchObject({ status: 'called', windowId: 'W01', calledAt: t('09:12'), firstCalledAt: t('09:12') });
    const done = givenEvents(served()).then.docs('ticket')[0]?.doc as TicketState;
    expect(done).toMatchObject({ status: 'finished', windowId: 'W01', startedAt: t('09:13'), finishedAt: t('09:20:30'), caseIds: ['case-1'], version: 4 });
  });

  it('shows a no-show and a transfer', () => {
    const noShow = ticket('T1', [issue('T1', 'A001', '09:00'), call('W01', '09:10'), recall('W01', '09:11'), step('MarkNoShow', 'W01', '09:12')]);
    expect(givenEvents(noShow).then.docs('ticket')[0]?.doc).toMatchObject({ status: 'no-show', recalls: 1 });
    const moved = ticket('T1', [issue('T1', 'A001', '09:00'), call('W01', '09:10'), step('TransferTicket', 'W01', '09:11', { toCategory: 'B' })]);
    expect(givenEvents(moved).then.docs('ticket')[0]?.doc).toMatchObject({ status: 'waiting', category: 'B', windowId: null, transfers: 1 });
  });
});

describe('the hall screen (hall-board, 叫号屏)', () => {
  it('shows nothing for a ticket not yet called', () => {
    expect(givenEvents(ticket('T1', [issue('T1', 'A001', '09:00')])).then.docs('hall-board')).toEqual([]);
  });

  it('shows a call with the ticket’s number and the window it is called to', () => {
    expect(givenEvents(ticket('T1', [issue('T1', 'A001', '09:00'), call('W01', '09:12')])).then.docs('hall-board')).toEqual([
      { pk: 'board#2026-11-02', sk: `${t('09:12')}#T1`, index: {}, doc: { number: 'A001', category: 'A', windowId: 'W01', at: t('09:12'), recall: false } },
    ]);
  });

  it('adds a line for a recall (重呼), keeping the first call, and none for service steps', () => {
    const history = ticket('T1', [issue('T1', 'A001', '09:00'), call('W01', '09:12'), recall('W01', '09:14'), start('W01', '09:15'), finish('W01', '09:20')]);
    expect(givenEvents(history).then.docs('hall-board').map((d) => [d.sk, (d.doc as { recall: boolean }).recall])).toEqual([
      [`${t('09:12')}#T1`, false],
      [`${t('09:14')}#T1`, true],
    ]);
  });

  it('shows a transferred ticket again where it is called next', () => {
    const history = ticket('T1', [issue('T1', 'A001', '09:00'), call('W01', '09:10'), step('TransferTicket', 'W01', '09:11', { toWindowId: 'W02' }), call('W02', '09:30')]);
    expect(givenEvents(history).then.docs('hall-board').map((d) => (d.doc as { windowId: string }).windowId)).toEqual(['W01', 'W02']);
  });

  it('keeps the day’s calls in time order across tickets (the screen reads the newest first)', () => {
    const history = [...ticket('T2', [issue('T2', 'B001', '09:01'), call('W02', '09:05')]), ...ticket('T1', [issue('T1', 'A001', '09:00'), call('W01', '09:12')])];
    expect(givenEvents(history).then.docs('hall-board').map((d) => (d.doc as { number: string }).number)).toEqual(['B001', 'A001']);
  });
});

describe('queue statistics (queue-stats)', () => {
  const stats = (history: readonly StreamEvent[]) => givenEvents(history).then.counters('queue-stats');

  it('counts a ticket issued for its category, and its wait and service at the window that served it', () => {
    expect(stats(served())).toEqual([
      { pk: 'queue-stats#2026-11', sk: '2026-11-02#-#A', counters: { issued: 1 }, labels: { date: '2026-11-02', windowId: '-', category: 'A' } },
      // Waited 12 minutes; served from 09:13 to 09:20:30 = 450 s, in the 7-minute bucket.
      { pk: 'queue-stats#2026-11', sk: '2026-11-02#W01#A', counters: { called: 1, waitSeconds: 720, wait_12: 1, served: 1, serviceSeconds: 450, service_7: 1 }, labels: { date: '2026-11-02', windowId: 'W01', category: 'A' } },
    ]);
  });

  it('counts only the first call: a recall or a call after a transfer is no new wait', () => {
    const recalled = ticket('T1', [issue('T1', 'A001', '09:00'), call('W01', '09:05'), recall('W01', '09:08'), start('W01', '09:09'), finish('W01', '09:15')]);
    expect(stats(recalled).find((r) => r.sk === '2026-11-02#W01#A')?.counters).toEqual({ called: 1, waitSeconds: 300, wait_5: 1, served: 1, serviceSeconds: 360, service_6: 1 });
  });

  it('counts a transfer at the window that sent it, under the category it had, and the service where it ended', () => {
    const history = ticket('T1', [issue('T1', 'A001', '09:00'), call('W01', '09:05'), step('TransferTicket', 'W01', '09:06', { toCategory: 'B' }), call('W02', '09:20'), start('W02', '09:21'), finish('W02', '09:31')]);
    expect(stats(history).map((r) => [r.sk, r.counters])).toEqual([
      ['2026-11-02#-#A', { issued: 1 }],
      ['2026-11-02#W01#A', { called: 1, waitSeconds: 300, wait_5: 1, transfers: 1 }],
      ['2026-11-02#W02#B', { served: 1, serviceSeconds: 600, service_10: 1 }],
    ]);
  });

  it('counts a no-show (过号) at the window that called in vain', () => {
    const history = ticket('T1', [issue('T1', 'A001', '09:00'), call('W01', '09:10'), step('MarkNoShow', 'W01', '09:16')]);
    expect(stats(history).at(-1)).toMatchObject({ sk: '2026-11-02#W01#A', counters: { called: 1, waitSeconds: 600, wait_10: 1, noShows: 1 } });
  });

  it('times an early visitor’s wait from the appointment, and a late one’s from the ticket', () => {
    const early = ticket('T1', [issue('T1', 'A001', '09:00', { source: 'appointment', appointmentId: 'AP-1', appointmentAt: t('09:30') }), call('W01', '09:32')]);
    expect(stats(early).at(-1)?.counters).toEqual({ called: 1, waitSeconds: 120, wait_2: 1 });
    const late = ticket('T1', [issue('T1', 'A001', '09:40', { source: 'appointment', appointmentId: 'AP-1', appointmentAt: t('09:30') }), call('W01', '09:43')]);
    expect(stats(late).at(-1)?.counters).toEqual({ called: 1, waitSeconds: 180, wait_3: 1 });
  });

  it('puts a wait of three hours or more in the last, open-ended bucket', () => {
    const history = ticket('T1', [issue('T1', 'A001', '08:30'), call('W01', '13:00')]);
    expect(stats(history).at(-1)?.counters).toEqual({ called: 1, waitSeconds: 4.5 * 3600, [`wait_${HISTOGRAM_MINUTES}`]: 1 });
  });

  it('adds up the tickets of a window and category, a histogram bucket per minute', () => {
    const history = [
      ...ticket('T1', [issue('T1', 'A001', '09:00'), call('W01', '09:04')]),
      ...ticket('T2', [issue('T2', 'A002', '09:01'), call('W01', '09:05:30')]),
      ...ticket('T3', [issue('T3', 'A003', '09:02'), call('W01', '09:12')]),
      ...ticket('T4', [issue('T4', 'B001', '09:03')]),
    ];
    expect(stats(history).map((r) => [r.sk, r.counters])).toEqual([
      ['2026-11-02#-#A', { issued: 3 }],
      ['2026-11-02#-#B', { issued: 1 }],
      ['2026-11-02#W01#A', { called: 3, waitSeconds: 240 + 270 + 600, wait_4: 2, wait_10: 1 }],
    ]);
  });
});
