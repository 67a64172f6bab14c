import { calendarAggregate, CALENDAR, type AmendedYears } from '../../domain/calendar/amendment.ts';
import { WorkingCalendar, type YearRules } from '../../domain/calendar/calendar.ts';
import { streamOf } from '../../domain/decider.ts';
import { readState } from '../commands/handle.ts';
import type { DynamoEventStore } from '../store/dynamo-event-store.ts';
import { lunarDates, publishedYears } from './published.ts';

/** How long a process trusts its copy of the amendments before reading them again. */
const CACHE_MS = 30_000;
/** When this process last amended the calendar: every store of the process reads it again after that. */
let amendedHere = 0;

/**
 * Loads the county's working-day calendar: published notices, the county file's overrides and the
 * administrator's amendments (events in the `calendar` stream). Cached per process; an amendment
 * made elsewhere is seen within 30 s, one made through this process at once.
 */
export class CalendarStore {
  private cached: { calendar: WorkingCalendar; loadedAt: number } | undefined;
  private readonly published = publishedYears();

  constructor(
    private readonly store: DynamoEventStore,
    private readonly county: YearRules,
    private readonly clock: () => number = Date.now,
  ) {}

  async calendar(): Promise<WorkingCalendar> {
    if (this.cached && this.clock() - this.cached.loadedAt < CACHE_MS && this.cached.loadedAt > amendedHere) return this.cached.calendar;
    const { state } = await readState(this.store, calendarAggregate, streamOf(calendarAggregate, CALENDAR));
    this.cached = { calendar: this.with(state), loadedAt: this.clock() };
    return this.cached.calendar;
  }

  /** The calendar with these amendments. */
  with(amended: AmendedYears): WorkingCalendar {
    return new WorkingCalendar({ published: this.published, county: this.county, amended, lunar: lunarDates });
  }

  /** This process amended the calendar: every store of the process reads it again. */
  amended(): void {
    this.cached = undefined;
    amendedHere = this.clock();
  }
}
