import { describe, expect, it } from 'vitest';
import { departmentScorecards } from '../../../domain/assessment/departments.ts';
import type { RectificationFact } from '../../../domain/projections/assessment.ts';
import type { Deduction } from '../../../domain/scorecard/scorecard.ts';
import { settings } from './fixtures.ts';

const county = {
  departments: [{ id: 'D1', name: '自然资源和规划局' }, { id: 'D2', name: '市场监督管理局' }, { id: 'D3', name: '人防办' }],
  windows: [{ id: 'W1', name: '规划窗口', departmentId: 'D1', siteId: 'S-C' }, { id: 'W2', name: '市场监管窗口', departmentId: 'D2', siteId: 'S-C' }],
  items: [
    { code: 'A', name: '甲', windowId: 'W1', type: 'commitment' as const, committedDays: 10, statutoryDays: 20, materials: [] },
    { code: 'B', name: '乙', windowId: 'W1', type: 'commitment' as const, committedDays: 5, statutoryDays: 10, materials: [] },
    { code: 'C', name: '丙', windowId: 'W2', type: 'commitment' as const, committedDays: 18, statutoryDays: 20, materials: [] },
    { code: 'D', name: '丁', windowId: 'W2', type: 'immediate' as const, committedDays: 0, statutoryDays: 0, materials: [] },
  ],
};
const ref = (stream: string, version: number) => ({ stream, version });
const deductions: Deduction[] = [
  { kind: 'late-completion', windowId: 'W1', date: '2026-11-05', detail: '2026-11-04', ref: ref('case#C1', 5) },
  { kind: 'late-completion', windowId: 'W1', date: '2026-11-12', detail: '2026-11-11', ref: ref('case#C2', 5) },
  { kind: 'archive-problem', windowId: 'W2', date: '2026-11-06', detail: 'notice-undated', ref: ref('archive#2026-10', 3) },
  // A joint case's silence counts against the department that kept silent (D3, which has no window), not the window answering for it.
  { kind: 'joint-deemed-approval', windowId: 'W1', date: '2026-11-10', detail: 'D3', ref: ref('case#C3', 8) },
  { kind: 'joint-absence', windowId: 'W2', date: '2026-11-11', detail: 'D2', ref: ref('case#C4', 7) },
  // The window's own conduct is not the department's.
  { kind: 'video-check', windowId: 'W1', date: '2026-11-03', detail: 'noPhone', ref: ref('roster#2026-11-03', 4) },
  { kind: 'bad-review', windowId: 'W1', date: '2026-11-03', detail: 'dissatisfied', ref: ref('case#C5', 4) },
];
const rectification = (id: string, windowId: string, resolveDue: string, resolvedDate: string | null, version: number): RectificationFact => ({ kind: 'rectification', windowId, rectificationId: id, caseNo: `NO-${id}`, openedDate: '2026-11-02', resolveDue, resolvedDate, ref: ref(`case#${id}`, version) });
const rectifications = [rectification('R1', 'W1', '2026-11-20', '2026-11-18', 6), rectification('R2', 'W1', '2026-11-25', '2026-11-27', 7), rectification('R3', 'W1', '2026-11-30', null, 5), rectification('R4', 'W2', '2026-11-28', null, 5)];
const figures = new Map([['W1', { completed: 10, onTime: 8, late: 2 }], ['W2', { completed: 4, onTime: 4, late: 0 }]]);

/**
 * The hand-worked month: D1 shortens 30 statutory days to 15 (50%: +3) and loses 2 for its late
 * completions and 2 each for R2 (rectified two days late) and R3 (still open after its deadline):
 * 100 − 6 + 3 = 97. D2 shortens 20 to 18 (10%: +1), loses 1 for an archive problem and 2 for its
 * absence from a joint inspection; R4 is overdue too by December: 100 − 5 + 1 = 96. D3 lost 2 for its
 * silence in a joint case: 98.
 */
describe('department scorecards (部门考核)', () => {
  const sheet = departmentScorecards({ month: '2026-11', county, deductions, rectifications, figures, today: '2026-12-03', rules: settings.departments });
  const card = (id: string) => sheet.departments.find((d) => d.departmentId === id)!;

  it('adds up the hand-worked month: scores, ranks, tiers', () => {
    expect(sheet.departments.map((d) => [d.departmentId, d.score, d.deducted, d.bonus, d.rank, d.tier])).toEqual([
      ['D3', 98, 2, 0, 1, '优秀'],
      ['D1', 97, 6, 3, 2, '优秀'],
      ['D2', 96, 3 + 2, 1, 3, '优秀'],
    ]);
    expect([card('D1').shorteningRate, card('D2').shorteningRate, card('D3').shorteningRate]).toEqual([0.5, 0.1, null]);
    expect([card('D1').onTimeRate, card('D2').onTimeRate, card('D3').onTimeRate]).toEqual([0.8, 1, null]);
    expect([card('D1').rectificationsDue, card('D1').rectifiedOnTime, card('D1').rectificationRate]).toEqual([3, 1, 0.3333]);
  });

  it('links every deduction to its event', () => {
    expect(card('D1').deductions.map((d) => [d.date, d.kind, d.points, d.link])).toEqual([
      ['2026-11-05', 'late-completion', 1, '/cases/C1/events#v5'],
      ['2026-11-12', 'late-completion', 1, '/cases/C2/events#v5'],
      ['2026-11-25', 'overdue-rectification', 2, '/cases/R2/events#v7'],
      ['2026-11-30', 'overdue-rectification', 2, '/cases/R3/events#v5'],
    ]);
    expect(card('D3').deductions.map((d) => [d.kind, d.detail, d.link])).toEqual([['joint-deemed-approval', 'W1', '/cases/C3/events#v8']]);
  });

  it('counts a rectification still within its deadline as neither done nor overdue', () => {
    const earlier = departmentScorecards({ month: '2026-11', county, deductions: [], rectifications, figures, today: '2026-11-26', rules: settings.departments });
    const d1 = earlier.departments.find((d) => d.departmentId === 'D1')!;
    expect([d1.rectificationsDue, d1.rectifiedOnTime, d1.deductions.map((d) => d.ref.stream)]).toEqual([2, 1, ['case#R2']]);
    expect(earlier.departments.find((d) => d.departmentId === 'D2')!.deductions).toEqual([]);
  });
});
