import { readFileSync } from 'node:fs';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { countySchema, indexCounty, type County, type CountyIndex } from '../domain/county.ts';
import { localDateOf, type LocalDate } from '../domain/time.ts';
import { CalendarStore } from './calendar/calendar-store.ts';
import { logger } from './logger.ts';
import { unpack } from './packed.ts';
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

/**
 * On AWS the county file is bundled in at build time (esbuild `define`, compressed by `pack`,
 * functions/packed.ts), already validated by synth (infra/county-config.ts); locally it is read from disk
 * and validated here.
 */
declare const BANJIAN_COUNTY: string;
/** `true` in a Lambda bundle (esbuild `define`, infra/bundling.ts): the local-only code below is left out of it. */
declare const BANJIAN_BUNDLED: boolean;

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`environment variable ${name} is not set`);
  return value;
}

export function loadCounty(): CountyIndex {
  // The bundled county went through the county schema at synth, and a test keeps its JSON a fixed point of the schema.
  if (typeof BANJIAN_BUNDLED !== 'undefined') return indexCounty(unpack(BANJIAN_COUNTY) as County);
  // An `else`, not code after the `return`: esbuild then counts nothing in it as used, and the schema stays out of the bundles.
  else return localCounty();
}

/** The county file named by `COUNTY_FILE`, validated (the local runtime). */
function localCounty(): CountyIndex {
  const parsed = countySchema().safeParse(JSON.parse(readFileSync(required('COUNTY_FILE'), 'utf8')));
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
