import { documentClient, localClient } from '../../functions/store/dynamo-client.ts';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { inject } from 'vitest';
import { ensureTables } from '../../local/tables.ts';
import { installLocalIam } from '../../local/iam.ts';
import { localPool, mintToken, type LocalPool, type TokenRequest } from '../../local/auth.ts';
import type { Role } from '../../domain/meta.ts';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { startProjections } from '../../local/projections.ts';
import { repositoryRoot, startLocalServer } from '../../local/server.ts';
import type { StreamPoller } from '../../local/stream-poller.ts';

export interface Stack {
  url: string;
  endpoint: string;
  pool: LocalPool;
  /** A token of this county's local pool (clerks default to window W01). */
  token(role: Role, options?: Omit<TokenRequest, 'role'>): string;
  /** A second server on the same tables that honours nothing of the dev clock. */
  plainUrl: string;
  db: DynamoDBDocumentClient;
  tables: { events: string; views: string };
  scan(table: 'events' | 'views'): Promise<Record<string, unknown>[]>;
  close(): Promise<void>;
}

/**
 * The local runtime against the run's DynamoDB Local, on tables of this test file's own, served
 * by the same local server `npm start` uses (with the dev clock on).
 */
export async function startStack(county = 'sanmen', options: { projections?: boolean } = {}): Promise<Stack> {
  const endpoint = inject('dynamoEndpoint');
  const { tables, client, db } = await freshTables();
  Object.assign(process.env, {
    DYNAMODB_ENDPOINT: endpoint,
    EVENTS_TABLE: tables.events,
    VIEWS_TABLE: tables.views,
    COUNTY_FILE: join(repositoryRoot, 'infra', 'counties', `${county}.json`),
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    COUNTY_SECRET: 'test-county-secret',
  });
  installLocalIam();
  const pool = localPool(mkdtempSync(join(tmpdir(), 'banjian-auth-')), county);
  const server = await startLocalServer({ port: 0, devClock: true, pool });
  const plain = await startLocalServer({ port: 0, devClock: false, pool });
  const poller: StreamPoller | undefined = options.projections ? await startProjections({ endpoint, eventsTable: tables.events, maxAttempts: 3 }) : undefined;
  return {
    url: server.url,
    endpoint,
    pool,
    token: (role, options = {}) => mintToken(pool, { role, ...(role === 'clerk' && !options.windowId && !options.siteId ? { windowId: 'W01' } : {}), ...options }),
    plainUrl: plain.url,
    db,
    tables,
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
      await plain.close();
      client.destroy();
    },
  };
}

/** A pair of Events/Views tables of a test's own on the run's DynamoDB Local. */
export async function freshTables() {
  const endpoint = inject('dynamoEndpoint');
  const suffix = randomUUID().slice(0, 8);
  const tables = { events: `events-${suffix}`, views: `views-${suffix}` };
  const client = localClient(endpoint);
  await ensureTables(client, tables);
  const db = documentClient(client);
  return { endpoint, tables, client, db };
}

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A small HTTP client for tests: JSON in, parsed JSON (or problem+json) out, with a bearer token when given. */
export function api(base: string, token?: string) {
  async function call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }
  return {
    call,
    get: <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
    post: <T = Record<string, unknown>>(path: string, body: unknown = {}, headers?: Record<string, string>) => call<T>('POST', path, body, headers),
    put: <T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('PUT', path, body, headers),
  };
}

/** `X-Dev-Clock` for Beijing wall-clock time on a date. */
export function clock(date: string, time = '10:00'): Record<string, string> {
  return { 'x-dev-clock': `${date}T${time}:00+08:00` };
}
