import { describe, expect, it } from 'vitest';
import { callbackListAggregate, type CallbackListPublished, type PublishCallbackList } from '../../../domain/callback-list/aggregate.ts';
import { assembleList, type CallbackCandidate } from '../../../domain/callback-list/assemble.ts';
import { applicant, at, meta, submitted } from '../../support/builders.ts';
import { givenEvents } from '../../support/views.ts';
import { accept, asText, callbackAttempt, caseHistory, complete, streamHistory } from './histories.ts';

const candidate = (caseId: string, extra: Partial<CallbackCandidate> = {}): CallbackCandidate => ({
  caseId,
  caseNo: `339999-20261102-${caseId.slice(-5).padStart(5, '0')}`,
  reason: 'sample',
  due: null,
  windowId: 'W02',
  itemName: '建设工程规划许可',
  completedDate: '2026-11-04',
  phone: applicant.phone,
  optOut: false,
  attempts: [],
  round: 0,
  settled: false,
  ...extra,
});

function listOf(date: string, candidates: CallbackCandidate[], coveredFrom = '2026-10-29'): CallbackListPublished['data'] {
  return assembleList({ date, coveredFrom, coveredThrough: '2026-11-04', ratio: 0.1, staff: ['cb-1', 'cb-2'], maxAttempts: 3, considered: 40, candidates });
}

/** The day's list, published through the callback-list aggregate (`callbacks#<date>`). */
const published = (data: CallbackListPublished['data']) => {
  const publish: PublishCallbackList = { type: 'PublishCallbackList', data, meta: meta(at(data.date, '07:00'), { actor: { id: 'system', role: 'system' }, windowId: null }) };
  return streamHistory(callbackListAggregate, data.date, [publish], undefined);
};

const day1 = listOf('2026-11-05', [candidate('case-1'), candidate('case-2', { reason: 'bad-review', due: '2026-11-05' }), candidate('case-3', { phone: undefined })]);

describe('a day’s callback list (回访名单) and the lists’ index', () => {
  it('keeps the list as published in its day’s partition', () => {
    const history = published(day1);
    expect(history.map((e) => e.stream)).toEqual(['callbacks#2026-11-05']);
    expect(givenEvents(history).then.docs('callback-list')).toEqual([{ pk: 'callback-list#2026-11-05', sk: 'list', index: {}, doc: day1 }]);
    expect(day1.entries.map((e) => [e.caseId, e.reason, e.staffId])).toEqual([
      ['case-2', 'bad-review', 'cb-1'],
      ['case-1', 'sample', 'cb-2'],
    ]);
  });

  it('indexes each list by date with what the next list continues from', () => {
    const day2 = listOf('2026-11-06', [candidate('case-4')], '2026-11-05');
    const docs = givenEvents([...published(day2), ...published(day1)]).then.docs('callback-list-index');
    expect(docs).toEqual([
      { pk: 'callback-lists', sk: '2026-11-05', index: {}, doc: { date: '2026-11-05', coveredThrough: '2026-11-04', entries: 2 } },
      { pk: 'callback-lists', sk: '2026-11-06', index: {}, doc: { date: '2026-11-06', coveredThrough: '2026-11-04', entries: 1 } },
    ]);
  });

  it('indexes an empty list too (nothing sampled), so the next one does not look back again', () => {
    const empty = listOf('2026-11-05', []);
    const then = givenEvents(published(empty)).then;
    expect(then.docs('callback-list-index')).toEqual([{ pk: 'callback-lists', sk: '2026-11-05', index: {}, doc: { date: '2026-11-05', coveredThrough: '2026-11-04', entries: 0 } }]);
    expect(then.docs('callback-list').map((d) => d.sk)).toEqual(['list']);
  });

  it('shows phone numbers masked (138****1234) on the list, and keeps the whole number nowhere in the views', () => {
    const then = givenEvents(published(day1)).then;
    expect(then.docs('callback-list')[0]?.doc).toMatchObject({ entries: [{ phoneMasked: '138****1234' }, { phoneMasked: '138****1234' }] });
    const everything = [...then.docs('callback-list'), ...then.docs('callback-list-index')];
    expect(asText(everything)).not.toContain(applicant.phone);
    expect(asText(then.docs('callback-list-index'))).not.toContain('138****1234');
  });

  it('shares the day’s partition with the attempts made from the list, each under its own key', () => {
    const history = [...published(day1), ...caseHistory('case-1', [submitted(), accept('2026-11-02'), complete('2026-11-04'), callbackAttempt('2026-11-05', 'A-1', 'no-answer')])];
    const then = givenEvents(history).then;
    const partition = [...then.docs('callback-list'), ...then.docs('callback-attempts')].filter((d) => d.pk === 'callback-list#2026-11-05').map((d) => d.sk).sort();
    expect(partition).toEqual(['attempts#case-1', 'list']);
  });
});
