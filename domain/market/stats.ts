import type { LocalDate } from '../time.ts';
import { standingSelection } from './project.ts';
import type { MarketProjectState } from './types.ts';

/**
 * The marketplace's figures for a period (中介超市统计), as the seed reported them ("49 published, 34
 * concluded, 1.226 million yuan saved"): projects published in the period, concluded (the award became
 * final: the publicity period ended without a standing objection) and failed (流标) in it, and over the
 * concluded ones the budgets, the awarded amounts and the money saved (budget − award). Yuan.
 */
export interface MarketFigures {
  published: number;
  concluded: number;
  failed: number;
  budgetTotal: number;
  awardedTotal: number;
  savings: number;
  savingsRate: number | null;
}

const concludedStatuses = new Set(['awarded', 'contracted', 'completed', 'evaluated']);
const within = (date: LocalDate | null, from: LocalDate, to: LocalDate) => date !== null && date >= from && date <= to;

function figuresOf(projects: readonly MarketProjectState[], from: LocalDate, to: LocalDate): MarketFigures {
  const concluded = projects.filter((p) => concludedStatuses.has(p.status) && within(p.awardedDate, from, to));
  const budgetTotal = concluded.reduce((sum, p) => sum + p.budget, 0);
  const awardedTotal = concluded.reduce((sum, p) => sum + standingSelection(p)!.amount, 0);
  const savings = budgetTotal - awardedTotal;
  return {
    published: projects.filter((p) => within(p.publishedDate, from, to)).length,
    concluded: concluded.length,
    failed: projects.filter((p) => within(p.failure?.failedDate ?? null, from, to)).length,
    budgetTotal,
    awardedTotal,
    savings,
    savingsRate: budgetTotal === 0 ? null : Math.round((savings / budgetTotal) * 10_000) / 10_000,
  };
}

export function marketStats(
  projects: readonly MarketProjectState[],
  period: { from: LocalDate; to: LocalDate; serviceType?: string },
  serviceTypes: readonly { code: string; name: string }[],
  activeIntermediaries: number,
) {
  const { from, to } = period;
  const chosen = period.serviceType === undefined ? projects : projects.filter((p) => p.serviceType === period.serviceType);
  const types = serviceTypes.filter((t) => period.serviceType === undefined || t.code === period.serviceType);
  return {
    from,
    to,
    serviceType: period.serviceType ?? null,
    ...figuresOf(chosen, from, to),
    byServiceType: types.map((t) => ({ serviceType: t.code, name: t.name, ...figuresOf(chosen.filter((p) => p.serviceType === t.code), from, to) })).filter((row) => row.published + row.concluded + row.failed > 0),
    activeIntermediaries,
  };
}
