import type { County } from '../county.ts';
import { SLOT_MINUTES } from './rules.ts';

/** No slot takes more than this, whatever the arithmetic says (the county's own override has the same limit). */
export const MAX_SLOT_CAPACITY = 100;

/**
 * The places in one half-hour slot of a category (预约名额): the county's `appointments.capacity`
 * for it, or else as many visitors as the windows serving the category see in half an hour —
 * windows × 30 ÷ the category's average service minutes, rounded down. The average is measured by
 * the adapter (the queue's recent service times, or `queue.defaultServiceMinutes` before there are
 * enough of them).
 *
 * A slot's capacity is fixed by its first booking (it is in that `AppointmentBooked`): service times
 * moving later never overbook a slot that filled up, nor take back places already given.
 */
export function slotCapacity(county: Pick<County, 'appointments' | 'queue'>, category: string, averageServiceMinutes: number): number {
  const override = county.appointments.capacity[category];
  if (override !== undefined) return override;
  const windows = county.queue.categories.find((c) => c.code === category)?.windowIds.length ?? 0;
  if (windows === 0 || !(averageServiceMinutes > 0)) return 0;
  return Math.min(MAX_SLOT_CAPACITY, Math.floor((windows * SLOT_MINUTES) / averageServiceMinutes));
}
