import type { Role } from '../../auth/session.ts';
import type { Rectification } from './labels.ts';

/** The steps of the bad-review loop (整改) this page takes: a director verifies and closes; an administrator also re-checks appeals. */
export type Step = 'verify' | 'close' | 'recheck';

export const stepNames: Record<Step, string> = { verify: '核实', close: '结案', recheck: '复核' };

/**
 * What the person at this page can do with a rectification now, or whose turn it is. The order of
 * the loop is the domain's: opened → verified (window rectifies) → resolved (callback staff follow
 * up) → followed-up → closed; an appeal goes to the administrator's re-check.
 */
export function nextStep(r: Pick<Rectification, 'status'>, roles: readonly Role[]): { step?: Step; waiting?: string } {
  const supervisor = roles.includes('director') || roles.includes('admin');
  switch (r.status) {
    case 'opened':
      return supervisor ? { step: 'verify' } : { waiting: '待主任核实' };
    case 'verified':
      return { waiting: '等待窗口整改或说明' };
    case 'appealed':
      return roles.includes('admin') ? { step: 'recheck' } : { waiting: '窗口已申诉，等待管理员复核' };
    case 'resolved':
      return { waiting: '等待回访专员回访' };
    case 'followed-up':
      return supervisor ? { step: 'close' } : { waiting: '待主任结案' };
    case 'closed':
    case 'voided':
      return {};
    default: {
      const unhandled: never = r.status;
      return unhandled;
    }
  }
}

/** Those waiting on this person first, overdue before the rest, then by the resolve deadline. */
export function inWorkOrder(list: readonly Rectification[], roles: readonly Role[]): Rectification[] {
  const score = (r: Rectification) => (nextStep(r, roles).step ? 0 : 2) + (r.warnings.length > 0 ? 0 : 1);
  return [...list].sort((a, b) => score(a) - score(b) || a.resolveDue.localeCompare(b.resolveDue) || a.caseNo.localeCompare(b.caseNo));
}
