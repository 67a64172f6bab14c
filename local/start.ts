import { devClockInstants, wallClockInstants } from './dev-clock.ts';
import { documentClient, localClient } from '../functions/store/dynamo-client.ts';
import './env.ts';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { freePort, JavaMissing, startDynamoLocal, type DynamoLocal } from './dynamodb-local.ts';
import { repositoryRoot, startLocalServer } from './server.ts';
import { defaultDataDir, devPool, localSecret } from './auth.ts';
import { startProjections } from './projections.ts';
import { ensureTables } from './tables.ts';
import { installLocalStandIns } from './iam.ts';
import { startTimers } from './timers.ts';
import { startTtlSweeper } from './ttl-sweeper.ts';
import { consoleHandler } from './console.ts';
import { buildConsole } from '../scripts/build-console.ts';
import { countySchema } from '../domain/county.ts';

const { values } = parseArgs({
  options: {
    'in-memory': { type: 'boolean', default: false },
    'dev-clock': { type: 'boolean', default: false },
    port: { type: 'string' },
    county: { type: 'string' },
    quiet: { type: 'boolean', default: false },
    data: { type: 'string' },
  },
});

const county = values.county ?? process.env.COUNTY ?? 'sanmen';
const countyFile = join(repositoryRoot, 'infra', 'counties', `${county}.json`);
if (!existsSync(countyFile)) {
  console.error(`No county file ${countyFile}: pass --county <name> for a file in infra/counties/.`);
  process.exit(1);
}
const port = Number(values.port ?? process.env.PORT ?? 3000);
const dataDir = values.data ?? defaultDataDir;

// An existing DynamoDB (a fault proxy, a shared development database, a compose file's) when
// DYNAMODB_ENDPOINT names one; otherwise a DynamoDB Local of our own.
const existing = process.env.DYNAMODB_ENDPOINT;
let dynamo: DynamoLocal | undefined;
if (!existing) {
  try {
    const preferred = Number(process.env.DYNAMODB_PORT ?? 8000);
    const dynamoPort = (await isFree(preferred)) ? preferred : await freePort();
    dynamo = await startDynamoLocal({ port: dynamoPort, ...(values['in-memory'] ? {} : { dbPath: join(dataDir, 'dynamodb') }) });
  } catch (error) {
    console.error(error instanceof JavaMissing ? error.message : `Could not start DynamoDB Local: ${(error as Error).message}`);
    process.exit(1);
  }
}
const endpoint = existing ?? dynamo!.endpoint;

async function isFree(candidate: number): Promise<boolean> {
  const { createServer } = await import('node:net');
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(candidate, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

process.env.DYNAMODB_ENDPOINT = endpoint;
process.env.EVENTS_TABLE ??= 'banjian-events';
process.env.VIEWS_TABLE ??= 'banjian-views';
process.env.COUNTY_FILE = countyFile;
process.env.COUNTY_SECRET ??= localSecret(dataDir);
// Text messages go to a file there instead of a provider (GET /sms/outbox lists them too).
process.env.SMS_SINK_FILE ??= join(dataDir, 'sms', 'outbox.jsonl');
process.env.SMS_PROVIDER ??= 'sink';
// Locally every answer is checked against its route's response schema (a drift is a 500 with the reason in the log).
process.env.BANJIAN_CHECK_RESPONSES ??= 'on';

const client = localClient(endpoint);
try {
  await ensureTables(client, { events: process.env.EVENTS_TABLE, views: process.env.VIEWS_TABLE });
} catch (error) {
  await dynamo?.stop();
  console.error(`Could not create the tables at ${endpoint}: ${(error as Error).message}`);
  process.exit(1);
}

// Each function keeps to the grants its IAM role has on AWS.
installLocalStandIns();
const pool = devPool(county, dataDir);
// The staff console, built once and again only when its sources change.
const consoleDir = await buildConsole('local', { log: (line) => console.log(line) }).catch(async (error: Error) => {
  await dynamo?.stop();
  console.error(`Could not build the console: ${error.message}`);
  process.exit(1);
});
const countyData = countySchema().parse(JSON.parse(readFileSync(countyFile, 'utf8')));
const server = await startLocalServer({
  port,
  host: '127.0.0.1',
  pool,
  devClock: values['dev-clock'],
  extra: consoleHandler({ dir: consoleDir, county: countyData, pool }),
  onRequest: values.quiet ? undefined : ({ method, path, status, ms }) => console.log(`${method} ${path} → ${status} (${ms.toFixed(0)} ms)`),
}).catch(async (error: NodeJS.ErrnoException) => {
  await dynamo?.stop();
  console.error(error.code === 'EADDRINUSE' ? `Port ${port} is in use: stop what runs there, or start with PORT=3001 npm start` : `Could not start the server: ${error.message}`);
  process.exit(1);
});

// The rating link in a text message opens this server's public page.
process.env.PUBLIC_BASE_URL ??= server.url.replace('127.0.0.1', 'localhost');
const { timeZone } = JSON.parse(readFileSync(countyFile, 'utf8')) as { timeZone: string };
const stopTimers = startTimers(timeZone, (line) => console.log(line), values['dev-clock'] ? devClockInstants : wallClockInstants);
// DynamoDB's TTL, which DynamoDB Local lacks: on the wall clock only (dev-clock data carries simulated dates).
const stopSweeper = values['dev-clock'] ? () => undefined : startTtlSweeper(documentClient(client), process.env.EVENTS_TABLE, (line) => console.log(line));
const poller = await startProjections({ endpoint, eventsTable: process.env.EVENTS_TABLE, log: (line) => console.error(line) });

console.log(`Banjian (办件) for ${county} is listening on ${server.url}`);
console.log(`  DynamoDB${existing ? ` at ${existing} (DYNAMODB_ENDPOINT)` : ` Local: ${endpoint} (${values['in-memory'] ? 'in memory' : `data in ${join(dataDir, 'dynamodb')}`})`}; projector polling its stream`);
console.log(`  Dev clock (X-Dev-Clock header): ${values['dev-clock'] ? 'on' : 'off — start with `npm start -- --dev-clock` to set dates'}`);
console.log(`  Staff console: ${server.url}/console/ (local sign-in: pick an account)`);
console.log(`  Try: curl ${server.url}/health    API description: ${server.url}/openapi.json`);
console.log('  Every other route needs a token, e.g.:');
console.log(`    TOKEN=$(npm run -s token -- --role clerk --window W03)   # or --role director | callback | admin`);
console.log(`    curl -H "Authorization: Bearer $TOKEN" ${server.url}/windows/W03/queue`);
console.log('  Ctrl-C stops everything.');

let stopping = false;
async function stop(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  stopTimers();
  stopSweeper();
  await server.close();
  await poller.stop();
  await dynamo?.stop();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
process.on('SIGHUP', () => void stop('SIGHUP'));
