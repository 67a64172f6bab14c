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
import type { EntryName } from './entrypoints.ts';

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

const runtimes = new Map<EntryName, Runtime>();

/**
 * What the local runtime adds to each function's runtime as it is made (its stand-in for the
 * function's IAM role); nothing on AWS.
 */
export const runtimeHooks: ((rt: Runtime, entry: EntryName) => void)[] = [];

/**
 * A function's runtime, from its environment (`EVENTS_TABLE`, `VIEWS_TABLE`, `DYNAMODB_ENDPOINT`
 * locally): one per entry, so that locally, where every function shares one process, each keeps to
 * its own grants as its Lambda does.
 */
export function runtime(entry: EntryName): Runtime {
  const existing = runtimes.get(entry);
  if (existing) return existing;
  const db = documentClient({ endpoint: process.env.DYNAMODB_ENDPOINT });
  const tables = { events: required('EVENTS_TABLE'), views: required('VIEWS_TABLE') };
  const county = loadCounty();
  const events = new DynamoEventStore(db, tables.events);
  logger.appendPersistentKeys({ county: county.county.key });
  const rt: Runtime = {
    db,
    tables,
    county,
    events,
    calendars: new CalendarStore(events, county.county.calendar),
    views: new ViewStore(db, tables.views),
  };
  for (const hook of runtimeHooks) hook(rt, entry);
  runtimes.set(entry, rt);
  return rt;
}

/** The county's calendar date at an instant (the request's `now`). */
export const todayAt = (rt: Pick<Runtime, 'county'>, now: string): LocalDate => localDateOf(now, rt.county.county.timeZone);
