import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { WorkingCalendar } from '../../domain/calendar/calendar.ts';
import type { County } from '../../domain/county.ts';
import { addDays, type LocalDate } from '../../domain/time.ts';
import { lunarDates, publishedYears } from '../../functions/calendar/published.ts';
import { entrypoints, type EntryName, type Entrypoint } from '../../functions/entrypoints.ts';
import { parkDeadLetter } from '../../functions/projections/dead-letters.ts';
import { readRecord } from '../../functions/projections/stream-handler.ts';
import { loadCounty, runtime, runtimeHooks } from '../../functions/runtime.ts';
import { itemSize } from '../../functions/store/capacity.ts';
import { eventsTable, viewsTable } from '../../functions/tables.ts';
import { localPool, mintToken } from '../../local/auth.ts';
import { devClockInstants } from '../../local/dev-clock.ts';
import { localIamHook } from '../../local/iam.ts';
import { createDispatcher, entryHandler, loadHandlers, repositoryRoot } from '../../local/server.ts';
import { simulate, type Tally, type Transport } from '../../local/simulator.ts';
import { freshTables } from '../../local/stack.ts';
import { StreamPoller } from '../../local/stream-poller.ts';
import { Meter, type Invocation, type InvocationKind } from './meter.ts';
import { consolePollers, type Poller } from './model.ts';

/**
 * The counting half of `npm run cost`: a simulated stretch of a county's working days through the
 * local runtime, every function invocation metered (bench/cost/meter.ts), then a few probes of
 * what the simulator does not send (the console's polling, a clerk opening a case, the timers'
 * own runs), and the tables' bytes at the end.
 */

export interface MeasureOptions {
  /** A running DynamoDB Local. */
  endpoint: string;
  county?: string;
  from?: LocalDate;
  /** Working days simulated before the counted ones, so that the counted days carry the earlier cases' later steps as a county's days do. */
  warmUpDays?: number;
  /** Working days counted. */
  days: number;
  scale: number;
  seed: number;
  /** Requests in flight at once from the simulator (the local machine's time per request grows with it). */
  concurrency?: number;
  /** Requests per probed route. */
  probes?: number;
  log?: (line: string) => void;
}

/** Bytes a table would bill for: each item's size plus DynamoDB's 100 bytes of overhead. */
export interface TableBytes {
  items: number;
  /** Items that stay (no time to live). */
  bytes: number;
  /** Items that expire, by how many days they are kept. */
  expiring: { days: number; bytes: number; items: number }[];
  /** The `touched` index's entries (Views). */
  indexBytes: number;
}

export interface Probe {
  label: string;
  invocations: Invocation[];
}

export interface Measurements {
  county: County;
  tally: Tally;
  from: LocalDate;
  /** The counted days (after the warm-up): only what happened on them is scaled to the year. */
  window: { from: LocalDate; to: LocalDate; days: number };
  scale: number;
  concurrency: number;
  /** Working days in the year the simulation starts in (the county's calendar). */
  workingDaysPerYear: number;
  /** Every invocation the simulation made (HTTP, the projector's batches, the SMS sender's runs). */
  simulated: Invocation[];
  /** DynamoDB work by the functions' clients outside any invocation (dead letters parked by the local poller). */
  outside: { write: number; read: number; index: number };
  /** Text messages the sender handed to the provider during the simulation. */
  smsSent: number;
  deadLetters: number;
  probes: {
    /** The SMS sender's run when nothing is due (most of its 525,600 runs a year). */
    idleSender: Invocation[];
    /** Each daily timer's run, once, the working day after the simulation. */
    daily: Partial<Record<EntryName, Invocation[]>>;
    /** The console's polled reads, by poller. */
    polls: { poller: Poller; invocations: Invocation[] }[];
    /** A clerk opening a case (console/src/pages/clerk/CasePage.tsx): its four reads, once per probed case. */
    casePage: Invocation[][];
  };
  storage: { events: TableBytes; views: TableBytes };
  wallSeconds: number;
}

/** The instant of a county-local date and time (HH:MM) in its time zone. */
export function localInstant(date: LocalDate, time: string, timeZone: string): string {
  const guess = Date.parse(`${date}T${time}:00Z`);
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' })
      .formatToParts(guess)
      .filter((p) => p.type !== 'literal')
      .map((p) => [p.type, Number(p.value)]),
  ) as Record<'year' | 'month' | 'day' | 'hour' | 'minute', number>;
  const shown = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
  return new Date(guess - (shown - guess)).toISOString();
}

type HttpHandlers = Parameters<typeof createDispatcher>[0];

/** The idempotency records' time to live (functions/store/dynamo-event-store.ts, IDEMPOTENCY_TTL_SECONDS). */
const IDEMPOTENCY_DAYS = 7;

/**
 * Once per process: each function's runtime (and so its metered client and its tables) is made
 * once per process (functions/runtime.ts), as on Lambda.
 */
export async function measure(options: MeasureOptions): Promise<Measurements> {
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const countyKey = options.county ?? 'sanmen';
  const countyFile = join(repositoryRoot, 'infra', 'counties', `${countyKey}.json`);
  process.env.COUNTY_FILE = countyFile;
  const { county } = loadCounty();
  const { tables, db, client } = await freshTables(options.endpoint);
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: options.endpoint,
    EVENTS_TABLE: tables.events,
    VIEWS_TABLE: tables.views,
    COUNTY_FILE: countyFile,
    COUNTY_SECRET: 'cost-county-secret',
    SMS_PROVIDER: 'sink',
    SMS_SINK_FILE: join(mkdtempSync(join(tmpdir(), 'banjian-cost-sms-')), 'outbox.jsonl'),
  });
  // Each function keeps to its grants as on AWS; the durability stand-in (an extra read after each
  // transaction, for DynamoDB Local's sake) stays off: its time is not AWS's.
  if (!runtimeHooks.includes(localIamHook)) runtimeHooks.push(localIamHook);
  const meter = new Meter();
  meter.install();
  const pool = localPool(mkdtempSync(join(tmpdir(), 'banjian-cost-auth-')), countyKey);
  const admin = await mintToken(pool, { role: 'admin', user: 'cost-simulator' });

  let kind: InvocationKind = 'http';
  const handlers: HttpHandlers = new Map();
  for (const [name, handler] of await loadHandlers()) {
    handlers.set(name, (event, context) => meter.run(name, kind, event.routeKey, event.headers['x-dev-clock'], () => handler(event, context)));
  }
  const dispatch = createDispatcher(handlers, true, pool);
  const transport: Transport = async (path, body, headers, method = 'POST') => {
    const result = await dispatch({ method, url: path, headers: { authorization: `Bearer ${admin}`, ...headers }, body: method === 'GET' ? '' : body });
    const text = result.body ?? '';
    return { status: result.statusCode ?? 200, json: (text === '' ? {} : JSON.parse(text)) as Record<string, unknown> };
  };

  // The projector, fed as the event source mapping feeds it on AWS at a county's pace: only domain
  // events (the mapping's filter), each append in a batch of its own (a few appends a second against
  // four polls a second of the shard), one batch at a time. Locally the records of many appends arrive at once.
  const projector = await entryHandler<(event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>>(entrypoints.projector);
  let lastProjected = Date.now();
  let deadLetters = 0;
  const poller = new StreamPoller({
    endpoint: options.endpoint,
    tableName: tables.events,
    handler: (event) => {
      lastProjected = Date.now();
      return awsShapedBatches(event.Records, (batch, at, label) => meter.run('projector', 'stream', label, at, () => projector({ Records: batch }), batch.length));
    },
    idleMs: 100,
    batchSize: entrypoints.projector.batchSize,
    maxAttempts: 4,
    log,
    onDeadLetter: async (record, attempts) => {
      deadLetters++;
      await parkDeadLetter(runtime('projector').views, record, attempts, 'projection kept failing (npm run cost)');
    },
  });
  poller.start();

  // The SMS sender: every few seconds, at the simulated instants the requests brought (local/dev-clock.ts).
  const sender = await entryHandler<(event: { time: string }) => Promise<{ sent?: number }>>(entrypoints['sms-sender']);
  let smsSent = 0;
  const send = async (time: string, as: InvocationKind = 'timer') => {
    const result = await meter.run('sms-sender', as, as === 'timer' ? 'every minute' : 'idle', time, () => sender({ time }));
    if (as === 'timer') smsSent += result.sent ?? 0;
  };
  let sending = true;
  const senderLoop = (async () => {
    while (sending) {
      await sleep(1000);
      for (const time of devClockInstants()) await send(time);
    }
  })();

  const from = options.from ?? '2026-11-02';
  const tally = await simulate({
    url: '',
    county,
    from,
    days: (options.warmUpDays ?? 0) + options.days,
    scale: options.scale,
    seed: options.seed,
    concurrency: options.concurrency ?? 2,
    transport,
    pool,
    // A county's handful of joint cases (about 100 a year), agency projects (13 a year in the seed's
    // report) and marketplace projects (49 a year): a short run always draws at least one of each,
    // which scaled per case would count them hundreds of times over.
    joint: false,
    agency: false,
    market: false,
    log,
  });
  log(`simulated ${tally.workingDays} working days: ${tally.submitted} submitted, ${tally.accepted} accepted, ${tally.completed} completed, ${tally.hall.tickets} tickets, ${tally.reviews} reviews, ${tally.callbackAttempts} callback attempts, ${tally.errors} errors`);

  // Let the projector and the sender finish the simulated days.
  const calendar = new WorkingCalendar({ published: publishedYears(), county: county.calendar, amended: new Map(), lunar: lunarDates });
  const next = calendar.workingDayOnOrAfter(addDays(tally.to, 1));
  await settle(() => lastProjected);
  sending = false;
  await senderLoop;
  for (const time of devClockInstants()) await send(time);
  await send(localInstant(next, '12:00', county.timeZone));
  await settle(() => lastProjected);
  const simulated = [...meter.invocations];
  log(`simulation and drain: ${((performance.now() - started) / 1000).toFixed(0)} s`);

  // Probes: each invocation below is counted apart from the simulation.
  kind = 'probe';
  const probes = options.probes ?? 5;
  // Only the probe's own invocations (the projector may still be busy with what a timer appended).
  const probed = async (run: () => Promise<unknown>): Promise<Invocation[]> => {
    const before = meter.invocations.length;
    await run();
    return meter.invocations.slice(before).filter((inv) => inv.kind === 'probe');
  };
  const idleSender: Invocation[] = [];
  for (let i = 0; i < probes; i++) idleSender.push(...(await probed(() => send(localInstant(next, '03:00', county.timeZone), 'probe'))));

  const daily: Partial<Record<EntryName, Invocation[]>> = {};
  for (const [name, entry] of Object.entries(entrypoints) as [EntryName, Entrypoint][]) {
    if (entry.kind !== 'timer' || !entry.daily) continue;
    const handler = await entryHandler<(event: { time: string }) => Promise<unknown>>(entry);
    const time = localInstant(next, entry.daily, county.timeZone);
    daily[name] = await probed(() => meter.run(name, 'probe', `daily ${name}`, time, () => handler({ time })));
  }

  await settle(() => lastProjected);
  const tokens = {
    admin,
    director: await mintToken(pool, { role: 'director', user: county.supervision.directors[0]?.id ?? 'cost-director' }),
    agent: await mintToken(pool, { role: 'agent', user: 'cost-agent', siteId: county.sites[0]?.id ?? 'S-CENTER', name: '代办员' }),
  };
  const at = localInstant(tally.to, '10:00', county.timeZone);
  const get = async (path: string, token: string) => {
    const result = await dispatch({ method: 'GET', url: path, headers: { authorization: `Bearer ${token}`, 'x-dev-clock': at }, body: '' });
    if ((result.statusCode ?? 200) >= 400) log(`probe GET ${path} → ${result.statusCode}`);
  };
  const polls: Measurements['probes']['polls'] = [];
  // The director's page reads the roster the rosters timer published for the day after (probed above).
  for (const poller of consolePollers(pollingCounty(county), next)) {
    const invocations: Invocation[] = [];
    for (let device = 0; device < Math.min(poller.devices, 3); device++) {
      for (const path of poller.requests(device)) for (let i = 0; i < probes; i++) invocations.push(...(await probed(() => get(path, tokens[poller.role]))));
    }
    polls.push({ poller, invocations });
  }

  const events = await scanAll(db, tables.events);
  const casePage: Invocation[][] = [];
  const firsts = events.filter((e) => String(e[eventsTable.partitionKey]).startsWith('case#') && Number(e[eventsTable.sortKey]) === 1);
  for (const first of firsts.slice(0, probes)) {
    const caseId = String(first[eventsTable.partitionKey]).slice('case#'.length);
    const itemCode = (first.data as { item?: { code?: string } } | undefined)?.item?.code ?? '';
    casePage.push(await probed(async () => {
      for (const path of [`/cases/${caseId}`, `/cases/${caseId}/events`, `/items/${itemCode}`, '/windows']) await get(path, admin);
    }));
  }
  kind = 'http';
  log(`probes: ${((performance.now() - started) / 1000).toFixed(0)} s`);

  await poller.stop();
  meter.uninstall();
  const views = await scanAll(db, tables.views);
  const storage = { events: tableBytes(events, county.privacy.contactRetentionDays), views: tableBytes(views, county.privacy.contactRetentionDays) };
  client.destroy();
  let windowFrom = calendar.workingDayOnOrAfter(from);
  for (let i = 0; i < (options.warmUpDays ?? 0); i++) windowFrom = calendar.workingDayOnOrAfter(addDays(windowFrom, 1));
  const year = Number(from.slice(0, 4));
  let workingDaysPerYear = 0;
  for (let d: LocalDate = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) if (calendar.isWorkingDay(d)) workingDaysPerYear++;
  return {
    county,
    tally,
    from,
    window: { from: windowFrom, to: tally.to, days: options.days },
    scale: options.scale,
    concurrency: options.concurrency ?? 2,
    workingDaysPerYear,
    simulated,
    outside: { write: meter.outside.write, read: meter.outside.read, index: meter.outside.index },
    smsSent,
    deadLetters,
    probes: { idleSender, daily, polls, casePage },
    storage,
    wallSeconds: (performance.now() - started) / 1000,
  };
}

/** Waits until the projector has had nothing to do for a second (at most a minute). */
async function settle(last: () => number): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() - last() < 1000 && Date.now() < deadline) await sleep(200);
}

/**
 * Delivers a local batch as the event source mapping would at a county's pace: domain events only
 * (its filter), each append (the records of one stream at one instant) in a batch of its own, and
 * one batch at a time (one per shard: the mapping's parallelization factor is left at 1 in
 * infra/stateless-stack.ts, and a county's table has few shards). A failed append fails its
 * stream's later records too, so the poller retries from it, as Lambda does.
 */
export async function awsShapedBatches(records: DynamoDBRecord[], invoke: (batch: DynamoDBRecord[], at: string | undefined, label: string) => Promise<DynamoDBBatchResponse>): Promise<DynamoDBBatchResponse> {
  const appends: { stream: string; at: string | undefined; types: string[]; records: DynamoDBRecord[] }[] = [];
  for (const record of records) {
    let parsed: ReturnType<typeof readRecord>;
    try {
      parsed = readRecord(record);
    } catch {
      // Unreadable: the projector reports it.
      parsed = { stream: record.eventID ?? 'unreadable', version: 0, type: '', data: undefined, meta: undefined };
    }
    if (!parsed) continue;
    const at = (parsed.meta as { at?: string } | undefined)?.at;
    const last = appends.at(-1);
    if (last && last.stream === parsed.stream && last.at === at) {
      last.records.push(record);
      last.types.push(parsed.type);
    } else appends.push({ stream: parsed.stream, at, types: [parsed.type], records: [record] });
  }
  const failed: string[] = [];
  const failedStreams = new Set<string>();
  for (const append of appends) {
    // After a failure, a stream's later records wait for the retry.
    if (failedStreams.has(append.stream)) {
      failed.push(...append.records.map((r) => r.dynamodb?.SequenceNumber ?? ''));
      continue;
    }
    const result = await invoke(append.records, append.at, append.types.join(' '));
    if (result.batchItemFailures.length > 0) {
      failedStreams.add(append.stream);
      failed.push(...result.batchItemFailures.map((f) => f.itemIdentifier));
    }
  }
  return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
}

async function scanAll(db: DynamoDBDocumentClient, table: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** DynamoDB's billed size of a table's items (functions/store/capacity.ts `itemSize` + 100 bytes each), the expiring ones apart. */
export function tableBytes(items: Record<string, unknown>[], contactDays: number): TableBytes {
  const OVERHEAD = 100;
  const result: TableBytes = { items: items.length, bytes: 0, expiring: [], indexBytes: 0 };
  const index = viewsTable.touchedIndex;
  for (const item of items) {
    const size = itemSize(item) + OVERHEAD;
    if (item[eventsTable.ttlAttribute] !== undefined) {
      const key = item[eventsTable.partitionKey];
      const stream = typeof key === 'string' ? key : '';
      const days = stream.startsWith('contacts#') ? contactDays : IDEMPOTENCY_DAYS;
      let bucket = result.expiring.find((e) => e.days === days);
      if (!bucket) result.expiring.push((bucket = { days, bytes: 0, items: 0 }));
      bucket.bytes += size;
      bucket.items++;
    } else result.bytes += size;
    if (item[index.partitionKey] !== undefined) {
      const entry = Object.fromEntries([index.partitionKey, index.sortKey, ...index.include, viewsTable.partitionKey, viewsTable.sortKey].filter((k) => item[k] !== undefined).map((k) => [k, item[k]]));
      result.indexBytes += itemSize(entry) + OVERHEAD;
    }
  }
  return result;
}

/** The county's devices that poll (model.ts `consolePollers`), from its file. */
export function pollingCounty(county: County) {
  const categoriesOf = (windowId: string) => county.queue.categories.filter((c) => c.windowIds.includes(windowId)).map((c) => c.code);
  const counters = [...new Set(county.queue.categories.flatMap((c) => c.windowIds))].sort().map((windowId) => ({ windowId, categories: categoriesOf(windowId) }));
  const jointDepartments = [...new Set(county.items.flatMap((i) => (i.type === 'joint' && i.joint ? i.joint.departments.map((d) => d.departmentId) : [])))];
  return {
    counters,
    windows: county.windows.map((w) => w.id),
    jointDepartments,
    directors: county.supervision.directors.length,
    // The simulator's agents (local/simulator-agency.ts draws three or four).
    agents: 3,
    // console/src/pages/joint/model.ts `inboxTabs`.
    inboxTabs: ['open', 'rectify', 'passed', 'failed', 'deemed-consenting', 'deemed-approving'],
  };
}
