import { describe, expect, it } from 'vitest';
import { fold } from '../../../domain/decider.ts';
import { IllegalTransition, RuleViolation } from '../../../domain/errors.ts';
import { ticketAggregate, ticketEventTypes, type IssueTicket, type TicketCommand, type TicketEvent } from '../../../domain/ticket/aggregate.ts';
import { at, meta } from '../../support/builders.ts';
import { specFor } from '../../support/given.ts';

const tickets = specFor(ticketAggregate, undefined);
const DAY = '2026-11-02';
const issuedAt = at(DAY, '09:00');

const kiosk = { actor: { id: 'kiosk-1', role: 'kiosk' as const }, windowId: null };
const issue = (data: Partial<IssueTicket['data']> = {}): TicketCommand => ({
  type: 'IssueTicket',
  data: { ticketId: 'T1', number: 'A001', category: 'A', date: DAY, priority: 'normal', source: 'kiosk', appointmentId: null, appointmentAt: null, issuedAt, ...data },
  meta: meta(issuedAt, kiosk),
});
/** A step taken by a window terminal at `time` on the day. */
const atWindow = (windowId: string, time: string) => meta(at(DAY, time), { windowId });
const call = (windowId: string, time: string): TicketCommand => ({ type: 'CallTicket', data: { windowId }, meta: atWindow(windowId, time) });
const recall = (windowId: string, time: string): TicketCommand => ({ type: 'RecallTicket', data: { windowId }, meta: atWindow(windowId, time) });
const noShow = (windowId: string, time: string, noShowMinutes = 5): TicketCommand => ({ type: 'MarkNoShow', data: { windowId, noShowMinutes }, meta: atWindow(windowId, time) });
const transfer = (windowId: string, time: string, to: { toCategory?: string; toWindowId?: string }): TicketCommand => ({ type: 'TransferTicket', data: { windowId, ...to }, meta: atWindow(windowId, time) });
const start = (windowId: string, time: string): TicketCommand => ({ type: 'StartService', data: { windowId }, meta: atWindow(windowId, time) });
const finish = (windowId: string, time: string, caseIds: string[] = []): TicketCommand => ({ type: 'FinishService', data: { windowId, caseIds }, meta: atWindow(windowId, time) });

const called = [issue(), call('W01', '09:10')];
const serving = [...called, start('W01', '09:12')];
const finished = [...serving, finish('W01', '09:30', ['case-1'])];

describe('issuing a ticket (取号)', () => {
  it('records the ticket as given, with who issued it and when, and it waits in its category', () => {
    tickets
      .given([])
      .when(issue())
      .then((events, state) => {
        expect(events).toMatchObject([
          {
            type: 'TicketIssued',
            data: { ticketId: 'T1', number: 'A001', category: 'A', date: DAY, priority: 'normal', source: 'kiosk', appointmentId: null, appointmentAt: null, issuedAt },
            meta: { actor: { id: 'kiosk-1', role: 'kiosk' }, windowId: null, siteId: 'S-CENTER', at: issuedAt, commandId: `cmd-${issuedAt}`, correlationId: 'corr-1' },
          },
        ]);
        expect(state).toEqual({
          ticketId: 'T1',
          number: 'A001',
          date: DAY,
          category: 'A',
          forWindowId: null,
          priority: 'normal',
          source: 'kiosk',
          appointmentAt: null,
          issuedAt,
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
        });
      });
  });

  it('keeps an appointment’s time and a priority visitor’s mark (预约, 优先)', () => {
    const appointmentAt = at(DAY, '10:30');
    tickets
      .given([])
      .when(issue({ number: 'B003', category: 'B', priority: 'priority', source: 'appointment', appointmentId: 'AP-7', appointmentAt }))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'TicketIssued', data: { source: 'appointment', appointmentId: 'AP-7', appointmentAt, priority: 'priority' } }]);
        expect(state).toMatchObject({ status: 'waiting', category: 'B', priority: 'priority', source: 'appointment', appointmentAt });
      });
  });

  it('is refused for a ticket already issued, even when sent again unchanged', () => {
    tickets.given([issue()]).when(issue()).thenThrows(IllegalTransition, /ticket A001 is already issued/);
    tickets.given(finished).when(issue({ number: 'A002' })).thenThrows(IllegalTransition, /ticket A001 is already issued/);
  });

  it('must come first: every other step needs an issued ticket', () => {
    for (const command of [call('W01', '09:10'), recall('W01', '09:10'), noShow('W01', '09:10'), transfer('W01', '09:10', { toCategory: 'B' }), start('W01', '09:10'), finish('W01', '09:10')]) {
      tickets.given([]).when(command).thenThrows(IllegalTransition, new RegExp(`${command.type} needs an issued ticket`));
    }
  });
});

describe('calling a ticket (叫号)', () => {
  it('calls a waiting ticket to the window, the first call marked as such', () => {
    tickets
      .given([issue()])
      .when(call('W01', '09:10'))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'TicketCalled', data: { windowId: 'W01', calledAt: at(DAY, '09:10'), firstCall: true }, meta: { windowId: 'W01', at: at(DAY, '09:10') } }]);
        expect(state).toMatchObject({ status: 'called', windowId: 'W01', calledAt: at(DAY, '09:10'), firstCalledAt: at(DAY, '09:10'), recalls: 0, version: 2 });
      });
  });

  it('never lets two windows call the same ticket, nor one window call it twice', () => {
    tickets.given(called).when(call('W02', '09:11')).thenThrows(IllegalTransition, /ticket A001 is called/);
    tickets.given(called).when(call('W01', '09:11')).thenThrows(IllegalTransition, /ticket A001 is called/);
  });

  it('does not call a ticket being served, finished or gone (过号)', () => {
    tickets.given(serving).when(call('W02', '09:20')).thenThrows(IllegalTransition, /ticket A001 is serving/);
    tickets.given(finished).when(call('W02', '09:40')).thenThrows(IllegalTransition, /ticket A001 is finished/);
    tickets.given([...called, noShow('W01', '09:15')]).when(call('W01', '09:20')).thenThrows(IllegalTransition, /ticket A001 is no-show/);
  });

  it('starts the recall count again on a new call after a transfer', () => {
    const bounced = [...called, recall('W01', '09:11'), recall('W01', '09:12'), transfer('W01', '09:13', { toCategory: 'B' })];
    tickets
      .given(bounced)
      .when(call('W02', '09:20'))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'TicketCalled', data: { windowId: 'W02', firstCall: false } }]);
        expect(state).toMatchObject({ status: 'called', windowId: 'W02', recalls: 0, calledAt: at(DAY, '09:20'), firstCalledAt: at(DAY, '09:10'), category: 'B' });
      });
  });
});

describe('recalling a ticket (重呼)', () => {
  it('calls it again at the same window, counting each recall and keeping the time of the call', () => {
    tickets
      .given(called)
      .when(recall('W01', '09:11'))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'TicketRecalled', data: { windowId: 'W01', recalledAt: at(DAY, '09:11') } }]);
        expect(state).toMatchObject({ status: 'called', recalls: 1, calledAt: at(DAY, '09:10'), version: 3 });
      });
    tickets
      .given([...called, recall('W01', '09:11')])
      .when(recall('W01', '09:12'))
      .then((_, state) => expect(state).toMatchObject({ recalls: 2 }));
  });

  it('is only for the window holding the called ticket', () => {
    tickets.given(called).when(recall('W02', '09:11')).thenThrows(IllegalTransition, /ticket A001 is held by window W01, not W02/);
    tickets.given([issue()]).when(recall('W01', '09:11')).thenThrows(IllegalTransition, /cannot recall a ticket that is waiting/);
    tickets.given(serving).when(recall('W01', '09:13')).thenThrows(IllegalTransition, /cannot recall a ticket that is serving/);
  });
});

describe('marking a no-show (过号)', () => {
  it('is allowed once the county’s minutes have passed since the call, as a timeout', () => {
    tickets
      .given(called)
      .when(noShow('W01', '09:15', 5))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'TicketNoShow', data: { windowId: 'W01', at: at(DAY, '09:15'), reason: 'timeout' } }]);
        expect(state).toMatchObject({ status: 'no-show', windowId: 'W01', version: 3 });
      });
  });

  it('is refused before the minutes have passed without a recall, saying when it was called', () => {
    const error = tickets.given(called).when(noShow('W01', '09:14', 5)).thenThrows(RuleViolation, /Recall the ticket first, or wait 5 minutes/);
    expect(error).toHaveProperty('details', { calledAt: at(DAY, '09:10'), recalls: 0 });
  });

  it('counts from the latest call, not the first', () => {
    const again = [...called, transfer('W01', '09:11', { toCategory: 'A' }), call('W02', '09:30')];
    tickets.given(again).when(noShow('W02', '09:34', 5)).thenThrows(RuleViolation);
    tickets.given(again).when(noShow('W02', '09:35', 5)).then([{ type: 'TicketNoShow', data: { reason: 'timeout' } }]);
  });

  it('is after a recall whenever the ticket was recalled, however long ago it was called', () => {
    tickets.given([...called, recall('W01', '09:11')]).when(noShow('W01', '09:40', 5)).then([{ type: 'TicketNoShow', data: { reason: 'after-recall' } }]);
  });

  it('is only for the window holding the called ticket', () => {
    tickets.given(called).when(noShow('W02', '09:30')).thenThrows(IllegalTransition, /held by window W01, not W02/);
    tickets.given([issue()]).when(noShow('W01', '09:30')).thenThrows(IllegalTransition, /cannot mark as a no-show a ticket that is waiting/);
    tickets.given(serving).when(noShow('W01', '09:30')).thenThrows(IllegalTransition, /cannot mark as a no-show a ticket that is serving/);
  });

  it('ends the ticket: it cannot be started, transferred or marked again', () => {
    const gone = [...called, noShow('W01', '09:15')];
    tickets.given(gone).when(start('W01', '09:16')).thenThrows(IllegalTransition, /cannot start serving a ticket that is no-show/);
    tickets.given(gone).when(transfer('W01', '09:16', { toCategory: 'B' })).thenThrows(IllegalTransition, /cannot transfer a ticket that is no-show/);
    tickets.given(gone).when(noShow('W01', '09:16')).thenThrows(IllegalTransition, /cannot mark as a no-show a ticket that is no-show/);
  });
});

describe('transferring a ticket (转移)', () => {
  it('sends a called ticket to another category, where any window may call it', () => {
    tickets
      .given(called)
      .when(transfer('W01', '09:11', { toCategory: 'B' }))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'TicketTransferred', data: { fromWindowId: 'W01', toCategory: 'B', toWindowId: null, at: at(DAY, '09:11') } }]);
        expect(state).toMatchObject({ status: 'waiting', category: 'B', forWindowId: null, windowId: null, calledAt: null, firstCalledAt: at(DAY, '09:10'), transfers: 1, issuedAt });
      });
    tickets.given([...called, transfer('W01', '09:11', { toCategory: 'B' })]).when(call('W02', '09:20')).then([{ type: 'TicketCalled', data: { windowId: 'W02', firstCall: false } }]);
  });

  it('sends a ticket being served to one window, in its own category, and only that window may call it', () => {
    const sent = [...serving, transfer('W01', '09:20', { toWindowId: 'WT-1' })];
    tickets
      .given(serving)
      .when(transfer('W01', '09:20', { toWindowId: 'WT-1' }))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'TicketTransferred', data: { fromWindowId: 'W01', toCategory: null, toWindowId: 'WT-1' } }]);
        expect(state).toMatchObject({ status: 'waiting', category: 'A', forWindowId: 'WT-1', windowId: null, transfers: 1 });
      });
    tickets.given(sent).when(call('W02', '09:21')).thenThrows(IllegalTransition, /ticket A001 was sent to window WT-1/);
    tickets.given(sent).when(call('WT-1', '09:21')).then([{ type: 'TicketCalled', data: { windowId: 'WT-1', firstCall: false } }]);
  });

  it('frees a ticket sent to one window when that window passes it on to a category', () => {
    const passedOn = [...called, transfer('W01', '09:11', { toWindowId: 'W02' }), call('W02', '09:12'), transfer('W02', '09:13', { toCategory: 'C' })];
    tickets.given(passedOn).when(call('W01', '09:14')).then((_, state) => expect(state).toMatchObject({ status: 'called', windowId: 'W01', category: 'C', forWindowId: null, transfers: 2 }));
  });

  it('names a category or a window: one of the two', () => {
    tickets.given(called).when(transfer('W01', '09:11', {})).thenThrows(RuleViolation, /one of the two/);
    tickets.given(called).when(transfer('W01', '09:11', { toCategory: 'B', toWindowId: 'W02' })).thenThrows(RuleViolation, /one of the two/);
  });

  it('does not send a ticket to the window that holds it', () => {
    tickets.given(called).when(transfer('W01', '09:11', { toWindowId: 'W01' })).thenThrows(RuleViolation, /already at that window/);
  });

  it('is only for the window holding a called or served ticket', () => {
    tickets.given(called).when(transfer('W02', '09:11', { toCategory: 'B' })).thenThrows(IllegalTransition, /held by window W01, not W02/);
    tickets.given([issue()]).when(transfer('W01', '09:11', { toCategory: 'B' })).thenThrows(IllegalTransition, /cannot transfer a ticket that is waiting/);
    tickets.given(finished).when(transfer('W01', '09:40', { toCategory: 'B' })).thenThrows(IllegalTransition, /cannot transfer a ticket that is finished/);
  });
});

describe('serving a ticket (开始办理, 办结)', () => {
  it('starts serving a called ticket at its window', () => {
    tickets
      .given(called)
      .when(start('W01', '09:12'))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'TicketStarted', data: { windowId: 'W01', startedAt: at(DAY, '09:12') } }]);
        expect(state).toMatchObject({ status: 'serving', windowId: 'W01', startedAt: at(DAY, '09:12'), version: 3 });
      });
  });

  it('does not start a ticket that is not called to that window, nor start it twice', () => {
    tickets.given([issue()]).when(start('W01', '09:12')).thenThrows(IllegalTransition, /cannot start serving a ticket that is waiting/);
    tickets.given(called).when(start('W02', '09:12')).thenThrows(IllegalTransition, /held by window W01, not W02/);
    tickets.given(serving).when(start('W01', '09:13')).thenThrows(IllegalTransition, /cannot start serving a ticket that is serving/);
  });

  it('finishes the service with the cases registered, each once and in the order given', () => {
    tickets
      .given(serving)
      .when(finish('W01', '09:30', ['case-2', 'case-1', 'case-2']))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'TicketFinished', data: { windowId: 'W01', finishedAt: at(DAY, '09:30'), caseIds: ['case-2', 'case-1'] } }]);
        expect(state).toMatchObject({ status: 'finished', finishedAt: at(DAY, '09:30'), caseIds: ['case-2', 'case-1'], startedAt: at(DAY, '09:12'), version: 4 });
      });
  });

  it('finishes a visit that registered no case', () => {
    tickets.given(serving).when(finish('W01', '09:20', [])).then([{ type: 'TicketFinished', data: { caseIds: [] } }]);
  });

  it('does not finish a ticket not being served at that window, nor finish it twice', () => {
    tickets.given(serving).when(finish('W02', '09:30')).thenThrows(IllegalTransition, /held by window W01, not W02/);
    tickets.given(finished).when(finish('W01', '09:31', ['case-1'])).thenThrows(IllegalTransition, /cannot finish a ticket that is finished/);
  });
});

describe('a ticket’s stream', () => {
  it('counts every event in its version, each of a type the aggregate declares', () => {
    const history = tickets.run([...called, recall('W01', '09:11'), transfer('W01', '09:12', { toCategory: 'B' }), call('W02', '09:13'), start('W02', '09:14'), finish('W02', '09:30')]);
    expect(history.map((e) => e.type)).toEqual(['TicketIssued', 'TicketCalled', 'TicketRecalled', 'TicketTransferred', 'TicketCalled', 'TicketStarted', 'TicketFinished']);
    expect(history.every((e) => ticketEventTypes.includes(e.type))).toBe(true);
    expect(tickets.givenEvents(history).state).toMatchObject({ version: 7, status: 'finished', windowId: 'W02', transfers: 1, recalls: 0 });
  });

  it('cannot be replayed from a step before its issue', () => {
    const stray: TicketEvent = { type: 'TicketCalled', data: { windowId: 'W01', calledAt: at(DAY, '09:10'), firstCall: true }, meta: { ...kiosk, siteId: null, at: at(DAY, '09:10'), commandId: 'c', correlationId: 'c' } };
    expect(() => fold(ticketAggregate, [stray])).toThrow(/TicketCalled before TicketIssued/);
  });
});
