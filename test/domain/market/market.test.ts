import { createHash, createHmac } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fold } from '../../../domain/decider.ts';
import { IllegalTransition, InvalidInput, NotFound, RuleViolation } from '../../../domain/errors.ts';
import { drawIndex, drawMessage, liveQuotes, marketAggregate, sealed } from '../../../domain/market/project.ts';
import type { MarketCommand, MarketProjectState } from '../../../domain/market/types.ts';
import { at } from '../../support/builders.ts';
import { asAdmin, asFirm, asOwner, closeQuoting, COMMITMENT, CREDIT, draft, endPublicity, intermediaries, market, publish, quote, register, select, setStandings, standing } from './fixtures.ts';

const published = [draft(), publish()];
const threeQuotes = [...published, quote('A', 150_000), quote('B', 140_000, at('2026-11-05')), quote('C', 140_000, at('2026-11-06'))];
const stateAfter = (commands: MarketCommand[]) => fold(marketAggregate, market.run(commands)) as MarketProjectState;

beforeEach(() => setStandings(standing('A'), standing('B'), standing('C'), standing('D', { grade: 'C' }), standing('E', { status: 'suspended', barred: 'suspended (资质造假) through 2026-12-31', barredCode: 'suspended' })));

describe('drafting and publishing (编制需求, 发布公告)', () => {
  it('drafts with the county date and publishes with the deadline at the hall’s closing time', () => {
    market.given([draft()]).when(publish()).then([{ type: 'MarketProjectPublished', data: { publishedDate: '2026-11-02', quotesCloseAt: '2026-11-09T09:00:00.000Z', drawCommitment: null } }]);
  });

  it('keeps a random draw’s commitment, and only a draw’s', () => {
    market.given([draft({ method: 'random-draw' })]).when(publish()).then([{ type: 'MarketProjectPublished', data: { drawCommitment: COMMITMENT } }]);
  });

  it('refuses a deadline on a rest day, an unknown service type and a direct award at or above the threshold', () => {
    const error = market.given([]).when(draft({ quoteDeadline: '2026-11-08', serviceType: 'NOPE' })).thenThrows(InvalidInput) as InvalidInput;
    expect(error.errors.map((f) => f.path)).toEqual(['body.serviceType', 'body.quoteDeadline']);
    market.given([]).when(draft({ method: 'direct', directIntermediaryId: 'A', budget: 50_000 })).thenThrows(InvalidInput, /below 50000 yuan/);
    market.given([]).when(draft({ method: 'direct', budget: 30_000 })).thenThrows(InvalidInput, /names its intermediary/);
  });

  it('asks for the county’s minimum working days between publication and the deadline, at drafting and publishing', () => {
    market.given([]).when(draft({}, at('2026-11-05'))).thenThrows(InvalidInput, /leaves 2 working days/);
    market.given([]).when(draft({ quoteDeadline: '5600-02-29' })).thenThrows(InvalidInput, /within 180 days/);
    market.given([]).when(draft({ quoteDeadline: '2026-11-02' })).thenThrows(InvalidInput, /after today/);
    // Drafted on Monday the 2nd, published on Thursday the 5th, due Monday the 9th: two working days (Fri, Mon).
    market.given([draft()]).when(publish(at('2026-11-05'))).thenThrows(RuleViolation, /leaves 2 working days .* publish with a later quoteDeadline/);
    // Published with a new deadline instead: it is the one in force.
    market
      .given([draft()])
      .when(publish(at('2026-11-05'), '2026-11-12'))
      .then((events, state) => {
        expect(events).toMatchObject([{ data: { quoteDeadline: '2026-11-12', quotesCloseAt: '2026-11-12T09:00:00.000Z' } }]);
        expect(state?.quoteDeadline).toBe('2026-11-12');
      });
  });
});

describe('sealed quotes (密封报价)', () => {
  it('records a qualified quote, and a second one replaces the first', () => {
    market.given([...published, quote('A', 180_000)]).when(quote('A', 150_000, at('2026-11-05'))).then((events, state) => {
      expect(events).toMatchObject([{ type: 'QuoteSubmitted', data: { quoteNo: 2, intermediaryId: 'A', amount: 150_000, replaces: 1, grade: 'A' } }]);
      expect(liveQuotes(state!).map((q) => [q.intermediaryId, q.amount])).toEqual([['A', 150_000]]);
    });
  });

  it('takes the same quote again as nothing new', () => {
    market.given([...published, quote('A', 150_000)]).when(quote('A', 150_000)).then([]);
  });

  it('refuses the unqualified, the suspended, the unknown, over-budget amounts and late quotes', () => {
    const given = market.given(published);
    given.when(quote('D', 100_000)).thenThrows(RuleViolation, /no COST certificate of grade B or higher/);
    given.when(quote('E', 100_000)).thenThrows(RuleViolation, /may not quote: suspended/);
    given.when(quote('Z', 100_000)).thenThrows(NotFound);
    given.when(quote('A', 200_001)).thenThrows(InvalidInput, /exceeds the budget/);
    given.when(quote('A', 100_000, at('2026-11-04'), 31)).thenThrows(InvalidInput, /service period/);
    given.when(quote('A', 100_000, at('2026-11-09', '17:00'))).thenThrows(IllegalTransition, /quoting closed/);
  });

  it('refuses a certificate that expires before the deadline', () => {
    setStandings(standing('A', { qualifications: [{ type: 'COST', grade: 'A', certificateNo: 'X', expires: '2026-11-08' }] }));
    market.given(published).when(quote('A', 100_000)).thenThrows(RuleViolation, /valid through 2026-11-09/);
  });

  it('is sealed until the deadline instant, for everyone', () => {
    const state = stateAfter(threeQuotes);
    expect(sealed(state, at('2026-11-09', '16:59'))).toBe(true);
    expect(sealed(state, at('2026-11-09', '17:00'))).toBe(false);
  });
});

describe('closing and selection (报价截止, 选取)', () => {
  it('fails a competitive project with fewer than three quotes (流标)', () => {
    market
      .given([...published, quote('A', 150_000), quote('B', 140_000)])
      .when(closeQuoting(at('2026-11-09', '17:45')))
      .then([
        { type: 'QuotingClosed', data: { closedDate: '2026-11-09', quotes: 2 } },
        { type: 'MarketProjectFailed', data: { reason: 'too-few-quotes', quotes: 2, minimum: 3 } },
      ]);
  });

  it('does not close before the deadline, and closes once', () => {
    market.given(threeQuotes).when(closeQuoting(at('2026-11-09', '16:00'))).thenThrows(RuleViolation, /quoting closes at/);
    // A minute's grace for quotes still being written.
    market.given(threeQuotes).when(closeQuoting(at('2026-11-09', '17:00'))).thenThrows(RuleViolation, /waits a minute/);
    market.given(threeQuotes).when(closeQuoting(at('2026-11-09', '17:01'))).then([{ type: 'QuotingClosed' }]);
    market.given([...threeQuotes, closeQuoting(at('2026-11-09', '17:45'))]).when(closeQuoting(at('2026-11-10'))).then([]);
  });

  it('picks the lowest amount, the earlier quote on a tie, and publicises for five working days', () => {
    market.given(threeQuotes).when(select()).then([
      { type: 'QuotingClosed', data: { quotes: 3 } },
      { type: 'SelectionMade', data: { round: 1, intermediaryId: 'B', amount: 140_000, evidence: { method: 'lowest-price', ranking: [{ intermediaryId: 'B' }, { intermediaryId: 'C' }, { intermediaryId: 'A' }] } } },
      { type: 'ResultPublicised', data: { from: '2026-11-10', until: '2026-11-17', endsAt: '2026-11-17T09:00:00.000Z' } },
    ]);
  });

  it('leaves out an intermediary suspended since it quoted, and says why', () => {
    const given = market.given(threeQuotes);
    setStandings(standing('A'), standing('B', { barred: 'suspended (x) until reinstated', barredCode: 'suspended' }), standing('C'));
    given.when(select()).then((events) => expect(events[1]).toMatchObject({ data: { intermediaryId: 'C', excluded: [{ intermediaryId: 'B', code: 'suspended', reason: 'suspended (x) until reinstated' }] } }));
  });

  it('draws among the qualified sorted by id, at the digest modulo their number', () => {
    const history = [draft({ method: 'random-draw' }), publish(), quote('C', 1), quote('A', 2), quote('B', 3)];
    const key = 'k'.repeat(64);
    const digest = createHmac('sha256', key).update(drawMessage('M1', '2026-11-09', 1)).digest('hex');
    market.given(history).when(select(undefined, { draw: { key, digest } })).then((events) => {
      const index = Number(BigInt(`0x${digest}`) % 3n);
      expect(events[1]).toMatchObject({ data: { intermediaryId: ['A', 'B', 'C'][index], evidence: { method: 'random-draw', commitment: COMMITMENT, key, digest, message: 'M1|2026-11-09|1', candidates: ['A', 'B', 'C'], index } } });
    });
  });

  it('takes the panel’s scores for comprehensive selection, every qualified quote scored', () => {
    const history = [draft({ method: 'comprehensive' }), publish(), quote('A', 150_000), quote('B', 120_000), quote('C', 130_000)];
    market.given(history).when(select(undefined, { scores: { A: 92, B: 85 } })).thenThrows(InvalidInput, /score for C/);
    market.given(history).when(select(undefined, { scores: { A: 92, B: 85, C: 92 } })).then((events) => expect(events[1]).toMatchObject({ data: { intermediaryId: 'C', amount: 130_000 } }));
  });

  it('awards directly to the named intermediary on one quote', () => {
    const history = [draft({ method: 'direct', directIntermediaryId: 'A', budget: 40_000 }), publish()];
    market.given(history).when(quote('B', 30_000)).thenThrows(RuleViolation, /direct award to another/);
    market.given([...history, quote('A', 38_000)]).when(select()).then((events) => expect(events[1]).toMatchObject({ type: 'SelectionMade', data: { intermediaryId: 'A', evidence: { method: 'direct' } } }));
  });
});

describe('publicity, objections and the award (公示, 异议)', () => {
  const selected = [...threeQuotes, select()];
  const objection = (intermediaryId: string | null, now = at('2026-11-11')): MarketCommand => ({ type: 'RaiseObjection', data: { text: '中选价格低于成本', intermediaryId }, meta: (intermediaryId ? asFirm(intermediaryId) : asAdmin)(now) });
  const resolve = (upheld: boolean, now = at('2026-11-12')): MarketCommand => ({ type: 'ResolveObjection', data: { objectionNo: 1, upheld, resolution: upheld ? '异议成立' : '异议不成立' }, meta: asAdmin(now) });

  it('takes objections from those who quoted, during the period only', () => {
    market.given(selected).when(objection('A')).then([{ type: 'ObjectionRaised', data: { objectionNo: 1, byId: 'A', byRole: 'intermediary' } }]);
    market.given(selected).when(objection('D')).thenThrows(RuleViolation, /quoted/);
    market.given(selected).when(objection('A', at('2026-11-17', '17:00'))).thenThrows(IllegalTransition, /publicity period ended/);
  });

  it('ends the period after its last day, not before, and not while an objection waits', () => {
    market.given(selected).when(endPublicity(at('2026-11-17', '16:59'))).then([]);
    market.given(selected).when(endPublicity(at('2026-11-17', '17:45'))).then([{ type: 'PublicityEnded', data: { endedDate: '2026-11-17' } }]);
    market.given([...selected, objection('A')]).when(endPublicity(at('2026-11-17', '17:45'))).then([]);
    // Dismissed after the period: the award becomes final with the answer.
    market.given([...selected, objection('A')]).when(resolve(false, at('2026-11-18'))).then([{ type: 'ObjectionResolved', data: { upheld: false } }, { type: 'PublicityEnded', data: { endedDate: '2026-11-18' } }]);
  });

  it('annuls the selection when an objection is upheld, and the next selection leaves the winner out', () => {
    const annulled = [...selected, objection('A'), resolve(true)];
    expect(stateAfter(annulled).status).toBe('closed');
    market.given(annulled).when(select(at('2026-11-12', '10:00'))).then((events) =>
      expect(events).toMatchObject([
        { type: 'SelectionMade', data: { round: 2, intermediaryId: 'C', excluded: [{ intermediaryId: 'B', code: 'annulled', reason: 'an earlier selection of it was annulled' }] } },
        { type: 'ResultPublicised', data: { round: 2, from: '2026-11-12', until: '2026-11-19' } },
      ]),
    );
  });

  it('lets only the winner (or an administrator) withdraw the award', () => {
    const withdraw = (intermediaryId: string | null): MarketCommand => ({ type: 'WithdrawAward', data: { reason: '人员不足', intermediaryId }, meta: (intermediaryId ? asFirm(intermediaryId) : asAdmin)(at('2026-11-12')) });
    market.given(selected).when(withdraw('A')).thenThrows(RuleViolation, /selected intermediary/);
    market.given(selected).when(withdraw('B')).then([{ type: 'AwardWithdrawn', data: { intermediaryId: 'B' } }, { type: 'SelectionAnnulled', data: { round: 1, reason: 'withdrawn' } }]);
  });
});

describe('contract, service and evaluation (合同, 服务, 评价)', () => {
  const awarded = [...threeQuotes, select(), endPublicity(at('2026-11-17', '17:45'))];
  const contract = (signedDate: string, now = at('2026-11-18')): MarketCommand => ({ type: 'SignContract', data: { contractNo: 'HT-1', signedDate }, meta: asOwner(now) });
  const complete = (completedDate: string, now = at('2026-12-20')): MarketCommand => ({ type: 'CompleteService', data: { completedDate }, meta: asOwner(now) });

  it('signs at the award amount, due the quoted service period later', () => {
    market.given(awarded).when(contract('2026-11-18')).then([{ type: 'ContractSigned', data: { amount: 140_000, signedDate: '2026-11-18', dueDate: '2026-12-13' } }]);
    market.given(awarded).when(contract('2026-11-16')).thenThrows(InvalidInput, /between the award/);
    market.given(threeQuotes).when(contract('2026-11-18')).thenThrows(IllegalTransition, /published/);
  });

  it('counts days late against the due date, and takes one evaluation scored as the marks’ mean × 20', () => {
    market.given([...awarded, contract('2026-11-18')]).when(complete('2026-12-16')).then([{ type: 'ServiceCompleted', data: { daysLate: 3 } }]);
    const done = [...awarded, contract('2026-11-18'), complete('2026-12-10')];
    const evaluate: MarketCommand = { type: 'EvaluateIntermediary', data: { quality: 5, timeliness: 4, attitude: 4, feeCompliance: 4, comment: null }, meta: asOwner(at('2026-12-21')) };
    market.given(done).when(evaluate).then([{ type: 'IntermediaryEvaluated', data: { intermediaryId: 'B', score: 85, evaluatedDate: '2026-12-21' } }]);
    market.given([...done, evaluate]).when(evaluate).thenThrows(IllegalTransition, /evaluated/);
  });
});

describe('the intermediary aggregate (中介机构)', () => {
  it('registers pending, with the credit code and certificates checked', () => {
    intermediaries.given([]).when(register()).then([{ type: 'IntermediaryRegistered', data: { intermediaryId: 'ZJ-1', creditCode: CREDIT, registeredDate: '2026-10-26' } }]);
    const bad = intermediaries
      .given([])
      .when(register({ creditCode: `${CREDIT.slice(0, 17)}0`, serviceTypes: ['COST', 'EIA'], qualifications: [{ type: 'COST', grade: 'A', certificateNo: 'X', expires: '2026-01-01' }] }))
      .thenThrows(InvalidInput) as InvalidInput;
    expect(bad.errors.map((f) => f.path)).toEqual(['body.creditCode', 'body.serviceTypes.1', 'body.qualifications.0.expires']);
  });

  it('is approved once, suspended, and reinstated', () => {
    const approve = { type: 'ApproveIntermediary' as const, data: {}, meta: asAdmin(at('2026-10-27')) };
    const suspend = { type: 'SuspendIntermediary' as const, data: { reason: '资质造假', until: '2026-12-31' }, meta: asAdmin(at('2026-11-02')) };
    intermediaries.given([register()]).when(suspend).thenThrows(IllegalTransition, /not approved/);
    intermediaries.given([register()]).when(approve).then([{ type: 'IntermediaryApproved', data: { approvedDate: '2026-10-27' } }]);
    intermediaries.given([register(), approve]).when(approve).then([]);
    intermediaries.given([register(), approve]).when(suspend).then([{ type: 'IntermediarySuspended', data: { until: '2026-12-31', suspendedDate: '2026-11-02' } }]);
    intermediaries.given([register(), approve, suspend]).when(approve).thenThrows(IllegalTransition, /reinstate/);
    intermediaries
      .given([register(), approve, suspend])
      .when({ type: 'ReinstateIntermediary', data: { note: null }, meta: asAdmin(at('2026-11-20')) })
      .then([{ type: 'IntermediaryReinstated', data: { reinstatedDate: '2026-11-20' } }]);
  });
});

describe('the draw arithmetic', () => {
  it('is the 256-bit digest modulo the count', () => {
    expect(drawIndex('f'.repeat(64), 3)).toBe(Number((2n ** 256n - 1n) % 3n));
    expect(drawIndex('0'.repeat(63) + '7', 4)).toBe(3);
    expect(() => drawIndex('xyz', 2)).toThrow();
  });

  it('can be checked from the evidence with a hash and an HMAC alone', () => {
    const key = createHash('sha256').update('any').digest('hex');
    const digest = createHmac('sha256', key).update('M1|2026-11-09|1').digest('hex');
    expect(drawIndex(digest, 5)).toBe(Number(BigInt(`0x${digest}`) % 5n));
  });
});

describe('who acts', () => {
  it('records the owner as the actor of its commands', () => {
    market.given([]).when(draft()).then((events) => expect(events[0]!.meta.actor).toEqual(asOwner(at('2026-11-02')).actor));
  });
});
