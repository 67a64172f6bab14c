import { describe, expect, it } from 'vitest';
import { fold } from '../../../domain/decider.ts';
import { evolveIntermediary } from '../../../domain/market/intermediary.ts';
import { marketAggregate } from '../../../domain/market/project.ts';
import { standingOf, trustFactsOf, trustOf, type TrustFact } from '../../../domain/market/trust.ts';
import type { IntermediaryState, MarketCommand, MarketProjectState } from '../../../domain/market/types.ts';
import { at } from '../../support/builders.ts';
import { asAdmin, asFirm, asOwner, draft, endPublicity, intermediaries, market, publish, quote, register, select, settings, setStandings, standing } from './fixtures.ts';

const t = settings.trust;
const evaluation = (date: string, score: number): TrustFact => ({ kind: 'evaluation', date, projectId: `P-${date}`, projectNo: `ZJ-${date}`, score });
const penalty = (kind: 'withdrawn' | 'objection-upheld' | 'late-completion', date: string, points: number): TrustFact => ({ kind, date, projectId: `P-${date}`, projectNo: `ZJ-${date}`, points });

describe('the trust score (信用评价), worked by hand', () => {
  it('starts a newcomer at the initial score', () => {
    expect(trustOf([], '2026-12-01', t)).toMatchObject({ score: 80, evaluations: 0, penaltyPoints: 0, suspendedUntil: null });
  });

  it('weighs evaluations by age (half every 180 days) with the initial score as one more, then takes off the year’s penalties', () => {
    const facts = [
      // 395 days before: past the year, no longer counted.
      penalty('withdrawn', '2025-11-01', 10),
      // 275 days before: counted.
      penalty('late-completion', '2026-03-01', 5),
      // 180 days before: weight ½.
      evaluation('2026-06-04', 40),
      // Today: weight 1.
      evaluation('2026-12-01', 100),
    ];
    // (80 × 1 + 40 × ½ + 100 × 1) / (1 + ½ + 1) = 200 / 2.5 = 80; 80 − 5 = 75.
    expect(trustOf(facts, '2026-12-01', t)).toMatchObject({ score: 75, evaluationScore: 80, evaluations: 2, penaltyPoints: 5, badEvaluations: 1, suspendedUntil: null });
    // A year on the late completion no longer counts, and the weights have moved: (80 + 40 × 0.5^(545/180) + 100 × 0.5^(365/180)) / (1 + 0.5^(545/180) + 0.5^(365/180)).
    const w1 = 0.5 ** (545 / 180);
    const w2 = 0.5 ** (365 / 180);
    expect(trustOf(facts, '2027-12-01', t).score).toBe(Math.round(((80 + 40 * w1 + 100 * w2) / (1 + w1 + w2)) * 10) / 10);
  });

  it('ignores facts after the day it is worked out for', () => {
    expect(trustOf([evaluation('2026-12-02', 20)], '2026-12-01', t).score).toBe(80);
  });

  it('suspends for 180 days after two bad evaluations within a year, unless reinstated after them', () => {
    const facts = [evaluation('2026-09-01', 50), evaluation('2026-10-15', 40)];
    expect(trustOf(facts, '2026-12-01', t).suspendedUntil).toBe('2027-04-12');
    expect(trustOf(facts, '2027-04-13', t).suspendedUntil).toBeNull();
    expect(trustOf(facts, '2026-12-01', t, '2026-11-01').suspendedUntil).toBeNull();
    // Two bad ones more than a year apart do not.
    expect(trustOf([evaluation('2025-09-01', 50), evaluation('2026-10-15', 40)], '2026-12-01', t).suspendedUntil).toBeNull();
  });

  it('bars below the floor, when suspended, and until approved', () => {
    const registered = fold({ initialState: () => undefined as IntermediaryState | undefined, evolve: evolveIntermediary }, intermediaries.run([register()]))!;
    const approved: IntermediaryState = { ...registered, status: 'approved', approvedDate: '2026-10-27' };
    expect(standingOf(registered, trustOf([], '2026-12-01', t), '2026-12-01', t).barred).toBe('not approved yet');
    expect(standingOf(approved, trustOf([penalty('withdrawn', '2026-11-01', 25)], '2026-12-01', t), '2026-12-01', t).barred).toBe('trust score 55 is below the floor 60');
    const bad = trustOf([evaluation('2026-09-01', 50), evaluation('2026-10-15', 40)], '2026-12-01', t);
    expect(standingOf(approved, bad, '2026-12-01', t)).toMatchObject({ status: 'suspended', barred: 'suspended (2 bad evaluations) through 2027-04-12' });
    const manual: IntermediaryState = { ...approved, status: 'suspended', suspension: { reason: '资质造假', since: '2026-11-01', until: '2026-11-30' } };
    expect(standingOf(manual, trustOf([], '2026-11-15', t), '2026-11-15', t).status).toBe('suspended');
    // The suspension lapses after its last day by itself.
    expect(standingOf(manual, trustOf([], '2026-12-01', t), '2026-12-01', t)).toMatchObject({ status: 'approved', barred: null });
  });
});

describe('the facts a project records about its intermediaries', () => {
  it('finds the evaluation, a late completion, and an annulled award', () => {
    setStandings(standing('A'), standing('B'), standing('C'));
    const history: MarketCommand[] = [
      draft(),
      publish(),
      quote('A', 150_000),
      quote('B', 140_000),
      quote('C', 160_000),
      select(),
      { type: 'WithdrawAward', data: { reason: '人员不足', intermediaryId: 'B' }, meta: asFirm('B')(at('2026-11-11')) },
      select(at('2026-11-11', '10:00')),
      endPublicity(at('2026-11-18', '17:45')),
      { type: 'SignContract', data: { contractNo: 'HT', signedDate: '2026-11-19' }, meta: asOwner(at('2026-11-19')) },
      { type: 'CompleteService', data: { completedDate: '2026-12-20' }, meta: asOwner(at('2026-12-20')) },
      { type: 'EvaluateIntermediary', data: { quality: 2, timeliness: 1, attitude: 3, feeCompliance: 3, comment: '拖延' }, meta: asAdmin(at('2026-12-21')) },
    ];
    const state = fold(marketAggregate, market.run(history)) as MarketProjectState;
    expect(trustFactsOf([state], 'B', t)).toMatchObject([{ kind: 'withdrawn', date: '2026-11-11', points: 10 }]);
    // Due 2026-12-14 (25 days after the 19th), completed the 20th.
    expect(trustFactsOf([state], 'A', t)).toMatchObject([
      { kind: 'late-completion', date: '2026-12-20', points: 5 },
      { kind: 'evaluation', date: '2026-12-21', score: 45 },
    ]);
    expect(trustFactsOf([state], 'C', t)).toEqual([]);
  });
});
