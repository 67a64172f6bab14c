/**
 * `npm run bench:dashboard -- [--data .data] [--from 2026-11-01 --to 2026-11-30] [--runs 20]`: how long
 * the dashboard's reads take for a month of data, through the handlers as API Gateway invokes them,
 * against the same DynamoDB reads made raw in the same run.
 *
 * Fill the data first (`npm start -- --dev-clock`, then `npm run simulate -- --days 22`), then stop the
 * server (or leave it running and pass its DynamoDB as `DYNAMODB_ENDPOINT=http://localhost:8000`).
 * One view of the dashboard is the ten reads the console makes at once (the period's and the previous
 * period's summary, satisfaction, the year's satisfaction series, the queue, the daily series, the
 * month's scorecards, and the departments with their windows, the sites and ticket categories for the pickers). The raw side
 * replays, side by side too, every Query and GetItem those handlers sent (recorded on the first view).
 * Prints medians and p90 of whole views and per route, and the ratio to the raw reads.
 */
import '../local/env.ts';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { documentClient, localClient } from '../functions/store/dynamo-client.ts';
import { runtimeHooks } from '../functions/runtime.ts';
import { devPool, defaultDataDir, mintToken } from '../local/auth.ts';
import { startDynamoLocal } from '../local/dynamodb-local.ts';
import { createDispatcher, loadHandlers, repositoryRoot } from '../local/server.ts';
import { fmt, percentile } from './support.ts';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: defaultDataDir },
    from: { type: 'string', default: '2026-11-01' },
    to: { type: 'string', default: '2026-11-30' },
    runs: { type: 'string', default: '20' },
    county: { type: 'string', default: process.env.COUNTY ?? 'sanmen' },
  },
});
const runs = Number(values.runs);
const dynamo = process.env.DYNAMODB_ENDPOINT ? undefined : await startDynamoLocal({ dbPath: join(values.data, 'dynamodb') });
const endpoint = process.env.DYNAMODB_ENDPOINT ?? dynamo!.endpoint;
Object.assign(process.env, {
  DYNAMODB_ENDPOINT: endpoint,
  EVENTS_TABLE: process.env.EVENTS_TABLE ?? 'banjian-events',
  VIEWS_TABLE: process.env.VIEWS_TABLE ?? 'banjian-views',
  COUNTY_FILE: join(repositoryRoot, 'infra/counties', `${values.county}.json`),
  POWERTOOLS_LOG_LEVEL: 'ERROR',
  COUNTY_SECRET: 'bench-secret',
});

// Every read the handlers send, recorded while `recording` is on.
type Read = { kind: 'query' | 'get'; input: Record<string, unknown> };
let recording: Read[] | undefined;
runtimeHooks.push((rt) => {
  rt.db.middlewareStack.add(
    (next, context) => async (args) => {
      if (recording && context.commandName === 'QueryCommand') recording.push({ kind: 'query', input: structuredClone(args.input as Record<string, unknown>) });
      if (recording && context.commandName === 'GetItemCommand') recording.push({ kind: 'get', input: structuredClone(args.input as Record<string, unknown>) });
      return next(args);
    },
    { step: 'initialize', name: 'bench-record' },
  );
});

const pool = devPool(values.county, values.data);
const authorization = `Bearer ${await mintToken(pool, { role: 'director', user: 'bench' })}`;
const dispatch = createDispatcher(await loadHandlers(), true, pool);
const { from, to } = values;
const days = (Date.parse(to) - Date.parse(from)) / 86_400_000 + 1;
const previousTo = new Date(Date.parse(from) - 86_400_000).toISOString().slice(0, 10);
const previousFrom = new Date(Date.parse(previousTo) - (days - 1) * 86_400_000).toISOString().slice(0, 10);
const urls = [
  `/stats/summary?from=${from}&to=${to}`,
  `/stats/summary?from=${previousFrom}&to=${previousTo}`,
  `/stats/satisfaction?from=${from}&to=${to}`,
  `/stats/satisfaction?from=${from.slice(0, 4)}-01-01&to=${to}`,
  `/stats/queue?from=${from}&to=${to}`,
  `/stats/daily?from=${from}&to=${to}`,
  `/scorecards/${to.slice(0, 7)}`,
  '/departments',
  '/sites',
  '/ticket-categories',
];
const now = `${to}T10:00:00+08:00`;

async function get(url: string): Promise<number> {
  const started = performance.now();
  const response = await dispatch({ method: 'GET', url, headers: { authorization, 'x-dev-clock': now }, body: '' });
  if ((response.statusCode ?? 200) !== 200) throw new Error(`${url}: HTTP ${response.statusCode} ${response.body}`);
  return performance.now() - started;
}

// One view recorded (its reads, and how many each route makes), and the month checked to hold data.
const readsPerRoute = new Map<string, number>();
const reads: Read[] = [];
for (const url of urls) {
  recording = [];
  await get(url);
  readsPerRoute.set(url.split('?')[0]!, (readsPerRoute.get(url.split('?')[0]!) ?? 0) + recording.length);
  reads.push(...recording);
}
recording = undefined;
const month = JSON.parse((await dispatch({ method: 'GET', url: urls[0]!, headers: { authorization, 'x-dev-clock': now }, body: '' })).body ?? '{}') as { submitted?: number; completed?: number };
if (!month.submitted) console.warn(`No applications between ${from} and ${to} in ${values.data}: fill it with \`npm run simulate\` first.`);

const raw = documentClient(localClient(endpoint));
async function replay(read: Read): Promise<void> {
  if (read.kind === 'get') {
    await raw.send(new GetCommand(read.input as never));
    return;
  }
  let start: Record<string, unknown> | undefined;
  do {
    const page = await raw.send(new QueryCommand({ ...(read.input as object), ExclusiveStartKey: start } as never));
    start = page.LastEvaluatedKey;
  } while (start);
}

if (process.env.BENCH_DIAG) {
  for (const read of reads) {
    const started = performance.now();
    let items = 0;
    let pages = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const page = read.kind === 'get' ? await raw.send(new GetCommand(read.input as never)) : await raw.send(new QueryCommand({ ...(read.input as object), ExclusiveStartKey: start } as never));
      items += 'Items' in page ? (page.Items?.length ?? 0) : 1;
      pages++;
      start = 'LastEvaluatedKey' in page ? page.LastEvaluatedKey : undefined;
    } while (start);
    console.log(fmt(performance.now() - started, 0).padStart(6), 'ms', String(items).padStart(6), 'items', pages, 'pages', JSON.stringify(read.input.ExpressionAttributeValues ?? read.input.Key).slice(0, 110));
  }
}
const views: number[] = [];
const rawViews: number[] = [];
const perRoute = new Map<string, number[]>();
for (let run = 0; run < runs; run++) {
  // Interleaved, alternating which goes first: the machine's noise falls on both sides alike.
  const ours = async () => {
    const started = performance.now();
    const times = await Promise.all(urls.map(get));
    views.push(performance.now() - started);
    urls.forEach((u, i) => perRoute.set(u.split('?')[0]!, [...(perRoute.get(u.split('?')[0]!) ?? []), times[i]!]));
  };
  const theirs = async () => {
    const started = performance.now();
    await Promise.all(reads.map(replay));
    rawViews.push(performance.now() - started);
  };
  if (run % 2 === 0) {
    await ours();
    await theirs();
  } else {
    await theirs();
    await ours();
  }
}

const median = (xs: number[]) => percentile(xs, 50);
console.log(`The dashboard for ${from} … ${to} (${month.submitted ?? 0} applications, ${month.completed ?? 0} completions), ${runs} views, DynamoDB Local at ${endpoint}`);
console.log(`  one view, ${urls.length} reads at once:   median ${fmt(median(views), 0)} ms   p90 ${fmt(percentile(views, 90), 0)} ms`);
console.log(`  the same ${reads.length} DynamoDB reads, raw: median ${fmt(median(rawViews), 0)} ms   p90 ${fmt(percentile(rawViews, 90), 0)} ms`);
console.log(`  ratio (median view / median raw): ${fmt(median(views) / median(rawViews), 2)}`);
console.log('  per route (median ms inside a view, DynamoDB reads):');
for (const [route, times] of perRoute) console.log(`    ${route.padEnd(22)} ${fmt(median(times), 0).padStart(6)} ${String(readsPerRoute.get(route)).padStart(5)}`);
await dynamo?.stop();
process.exit(0);
