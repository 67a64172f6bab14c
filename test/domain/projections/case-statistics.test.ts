import { describe, expect, it } from 'vitest';
import { submitted } from '../../support/builders.ts';
import { givenEvents, type StreamEvent } from '../../support/views.ts';
import { accept, caseHistory, complete, deliver, reject, requestMaterials, resume, review, supplyMaterials, suspend, transfer } from './histories.ts';

const stats = (history: readonly StreamEvent[]) => givenEvents(history).then.counters('case-statistics');
/** Each row as [sk, its non-zero counters]. */
const rows = (history: readonly StreamEvent[]) => stats(history).map((r) => [r.sk, r.counters]);

describe('the center’s case statistics (办件统计)', () => {
  it('counts a case’s steps on the business date each happened, in one row per date, window, receiving site and channel', () => {
    const history = caseHistory('case-1', [submitted(), accept('2026-11-02'), complete('2026-11-05'), deliver('2026-11-06')]);
    expect(stats(history)).toEqual([
      { pk: 'stats#2026-11', sk: '2026-11-02#W02#S-CENTER#window', counters: { submitted: 1, accepted: 1 }, labels: { date: '2026-11-02', windowId: 'W02', siteId: 'S-CENTER', channel: 'window' } },
      // Due 11-10, completed Thu 11-05: on time (按期) and early (提前).
      { pk: 'stats#2026-11', sk: '2026-11-05#W02#S-CENTER#window', counters: { completed: 1, onTime: 1, commitmentCompleted: 1, early: 1, approved: 1 }, labels: { date: '2026-11-05', windowId: 'W02', siteId: 'S-CENTER', channel: 'window' } },
      { pk: 'stats#2026-11', sk: '2026-11-06#W02#S-CENTER#window', counters: { delivered: 1 }, labels: { date: '2026-11-06', windowId: 'W02', siteId: 'S-CENTER', channel: 'window' } },
    ]);
  });

  it('counts a completion on the deadline day as on time but not early, and one after it as late', () => {
    const onDeadline = caseHistory('case-1', [submitted(), accept('2026-11-02'), complete('2026-11-10')]);
    expect(rows(onDeadline).at(-1)).toEqual(['2026-11-10#W02#S-CENTER#window', { completed: 1, onTime: 1, commitmentCompleted: 1, approved: 1 }]);
    const late = caseHistory('case-1', [submitted(), accept('2026-11-02'), complete('2026-11-11', 'denied')]);
    expect(rows(late).at(-1)).toEqual(['2026-11-11#W02#S-CENTER#window', { completed: 1, late: 1, commitmentCompleted: 1, denied: 1 }]);
  });

  it('leaves immediate items (即办件) out of the early rate’s denominator', () => {
    const sameDay = caseHistory('case-1', [submitted({ itemCode: 'IMM-1', materials: ['M1'] }), accept('2026-11-02'), complete('2026-11-02')]);
    expect(rows(sameDay)).toEqual([['2026-11-02#W01#S-CENTER#window', { submitted: 1, accepted: 1, completed: 1, onTime: 1, approved: 1 }]]);
    const nextDay = caseHistory('case-1', [submitted({ itemCode: 'IMM-1', materials: ['M1'] }), accept('2026-11-02'), complete('2026-11-03')]);
    expect(rows(nextDay).at(-1)).toEqual(['2026-11-03#W01#S-CENTER#window', { completed: 1, late: 1, approved: 1 }]);
  });

  it('counts a report-up item (上报件) ended as forwarded under its decision, outside the early rate', () => {
    const history = caseHistory('case-1', [submitted({ itemCode: 'UP-10', materials: ['M1'] }), accept('2026-11-02'), complete('2026-11-04', 'forwarded')]);
    // Not a commitment item: neither in the early rate's denominator nor early.
    expect(rows(history).at(-1)).toEqual(['2026-11-04#W02#S-CENTER#window', { completed: 1, onTime: 1, forwarded: 1 }]);
  });

  it('counts the one-time notice and a rejection, but not the materials supplied', () => {
    const accepted = caseHistory('case-1', [submitted({ materials: ['M1'] }), requestMaterials('2026-11-02', ['M2', 'M3']), supplyMaterials('2026-11-03', ['M2', 'M3']), accept('2026-11-03')]);
    expect(rows(accepted)).toEqual([
      ['2026-11-02#W02#S-CENTER#window', { submitted: 1, materialsRequested: 1 }],
      ['2026-11-03#W02#S-CENTER#window', { accepted: 1 }],
    ]);
    const rejected = caseHistory('case-1', [submitted({ materials: ['M1'] }), requestMaterials('2026-11-02', ['M2', 'M3']), reject('2026-11-04')]);
    expect(rows(rejected).at(-1)).toEqual(['2026-11-04#W02#S-CENTER#window', { rejected: 1 }]);
  });

  it('counts a special procedure when it starts, not when it ends', () => {
    const history = caseHistory('case-1', [submitted(), accept('2026-11-02'), suspend('2026-11-03'), resume('2026-11-05')]);
    expect(rows(history)).toEqual([
      ['2026-11-02#W02#S-CENTER#window', { submitted: 1, accepted: 1 }],
      ['2026-11-03#W02#S-CENTER#window', { suspended: 1 }],
    ]);
  });

  it('counts what happens after a transfer (转办) at the new window, leaving earlier steps where they were', () => {
    const history = caseHistory('case-1', [submitted(), transfer('2026-11-02', 'W01'), accept('2026-11-03'), complete('2026-11-05')]);
    expect(rows(history)).toEqual([
      ['2026-11-02#W02#S-CENTER#window', { submitted: 1 }],
      ['2026-11-03#W01#S-CENTER#window', { accepted: 1 }],
      ['2026-11-05#W01#S-CENTER#window', { completed: 1, onTime: 1, commitmentCompleted: 1, early: 1, approved: 1 }],
    ]);
  });

  it('keeps a grassroots case (三级联动) under the site that received it once forwarded to the county', () => {
    const township = submitted({ channel: 'township', siteId: 'S-T1' });
    const atTownship = { ...township, data: { ...township.data, windowId: 'WT-1' } } as typeof township;
    const history = caseHistory('case-1', [atTownship, transfer('2026-11-02', 'W02'), accept('2026-11-03')]);
    expect(stats(history)).toEqual([
      { pk: 'stats#2026-11', sk: '2026-11-02#WT-1#S-T1#township', counters: { submitted: 1 }, labels: { date: '2026-11-02', windowId: 'WT-1', siteId: 'S-T1', channel: 'township' } },
      { pk: 'stats#2026-11', sk: '2026-11-03#W02#S-T1#township', counters: { accepted: 1 }, labels: { date: '2026-11-03', windowId: 'W02', siteId: 'S-T1', channel: 'township' } },
    ]);
  });

  it('adds many cases into the same row, by channel, and files each month in its own partition', () => {
    const history = [
      ...caseHistory('case-a', [submitted({ caseId: 'case-a' }), accept('2026-11-02')]),
      ...caseHistory('case-b', [submitted({ caseId: 'case-b' }), accept('2026-11-02')]),
      ...caseHistory('case-c', [submitted({ caseId: 'case-c', channel: 'online' })]),
      ...caseHistory('case-d', [submitted({ caseId: 'case-d', channel: 'village', siteId: 'S-T1-V1' })]),
      ...caseHistory('case-e', [submitted({ caseId: 'case-e', date: '2026-11-30' }), accept('2026-11-30'), complete('2026-12-02')]),
    ];
    expect(stats(history).map((r) => [r.pk, r.sk, r.counters])).toEqual([
      ['stats#2026-11', '2026-11-02#W02#S-CENTER#online', { submitted: 1 }],
      ['stats#2026-11', '2026-11-02#W02#S-CENTER#window', { submitted: 2, accepted: 2 }],
      ['stats#2026-11', '2026-11-02#W02#S-T1-V1#village', { submitted: 1 }],
      ['stats#2026-11', '2026-11-30#W02#S-CENTER#window', { submitted: 1, accepted: 1 }],
      ['stats#2026-12', '2026-12-02#W02#S-CENTER#window', { completed: 1, onTime: 1, commitmentCompleted: 1, early: 1, approved: 1 }],
    ]);
  });

  it('leaves reviews and rectifications to the satisfaction counters', () => {
    const history = caseHistory('case-1', [submitted(), accept('2026-11-02'), review('2026-11-02', 'very-dissatisfied', 'R-1'), complete('2026-11-05'), review('2026-11-05', 'satisfied', 'R-2')]);
    expect(rows(history)).toEqual(rows(caseHistory('case-1', [submitted(), accept('2026-11-02'), complete('2026-11-05')])));
  });
});
