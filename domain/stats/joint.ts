import type { Counters } from '../projections/projection.ts';
import { histogramPrefix, type JointStatsLabels } from '../projections/joint.ts';

export type JointStatsRow = JointStatsLabels & { counters: Counters };

const round1 = (n: number) => Math.round(n * 10) / 10;
const sum = (rows: readonly JointStatsRow[], name: string) => rows.reduce((s, r) => s + (r.counters[name] ?? 0), 0);

/** The median of a histogram of whole working days (`wd:9` → 3 cases took 9). */
export function histogramMedian(counts: ReadonlyMap<number, number>): number | null {
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  if (total === 0) return null;
  const sorted = [...counts.entries()].sort((a, b) => a[0] - b[0]);
  const valueAt = (rank: number) => {
    let seen = 0;
    for (const [value, count] of sorted) {
      seen += count;
      if (seen > rank) return value;
    }
    return sorted.at(-1)![0];
  };
  return total % 2 === 1 ? valueAt((total - 1) / 2) : (valueAt(total / 2 - 1) + valueAt(total / 2)) / 2;
}

/**
 * Joint approval over a period (the seed report's comparison): cases opened, completed, the working days
 * a completed case took (average and median) against what its departments' limits add up to one after
 * another, and how each department answered — in time, deemed consenting, or deemed approving.
 */
export function summarizeJoint(rows: readonly JointStatsRow[], departments: readonly { id: string; name: string }[], itemCode?: string) {
  const selected = itemCode === undefined ? rows : rows.filter((r) => r.itemCode === itemCode);
  const whole = selected.filter((r) => r.departmentId === '-');
  const byDept = selected.filter((r) => r.departmentId !== '-');
  const completed = sum(whole, 'completed');
  const histogram = new Map<number, number>();
  for (const row of whole) {
    for (const [name, count] of Object.entries(row.counters)) {
      if (name.startsWith(histogramPrefix)) {
        const days = Number(name.slice(histogramPrefix.length));
        histogram.set(days, (histogram.get(days) ?? 0) + count);
      }
    }
  }
  const names = new Map(departments.map((d) => [d.id, d.name]));
  const departmentIds = [...new Set(byDept.map((r) => r.departmentId))].sort();
  return {
    cases: sum(whole, 'cases'),
    completed,
    approved: sum(whole, 'approved'),
    denied: sum(whole, 'denied'),
    averageWorkingDays: completed === 0 ? null : round1(sum(whole, 'workingDays') / completed),
    medianWorkingDays: histogramMedian(histogram),
    /** Per completed case: the sum of its departments' limits, what going department after department would have taken. */
    serialWorkingDays: completed === 0 ? null : round1(sum(whole, 'serialWorkingDays') / completed),
    deemedConsents: sum(byDept, 'deemedConsents'),
    deemedApprovals: sum(byDept, 'deemedApprovals'),
    rectifications: sum(whole, 'rectifications'),
    rectificationItems: sum(whole, 'rectificationItems'),
    byDepartment: departmentIds.map((departmentId) => {
      const mine = byDept.filter((r) => r.departmentId === departmentId);
      const answered = sum(mine, 'answered');
      return {
        departmentId,
        name: names.get(departmentId) ?? departmentId,
        tasks: sum(mine, 'tasks'),
        answered,
        passed: sum(mine, 'pass'),
        rectify: sum(mine, 'rectify'),
        failed: sum(mine, 'fail'),
        deemedApprovals: sum(mine, 'deemedApprovals'),
        deemedConsents: sum(mine, 'deemedConsents'),
        averageWorkingDaysToAnswer: answered === 0 ? null : round1(sum(mine, 'answerWorkingDays') / answered),
      };
    }),
  };
}
