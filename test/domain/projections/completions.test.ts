import { describe, expect, it } from 'vitest';
import { submitted } from '../../support/builders.ts';
import { givenEvents, type StreamEvent } from '../../support/views.ts';
import { accept, applicantSecrets, asText, caseHistory, complete, deliver, reject, review, transfer } from './histories.ts';

const completions = (history: readonly StreamEvent[]) => givenEvents(history).then.docs('completions');

describe('the completions of a day (办结清单)', () => {
  it('lists a completed case under its completion date, with what callback sampling and default reviews need', () => {
    const history = caseHistory('case-1', [submitted(), accept('2026-11-02'), complete('2026-11-05')]);
    expect(completions(history)).toEqual([
      {
        pk: 'completions#2026-11-05',
        sk: 'case-1',
        index: {},
        doc: { caseId: 'case-1', caseNo: '339999-20261102-00001', windowId: 'W02', itemName: '建设工程规划许可', itemType: 'commitment', completedDate: '2026-11-05' },
      },
    ]);
  });

  it('lists nothing for a case still open, or one that was never accepted', () => {
    expect(completions(caseHistory('case-1', [submitted(), accept('2026-11-02')]))).toEqual([]);
    expect(completions(caseHistory('case-1', [submitted(), reject('2026-11-02')]))).toEqual([]);
  });

  it('keeps the entry as it was when the case is delivered or rated afterwards', () => {
    const done = [submitted(), accept('2026-11-02'), complete('2026-11-05')];
    expect(completions(caseHistory('case-1', [...done, deliver('2026-11-06'), review('2026-11-06', 'dissatisfied', 'R-1', { time: '16:30' })]))).toEqual(completions(caseHistory('case-1', done)));
  });

  it('lists each day’s completions in that day’s partition, under the window that completed them', () => {
    const history = [
      ...caseHistory('case-a', [submitted({ caseId: 'case-a' }), accept('2026-11-02'), complete('2026-11-05')]),
      ...caseHistory('case-b', [submitted({ caseId: 'case-b', itemCode: 'IMM-1', materials: ['M1'] }), accept('2026-11-05'), complete('2026-11-05')]),
      ...caseHistory('case-c', [submitted({ caseId: 'case-c' }), accept('2026-11-02'), transfer('2026-11-03', 'W01'), complete('2026-11-06')]),
      ...caseHistory('case-d', [submitted({ caseId: 'case-d', itemCode: 'UP-10', materials: ['M1'] }), accept('2026-11-02'), complete('2026-11-06', 'forwarded')]),
    ];
    expect(completions(history).map((d) => [d.pk, d.sk, d.doc])).toEqual([
      ['completions#2026-11-05', 'case-a', expect.objectContaining({ windowId: 'W02', itemType: 'commitment' })],
      ['completions#2026-11-05', 'case-b', expect.objectContaining({ windowId: 'W01', itemType: 'immediate', itemName: '个体工商户变更登记' })],
      ['completions#2026-11-06', 'case-c', expect.objectContaining({ windowId: 'W01', completedDate: '2026-11-06' })],
      ['completions#2026-11-06', 'case-d', expect.objectContaining({ windowId: 'W02', itemType: 'report-up' })],
    ]);
  });

  it('holds no personal data (the callback list reads phones from the case, not from here)', () => {
    const docs = completions(caseHistory('case-1', [submitted(), accept('2026-11-02'), complete('2026-11-05')]));
    expect(Object.keys(docs[0]!.doc).sort()).toEqual(['caseId', 'caseNo', 'completedDate', 'itemName', 'itemType', 'windowId']);
    for (const secret of [...applicantSecrets, '138****1234']) expect(asText(docs), secret).not.toContain(secret);
  });
});
