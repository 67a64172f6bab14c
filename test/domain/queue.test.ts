import { describe, expect, it } from 'vitest';
import { IllegalTransition, RuleViolation } from '../../domain/errors.ts';
import { decideTicket, evolveTicket, type TicketCommand, type TicketEvent, type TicketState } from '../../domain/ticket/aggregate.ts';
import { rank, servingWindows, type Waiting } from '../../domain/queue/rules.ts';
import { percentileMinutes, summarizeQueue } from '../../domain/stats/queue.ts';
import { meta } from '../support/builders.ts';

const w = (id: string, issuedAt: string, extra: Partial<Waiting> = {}): Waiting => ({ ticketId: id, numberCategory: 'A', appointmentAt: null, priority: 'normal', issuedAt, sequence: Number(id.replace(/\D/g, '')), ...extra });

describe('the calling rule', () => {
  it('calls due appointments first, then priority, then the longest waiting; a future appointment waits', () => {
    const waiting = [
      w('A1', '2026-11-02T01:00:00.000Z'),
      w('A2', '2026-11-02T01:05:00.000Z', { priority: 'priority' }),
      w('A3', '2026-11-02T00:30:00.000Z'),
      w('A4', '2026-11-02T01:10:00.000Z', { appointmentAt: '2026-11-02T01:15:00.000Z' }),
      w('A5', '2026-11-02T01:11:00.000Z', { appointmentAt: '2026-11-02T03:00:00.000Z' }),
      w('A6', '2026-11-02T01:12:00.000Z', { appointmentAt: '2026-11-02T01:12:00.000Z' }),
    ];
    expect(rank(waiting, '2026-11-02T01:20:00.000Z').map((x) => x.ticketId)).toEqual(['A6', 'A4', 'A2', 'A3', 'A1']);
    expect(rank(waiting, '2026-11-02T03:00:00.000Z').map((x) => x.ticketId)).toEqual(['A6', 'A4', 'A5', 'A2', 'A3', 'A1']);
  });
});

describe('a ticket', () => {
  const at = (minute: number) => new Date(Date.UTC(2026, 10, 2, 1, minute)).toISOString();
  const issued: TicketEvent = {
    type: 'TicketIssued',
    data: { ticketId: 'T1', number: 'A001', category: 'A', date: '2026-11-02', priority: 'normal', source: 'kiosk', appointmentId: null, appointmentAt: null, issuedAt: at(0) },
    meta: { ...meta(at(0)), at: at(0) },
  };
  const cmd = (type: TicketCommand['type'], minute: number, data: object = {}): TicketCommand => ({ type, data: { windowId: 'W01', noShowMinutes: 5, caseIds: [], ...data }, meta: meta(at(minute)) }) as TicketCommand;
  const run = (commands: TicketCommand[]): TicketState => {
    let state = evolveTicket(undefined, issued);
    for (const c of commands) for (const e of decideTicket(c, state)) state = evolveTicket(state, e);
    return state;
  };

  it('goes called → serving → finished at the window that called it', () => {
    const state = run([cmd('CallTicket', 1), cmd('StartService', 2), cmd('FinishService', 9, { caseIds: ['C1', 'C1'] })]);
    expect(state).toMatchObject({ status: 'finished', windowId: 'W01', caseIds: ['C1'], firstCalledAt: at(1) });
  });

  it('refuses another window’s ticket and steps out of order', () => {
    const called = run([cmd('CallTicket', 1)]);
    expect(() => decideTicket(cmd('StartService', 2, { windowId: 'W02' }), called)).toThrow(/held by window W01/);
    expect(() => decideTicket(cmd('FinishService', 2), called)).toThrow(IllegalTransition);
    expect(() => decideTicket(cmd('CallTicket', 2), called)).toThrow(IllegalTransition);
  });

  it('is a no-show only after a recall or the county’s minutes', () => {
    const called = run([cmd('CallTicket', 1)]);
    expect(() => decideTicket(cmd('MarkNoShow', 3), called)).toThrow(RuleViolation);
    expect(decideTicket(cmd('MarkNoShow', 6), called)[0]?.data).toMatchObject({ reason: 'timeout' });
    const recalled = run([cmd('CallTicket', 1), cmd('RecallTicket', 2)]);
    expect(decideTicket(cmd('MarkNoShow', 2), recalled)[0]?.data).toMatchObject({ reason: 'after-recall' });
  });

  it('waits again after a transfer, for a category or one window', () => {
    const moved = run([cmd('CallTicket', 1), cmd('TransferTicket', 2, { toCategory: 'B' })]);
    expect(moved).toMatchObject({ status: 'waiting', category: 'B', windowId: null, transfers: 1, firstCalledAt: at(1) });
    const sent = run([cmd('CallTicket', 1), cmd('TransferTicket', 2, { toWindowId: 'W07' })]);
    expect(() => decideTicket(cmd('CallTicket', 3), sent)).toThrow(/sent to window W07/);
    expect(decideTicket(cmd('CallTicket', 3, { windowId: 'W07' }), sent)[0]?.data).toMatchObject({ firstCall: false });
    expect(() => decideTicket(cmd('TransferTicket', 2, {}), run([cmd('CallTicket', 1)]))).toThrow(RuleViolation);
  });
});

describe('queue statistics', () => {
  it('reads the p90 off the minutes histogram', () => {
    const counters = { wait_0: 5, wait_3: 3, wait_10: 2 };
    expect(percentileMinutes(counters, 'wait', 0.5)).toBe(0);
    expect(percentileMinutes(counters, 'wait', 0.8)).toBe(3);
    expect(percentileMinutes(counters, 'wait', 0.9)).toBe(10);
    expect(percentileMinutes({}, 'wait', 0.9)).toBeNull();
    // Three hours or more all fall in the last bucket: the figure means "180 or more".
    expect(percentileMinutes({ wait_5: 1, wait_180: 9 }, 'wait', 0.9)).toBe(180);
  });

  it('adds up issued, served, no-shows and times per window, category and day', () => {
    const s = summarizeQueue([
      { date: '2026-11-02', windowId: '-', category: 'A', counters: { issued: 10 } },
      { date: '2026-11-02', windowId: 'W01', category: 'A', counters: { called: 8, waitSeconds: 4800, wait_9: 4, wait_11: 4, served: 7, serviceSeconds: 2520, service_6: 7, noShows: 1 } },
    ]);
    expect(s).toMatchObject({ issued: 10, called: 8, served: 7, noShows: 1, averageWaitMinutes: 10, p90WaitMinutes: 11, averageServiceMinutes: 6, p90ServiceMinutes: 6 });
    expect(s.byWindow.map((x) => x.windowId)).toEqual(['W01']);
  });
});

describe('the windows serving a category', () => {
  it('counts the file’s windows with the day’s changes, and only those staffed once anyone signed in', () => {
    expect(servingWindows(['W01', 'W02', 'W03'], new Map([['W02', false], ['W09', true]]))).toBe(3);
    expect(servingWindows(['W01', 'W02', 'W03'], new Map([['W02', false], ['W09', true]]), new Set(['W01', 'W02', 'W09']))).toBe(2);
    expect(servingWindows(['W01', 'W02'], new Map(), new Set())).toBe(0);
  });
});
