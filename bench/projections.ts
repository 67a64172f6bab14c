/**
 * `npm run bench:projections`: about 20,000 events from the simulator, then in one run
 *  - the projector (the Lambda handler, fed in stream order) against
 *    raw TransactWriteItems of the same items (same count and sizes per event, same concurrency);
 *    batches of 1000 records, as the event source mapping delivers a backlog;
 *  - the rebuild against a raw parallel scan of the Events table plus BatchWriteItem of the same
 *    number and sizes of items.
  * Prints events/s, the ratios, and the write units per event by DynamoDB's pricing rules.
 */
import { documentClient, localClient } from '../functions/store/dynamo-client.ts';
import '../local/env.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { BatchWriteCommand, ScanCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { countySchema } from '../domain/county.ts';
import { rebuild } from '../functions/projections/rebuild.ts';
import { emptyTally, type CapacityTally } from '../functions/store/capacity.ts';
import { localPool, mintToken } from '../local/auth.ts';
import { startDynamoLocal } from '../local/dynamodb-local.ts';
import { createDispatcher, loadHandlers, repositoryRoot } from '../local/server.ts';
import { simulate } from '../local/simulator.ts';
import { ensureTables } from '../local/tables.ts';
import { fmt, meter } from './support.ts';
import { marshall } from '@aws-sdk/util-dynamodb';

const TARGET_EVENTS = Number(process.env.BENCH_EVENTS ?? 20_000);
/** As many transactions in flight as the projector allows itself (streams in parallel). */
const CONCURRENCY = 16;
/** Records per Lambda batch, as the event source mapping is configured. */
const BATCH = 1000;

const dynamo = await startDynamoLocal();
const pool = localPool(join(tmpdir(), `banjian-bench-auth-${process.pid}`), 'sanmen');
const authorization = `Bearer ${await mintToken(pool, { role: 'admin', user: 'bench' })}`;
const tables = { events: 'bench-events', views: 'bench-views' };
Object.assign(process.env, { DYNAMODB_ENDPOINT: dynamo.endpoint, EVENTS_TABLE: tables.events, VIEWS_TABLE: tables.views, COUNTY_FILE: join(repositoryRoot, 'infra/counties/sanmen.json'), POWERTOOLS_LOG_LEVEL: 'ERROR', COUNTY_SECRET: 'bench-secret' });
const client = (): DynamoDBDocumentClient => documentClient(localClient(dynamo.endpoint));
const raw = client();
await ensureTables(raw, tables);

// 1. Events, from the simulator (through the handlers, without sockets).
const county = countySchema().parse(JSON.parse(readFileSync(join(repositoryRoot, 'infra/counties/sanmen.json'), 'utf8')));
const dispatch = createDispatcher(await loadHandlers(), true, pool);
const transport = async (path: string, body: string, headers: Record<string, string>, method: 'GET' | 'POST' | 'PUT' = 'POST') => {
  const result = await dispatch({ method, url: path, headers: { ...headers, authorization }, body });
  return { status: result.statusCode ?? 200, json: JSON.parse(result.body || '{}') as Record<string, unknown> };
};
const scale = 1;
const days = Math.max(1, Math.round(TARGET_EVENTS / 2300));
process.stderr.write(`Simulating ${days} working days at scale ${scale} for about ${TARGET_EVENTS} events… `);
let t0 = performance.now();
// No projector runs while the events are made, and the joint deadline sweep reads a view: joint cases are left out.
const tally = await simulate({ url: '', county, from: '2026-11-02', days, scale, seed: 42, transport, concurrency: 16, satisfaction: false, hall: false, joint: false });
process.stderr.write(`${((performance.now() - t0) / 1000).toFixed(0)} s\n`);

async function scanAll(table: string) {
  const items: Record<string, unknown>[] = [];
  await Promise.all(
    Array.from({ length: 4 }, async (_, segment) => {
      let start: Record<string, unknown> | undefined;
      do {
        const page = await raw.send(new ScanCommand({ TableName: table, Segment: segment, TotalSegments: 4, ExclusiveStartKey: start }));
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
    }),
  );
  return items;
}
const events = (await scanAll(tables.events)).filter((i) => String(i.stream).startsWith('case#'));
// Stream order: by the instant each event happened, versions in order within a stream.
events.sort((a, b) => String((a.meta as { at: string }).at).localeCompare(String((b.meta as { at: string }).at)) || String(a.stream).localeCompare(String(b.stream)) || Number(a.version) - Number(b.version));
const records: DynamoDBRecord[] = events.map((item, i) => ({
  eventID: `e${i}`,
  eventName: 'INSERT',
  eventVersion: '1.1',
  eventSource: 'aws:dynamodb',
  awsRegion: 'local',
  dynamodb: { Keys: marshall({ stream: item.stream, version: item.version }) as never, NewImage: marshall(item, { removeUndefinedValues: true }) as never, SequenceNumber: String(i).padStart(21, '0'), StreamViewType: 'NEW_IMAGE' },
}));
console.log(`${events.length} events from ${tally.submitted} simulated applications (${tally.completed} completions).`);

// 2. The projector: the Lambda handler, batches of 1000, in stream order.
const { runtime } = await import('../functions/runtime.ts');
const { handler } = (await import('../functions/entries/projector.ts')) as { handler: (e: { Records: DynamoDBRecord[] }) => Promise<{ batchItemFailures: unknown[] }> };
const projectorUnits = emptyTally();
const projectorMeter = meter(runtime('projector').db);
projectorMeter.use(projectorUnits);
const transactions: Record<string, unknown>[][] = [];
runtime('projector').db.middlewareStack.add(
  (next, ctx) => async (args) => {
    if (ctx.commandName === 'TransactWriteItemsCommand') transactions.push((args.input as { TransactItems: Record<string, unknown>[] }).TransactItems);
    return next(args);
  },
  { step: 'initialize', name: 'capture' },
);
t0 = performance.now();
for (let i = 0; i < records.length; i += BATCH) {
  const { batchItemFailures } = await handler({ Records: records.slice(i, i + BATCH) });
  if (batchItemFailures.length > 0) throw new Error('the projector failed during the benchmark');
}
const projectorSeconds = (performance.now() - t0) / 1000;

// Raw: the same transactions (same items, same sizes), conditions dropped, keys moved aside, same concurrency.
const rawUnits = emptyTally();
const rawMeter = meter(raw);
rawMeter.use(rawUnits);
const moved = transactions.map((items) =>
  items.map((op) => {
    const [kind, body] = Object.entries(op)[0] as [string, Record<string, unknown>];
    const { ConditionExpression: _c, ...rest } = body;
    const key = (k: Record<string, unknown>) => ({ ...k, pk: `raw#${String(k.pk)}` });
    // Same size, but out of the touched index, so that the rebuild below does not see the replay.
    const aside = ({ touchedPk, touchedSk, ...item }: Record<string, unknown>) => ({ ...item, rawTouchedPk: touchedPk, rawTouchedSk: touchedSk });
    if (kind === 'Put') return { Put: { ...rest, ExpressionAttributeNames: undefined, ExpressionAttributeValues: undefined, Item: aside(key(rest.Item as Record<string, unknown>)) } };
    if (kind === 'Delete') return { Delete: { ...rest, Key: key(rest.Key as Record<string, unknown>) } };
    return { Update: { ...rest, Key: key(rest.Key as Record<string, unknown>) } };
  }),
);
t0 = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < moved.length) await raw.send(new TransactWriteCommand({ TransactItems: moved[next++] as never }));
  }),
);
const rawProjectorSeconds = (performance.now() - t0) / 1000;
rawMeter.use(emptyTally());

// 3. The rebuild against a raw scan plus batch write of the same items.
const rebuildUnits = emptyTally();
const rebuildClient = client();
meter(rebuildClient).use(rebuildUnits);
const written: Record<string, unknown>[] = [];
rebuildClient.middlewareStack.add(
  (nxt, ctx) => async (args) => {
    if (ctx.commandName === 'BatchWriteItemCommand') for (const r of Object.values((args.input as { RequestItems: Record<string, { PutRequest: { Item: Record<string, unknown> } }[]> }).RequestItems)[0]!) written.push(r.PutRequest.Item);
    return nxt(args);
  },
  { step: 'initialize', name: 'capture' },
);
t0 = performance.now();
const phases: [string, number][] = [];
const result = await rebuild({
  db: rebuildClient,
  tables,
  segments: 4,
  settleMs: 0,
  onProgress: (p) => {
    if (phases.at(-1)?.[0] !== p.phase) phases.push([p.phase, performance.now()]);
  },
});
const rebuildSeconds = (performance.now() - t0) / 1000;

t0 = performance.now();
await scanAll(tables.events);
const batches: Record<string, unknown>[][] = [];
for (let i = 0; i < written.length; i += 25) batches.push(written.slice(i, i + 25).map((item) => ({ ...item, pk: `rawrebuild#${String(item.pk)}` })));
let b = 0;
await Promise.all(
  Array.from({ length: 8 }, async () => {
    while (b < batches.length) {
      let requests = batches[b++]!.map((Item) => ({ PutRequest: { Item } }));
      while (requests.length > 0) {
        const out = await raw.send(new BatchWriteCommand({ RequestItems: { [tables.views]: requests } }));
        requests = (out.UnprocessedItems?.[tables.views] ?? []) as typeof requests;
      }
    }
  }),
);
const rawRebuildSeconds = (performance.now() - t0) / 1000;

const perEvent = (t: CapacityTally) => t.writeUnits / events.length;
const avgItems = transactions.reduce((s, t) => s + t.length, 0) / transactions.length;
console.log('');
console.log(`Projector: ${events.length} events in ${fmt(projectorSeconds)} s = ${fmt(events.length / projectorSeconds, 0)} events/s; raw transactions of the same items: ${fmt(events.length / rawProjectorSeconds, 0)} events/s; ours/raw ${fmt(rawProjectorSeconds / projectorSeconds, 2)} (target ≥ 0.8)`);
console.log(`  ${fmt(avgItems, 2)} items per transaction; ${fmt(perEvent(projectorUnits), 2)} WRU and ${fmt(projectorUnits.readUnits / events.length, 2)} RRU per event (raw replay: ${fmt(perEvent(rawUnits), 2)} WRU)`);
console.log(`Rebuild: ${result.events} items scanned, ${written.length} views written in ${fmt(rebuildSeconds)} s = ${fmt(result.events / rebuildSeconds, 0)} items/s; raw scan + batch write of the same: ${fmt(rawRebuildSeconds)} s; ours/raw ${fmt(rawRebuildSeconds / rebuildSeconds, 2)} (target ≥ 0.7)`);
console.log(`  phases: ${phases.map(([name, at], i) => `${name} ${fmt(((phases[i + 1]?.[1] ?? performance.now()) - at) / 1000, 2)} s`).join(', ')}`);
console.log(`  ${fmt(rebuildUnits.writeUnits / Math.max(1, written.length), 2)} WRU per view written (${rebuildUnits.writeUnits} in all, ${fmt(rebuildUnits.writeUnits / events.length, 2)} per event: one write per final view, not per event)`);
await dynamo.stop();
process.exit(0);
