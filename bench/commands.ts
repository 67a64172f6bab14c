/**
 * `npm run bench`: 500 cases (submit, accept, complete) through the local server with 8
 * concurrent clients against DynamoDB Local, and in the same run the raw DynamoDB operations of
 * the same shape (the consistent Query and the TransactWriteItems each command does, on items of
 * the same size) without our code. Prints p50/p99 per command, ours/raw, and the capacity units
 * each command costs by DynamoDB's pricing rules.
 */
import { documentClient, localClient } from '../functions/store/dynamo-client.ts';
import '../local/env.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { GetCommand, QueryCommand, ScanCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { emptyTally, type CapacityTally } from '../functions/store/capacity.ts';
import { localPool, mintToken } from '../local/auth.ts';
import { startDynamoLocal } from '../local/dynamodb-local.ts';
import { createDispatcher, loadHandlers, repositoryRoot, startLocalServer } from '../local/server.ts';
import { ensureTables } from '../local/tables.ts';
import { drive, fmt, meter, percentile } from './support.ts';

const CASES = Number(process.env.BENCH_CASES ?? 500);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 8);
const ITEM = '331022-BDCDJ-001'; // 不动产抵押登记（他项权证）: commitment, five materials
const commands = ['submit', 'accept', 'complete'] as const;
type Command = (typeof commands)[number];

const dynamo = await startDynamoLocal();
const pool = localPool(join(tmpdir(), `banjian-bench-auth-${process.pid}`), 'sanmen');
const authorization = `Bearer ${await mintToken(pool, { role: 'admin', user: 'bench' })}`;
const tables = { events: 'bench-events', views: 'bench-views' };
Object.assign(process.env, {
  DYNAMODB_ENDPOINT: dynamo.endpoint,
  EVENTS_TABLE: tables.events,
  VIEWS_TABLE: tables.views,
  COUNTY_FILE: join(repositoryRoot, 'infra/counties/sanmen.json'),
  POWERTOOLS_LOG_LEVEL: 'ERROR', COUNTY_SECRET: 'bench-secret',
});
const rawClient = documentClient(localClient(dynamo.endpoint));
await ensureTables(rawClient, tables);
const server = await startLocalServer({ port: 0, devClock: true, pool });
const dispatch = createDispatcher(await loadHandlers(), true, pool);
const { runtime } = await import('../functions/runtime.ts');
const oursMeter = meter(runtime('case-commands').db);
const rawMeter = meter(rawClient);

const headers = (key: string) => ({ 'content-type': 'application/json', 'x-dev-clock': '2026-11-02T10:00:00+08:00', 'idempotency-key': key, authorization });
type Via = 'lambda' | 'http';
/** `lambda`: the handler invoked with API Gateway's event, as on AWS; `http`: through the local server's socket too. */
async function post(via: Via, path: string, body: unknown, key: string): Promise<Record<string, unknown>> {
  let status: number;
  let json: Record<string, unknown>;
  if (via === 'http') {
    const response = await fetch(`${server.url}${path}`, { method: 'POST', headers: headers(key), body: JSON.stringify(body) });
    status = response.status;
    json = (await response.json()) as Record<string, unknown>;
  } else {
    const result = await dispatch({ method: 'POST', url: path, headers: headers(key), body: JSON.stringify(body) });
    status = result.statusCode ?? 200;
    json = JSON.parse(result.body ?? '{}') as Record<string, unknown>;
  }
  if (status >= 300) throw new Error(`${path}: ${status} ${JSON.stringify(json)}`);
  return json;
}

let run = 0;
async function ours(via: Via, n: number, results: Record<Command, number[]>, tallies: Record<Command, CapacityTally>) {
  const prefix = `r${run++}`;
  const ids: string[] = [];
  const body = { itemCode: ITEM, applicant: { name: '三门县某某公司', phone: '13857600000' }, channel: 'window', materials: ['M1', 'M2', 'M3', 'M4', 'M5'] };
  const phases: Record<Command, (i: number) => Promise<void>> = {
    submit: async (i) => void (ids[i] = (await post(via, '/cases', body, `${prefix}-submit-${i}`)).caseId as string),
    accept: async (i) => void (await post(via, `/cases/${ids[i]}/accept`, {}, `${prefix}-accept-${i}`)),
    complete: async (i) => void (await post(via, `/cases/${ids[i]}/complete`, { decision: 'approved' }, `${prefix}-complete-${i}`)),
  };
  for (const command of commands) {
    oursMeter.use(tallies[command]);
    results[command].push(...(await drive(n, CLIENTS, phases[command])).latencies);
  }
  return ids;
}

/** Items exactly as our code writes them, to give the raw operations the same sizes. */
async function templates(caseId: string) {
  const { events } = await runtime('case-queries').events.read(`case#${caseId}`);
  const items = (
    await rawClient.send(new QueryCommand({ TableName: tables.events, KeyConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'stream' }, ExpressionAttributeValues: { ':s': `case#${caseId}` } }))
  ).Items!;
  // An accept's idempotency record (its key is a digest of the caller, the route and the client's key).
  const idem = (
    await rawClient.send(new ScanCommand({ TableName: tables.events, FilterExpression: 'kind = :k AND begins_with(streamWritten, :s)', ExpressionAttributeValues: { ':k': 'idempotency', ':s': 'case#' } }))
  ).Items!.find((i) => String(i.streamWritten) === `case#${caseId}`)!;
  // Submit and accept write one event each; completing writes the rest (the decision, and the rating invitation it makes due).
  if (events.length < 3) throw new Error(`expected at least three events in the template case, got ${events.map((e) => e.event.type).join(', ')}`);
  return { events: items, idem };
}

async function raw(n: number, t: Awaited<ReturnType<typeof templates>>, results: Record<Command, number[]>, tallies: Record<Command, CapacityTally>) {
  const prefix = `raw${run++}`;
  const put = (item: Record<string, unknown>) => ({
    Put: { TableName: tables.events, Item: item, ConditionExpression: 'attribute_not_exists(#v)', ExpressionAttributeNames: { '#v': 'version' } },
  });
  const write = async (i: number, versions: number[], command: Command, extra: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = []) => {
    const stream = `case#${prefix}-${i}`;
    await rawClient.send(
      new TransactWriteCommand({
        TransactItems: [...versions.map((version) => put({ ...t.events[version - 1], stream, version })), put({ ...t.idem, stream: `idem#${prefix}-${command}-${i}`, version: 0 }), ...extra],
      }),
    );
  };
  const counterKey = { stream: `seq#raw-${prefix}`, version: 0 };
  const query = (i: number) =>
    rawClient.send(
      new QueryCommand({ TableName: tables.events, KeyConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'stream' }, ExpressionAttributeValues: { ':s': `case#${prefix}-${i}` }, ConsistentRead: true }),
    );
  const phases: Record<Command, (i: number) => Promise<void>> = {
    // The day's number in the case's own transaction: read the counter, write on the condition it still holds that, read again after losing a race.
    submit: async (i) => {
      for (let attempt = 1; ; attempt++) {
        const read = Number((await rawClient.send(new GetCommand({ TableName: tables.events, Key: counterKey, ConsistentRead: true }))).Item?.n ?? 0);
        const take = { Update: { TableName: tables.events, Key: counterKey, UpdateExpression: 'SET #n = :next', ConditionExpression: read === 0 ? 'attribute_not_exists(#n)' : '#n = :read', ExpressionAttributeNames: { '#n': 'n' }, ExpressionAttributeValues: { ':next': read + 1, ...(read === 0 ? {} : { ':read': read }) } } };
        try {
          return await write(i, [1], 'submit', [take]);
        } catch (error) {
          if (!(error instanceof TransactionCanceledException) || attempt >= 500) throw error;
          await sleep(Math.random() * Math.min(50, 2 * 2 ** attempt));
        }
      }
    },
    accept: async (i) => {
      await query(i);
      await write(i, [2], 'accept');
    },
    complete: async (i) => {
      await query(i);
      await write(i, t.events.slice(2).map((_, k) => 3 + k), 'complete');
    },
  };
  for (const command of commands) {
    rawMeter.use(tallies[command]);
    results[command].push(...(await drive(n, CLIENTS, phases[command])).latencies);
  }
}

const series = () => ({ submit: [] as number[], accept: [] as number[], complete: [] as number[] });
const tallies = () => ({ submit: emptyTally(), accept: emptyTally(), complete: emptyTally() });

console.log(`Warming up (40 cases each way)…`);
const warmIds = await ours('lambda', 40, series(), tallies());
const t = await templates(warmIds[0]!);
await ours('http', 40, series(), tallies());
await raw(40, t, series(), tallies());

// Alternate halves so that drift on this shared machine hits every side alike.
const sides = ['raw', 'lambda', 'http'] as const;
type Side = (typeof sides)[number];
const latency = Object.fromEntries(sides.map((side) => [side, series()])) as Record<Side, ReturnType<typeof series>>;
const units = Object.fromEntries(sides.map((side) => [side, tallies()])) as Record<Side, ReturnType<typeof tallies>>;
const half = Math.ceil(CASES / 2);
console.log(`Driving ${CASES} cases with ${CLIENTS} concurrent clients per side, sides alternating…`);
for (const [order, n] of [[sides, half], [[...sides].reverse(), CASES - half]] as const) {
  for (const side of order) {
    if (side === 'raw') await raw(n, t, latency.raw, units.raw);
    else await ours(side, n, latency[side], units[side]);
  }
}

const row = (cells: string[]) => console.log(cells.map((c, i) => (i === 0 ? c.padEnd(10) : c.padStart(12))).join(''));
console.log('');
console.log('Latency per command (ms). "handler" = our Lambda handler invoked with API Gateway\'s event, as on AWS;');
console.log('"via HTTP" = the same through the local server\'s socket; "raw" = the same DynamoDB requests without our code.');
row(['command', 'raw p50', 'raw p99', 'handler p50', 'handler p99', 'HTTP p50', 'HTTP p99', 'handler/raw', 'HTTP/raw']);
for (const command of commands) {
  const p = (side: Side, q: number) => percentile(latency[side][command], q);
  row([command, fmt(p('raw', 50)), fmt(p('raw', 99)), fmt(p('lambda', 50)), fmt(p('lambda', 99)), fmt(p('http', 50)), fmt(p('http', 99)), `${fmt(p('lambda', 50) / p('raw', 50), 2)} p50`, `${fmt(p('http', 50) / p('raw', 50), 2)} p50`]);
  row(['', '', '', '', '', '', '', `${fmt(p('lambda', 99) / p('raw', 99), 2)} p99`, `${fmt(p('http', 99) / p('raw', 99), 2)} p99`]);
}
console.log('');
console.log('Capacity per command, by DynamoDB pricing (1 WRU per KB written, doubled in a transaction; consistent reads 1 RRU per 4 KB):');
row(['command', 'WRU ours', 'WRU raw', 'RRU ours', 'RRU raw']);
for (const command of commands) {
  const n = latency.lambda[command].length;
  const m = latency.raw[command].length;
  row([command, fmt(units.lambda[command].writeUnits / n, 2), fmt(units.raw[command].writeUnits / m, 2), fmt(units.lambda[command].readUnits / n, 2), fmt(units.raw[command].readUnits / m, 2)]);
}
const requests = (tally: Record<Command, CapacityTally>) => commands.map((c) => `${c}: ${Object.entries(tally[c].requests).map(([k, v]) => `${k.replace('Command', '')}×${v}`).join(', ')}`).join('; ');
console.log(`\nRequests sent, ours: ${requests(units.lambda)}`);
console.log(`Requests sent, raw:  ${requests(units.raw)}`);

await server.close();
await dynamo.stop();
process.exit(0);
