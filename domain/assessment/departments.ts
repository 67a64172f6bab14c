import type { AssessmentSettings, County } from '../county.ts';
import type { RectificationFact } from '../projections/assessment.ts';
import type { Deduction } from '../scorecard/scorecard.ts';
import type { LocalDate } from '../time.ts';
import { listed, ranked, rateOf, scored } from './bands.ts';

/** What costs a department points (部门考核扣分). */
export const departmentDeductionKinds = ['late-completion', 'joint-deemed-approval', 'joint-absence', 'overdue-rectification', 'archive-problem'] as const;
export type DepartmentDeductionKind = (typeof departmentDeductionKinds)[number];

export interface DepartmentMonth {
  month: string;
  county: Pick<County, 'departments' | 'windows' | 'items'>;
  /** The month's window deductions: late completions and archive problems go to the window's department, a joint case's silence or absence to the department itself. */
  deductions: readonly Deduction[];
  /** Bad reviews' rectifications falling due in the month. */
  rectifications: readonly RectificationFact[];
  /** Completions of the month by window. */
  figures: ReadonlyMap<string, { completed: number; onTime: number; late: number }>;
  /** The day the sheet is read: a rectification still open after its deadline is overdue. */
  today: LocalDate;
  rules: AssessmentSettings['departments'];
}

const pointsOf = (kind: DepartmentDeductionKind, rules: AssessmentSettings['departments']): number => {
  switch (kind) {
    case 'late-completion':
      return rules.lateCompletion;
    case 'joint-deemed-approval':
      return rules.jointDeemedApproval;
    case 'joint-absence':
      return rules.jointUnjustifiedAbsence;
    case 'overdue-rectification':
      return rules.overdueRectification;
    case 'archive-problem':
      return rules.archiveProblem;
    default: {
      const unhandled: never = kind;
      return unhandled;
    }
  }
};

/**
 * Each department's month (部门考核), its own conduct apart from its window's: how far its committed
 * time limits shorten the statutory ones (承诺时限压缩率, points on by the county's steps), its cases
 * completed late, its silence (超时默许) and unjustified absences (无故缺席) in joint approval, its
 * bad reviews' rectifications not done by their deadline, and archive problems in its files — each
 * deduction with the event behind it — banded and ranked.
 */
export function departmentScorecards(input: DepartmentMonth) {
  const { rules, county } = input;
  const departmentOfWindow = new Map(county.windows.map((w) => [w.id, w.departmentId]));
  const cards = county.departments.map((department) => {
    const windows = county.windows.filter((w) => w.departmentId === department.id).map((w) => w.id);
    const items = county.items.filter((i) => departmentOfWindow.get(i.windowId) === department.id && i.statutoryDays > 0);
    const statutory = items.reduce((s, i) => s + i.statutoryDays, 0);
    const committed = items.reduce((s, i) => s + i.committedDays, 0);
    const shortening = rateOf(statutory - committed, statutory);
    const step = shortening === null ? undefined : [...rules.shortening].sort((a, b) => b.minRate - a.minRate).find((s) => shortening >= s.minRate);
    const found: { kind: DepartmentDeductionKind; date: LocalDate; detail: string; ref: Deduction['ref'] }[] = [];
    for (const d of input.deductions) {
      if ((d.kind === 'late-completion' || d.kind === 'archive-problem') && departmentOfWindow.get(d.windowId) === department.id) found.push({ kind: d.kind, date: d.date, detail: `${d.windowId} ${d.detail}`, ref: d.ref });
      if ((d.kind === 'joint-deemed-approval' || d.kind === 'joint-absence') && d.detail === department.id) found.push({ kind: d.kind, date: d.date, detail: d.windowId, ref: d.ref });
    }
    const due = input.rectifications.filter((r) => departmentOfWindow.get(r.windowId) === department.id);
    const overdue = due.filter((r) => (r.resolvedDate === null ? r.resolveDue < input.today : r.resolvedDate > r.resolveDue));
    for (const r of overdue) found.push({ kind: 'overdue-rectification', date: r.resolveDue, detail: `${r.caseNo} ${r.resolvedDate === null ? '逾期未整改' : `${r.resolvedDate} 整改`}`, ref: r.ref });
    const deductions = listed(found, (d) => pointsOf(d.kind, rules));
    const f = windows.reduce((sum, w) => {
      const x = input.figures.get(w);
      return x ? { completed: sum.completed + x.completed, onTime: sum.onTime + x.onTime, late: sum.late + x.late } : sum;
    }, { completed: 0, onTime: 0, late: 0 });
    const settled = due.filter((r) => r.resolvedDate !== null || r.resolveDue < input.today);
    return {
      departmentId: department.id,
      name: department.name,
      windowIds: windows,
      items: items.length,
      statutoryDays: statutory,
      committedDays: committed,
      shorteningRate: shortening,
      completed: f.completed,
      onTime: f.onTime,
      onTimeRate: rateOf(f.onTime, f.completed),
      rectificationsDue: settled.length,
      rectifiedOnTime: settled.length - overdue.length,
      rectificationRate: rateOf(settled.length - overdue.length, settled.length),
      ...scored(rules.base, deductions, step?.points ?? 0, rules.tiers),
      deductions,
    };
  });
  return { month: input.month, departments: ranked(cards, (c) => c.departmentId) };
}
