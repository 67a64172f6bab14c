import type { WorkingCalendar } from '../calendar/calendar.ts';
import type { LocalDate } from '../time.ts';
import type { CaseState } from './state.ts';

export interface Deadline {
  deadline: LocalDate;
  /** True when the count runs through a year whose holiday notice is not yet known. */
  provisional: boolean;
}

/**
 * Acceptance + committed working days + working days stopped by special procedures; counting
 * starts the working day after acceptance. Immediate items are due on their acceptance day.
 */
export function deadlineOf(acceptedDate: LocalDate, committedDays: number, stoppedDays: number, calendar: WorkingCalendar): Deadline {
  const deadline = calendar.addWorkingDays(acceptedDate, committedDays + stoppedDays);
  return { deadline, provisional: calendar.anyProvisional(acceptedDate, deadline) };
}

/** The deadline of an accepted case against the calendar as it stands now (a notice may have been entered since). */
export function currentDeadline(state: CaseState, calendar: WorkingCalendar): Deadline | null {
  if (state.acceptedDate === null) return null;
  if (state.status === 'completed' || state.status === 'delivered') {
    return state.deadline === null ? null : { deadline: state.deadline, provisional: false };
  }
  return deadlineOf(state.acceptedDate, state.item.committedDays, state.suspendedWorkingDays, calendar);
}

export interface Timeliness {
  deadline: LocalDate;
  /** Completed on or before the deadline day (按期办结). */
  onTime: boolean;
  /** Completed on a working day before the deadline day (提前办结); null for immediate items. */
  early: boolean | null;
}

export function timelinessOf(state: CaseState, completedDate: LocalDate, calendar: WorkingCalendar): Timeliness {
  const acceptedDate = state.acceptedDate;
  if (acceptedDate === null) throw new Error('only an accepted case has a deadline');
  const { deadline } = deadlineOf(acceptedDate, state.item.committedDays, state.suspendedWorkingDays, calendar);
  if (state.item.type === 'immediate') {
    return { deadline, onTime: completedDate === acceptedDate, early: null };
  }
  return {
    deadline,
    onTime: completedDate <= deadline,
    early: completedDate < deadline && calendar.isWorkingDay(completedDate),
  };
}
