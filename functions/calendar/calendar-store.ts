import { amendedYears, decideAmendment, type AmendCalendarYear, type CalendarYearAmended } from '../../domain/calendar/amendment.ts';
import { WorkingCalendar, type YearRules } from '../../domain/calendar/calendar.ts';
import type { DynamoEventStore, IdempotencyRecord } from '../store/dynamo-event-store.ts';
import { streams } from '../tables.ts';
import { publishedYears } from './published.ts';

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
  private cached: { calendar: WorkingCalendar; version: number; loadedAt: number } | undefined;
  private readonly published = publishedYears();

  constructor(
    private readonly store: DynamoEventStore,
    private readonly county: YearRules,
    private readonly clock: () => number = Date.now,
  ) {}

  async calendar(): Promise<WorkingCalendar> {
    return (await this.load()).calendar;
  }

  private async load() {
    if (this.cached && this.clock() - this.cached.loadedAt < CACHE_MS && this.cached.loadedAt > amendedHere) return this.cached;
    const { events, version } = await this.store.read<CalendarYearAmended>(streams.calendar);
    const calendar = new WorkingCalendar({ published: this.published, county: this.county, amended: amendedYears(events.map((e) => e.event)) });
    this.cached = { calendar, version, loadedAt: this.clock() };
    return this.cached;
  }

  /** Appends an amendment after the calendar's latest version: another admin's amendment at the same moment makes it fail with 409, to be sent again. */
  async amend(command: AmendCalendarYear, idempotency?: IdempotencyRecord): Promise<WorkingCalendar> {
    const event = decideAmendment(command);
    const { version } = await this.store.read(streams.calendar);
    await this.store.append(streams.calendar, version, [event], idempotency);
    this.cached = undefined;
    amendedHere = this.clock();
    return this.calendar();
  }
}
