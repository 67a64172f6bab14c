import { describe, expect, it } from 'vitest';
import { allowedActions, decisionsFor, missingMaterials } from '../../console/src/pages/clerk/case-actions.ts';

const item = { materials: [{ code: 'M1', name: '申请书' }, { code: 'M2', name: '身份证明' }, { code: 'M3', name: '权证' }] };
const commitment = { type: 'commitment' as const, code: 'X', name: 'x', committedDays: 5, statutoryDays: 20 };

describe('the steps a clerk is offered', () => {
  it('lists what is not on file, in the catalogue order', () => {
    expect(missingMaterials(item, ['M3', 'M1'])).toEqual(['M2']);
    expect(missingMaterials(item, ['M1', 'M2', 'M3'])).toEqual([]);
  });

  it('offers the one-time notice, not acceptance, while a material is missing', () => {
    expect(allowedActions({ status: 'submitted', item: commitment }, ['M2'])).toEqual(['request-materials', 'transfer', 'reject']);
    expect(allowedActions({ status: 'submitted', item: commitment }, [])).toEqual(['accept', 'transfer', 'reject']);
  });

  it('follows the case through its states', () => {
    expect(allowedActions({ status: 'awaiting-materials', item: commitment }, ['M2'])).toEqual(['supply-materials', 'transfer', 'reject']);
    expect(allowedActions({ status: 'accepted', item: commitment }, [])).toEqual(['suspend', 'complete', 'transfer']);
    expect(allowedActions({ status: 'suspended', item: commitment }, [])).toEqual(['resume', 'transfer']);
    expect(allowedActions({ status: 'completed', item: commitment }, [])).toEqual(['deliver']);
    expect(allowedActions({ status: 'delivered', item: commitment }, [])).toEqual([]);
    expect(allowedActions({ status: 'rejected', item: commitment }, [])).toEqual([]);
  });

  it('has no special procedure for an immediate item', () => {
    expect(allowedActions({ status: 'accepted', item: { ...commitment, type: 'immediate' } }, [])).toEqual(['complete', 'transfer']);
  });

  it('ends a report-up item as forwarded or denied, any other as approved or denied', () => {
    expect(decisionsFor('report-up')).toEqual(['forwarded', 'denied']);
    expect(decisionsFor('commitment')).toEqual(['approved', 'denied']);
  });
});
