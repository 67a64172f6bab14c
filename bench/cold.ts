/**
 * `npm run bench:cold [-- --rounds 7] [--only case-commands,projector] [--county sanmen]`
 *
 * Every function's cold start against a bare handler's: each function is bundled with the CDK app's
 * own esbuild settings (infra/bundling.ts), then, round after round, a fresh Node process imports the
 * bare handler's bundle and handles its first event, and another does the same with the function's
 * (the pair's order alternating), both against DynamoDB Local. Prints each bundle's size, gzipped
 * size, import (INIT) and first-event times (medians) and the medians of the paired ratios, with the targets.
 *
 * The target ratio is the import's: what Lambda's INIT phase does with the bundle, the part its size and
 * top-level work decide. The cold cost (import plus what the first event took beyond the same event
 * warm) is printed beside it: it also counts the first event's own one-time work (the working calendar
 * read, the SDK's first connection, the first call of each code path), which a bare handler's one Query
 * has little of.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { entrypoints, type EntryName } from '../functions/entrypoints.ts';
import { localClient } from '../functions/store/dynamo-client.ts';
import { bundleEntry, MAX_BUNDLE_KB } from '../infra/bundling.ts';
import { readCounty } from '../infra/county-config.ts';
import { startDynamoLocal } from '../local/dynamodb-local.ts';
import { ensureTables } from '../local/tables.ts';
import { marshall } from '@aws-sdk/util-dynamodb';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { caseAggregate } from '../domain/case/aggregate.ts';
import { streamOf } from '../domain/decider.ts';
import { documentClient } from '../functions/store/dynamo-client.ts';
import { eventsTable } from '../functions/tables.ts';
import { bareEvent, clerkClaims, firstEvent, http, type Fixture, type FirstEvent } from './cold/events.ts';
import { fmt, percentile } from './support.ts';

/** Issue 18's targets: no bundle over MAX_BUNDLE_KB minified, and no function slower to load (import) than the bare handler. */
const MAX_RATIO = 1.0;

const root = join(import.meta.dirname, '..');
const { values } = parseArgs({
  options: {
    rounds: { type: 'string', default: '7' },
    only: { type: 'string' },
    county: { type: 'string', default: 'sanmen' },
  },
});
const rounds = Number(values.rounds);
const names = (values.only?.split(',') ?? Object.keys(entrypoints)) as EntryName[];
for (const name of names) if (!(name in entrypoints)) throw new Error(`no function ${name}`);

const out = join(root, '.build', 'cold');
mkdirSync(out, { recursive: true });

const county = readCounty(values.county);
const bundle = (name: string, file: string) => bundleEntry(file, join(out, `${name}.mjs`), county, root);

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
console.log(`Bundling ${names.length} functions and the bare handler with the CDK app's settings…`);
const bare = await bundle('bare-handler', 'bench/cold/bare-handler.ts');
const bundles = new Map<EntryName, Awaited<ReturnType<typeof bundle>>>();
for (const name of names) bundles.set(name, await bundle(name, entrypoints[name].file));

const dynamo = await startDynamoLocal();
const tables = { events: 'cold-events', views: 'cold-views' };
await ensureTables(localClient(dynamo.endpoint), tables);

const env = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  // What Lambda gives a function: its role's credentials and region in the environment.
  AWS_ACCESS_KEY_ID: 'cold',
  AWS_SECRET_ACCESS_KEY: 'cold',
  AWS_REGION: 'cn-north-1',
  AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  EVENTS_TABLE: tables.events,
  VIEWS_TABLE: tables.views,
  DYNAMODB_ENDPOINT: dynamo.endpoint,
  COUNTY_SECRET: 'cold-start-secret',
  // No Secrets Manager here: the SMS functions send to the local runtime's sink instead of reading the provider's keys.
  SMS_PROVIDER: 'sink',
  POWERTOOLS_SERVICE_NAME: 'banjian',
  POWERTOOLS_LOG_LEVEL: 'WARN',
  POWERTOOLS_METRICS_NAMESPACE: 'Banjian',
};

interface Run {
  importMs: number;
  firstEventMs: number;
  /** The same kind of event again in the same process: the work itself, without the cold start. */
  warmEventMs: number;
}

/** Each start's first and warm events; the warm ones take the second half of the fixture. */
const STARTS = rounds + 1;

/**
 * Cases to work on, submitted before the run through the case-commands handler itself (in this
 * process, on the local runtime), and their events read back as stream records.
 */
async function submitCases(count: number): Promise<Fixture> {
  Object.assign(process.env, { ...env, COUNTY_FILE: join(root, 'infra', 'counties', `${values.county}.json`) });
  const { handler } = (await import('../functions/entries/case-commands.ts')) as { handler: (event: unknown, context: unknown) => Promise<{ statusCode: number; body: string }> };
  const item = county.items.find((i) => i.windowId === clerkClaims['custom:windowId'])!;
  const db = documentClient({ endpoint: dynamo.endpoint });
  const fixture: Fixture = { caseIds: [], records: [] };
  for (let i = 0; i < count; i++) {
    const body = { itemCode: item.code, channel: 'window', applicant: { name: '三门县海润建设有限公司', phone: '13857612345', organization: '三门县海润建设有限公司' }, materials: item.materials.map((m) => m.code) };
    const answer = await handler(http('POST', '/cases', { role: 'clerk', extraClaims: clerkClaims, body }), { functionName: 'case-commands', awsRequestId: `fixture-${i}`, getRemainingTimeInMillis: () => 10_000 });
    if (answer.statusCode !== 201) throw new Error(`could not submit a case for the benchmark: ${answer.statusCode} ${answer.body}`);
    const caseId = (JSON.parse(answer.body) as { caseId: string }).caseId;
    const stream = streamOf(caseAggregate, caseId);
    const items = (await db.send(new QueryCommand({ TableName: tables.events, KeyConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': eventsTable.partitionKey }, ExpressionAttributeValues: { ':s': stream } }))).Items ?? ([] as Record<string, unknown>[]);
    fixture.caseIds.push(caseId);
    fixture.records.push(
      items.map((item, n) => ({
        eventID: `${caseId}-${n}`,
        eventName: 'INSERT',
        eventSource: 'aws:dynamodb',
        eventSourceARN: `arn:aws:dynamodb:cn-north-1:000000000000:table/${tables.events}/stream/cold`,
        dynamodb: { Keys: marshall({ [eventsTable.partitionKey]: stream, [eventsTable.sortKey]: item[eventsTable.sortKey] as number }), NewImage: marshall(item, { removeUndefinedValues: true }), SequenceNumber: String(1000 * i + n), StreamViewType: 'NEW_IMAGE' },
      })),
    );
  }
  return fixture;
}

/** The end of a child's output, without the minified source lines a stack trace quotes. */
const tail = (text: string) => text.split('\n').filter((l) => l.length < 400).slice(-25).join('\n');

function coldStart(label: string, file: string, first: FirstEvent, warm: FirstEvent): Run {
  const eventFile = join(out, `${label}.event.json`);
  const warmFile = join(out, `${label}.warm.json`);
  writeFileSync(eventFile, JSON.stringify(first.event));
  writeFileSync(warmFile, JSON.stringify(warm.event));
  const child = spawnSync(process.execPath, [join(import.meta.dirname, 'cold', 'child.mjs'), file, eventFile, warmFile], { env, encoding: 'utf8', timeout: 60_000 });
  const line = child.stdout.trim().split('\n').at(-1) ?? '';
  let result: Run & { status: number | 'ok'; warmStatus: number | 'ok' };
  try {
    result = JSON.parse(line) as Run & { status: number | 'ok'; warmStatus: number | 'ok' };
  } catch {
    throw new Error(`${label} did not start:\n${tail(child.stdout)}\n${tail(child.stderr)}`);
  }
  if (result.status !== first.expect || result.warmStatus !== warm.expect) throw new Error(`${label} answered ${result.status} then ${result.warmStatus}, not ${first.expect} then ${warm.expect}:\n${tail(child.stdout)}\n${tail(child.stderr)}`);
  return result;
}

const runs = new Map<string, Run[]>(['bare-handler', ...names].map((n) => [n, []]));
const ratios = new Map<EntryName, number[]>(names.map((n) => [n, []]));
const coldRatios = new Map<EntryName, number[]>(names.map((n) => [n, []]));
/** What being cold costs: the import, and what the first event took beyond the same work done warm. */
const total = (run: Run) => run.importMs + Math.max(0, run.firstEventMs - run.warmEventMs);
try {
  const fixture = await submitCases(2 * STARTS);
  const start = (name: EntryName, n: number) => coldStart(name, bundles.get(name)!.outfile, firstEvent(name, n, fixture), firstEvent(name, n + STARTS, fixture));
  // One untimed start of each, so that no one pays for the file cache.
  coldStart('bare-handler', bare.outfile, bareEvent, bareEvent);
  for (const name of names) start(name, 0);
  for (let round = 0; round < rounds; round++) {
    process.stdout.write(`\rround ${round + 1} of ${rounds}`);
    for (const name of names) {
      const pair: Run[] = [];
      const order = round % 2 === 0 ? ['bare', 'fn'] : ['fn', 'bare'];
      for (const which of order) {
        const run = which === 'bare' ? coldStart('bare-handler', bare.outfile, bareEvent, bareEvent) : start(name, round + 1);
        runs.get(which === 'bare' ? 'bare-handler' : name)!.push(run);
        pair[which === 'bare' ? 0 : 1] = run;
      }
      ratios.get(name)!.push(pair[1]!.importMs / pair[0]!.importMs);
      coldRatios.get(name)!.push(total(pair[1]!) / total(pair[0]!));
    }
  }
  process.stdout.write('\n');
} finally {
  await dynamo.stop();
}

const median = (xs: number[]) => percentile(xs, 50);
const row = (cols: string[]) => `| ${cols.join(' | ')} |`;
const bareRuns = runs.get('bare-handler')!;
console.log(`\nCold starts: a fresh Node ${process.version} process imports the bundle and handles one event against DynamoDB Local, then a second of the same kind; medians of ${rounds} rounds, each function paired with a bare-handler start (order alternating).`);
console.log('Import = INIT, what the target is about; its ratio is the median of the pairs’ import ratios. Cold cost = import + (first event − warm event): what being cold adds to the first request, the function’s own first-time work included.\n');
console.log(row(['function', 'KB', 'gzip KB', 'import ms', 'first event ms', 'warm event ms', 'cold cost ms', 'import ratio', 'cold-cost ratio', 'targets']));
console.log(row(['---', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---:', '---']));
const medians = (r: Run[]) => [median(r.map((x) => x.importMs)), median(r.map((x) => x.firstEventMs)), median(r.map((x) => x.warmEventMs)), median(r.map(total))].map((n) => fmt(n));
console.log(row(['bare handler', fmt(bare.kb, 0), fmt(bare.gzipKb, 0), ...medians(bareRuns), '1.00', '1.00', '']));
let misses = 0;
for (const name of names) {
  const b = bundles.get(name)!;
  const ratio = median(ratios.get(name)!);
  const missed = [...(b.kb > MAX_BUNDLE_KB ? [`> ${MAX_BUNDLE_KB} KB`] : []), ...(ratio > MAX_RATIO ? [`ratio > ${MAX_RATIO.toFixed(1)}`] : [])];
  if (missed.length > 0) misses++;
  console.log(row([name, fmt(b.kb, 0), fmt(b.gzipKb, 0), ...medians(runs.get(name)!), fmt(ratio, 2), fmt(median(coldRatios.get(name)!), 2), missed.length === 0 ? 'met' : `missed: ${missed.join(', ')}`]));
}
const all = names.map((n) => median(ratios.get(n)!));
const allCold = names.map((n) => median(coldRatios.get(n)!));
console.log(`\nTargets: every bundle ≤ ${MAX_BUNDLE_KB} KB and every import ratio ≤ ${MAX_RATIO.toFixed(2)}: ${misses === 0 ? 'all met' : `${misses} of ${names.length} missed`}. Import ratios from ${fmt(Math.min(...all), 2)} to ${fmt(Math.max(...all), 2)}, median ${fmt(median(all), 2)}; cold-cost ratios from ${fmt(Math.min(...allCold), 2)} to ${fmt(Math.max(...allCold), 2)}, median ${fmt(median(allCold), 2)}; largest bundle ${fmt(Math.max(...[...bundles.values()].map((b) => b.kb)), 0)} KB.`);
