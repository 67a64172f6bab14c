import type { Case, Schemas } from '../../../../client/index.ts';

/** The steps a clerk can take on a case (the domain's transitions, in the words of the hall). */
export type CaseAction = 'request-materials' | 'supply-materials' | 'accept' | 'reject' | 'suspend' | 'resume' | 'transfer' | 'complete' | 'deliver';

export const actionLabels: Record<CaseAction, string> = {
  'request-materials': '一次性告知',
  'supply-materials': '补正材料',
  accept: '受理',
  reject: '不予受理',
  suspend: '特别程序开始',
  resume: '特别程序结束',
  transfer: '转办',
  complete: '办结',
  deliver: '送达',
};

/** Which states each step starts from: the same table the case's decider keeps (domain/case/decide.ts; a test compares them). */
export const from: Record<CaseAction, readonly Case['status'][]> = {
  'request-materials': ['submitted'],
  'supply-materials': ['awaiting-materials'],
  accept: ['submitted'],
  reject: ['submitted', 'awaiting-materials'],
  suspend: ['accepted'],
  resume: ['suspended'],
  transfer: ['submitted', 'awaiting-materials', 'accepted', 'suspended'],
  complete: ['accepted'],
  deliver: ['completed'],
};

/** The materials of the item that are not on file yet. */
export function missingMaterials(item: Pick<Schemas['Item'], 'materials'>, onFile: readonly string[]): string[] {
  const have = new Set(onFile);
  return item.materials.map((m) => m.code).filter((code) => !have.has(code));
}

/**
 * The steps to offer for this case, in the order a clerk takes them. Acceptance is offered only with
 * every material on file (otherwise the one-time notice is); an immediate item has no special procedure;
 * a forwarded case is not delivered here.
 */
export function allowedActions(c: Pick<Case, 'status' | 'item' | 'decision'>, missing: readonly string[]): CaseAction[] {
  const order: CaseAction[] = ['request-materials', 'supply-materials', 'accept', 'suspend', 'resume', 'complete', 'deliver', 'transfer', 'reject'];
  return order.filter((action) => {
    if (!from[action].includes(c.status)) return false;
    if (action === 'accept') return missing.length === 0;
    if (action === 'request-materials') return missing.length > 0;
    if (action === 'suspend') return c.item.type !== 'immediate';
    // A forwarded case is delivered by the level that decides it.
    if (action === 'deliver') return c.decision !== 'forwarded';
    return true;
  });
}

/** The decisions an item can end with: a report-up item is forwarded (or denied here), any other approved or denied. */
export function decisionsFor(itemType: Case['item']['type']): NonNullable<Case['decision']>[] {
  return itemType === 'report-up' ? ['forwarded', 'denied'] : ['approved', 'denied'];
}
