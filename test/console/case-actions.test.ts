import { describe, expect, it } from 'vitest';
import { allowedActions, decisionsFor, missingMaterials } from '../../console/src/pages/clerk/case-actions.ts';

const item = { materials: [{ code: 'M1', name: '申请书' }, { code: 'M2', name: '身份证明' }, { code: 'M3', name: '权证' }] };
const commitment: Parameters<typeof allowedActions>[0]['item'] = { type: 'commitment', code: 'X', name: 'x', committedDays: 5, statutoryDays: 20 };
type Status = Parameters<typeof allowedActions>[0]['status'];
const kase = (status: Status, item = commitment, decision: 'approved' | 'denied' | 'forwarded' | null = null) => ({ status, item, decision });

describe('the steps a clerk is offered', () => {
  it('lists what is not on file, in the catalogue order', () => {
    expect(missingMaterials(item, ['M3', 'M1'])).toEqual(['M2']);
    expect(missingMaterials(item, ['M1', 'M2', 'M3'])).toEqual([]);
  });

  it('offers the one-time notice, not acceptance, while a material is missing', () => {
    expect(allowedActions(kase('submitted'), ['M2'])).toEqual(['request-materials', 'transfer', 'reject']);
    expect(allowedActions(kase('submitted'), [])).toEqual(['accept', 'transfer', 'reject']);
  });

  it('follows the case through its states', () => {
    expect(allowedActions(kase('awaiting-materials'), ['M2'])).toEqual(['supply-materials', 'transfer', 'reject']);
    expect(allowedActions(kase('accepted'), [])).toEqual(['suspend', 'complete', 'transfer']);
    expect(allowedActions(kase('suspended'), [])).toEqual(['resume', 'transfer']);
    expect(allowedActions(kase('completed'), [])).toEqual(['deliver']);
    expect(allowedActions(kase('delivered'), [])).toEqual([]);
    expect(allowedActions(kase('rejected'), [])).toEqual([]);
  });

  it('has no special procedure for an immediate item', () => {
    expect(allowedActions(kase('accepted', { ...commitment, type: 'immediate' }), [])).toEqual(['complete', 'transfer']);
  });

  it('does not offer delivery of a forwarded case: the level that decides it delivers', () => {
    expect(allowedActions(kase('completed', { ...commitment, type: 'report-up' }, 'forwarded'), [])).toEqual([]);
    expect(allowedActions(kase('completed', { ...commitment, type: 'report-up' }, 'denied'), [])).toEqual(['deliver']);
  });

  it('ends a report-up item as forwarded or denied, any other as approved or denied', () => {
    expect(decisionsFor('report-up')).toEqual(['forwarded', 'denied']);
    expect(decisionsFor('commitment')).toEqual(['approved', 'denied']);
  });
});
