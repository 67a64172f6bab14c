import { describe, expect, it } from 'vitest';
import { submitted } from '../../support/builders.ts';
import { givenEvents, type StreamEvent } from '../../support/views.ts';
import { accept, applicantSecrets, asText, callbackAttempt, caseHistory, complete } from './histories.ts';

const attempts = (history: readonly StreamEvent[]) => givenEvents(history).then.docs('callback-attempts');
const completed = [submitted(), accept('2026-11-02'), complete('2026-11-04')];

describe('callback attempts beside a day’s list (回访记录)', () => {
  it('shows a case’s attempt next to the list it was made from', () => {
    expect(attempts(caseHistory('case-1', [...completed, callbackAttempt('2026-11-05', 'A-1', 'no-answer')]))).toEqual([
      { pk: 'callback-list#2026-11-05', sk: 'attempts#case-1', index: {}, doc: { caseId: 'case-1', attempts: [{ listDate: '2026-11-05', outcome: 'no-answer', attemptDate: '2026-11-05' }] } },
    ]);
  });

  it('adds a second attempt from the same list to the same entry', () => {
    const history = caseHistory('case-1', [...completed, callbackAttempt('2026-11-05', 'A-1', 'no-answer'), callbackAttempt('2026-11-05', 'A-2', 'reached', 'satisfied', '15:00')]);
    expect(attempts(history)[0]?.doc).toEqual({
      caseId: 'case-1',
      attempts: [
        { listDate: '2026-11-05', outcome: 'no-answer', attemptDate: '2026-11-05' },
        { listDate: '2026-11-05', outcome: 'reached', attemptDate: '2026-11-05' },
      ],
    });
  });

  it('shows a retry from a later list on that list only, leaving the earlier list’s entry as it was', () => {
    const history = caseHistory('case-1', [...completed, callbackAttempt('2026-11-05', 'A-1', 'no-answer'), callbackAttempt('2026-11-06', 'A-2', 'wrong-number')]);
    expect(attempts(history).map((d) => [d.pk, d.sk, d.doc])).toEqual([
      ['callback-list#2026-11-05', 'attempts#case-1', { caseId: 'case-1', attempts: [{ listDate: '2026-11-05', outcome: 'no-answer', attemptDate: '2026-11-05' }] }],
      ['callback-list#2026-11-06', 'attempts#case-1', { caseId: 'case-1', attempts: [{ listDate: '2026-11-06', outcome: 'wrong-number', attemptDate: '2026-11-06' }] }],
    ]);
  });

  it('keeps each case’s attempts apart on one list, and holds no phone numbers', () => {
    const history = [
      ...caseHistory('case-a', [submitted({ caseId: 'case-a' }), accept('2026-11-02'), complete('2026-11-04'), callbackAttempt('2026-11-05', 'A-a', 'refused')]),
      ...caseHistory('case-b', [submitted({ caseId: 'case-b' }), accept('2026-11-02'), complete('2026-11-04'), callbackAttempt('2026-11-05', 'A-b', 'reached')]),
    ];
    const docs = attempts(history);
    expect(docs.map((d) => [d.pk, d.sk])).toEqual([
      ['callback-list#2026-11-05', 'attempts#case-a'],
      ['callback-list#2026-11-05', 'attempts#case-b'],
    ]);
    for (const secret of [...applicantSecrets, '138****1234']) expect(asText(docs), secret).not.toContain(secret);
  });

  it('has nothing before any attempt', () => {
    expect(attempts(caseHistory('case-1', completed))).toEqual([]);
  });
});
