/**
 * `npm run bench:queue`: call-next with 10 window terminals calling at once, without pause, on one
 * category, through the queue Lambda's handler (as API Gateway invokes it), against raw DynamoDB
 * requests in the same run. Three raw sides:
 * - the same requests as ours: per call the consistent Queries of the heads of the category's and
 *   the window's waiting lists, the UpdateItem claiming the next place on the category's line, and
 *   one TransactWriteItems (the ticket's event, the index entry's removal);
 * - the floor: the Queries and the transaction alone, each worker taking a ticket no other wants —
 *   the least a call can cost;
 * - workers racing for the head of the same queue the plain way (read the head, take it, read again
 *   on losing it), which is what calling in order costs without the line.
 * Prints calls/s, p50/p99, lost races per call and the ratios.
 */
import { documentClient, localClient } from '../functions/store/dynamo-client.ts';
import '../local/env.ts';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { PLACES_FROM } from '../functions/queue/waiting-line.ts';
import { localPool, mintToken } from '../local/auth.ts';
import { startDynamoLocal } from '../local/dynamodb-local.ts';
import { createDispatcher, loadHandlers, repositoryRoot } from '../local/server.ts';
import { ensureTables } from '../local/tables.ts';
import { drive, fmt, percentile } from './support.ts';

const TICKETS = Number(process.env.BENCH_TICKETS ?? 1000);
const WINDOWS = Number(process.env.BENCH_WINDOWS ?? 10);
const dynamo = await startDynamoLocal();
const tables = { events: 'bench-events', views: 'bench-views' };
Object.assign(process.env, { DYNAMODB_ENDPOINT: dynamo.endpoint, EVENTS_TABLE: tables.events, VIEWS_TABLE: tables.views, COUNTY_FILE: join(repositoryRoot, 'infra/counties/sanmen.json'), POWERTOOLS_LOG_LEVEL: 'ERROR', COUNTY_SECRET: 'bench-secret' });
const raw = documentClient(localClient(dynamo.endpoint));
await ensureTables(raw, tables);
const pool = localPool(join(tmpdir(), `banjian-bench-auth-${process.pid}`), 'sanmen');
const authorization = `Bearer ${await mintToken(pool, { role: 'admin', user: 'bench' })}`;
const dispatch = createDispatcher(await loadHandlers(), true, pool);
const windows = Array.from({ length: WINDOWS }, (_, i) => `W${String(i + 1).padStart(2, '0')}`);
let transactions = 0;
const { runtime } = await import('../functions/runtime.ts');
runtime('queue').db.middlewareStack.add(
  (next, ctx) => async (args) => {
    if (ctx.commandName === 'TransactWriteItemsCommand') transactions++;
    return next(args);
  },
  { step: 'initialize', name: 'count' },
);

async function call(method: string, url: string, body: unknown, at: string) {
  const r = await dispatch({ method, url, headers: { authorization, 'content-type': 'application/json', 'x-dev-clock': at }, body: JSON.stringify(body) });
  return { status: r.statusCode ?? 200, body: r.body ? (JSON.parse(r.body) as Record<string, unknown>) : {} };
}

async function fill(date: string) {
  for (const w of windows) await call('PUT', `/windows/${w}/categories`, { categories: ['Z'] }, `${date}T08:00:00+08:00`);
  await drive(TICKETS, 8, async (i) => {
    const r = await call('POST', '/tickets', { category: 'Z' }, new Date(Date.parse(`${date}T08:30:00+08:00`) + i * 1000).toISOString());
    if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  });
}

async function ours(date: string) {
  const latencies: number[] = [];
  const started = performance.now();
  const before = transactions;
  let served = 0;
  const called = new Set<unknown>();
  await Promise.all(
    windows.map(async (w) => {
      for (;;) {
        const t0 = performance.now();
        const r = await call('POST', `/windows/${w}/call-next`, {}, `${date}T11:00:00+08:00`);
        if (r.status === 204) return;
        if (r.status !== 200) throw new Error(JSON.stringify(r.body));
        latencies.push(performance.now() - t0);
        called.add(r.body.ticketId);
        served++;
      }
    }),
  );
  // The suite checks this on a hundred tickets; here it holds for every ticket of the run.
  if (served !== TICKETS || called.size !== TICKETS) throw new Error(`${TICKETS} tickets issued, ${served} calls answered, ${called.size} tickets called: one was called twice or lost`);
  return { latencies, seconds: (performance.now() - started) / 1000, served, lost: transactions - before - served };
}

const headQuery = (stream: string) =>
  raw.send(new QueryCommand({ TableName: tables.events, KeyConditionExpression: '#s = :s AND #v >= :a', ExpressionAttributeNames: { '#s': 'stream', '#v': 'version' }, ExpressionAttributeValues: { ':s': stream, ':a': 0 }, ConsistentRead: true, Limit: 20 }));
/** The requests of one call: the heads of the category's and the window's waiting lists, then the transaction taking a ticket. */
async function rawTake(date: string, item: Record<string, unknown>): Promise<boolean> {
  try {
    await raw.send(
      new TransactWriteCommand({
        TransactItems: [
          { Put: { TableName: tables.events, Item: { stream: `raw-${String(item.ticketId)}`, version: 2, type: 'TicketCalled', data: { windowId: 'W01', calledAt: new Date().toISOString(), firstCall: true }, meta: { actor: { id: 'bench', role: 'admin' }, windowId: 'W01', siteId: 'S-CENTER', at: new Date().toISOString(), commandId: 'x', correlationId: 'x' }, schemaVersion: 1 }, ConditionExpression: 'attribute_not_exists(#v)', ExpressionAttributeNames: { '#v': 'version' } } },
          { Delete: { TableName: tables.events, Key: { stream: item.stream, version: item.version }, ConditionExpression: 'attribute_exists(#v)', ExpressionAttributeNames: { '#v': 'version' } } },
        ],
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'TransactionCanceledException') return false;
    throw error;
  }
}

/** Every ticket waiting in the category, in the index's order. */
async function waitingEntries(date: string) {
  const items: Record<string, unknown>[] = [];
  for (let start: Record<string, unknown> | undefined, first = true; first || start; first = false) {
    const page = await raw.send(new QueryCommand({ TableName: tables.events, KeyConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'stream' }, ExpressionAttributeValues: { ':s': `waiting#${date}#Z` }, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []).filter((i) => i.kind === 'waiting'));
    start = page.LastEvaluatedKey;
  }
  return items;
}

/** The floor: each raw worker takes a ticket of its own (no two ever want the same one), with the Queries and the transaction an uncontended call makes. */
async function rawFloor(date: string) {
  const items = await waitingEntries(date);
  let next = 0;
  const run = await drive(items.length, WINDOWS, async () => {
    const item = items[next++]!;
    await Promise.all([headQuery(`waiting#${date}#Z`), headQuery(`waiting#${date}#window:W01`)]);
    if (!(await rawTake(date, item))) throw new Error('raw floor lost a race');
  });
  return { ...run, served: items.length, lost: 0 };
}

/** Our requests, raw: read the heads, claim the next place on the line, take the ticket standing there. */
async function rawLine(date: string) {
  const latencies: number[] = [];
  const started = performance.now();
  let served = 0;
  await Promise.all(
    windows.map(async (w) => {
      for (;;) {
        const t0 = performance.now();
        const [category] = await Promise.all([headQuery(`waiting#${date}#Z`), headQuery(`waiting#${date}#window:${w}`)]);
        let place: number;
        try {
          const claimed = await raw.send(
            new UpdateCommand({
              TableName: tables.events,
              Key: { stream: `waiting#${date}#Z`, version: 0 },
              UpdateExpression: 'SET #c = if_not_exists(#c, :zero) + :one, #r.#slot.#b = :bucket, #r.#slot.#v = if_not_exists(#c, :zero) + :one',
              ConditionExpression: '#p > :zero AND (attribute_not_exists(#c) OR #c < #p)',
              ExpressionAttributeNames: { '#c': 'claimed', '#p': 'places', '#r': 'ring', '#slot': 's0', '#b': 'b', '#v': 'v' },
              ExpressionAttributeValues: { ':zero': 0, ':one': 1, ':bucket': 0 },
              ReturnValues: 'UPDATED_NEW',
            }),
          );
          place = Number(claimed.Attributes?.claimed);
        } catch (error) {
          if ((error as Error).name === 'ConditionalCheckFailedException') return;
          throw error;
        }
        const item = category.Items?.find((i) => i.place === place) ?? (await raw.send(new GetCommand({ TableName: tables.events, Key: { stream: `waiting#${date}#Z`, version: PLACES_FROM + place }, ConsistentRead: true }))).Item;
        if (!item || !(await rawTake(date, item))) throw new Error(`raw line lost place ${place}`);
        latencies.push(performance.now() - t0);
        served++;
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000, served, lost: 0 };
}

/** Raw workers calling the same queue the plain way: read the head, take it, on losing it read again. */
async function rawRace(date: string) {
  const latencies: number[] = [];
  const started = performance.now();
  let served = 0;
  let lost = 0;
  await Promise.all(
    windows.map(async (w) => {
      for (;;) {
        const t0 = performance.now();
        for (;;) {
          const [category] = await Promise.all([headQuery(`waiting#${date}#Z`), headQuery(`waiting#${date}#window:${w}`)]);
          const head = category.Items?.find((i) => i.kind === 'waiting');
          if (head === undefined) return;
          if (await rawTake(date, head)) break;
          lost++;
        }
        latencies.push(performance.now() - t0);
        served++;
      }
    }),
  );
  return { latencies, seconds: (performance.now() - started) / 1000, served, lost };
}

type Run = { latencies: number[]; seconds: number; served: number; lost: number };
const sides: Record<'ours' | 'line' | 'floor' | 'race', Run[]> = { ours: [], line: [], floor: [], race: [] };
const runners = { ours, line: rawLine, floor: rawFloor, race: rawRace };
console.log(`${TICKETS} tickets in one category, ${WINDOWS} windows calling at once; each of four sides twice, in turn.`);
let day = 2;
for (let round = 0; round < 2; round++) {
  for (const side of ['ours', 'line', 'floor', 'race'] as const) {
    const date = `2026-11-${String(day++).padStart(2, '0')}`;
    await fill(date);
    sides[side].push(await runners[side](date));
  }
}
const summary = (runs: Run[]) => {
  const latencies = runs.flatMap((r) => r.latencies);
  const served = runs.reduce((n, r) => n + r.served, 0);
  return { rate: served / runs.reduce((n, r) => n + r.seconds, 0), p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: Math.max(...latencies), lost: runs.reduce((n, r) => n + r.lost, 0) / served };
};
const o = summary(sides.ours);
const l = summary(sides.line);
const f = summary(sides.floor);
const r = summary(sides.race);
const line = (label: string, x: ReturnType<typeof summary>) => console.log(`${label}: ${fmt(x.rate, 0)} calls/s, p50 ${fmt(x.p50)} ms, p99 ${fmt(x.p99)} ms, max ${fmt(x.max, 0)} ms, ${fmt(x.lost, 2)} lost races per call`);
console.log('');
line('call-next, ours (through the handler)', o);
line('raw, the same requests (heads, claim, take)', l);
line('raw, heads and take alone, no two wanting one ticket (floor)', f);
line('raw, racing for the head the plain way', r);
console.log(`ours/raw same requests: throughput ${fmt(o.rate / l.rate, 2)} (target ≥ 0.7), p99 ${fmt(o.p99 / l.p99, 2)}`);
console.log(`ours/floor: throughput ${fmt(o.rate / f.rate, 2)}, p99 ${fmt(o.p99 / f.p99, 2)}`);
console.log(`ours/raw racing: throughput ${fmt(o.rate / r.rate, 2)}, p99 ${fmt(o.p99 / r.p99, 2)}`);
await dynamo.stop();
process.exit(0);
