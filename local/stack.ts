import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Role } from '../domain/meta.ts';
import { documentClient, localClient } from '../functions/store/dynamo-client.ts';
import type { TableNames } from '../functions/tables.ts';
import { localPool, mintToken, type LocalPool, type TokenRequest } from './auth.ts';
import { installLocalStandIns } from './iam.ts';
import { startProjections } from './projections.ts';
import { repositoryRoot, startLocalServer } from './server.ts';
import type { StreamPoller } from './stream-poller.ts';
import { ensureTables } from './tables.ts';

export interface LocalStack {
  url: string;
  endpoint: string;
  pool: LocalPool;
  /** A token of this county's local pool (clerks default to window W01). */
  token(role: Role, options?: Omit<TokenRequest, 'role'>): Promise<string>;
  db: DynamoDBDocumentClient;
  tables: TableNames;
  /** Where the local SMS sink writes this stack's text messages. */
  smsOutbox: string;
  scan(table: keyof TableNames): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/** A pair of Events/Views tables of a caller's own on a DynamoDB Local. */
export async function freshTables(endpoint: string) {
  const suffix = randomUUID().slice(0, 8);
  const tables = { events: `events-${suffix}`, views: `views-${suffix}` };
  const client = localClient(endpoint);
  await ensureTables(client, tables);
  const db = documentClient(client);
  return { endpoint, tables, client, db };
}

/**
 * The local runtime on fresh tables of a DynamoDB Local, served by the same local server `npm start`
 * uses (with the dev clock on, and the functions' grants enforced): for tests, the fuzzer and the
 * chaos run.
 */
export async function startLocalStack(options: { endpoint: string; county?: string; projections?: boolean }): Promise<LocalStack> {
  const county = options.county ?? 'sanmen';
  const { tables, client, db } = await freshTables(options.endpoint);
  const smsOutbox = join(mkdtempSync(join(tmpdir(), 'banjian-sms-')), 'outbox.jsonl');
  Object.assign(process.env, {
    SMS_SINK_FILE: smsOutbox,
    SMS_PROVIDER: 'sink',
    DYNAMODB_ENDPOINT: options.endpoint,
    EVENTS_TABLE: tables.events,
    VIEWS_TABLE: tables.views,
    COUNTY_FILE: join(repositoryRoot, 'infra', 'counties', `${county}.json`),
    POWERTOOLS_LOG_LEVEL: process.env.POWERTOOLS_LOG_LEVEL ?? 'ERROR',
    COUNTY_SECRET: 'test-county-secret',
    // Every answer is checked against its route's response schema.
    BANJIAN_CHECK_RESPONSES: 'on',
  });
  installLocalStandIns();
  const pool = localPool(mkdtempSync(join(tmpdir(), 'banjian-auth-')), county);
  const server = await startLocalServer({ port: 0, devClock: true, pool });
  process.env.PUBLIC_BASE_URL = server.url;
  const poller: StreamPoller | undefined = options.projections ? await startProjections({ endpoint: options.endpoint, eventsTable: tables.events, maxAttempts: 3 }) : undefined;
  return {
    url: server.url,
    endpoint: options.endpoint,
    pool,
    token: (role, tokenOptions = {}) => mintToken(pool, { role, ...(role === 'clerk' && !tokenOptions.windowId && !tokenOptions.siteId ? { windowId: 'W01' } : {}), ...tokenOptions }),
    db,
    tables,
    smsOutbox,
    async scan(table) {
      const items: Record<string, unknown>[] = [];
      let start: Record<string, unknown> | undefined;
      do {
        const page = await db.send(new ScanCommand({ TableName: tables[table], ExclusiveStartKey: start, ConsistentRead: true }));
        items.push(...(page.Items ?? []));
        start = page.LastEvaluatedKey;
      } while (start);
      return items;
    },
    async close() {
      await poller?.stop();
      await server.close();
      client.destroy();
    },
  };
}
