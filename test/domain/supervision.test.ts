import { describe, expect, it } from 'vitest';
import { macOf } from '../../functions/secret.ts';
import { IllegalTransition, InvalidInput } from '../../domain/errors.ts';
import { decideArchive, drawSample, evolveArchive, type ArchiveState } from '../../domain/archive/aggregate.ts';
import { evolveRoster, rosterAggregate, type RecordVideoCheck, type RosterContext, type RosterState } from '../../domain/roster/aggregate.ts';
import { scorecards, type Deduction } from '../../domain/scorecard/scorecard.ts';
import { meta } from '../support/builders.ts';

const rules = {
  base: 100,
  videoCheck: { atPost: 3, noPhone: 1 },
  archiveProblem: 1,
  jointDeemedApproval: 2,
  jointUnjustifiedAbsence: 2,
  badReview: 2,
  lateCompletion: 1,
  bonuses: { noBadReviews: 1, allOnTime: 1, max: 5 },
  tiers: [
    { min: 98, name: '优秀', points: 3 },
    { min: 95, name: '良好', points: 2 },
    { min: 0, name: '差', points: -3 },
  ],
};
const d = (kind: Deduction['kind'], windowId: string, detail: string, version: number): Deduction => ({ kind, windowId, date: '2026-11-10', detail, ref: { stream: kind === 'video-check' ? 'roster#2026-11-10' : `case#C${version}`, version } });

describe('a month’s scorecards, worked by hand', () => {
  const deductions = [d('video-check', 'A', 'atPost', 1), d('video-check', 'A', 'noPhone', 1), d('bad-review', 'A', 'dissatisfied', 7), d('archive-problem', 'B', 'notice-undated', 2), d('archive-problem', 'B', 'step-unsigned', 2), d('late-completion', 'B', '2026-11-09', 9), d('archive-problem', 'D', 'other', 3), d('archive-problem', 'D', 'other', 4), d('late-completion', 'D', '2026-11-09', 5)];
  const figures = new Map([
    ['A', { completed: 10, late: 0, badReviews: 1 }],
    ['B', { completed: 5, late: 1, badReviews: 0 }],
    ['D', { completed: 5, late: 1, badReviews: 0 }],
  ]);
  const month = scorecards('2026-11', ['A', 'B', 'C', 'D'].map((id) => ({ id, name: `窗口${id}` })), deductions, figures, rules);
  const card = (id: string) => month.windows.find((w) => w.windowId === id)!;

  it('takes each deduction off the base and adds the bonuses', () => {
    // A: 100 − (3 + 1 + 2) + 1 (every completion on time) = 95.
    expect(card('A')).toMatchObject({ score: 95, deducted: 6, bonus: 1, tier: '良好', tierPoints: 2 });
    // B: 100 − (1 + 1 + 1) + 1 (no bad review) = 98.
    expect(card('B')).toMatchObject({ score: 98, deducted: 3, bonus: 1, tier: '优秀', tierPoints: 3 });
    // C: nothing completed, nothing deducted: 100 + 1 (no bad review) = 101.
    expect(card('C')).toMatchObject({ score: 101, deducted: 0, bonus: 1 });
  });

  it('ranks by score, ties sharing a rank', () => {
    expect(month.windows.map((w) => [w.windowId, w.rank])).toEqual([
      ['C', 1],
      ['B', 2],
      ['D', 2],
      ['A', 4],
    ]);
  });

  it('links every deduction to the event that caused it', () => {
    expect(card('A').deductions.map((x) => [x.kind, x.points, x.link])).toEqual([
      ['bad-review', 2, '/cases/C7/events#v7'],
      ['video-check', 3, '/rosters/2026-11-10#v1'],
      ['video-check', 1, '/rosters/2026-11-10#v1'],
    ]);
  });

  it('caps the bonuses', () => {
    const capped = scorecards('2026-11', [{ id: 'A', name: 'A' }], [], new Map([['A', { completed: 3, late: 0, badReviews: 0 }]]), { ...rules, bonuses: { noBadReviews: 3, allOnTime: 3, max: 5 } });
    expect(capped.windows[0]).toMatchObject({ bonus: 5, score: 105 });
  });
});

describe('video checks', () => {
  const context: RosterContext = { directors: [], windows: ['A', 'B'], checksPerDirector: 1, hall: { opens: '08:30', closes: '17:00' }, mac: macOf('s'), previous: undefined };
  const decideVideoCheck = (command: RecordVideoCheck, state: RosterState | undefined) => rosterAggregate.decide(command, state, context) as Extract<ReturnType<typeof rosterAggregate.decide>[number], { type: 'VideoCheckRecorded' }>[];
  const roster: RosterState = evolveRoster(undefined, {
    type: 'RosterPublished',
    data: { date: '2026-11-10', entries: [{ directorId: 'dir-a', directorWindowId: 'A', windowId: 'B', at: '10:00' }], absent: [], carry: { cycle: ['A', 'B'], cursor: 1, seen: {} } },
    meta: { ...meta('2026-11-10T00:00:00Z'), at: '2026-11-10T00:00:00Z' },
  });
  const items = { atPost: true, punctual: true, uniformAndBadge: true, noPhone: false, noEating: true, noSleeping: true, noChatting: true, deskTidy: true, ratingDeviceInUse: true };
  const check = (directorId: string, windowId: string, admin = false, date = '2026-11-10') => ({
    type: 'RecordVideoCheck' as const,
    data: { checkId: `k-${directorId}-${windowId}`, windowId, checkedAt: `${date}T02:00:00.000Z`, checkedDate: date, items, note: null, evidenceRef: null, directorId, mayCheckOffRoster: admin },
    meta: meta(`${date}T02:00:00.000Z`),
  });

  it('are recorded by the assigned director once, off the roster only by an administrator', () => {
    expect(decideVideoCheck(check('dir-a', 'B'), roster)[0]?.data).toMatchObject({ offRoster: false, windowId: 'B' });
    expect(() => decideVideoCheck(check('dir-b', 'B'), roster)).toThrow(IllegalTransition);
    expect(decideVideoCheck(check('admin-1', 'A', true), roster)[0]?.data.offRoster).toBe(true);
    const after = evolveRoster(roster, decideVideoCheck(check('dir-a', 'B'), roster)[0]!);
    expect(() => decideVideoCheck(check('dir-a', 'B'), after)).toThrow(/already recorded/);
    expect(() => decideVideoCheck(check('dir-a', 'B', false, '2026-11-11'), roster)).toThrow(InvalidInput);
    expect(() => decideVideoCheck(check('dir-a', 'B'), undefined)).toThrow(/no roster/);
  });
});

describe('archive checks', () => {
  const completed = Array.from({ length: 40 }, (_, i) => ({ windowId: i % 2 === 0 ? 'A' : 'B', caseId: `C${i}`, caseNo: `N${i}`, completedDate: '2026-10-15' }));

  it('draw the same files per window for a month and secret, others for another month', () => {
    const sample = drawSample(completed, '2026-10', 5, macOf('secret'));
    expect(sample.filter((s) => s.windowId === 'A')).toHaveLength(5);
    expect(sample.filter((s) => s.windowId === 'B')).toHaveLength(5);
    expect(drawSample([...completed].reverse(), '2026-10', 5, macOf('secret'))).toEqual(sample);
    expect(drawSample(completed, '2026-09', 5, macOf('secret'))).not.toEqual(sample);
    expect(drawSample(completed.slice(0, 3), '2026-10', 5, macOf('secret'))).toHaveLength(3);
  });

  it('are drawn once, and record findings only on sampled files, once each', () => {
    const drawn = decideArchive({ type: 'DrawArchiveSample', data: { month: '2026-10', perWindow: 5, samples: drawSample(completed, '2026-10', 5, macOf('s')) }, meta: meta('2026-11-02T00:00:00Z') }, undefined);
    const state: ArchiveState = evolveArchive(undefined, drawn[0]!);
    expect(() => decideArchive({ type: 'DrawArchiveSample', data: drawn[0]!.data as never, meta: meta('2026-11-02T00:00:00Z') }, state)).toThrow(IllegalTransition);
    const sampledId = state.samples[0]!.caseId;
    const record = (caseId: string) => ({ type: 'RecordArchiveCheck' as const, data: { month: '2026-10', caseId, problems: [{ code: 'notice-undated' as const, note: null }], checkedDate: '2026-11-03', checkerId: 'dir-a' }, meta: meta('2026-11-03T00:00:00Z') });
    const recorded = decideArchive(record(sampledId), state);
    expect(recorded[0]?.data).toMatchObject({ windowId: state.samples[0]!.windowId });
    expect(() => decideArchive(record('not-sampled'), state)).toThrow(InvalidInput);
    expect(() => decideArchive(record(sampledId), evolveArchive(state, recorded[0]!))).toThrow(/already recorded/);
  });
});
