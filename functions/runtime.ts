import { readFileSync } from 'node:fs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { CountySchema, indexCounty, type CountyIndex } from '../domain/county.ts';
import { localDateOf, type LocalDate } from '../domain/time.ts';
import { CalendarStore } from './calendar/calendar-store.ts';
import { logger } from './logger.ts';
import { documentClient } from './store/dynamo-client.ts';
import { DynamoEventStore } from './store/dynamo-event-store.ts';
import { ViewStore } from './projections/view-store.ts';
import type { TableNames } from './tables.ts';

/** Everything a handler needs, built once per process (a Lambda's cold start, or the local server). */
export interface Runtime {
  db: DynamoDBDocumentClient;
  tables: TableNames;
  county: CountyIndex;
  events: DynamoEventStore;
  calendars: CalendarStore;
  views: ViewStore;
}

/** On AWS the county file is bundled in at build time (esbuild `define`); locally it is read from disk. */
declare const BANJIAN_COUNTY: unknown;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

export function loadCounty(): CountyIndex {
  const raw: unknown = typeof BANJIAN_COUNTY !== 'undefined' ? BANJIAN_COUNTY : JSON.parse(readFileSync(required('COUNTY_FILE'), 'utf8'));
  const parsed = CountySchema.safeParse(raw);
  if (!parsed.success) throw new Error(`county data is invalid: ${parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  return indexCounty(parsed.data);
}

let current: Runtime | undefined;

/** The process's runtime, from its environment (`EVENTS_TABLE`, `VIEWS_TABLE`, `DYNAMODB_ENDPOINT` locally). */
export function runtime(): Runtime {
  if (current) return current;
  const db = documentClient({ endpoint: process.env.DYNAMODB_ENDPOINT });
  const tables = { events: required('EVENTS_TABLE'), views: required('VIEWS_TABLE') };
  const county = loadCounty();
  const events = new DynamoEventStore(db, tables.events);
  logger.appendPersistentKeys({ county: county.county.key });
  current = {
    db,
    tables,
    county,
    events,
    calendars: new CalendarStore(events, county.county.calendar),
    views: new ViewStore(db, tables.views),
  };
  return current;
}

/** The county's calendar date at an instant (the request's `now`). */
export const todayAt = (rt: Pick<Runtime, 'county'>, now: string): LocalDate => localDateOf(now, rt.county.county.timeZone);
