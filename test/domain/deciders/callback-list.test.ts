import { describe, expect, it } from 'vitest';
import { callbackListAggregate, callbackListEventTypes, type PublishCallbackList } from '../../../domain/callback-list/aggregate.ts';
import { assembleList, type CallbackCandidate } from '../../../domain/callback-list/assemble.ts';
import { IllegalTransition } from '../../../domain/errors.ts';
import { at, meta } from '../../support/builders.ts';
import { specFor } from '../../support/given.ts';

const lists = specFor(callbackListAggregate, undefined);
const DAY = '2026-11-05';

const candidate = (caseId: string, reason: CallbackCandidate['reason'], extra: Partial<CallbackCandidate> = {}): CallbackCandidate => ({
  caseId,
  caseNo: `339999-20261103-${caseId.slice(-5)}`,
  reason,
  due: null,
  windowId: 'W02',
  itemName: '建设工程规划许可',
  completedDate: '2026-11-03',
  phone: '13812341234',
  optOut: false,
  attempts: [],
  round: 0,
  settled: false,
  ...extra,
});
const candidates = [
  candidate('case-00001', 'sample'),
  candidate('case-00002', 'bad-review', { due: '2026-11-04' }),
  candidate('case-00003', 'retry', { round: 1, attempts: [{ listDate: '2026-11-04', outcome: 'no-answer', attemptDate: '2026-11-04' }] }),
  candidate('case-00004', 'sample', { phone: undefined }),
  candidate('case-00005', 'sample', { optOut: true }),
];
const assembled = (staff: string[] = ['cb-1', 'cb-2']) =>
  assembleList({ date: DAY, coveredFrom: '2026-11-04', coveredThrough: '2026-11-04', ratio: 0.1, staff, maxAttempts: 3, considered: 40, candidates });

const callbackStaff = { actor: { id: 'cb-1', role: 'callback' as const }, windowId: null };
const publish = (data = assembled(), time = '08:00'): PublishCallbackList => ({ type: 'PublishCallbackList', data, meta: meta(at(DAY, time), callbackStaff) });

describe('publishing a day’s callback list (发布回访名单)', () => {
  it('publishes the assembled list as it is, masked numbers and all', () => {
    const data = assembled();
    lists
      .given([])
      .when(publish(data))
      .then((events, state) => {
        expect(events).toEqual([{ type: 'CallbackListPublished', data, meta: { ...callbackStaff, siteId: 'S-CENTER', at: at(DAY, '08:00'), commandId: `cmd-${at(DAY, '08:00')}`, correlationId: 'corr-1' } }]);
        expect(state).toEqual({ date: DAY, published: data });
      });
    // What the list holds: bad reviews first, then retries, then the sample, dealt out in turn; the skipped only counted.
    expect(data.entries.map((e) => [e.caseId, e.reason, e.staffId])).toEqual([
      ['case-00002', 'bad-review', 'cb-1'],
      ['case-00003', 'retry', 'cb-2'],
      ['case-00001', 'sample', 'cb-1'],
    ]);
    expect(data.entries.every((e) => e.phoneMasked === '138****1234')).toBe(true);
    expect(JSON.stringify(data)).not.toContain('13812341234');
    expect(data).toMatchObject({ considered: 40, sampled: 3, skipped: { noPhone: 1, optedOut: 1 } });
  });

  it('publishes a list with nobody on duty, its calls unassigned', () => {
    lists
      .given([])
      .when(publish(assembled([])))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'CallbackListPublished', data: { date: DAY, staff: [] } }]);
        expect(state?.published.entries.map((e) => e.staffId)).toEqual([null, null, null]);
      });
  });

  it('publishes an empty list', () => {
    const empty = assembleList({ date: DAY, coveredFrom: '2026-11-04', coveredThrough: '2026-11-04', ratio: 0.1, staff: ['cb-1'], maxAttempts: 3, considered: 0, candidates: [] });
    lists
      .given([])
      .when(publish(empty))
      .then((_, state) => expect(state?.published).toMatchObject({ entries: [], considered: 0, sampled: 0, skipped: { noPhone: 0, optedOut: 0 } }));
  });

  it('is published once a day: another list for the day is refused, even the same one sent again', () => {
    lists.given([publish()]).when(publish()).thenThrows(IllegalTransition, /the callback list of 2026-11-05 is already published/);
    lists.given([publish()]).when(publish(assembled(['cb-3']), '09:00')).thenThrows(IllegalTransition, /already published/);
    // The published list stays as it was.
    expect(lists.given([publish()]).state?.published.staff).toEqual(['cb-1', 'cb-2']);
  });
});

describe('a callback list’s stream', () => {
  it('declares the one event type it produces, a stream a day', () => {
    expect(lists.run([publish()]).map((e) => e.type)).toEqual(['CallbackListPublished']);
    expect(callbackListEventTypes).toEqual(['CallbackListPublished']);
    expect(callbackListAggregate.streamPrefix).toBe('callbacks#');
    expect(callbackListAggregate.initialState()).toBeUndefined();
  });
});
