import type { WorkingCalendar } from '../calendar/calendar.ts';
import { deadlineOf } from '../case/deadline.ts';
import type { LocalDate } from '../time.ts';
import type { QueueEntry } from './window-queue.ts';

export const urgencies = ['overdue', 'due-today', 'due-soon', 'normal'] as const;
export type Urgency = (typeof urgencies)[number];

/** Working days ahead within which a deadline is "due soon". */
export const DUE_SOON_WORKING_DAYS = 2;

export interface RankedEntry extends QueueEntry {
  deadline: LocalDate | null;
  deadlineProvisional: boolean;
  /** True while a special procedure (or a joint case's rectification) stops the clock: the deadline shown is "if resumed today". */
  clockStopped: boolean;
  urgency: Urgency;
}

/** How pressing a running deadline is today: overdue, due today, due within two working days, or not yet. */
export function urgencyOf(deadline: LocalDate, today: LocalDate, calendar: WorkingCalendar): Urgency {
  if (today > deadline) return 'overdue';
  if (today === deadline) return 'due-today';
  return calendar.workingDaysBetween(today, deadline) <= DUE_SOON_WORKING_DAYS ? 'due-soon' : 'normal';
}

/**
 * Ranks a window's open cases against the calendar as it stands today, so that urgency is right on
 * any day without a sweep: overdue, due today, due within two working days, then the rest.
 */
export function rankQueue(entries: readonly QueueEntry[], calendar: WorkingCalendar, today: LocalDate) {
  const ranked: RankedEntry[] = entries.map((entry) => {
    if (entry.acceptedDate === null) return { ...entry, deadline: null, deadlineProvisional: false, clockStopped: false, urgency: 'normal' };
    const stoppedNow = entry.suspendedSince !== null ? calendar.workingDaysBetween(entry.suspendedSince, today) : 0;
    const { deadline, provisional } = deadlineOf(entry.acceptedDate, entry.item.committedDays, entry.suspendedWorkingDays + stoppedNow, calendar);
    const clockStopped = entry.suspendedSince !== null;
    const urgency: Urgency = clockStopped ? 'normal' : urgencyOf(deadline, today, calendar);
    return { ...entry, deadline, deadlineProvisional: provisional, clockStopped, urgency };
  });
  ranked.sort(
    (a, b) =>
      urgencies.indexOf(a.urgency) - urgencies.indexOf(b.urgency) ||
      (a.deadline ?? '9999').localeCompare(b.deadline ?? '9999') ||
      a.submittedAt.localeCompare(b.submittedAt),
  );
  const counts = Object.fromEntries(urgencies.map((u) => [u, ranked.filter((e) => e.urgency === u).length])) as Record<Urgency, number>;
  return { entries: ranked, counts, total: ranked.length };
}
