import type { Cell } from './csv.ts';
import { csvPercent, toCsv } from './csv.ts';
import type { Figures } from './data.ts';

/** A line's case figures, as the summary gives them per window and department. */
interface CaseFigures {
  submitted: number;
  accepted: number;
  rejected: number;
  completed: number;
  onTime: number;
  early: number;
  late: number;
  onTimeRate: number | null;
  earlyRate: number | null;
}

/** A window's line in the table and its CSV. */
export interface WindowLine extends CaseFigures {
  windowId: string;
  name: string;
  department: string;
  reviews: number;
  badReviews: number;
  satisfactionRate: number | null;
}

export interface DepartmentLine extends CaseFigures {
  departmentId: string;
  name: string;
}

/** Department names as the summary answers them (it lists the departments with cases in the period). */
export function departmentNames(f: Figures): Map<string, string> {
  return new Map([...f.previousSummary.departments, ...f.summary.departments].map((d) => [d.departmentId, d.name]));
}

/**
 * The windows with cases or reviews in the period (as the summary lists departments: those with any),
 * each with its cases from the summary and its reviews from the satisfaction figures.
 */
export function windowLines(f: Figures, departmentName: (id: string) => string): WindowLine[] {
  const reviews = new Map(f.satisfaction.windows.map((w) => [w.windowId, w]));
  const active = (w: Figures['summary']['windows'][number]) => w.submitted + w.accepted + w.rejected + w.completed + (reviews.get(w.windowId)?.reviews ?? 0) > 0;
  return f.summary.windows.filter(active).map((w) => {
    const r = reviews.get(w.windowId);
    return {
      windowId: w.windowId,
      name: w.name,
      department: departmentName(w.departmentId),
      submitted: w.submitted,
      accepted: w.accepted,
      rejected: w.rejected,
      completed: w.completed,
      onTime: w.onTime,
      early: w.early,
      late: w.late,
      onTimeRate: w.onTimeRate,
      earlyRate: w.earlyRate,
      reviews: r?.reviews ?? 0,
      badReviews: r?.badReviews ?? 0,
      satisfactionRate: r?.satisfactionRate ?? null,
    };
  });
}

export function departmentLines(f: Figures): DepartmentLine[] {
  return f.summary.departments.map((d) => ({ departmentId: d.departmentId, name: d.name, submitted: d.submitted, accepted: d.accepted, rejected: d.rejected, completed: d.completed, onTime: d.onTime, early: d.early, late: d.late, onTimeRate: d.onTimeRate, earlyRate: d.earlyRate }));
}

export const windowCsvHeader = ['窗口编号', '窗口名称', '所属部门', '收件', '受理', '不予受理', '办结', '按时办结', '提前办结', '超期办结', '按时办结率', '提前办结率', '评价数', '差评数', '满意率'] as const;

/** The windows' table for Excel, with the center's total last (as the API's own export ends). */
export function windowCsv(lines: readonly WindowLine[], f: Figures): string {
  const s = f.summary;
  const sat = f.satisfaction;
  const row = (l: Omit<WindowLine, 'windowId' | 'name' | 'department'>, id: string, name: string, department: string): Cell[] => [id, name, department, l.submitted, l.accepted, l.rejected, l.completed, l.onTime, l.early, l.late, csvPercent(l.onTimeRate), csvPercent(l.earlyRate), l.reviews, l.badReviews, csvPercent(l.satisfactionRate)];
  const total = { ...s, reviews: sat.reviews, badReviews: sat.badReviews, satisfactionRate: sat.satisfactionRate };
  return toCsv(windowCsvHeader, [...lines.map((l) => row(l, l.windowId, l.name, l.department)), row(total, '', '合计', '')]);
}

export const departmentCsvHeader = ['部门编号', '部门名称', '收件', '受理', '不予受理', '办结', '按时办结', '提前办结', '超期办结', '按时办结率', '提前办结率'] as const;

export function departmentCsv(lines: readonly DepartmentLine[], f: Figures): string {
  const s = f.summary;
  const row = (l: Omit<DepartmentLine, 'departmentId' | 'name'>, id: string, name: string): Cell[] => [id, name, l.submitted, l.accepted, l.rejected, l.completed, l.onTime, l.early, l.late, csvPercent(l.onTimeRate), csvPercent(l.earlyRate)];
  return toCsv(departmentCsvHeader, [...lines.map((l) => row(l, l.departmentId, l.name)), row(s, '', '合计')]);
}
