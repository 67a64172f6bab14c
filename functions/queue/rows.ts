import { queueStatsLabels, queueStatsPartition } from '../../domain/projections/ticket-views.ts';
import type { QueueRow } from '../../domain/stats/queue.ts';
import type { LocalDate } from '../../domain/time.ts';
import { counterRows } from '../projections/counter-rows.ts';
import type { Runtime } from '../runtime.ts';

/** The ticket queue's counter rows of a period (per day, window, category). */
export const queueRows = (rt: Runtime, from: LocalDate, to: LocalDate): Promise<QueueRow[]> => counterRows(rt.views, queueStatsPartition, queueStatsLabels, from, to);
