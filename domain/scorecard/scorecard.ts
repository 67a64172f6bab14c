import { bandOf, listed, ranked, rounded } from '../assessment/bands.ts';
import type { SupervisionSettings } from '../county.ts';

/** What costs a window points. */
export const deductionKinds = ['video-check', 'archive-problem', 'bad-review', 'late-completion', 'joint-deemed-approval', 'joint-absence'] as const;

/** One thing that cost a window points, with the event it came from. */
export interface Deduction {
  kind: (typeof deductionKinds)[number];
  windowId: string;
  date: string;
  /** The failed item, problem code, review level… */
  detail: string;
  ref: { stream: string; version: number };
  /** The window workers it is also theirs: the case's worker for a review or a late completion, the file's signers for an archive problem. */
  staffIds?: string[];
  /** Where the case was received (a review counts on its site's scorecard too). */
  siteId?: string;
  /** When a video check saw it (UTC): the workers signed in then answer for it. */
  at?: string;
}

export interface MonthFigures {
  completed: number;
  late: number;
  badReviews: number;
}

function pointsOf(d: Deduction, rules: SupervisionSettings['scoring']): number {
  switch (d.kind) {
    case 'video-check':
      return rules.videoCheck[d.detail] ?? 1;
    case 'archive-problem':
      return rules.archiveProblem;
    case 'bad-review':
      return rules.badReview;
    case 'late-completion':
      return rules.lateCompletion;
    case 'joint-deemed-approval':
      return rules.jointDeemedApproval;
    case 'joint-absence':
      return rules.jointUnjustifiedAbsence;
    default: {
      const unhandled: never = d.kind;
      return unhandled;
    }
  }
}

/**
 * A month's window scorecards (绩效考核): base score, minus each deduction as the county scores it,
 * plus the bonuses (capped), ranked (ties share a rank), and the tier band with its points.
 */
export function scorecards(month: string, windows: readonly { id: string; name: string }[], deductions: readonly Deduction[], figures: ReadonlyMap<string, MonthFigures>, rules: SupervisionSettings['scoring']) {
  const cards = windows.map((w) => {
    const mine = listed(
      deductions.filter((d) => d.windowId === w.id && deductionKinds.includes(d.kind)),
      (d) => pointsOf(d, rules),
    );
    const f = figures.get(w.id) ?? { completed: 0, late: 0, badReviews: 0 };
    const bonuses = [
      ...(f.badReviews === 0 && rules.bonuses.noBadReviews > 0 ? [{ kind: 'no-bad-reviews', points: rules.bonuses.noBadReviews }] : []),
      ...(f.completed > 0 && f.late === 0 && rules.bonuses.allOnTime > 0 ? [{ kind: 'all-on-time', points: rules.bonuses.allOnTime }] : []),
    ];
    const bonus = Math.min(rules.bonuses.max, bonuses.reduce((s, b) => s + b.points, 0));
    const deducted = mine.reduce((s, d) => s + d.points, 0);
    const score = rounded(rules.base - deducted + bonus);
    const tier = bandOf(score, rules.tiers);
    return { windowId: w.id, name: w.name, score, deducted, bonus, tier: tier.name, tierPoints: tier.points, deductions: mine.map(({ kind, windowId, date, detail, ref, points, link }) => ({ kind, windowId, date, detail, ref, points, link })), bonuses };
  });
  return { month, windows: ranked(cards, (c) => c.windowId) };
}
