import type { WorkingCalendar } from '../calendar/calendar.ts';
import type { CountyIndex } from '../county.ts';
import type { LocalDate } from '../time.ts';

/** What deciding a case's commands needs besides the case: the county's catalogue and calendar, and a few facts read for it. */
export interface CaseContext {
  county: CountyIndex;
  calendar: WorkingCalendar;
  /** Turns a phone number into its keyed hash (for the SMS rating invitation); without it no invitation is recorded. */
  phoneKey?: (phone: string) => string;
  /** Today's callback list, when the case is on it (for callback attempts). */
  callbackList?: { date: LocalDate } | undefined;
}
