import { statsLabels, statsPartition } from '../../domain/projections/case-statistics.ts';
import type { StatsRow } from '../../domain/stats/summary.ts';
import type { LocalDate } from '../../domain/time.ts';
import { counterRows } from '../projections/counter-rows.ts';
import type { Runtime } from '../runtime.ts';

/** The case counter rows of a period: one Query per month partition, in parallel. */
export const statsRows = (rt: Runtime, from: LocalDate, to: LocalDate): Promise<StatsRow[]> => counterRows(rt.views, statsPartition, statsLabels, from, to);
