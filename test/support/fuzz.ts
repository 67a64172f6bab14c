import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand } from '@aws-sdk/client-dynamodb-streams';
import fc from 'fast-check';
import type { Role } from '../../domain/meta.ts';
import { mintToken, localPool } from '../../local/auth.ts';
import { repositoryRoot } from '../../local/server.ts';
import type { LocalStack } from '../../local/stack.ts';

/**
 * A fuzzer over every route of the committed `openapi.json`: for every route and caller, random and
 * boundary path values, queries, headers and bodies — most shaped by the route's own schemas (and the
 * county's real ids), then bent — sent one after another to the local server. Every answer must be
 * below 500, every 4xx must be `application/problem+json`, and a refused request must leave the
 * Events table exactly as it was: its stream, which records every change to every item, stays silent.
 */
type Schema = {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  additionalProperties?: boolean | Schema;
  items?: Schema;
  minItems?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  $ref?: string;
  default?: unknown;
};
type Parameter = { name: string; in: 'path' | 'query' | 'header'; required?: boolean; schema: Schema };
type Operation = { operationId: string; parameters?: Parameter[]; requestBody?: { content: Record<string, { schema: Schema }> }; 'x-roles'?: string[] };
type Document = { paths: Record<string, Record<string, Operation>>; components: { schemas: Record<string, Schema> } };

export interface FuzzRequest {
  method: string;
  path: string;
  caller: string;
  headers: Record<string, string>;
  body: string | undefined;
}

export interface FuzzReport {
  requests: number;
  byStatus: Record<string, number>;
  refused: number;
  accepted: number;
  /** Routes × callers reached. */
  routes: number;
  failures: { request: FuzzRequest; status: number; problem: string }[];
}

/** Known-good values by name (and path), so that many requests get past validation and reach the handlers. */
export interface Hints {
  [name: string]: readonly string[];
}

const document = (): Document => JSON.parse(readFileSync(join(repositoryRoot, 'openapi.json'), 'utf8')) as Document;

const anyJson = fc.jsonValue({ maxDepth: 3 });
const nasty = fc.constantFrom('', ' ', '0', '-1', '1e309', 'null', 'true', '[]', '{}', '../..', '%00', '\u0000', '‮', '💥', '丁'.repeat(300), 'x'.repeat(5000), "' OR 1=1 --", '${jndi:ldap://x}', '=cmd|calc', '<script>', '2026-02-30', '9999-99-99', '2026-11-02T25:00:00Z');

const resolve = (schema: Schema, doc: Document): Schema => (schema.$ref ? resolve(doc.components.schemas[schema.$ref.split('/').at(-1)!] ?? {}, doc) : schema);
const leafType = (schema: Schema) => (Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type);

/** A value the schema accepts: leaves often one of the county's real ids or values (`hints`), so requests reach the handlers. */
function validOf(raw: Schema, doc: Document, hints: Hints, name: string): fc.Arbitrary<unknown> {
  const schema = resolve(raw, doc);
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...schema.enum);
  const alternatives = schema.anyOf ?? schema.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map((s) => validOf(s, doc, hints, name)));
  if (schema.allOf) return validOf(Object.assign({}, ...schema.allOf) as Schema, doc, hints, name);
  const type = leafType(schema);
  const hinted = hints[name];
  const withHints = (arbitrary: fc.Arbitrary<unknown>) => (hinted && hinted.length > 0 ? fc.oneof(arbitrary, fc.constantFrom(...hinted)) : arbitrary);
  switch (type) {
    case 'object': {
      const properties = Object.entries(schema.properties ?? {});
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of properties) record[key] = validOf(sub, doc, hints, key);
      return fc.record(record, { requiredKeys: schema.required ?? [] });
    }
    case 'array':
      return fc.array(schema.items ? validOf(schema.items, doc, hints, name) : anyJson, { minLength: schema.minItems ?? 0, maxLength: Math.max(schema.minItems ?? 0, Math.min(schema.maxItems ?? 5, 5)) });
    case 'string': {
      if (schema.pattern) return withHints(fc.stringMatching(new RegExp(schema.pattern)));
      const day = fc.date({ min: new Date('2025-01-01'), max: new Date('2028-12-31'), noInvalidDate: true });
      if (schema.format === 'date-time') return day.map((d) => d.toISOString());
      if (schema.format === 'date') return withHints(day.map((d) => d.toISOString().slice(0, 10)));
      return withHints(fc.string({ minLength: schema.minLength ?? 0, maxLength: Math.max(schema.minLength ?? 0, Math.min(schema.maxLength ?? 40, 200)), unit: 'grapheme' }));
    }
    case 'integer':
      return fc.integer({ min: Math.max(schema.minimum ?? -1000, -1e6), max: Math.min(schema.maximum ?? 1000, 1e6) });
    case 'number':
      return fc.double({ min: Math.max(schema.minimum ?? -1000, -1e6), max: Math.min(schema.maximum ?? 1000, 1e6), noNaN: true });
    case 'boolean':
      return fc.boolean();
    case 'null':
      return fc.constant(null);
    default:
      return anyJson;
  }
}

/** One change that may make a valid value invalid: a field replaced by junk, removed or added, at any depth. */
function mutated(valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> {
  return fc.tuple(valid, fc.nat(), fc.constantFrom('replace', 'remove', 'add'), fc.oneof(nasty, anyJson), fc.string({ minLength: 1, maxLength: 8 })).map(([value, pick, how, junk, key]) => {
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, at: (string | number)[]) => {
      paths.push(at);
      if (Array.isArray(v)) v.forEach((x, i) => walk(x, [...at, i]));
      else if (v !== null && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...at, k]);
    };
    walk(value, []);
    const path = paths[pick % paths.length]!;
    if (path.length === 0) return how === 'add' && value !== null && typeof value === 'object' && !Array.isArray(value) ? { ...value, [key]: junk } : junk;
    const copy = structuredClone(value) as Record<string | number, unknown>;
    const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, copy);
    const last = path.at(-1)!;
    if (how === 'remove' && !Array.isArray(parent)) delete parent[last];
    else if (how === 'add' && parent[last] !== null && typeof parent[last] === 'object' && !Array.isArray(parent[last])) (parent[last] as Record<string, unknown>)[key] = junk;
    else parent[last] = junk;
    return copy;
  });
}

/** Mostly valid, often one change away from valid, sometimes junk. */
function arbitraryOf(schema: Schema, doc: Document, hints: Hints, name: string): fc.Arbitrary<unknown> {
  const valid = validOf(schema, doc, hints, name);
  return fc.oneof({ weight: 5, arbitrary: valid }, { weight: 3, arbitrary: mutated(valid) }, { weight: 1, arbitrary: fc.oneof(nasty, anyJson) });
}

/** `arbitrary` one time in `oneIn`, absent otherwise. */
const sometimes = <T>(oneIn: number, arbitrary: fc.Arbitrary<T>) => fc.oneof({ weight: oneIn - 1, arbitrary: fc.constant(undefined) }, { weight: 1, arbitrary });

const asText = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Callers: every role (clerks and a rating device bound to places), and the ones with no, stale or foreign tokens. */
export async function callers(stack: Pick<LocalStack, 'token' | 'pool'>): Promise<Record<string, string | undefined>> {
  const roles: [string, Role, { windowId?: string; siteId?: string; user?: string }][] = [
    ['admin', 'admin', {}],
    ['director', 'director', { user: 'dir-w03', windowId: 'W03' }],
    ['callback', 'callback', { user: 'cb-li' }],
    ['clerk-w03', 'clerk', { windowId: 'W03' }],
    ['clerk-w05', 'clerk', { windowId: 'W05' }],
    ['clerk-site', 'clerk', { siteId: 'S-HY' }],
    ['clerk-unbound', 'clerk', { user: 'clerk-nowhere', windowId: undefined }],
    ['sms-gateway', 'sms-gateway', {}],
    ['kiosk', 'kiosk', {}],
    ['rating-device', 'rating-device', { windowId: 'W03' }],
    ['hall-screen', 'hall-screen', {}],
  ];
  const tokens: Record<string, string | undefined> = Object.fromEntries(
    await Promise.all(roles.map(async ([name, role, options]) => [name, role === 'clerk' && name === 'clerk-unbound' ? await mintToken(stack.pool, { role, user: options.user }) : await stack.token(role, options)] as const)),
  );
  const foreign = localPool(join(repositoryRoot, '.data', 'fuzz-foreign-auth'), 'tiantai');
  return {
    ...tokens,
    none: undefined,
    expired: await stack.token('admin', { hours: -1 }),
    'other-county': await mintToken(foreign, { role: 'admin' }),
    garbage: 'not.a.token',
    'no-group': tokens.admin!.split('.').slice(0, 2).join('.') + '.forged',
  };
}

/** All requests the fuzzer can make: a route (or an unknown one), a caller, path values, query, headers, body. */
export function requests(hints: Hints, callerNames: readonly string[]): fc.Arbitrary<FuzzRequest> {
  const doc = document();
  const operations = Object.entries(doc.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, op]) => ({ path, method: method.toUpperCase(), op })));
  const route = fc.oneof({ weight: 20, arbitrary: fc.constantFrom(...operations) }, { weight: 1, arbitrary: fc.record({ path: fc.constantFrom('/nope', '/cases/{id}/explode', '/', '/windows'), method: fc.constantFrom('DELETE', 'PATCH', 'POST', 'GET'), op: fc.constant<Operation>({ operationId: 'none' }) }) });
  return route.chain(({ path, method, op }) => {
    const params = op.parameters ?? [];
    const pathParams = params.filter((p) => p.in === 'path');
    // Path values: the run's real ids half the time, else anything the pattern allows, or junk.
    const pathValue = (p: Parameter) => {
      const key = `${path.split('/{')[0]}:${p.name}`;
      return fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...(hints[key] ?? ['x'])) }, { weight: 2, arbitrary: validOf(p.schema, doc, hints, key).map(asText) }, { weight: 1, arbitrary: nasty });
    };
    const queryParams = params.filter((p) => p.in === 'query');
    const body = op.requestBody?.content['application/json']?.schema;
    // Mostly a caller the route admits (so that requests get past the role check), sometimes anyone.
    const admitted = callerNames.filter((name) => (op['x-roles'] ?? []).some((role) => name === role || name.startsWith(`${role}-`)));
    return fc.record({
      caller: admitted.length > 0 ? fc.oneof({ weight: 3, arbitrary: fc.constantFrom(...admitted) }, { weight: 1, arbitrary: fc.constantFrom(...callerNames) }) : fc.constantFrom(...callerNames),
      pathValues: fc.tuple(...pathParams.map(pathValue)),
      // Required parameters always there (valid six times in seven), optional ones now and then.
      query: fc.record(Object.fromEntries(queryParams.map((p) => [p.name, fc.oneof({ weight: 6, arbitrary: validOf(p.schema, doc, hints, p.name) }, { weight: 1, arbitrary: nasty }).map(asText)])), { requiredKeys: queryParams.filter((p) => p.required).map((p) => p.name) }),
      extraQuery: fc.option(fc.tuple(fc.string({ maxLength: 6 }), fc.string({ maxLength: 10 })), { freq: 8 }),
      // Each header mostly absent or right, sometimes wrong: a request with every header wrong never gets far.
      headers: fc
        .record({
          'idempotency-key': sometimes(3, fc.oneof({ weight: 4, arbitrary: fc.string({ minLength: 8, maxLength: 20, unit: fc.constantFrom(...'abcdefgh0123456789-') }) }, { weight: 1, arbitrary: fc.constantFrom('fuzz-key-0001', 'fuzz-key-0002', 'short', 'x'.repeat(200), 'clé-clé-clé-clé') })),
          'if-match': sometimes(6, fc.oneof(fc.integer({ min: 0, max: 12 }).map((n) => `"${n}"`), fc.constantFrom('*', 'W/"1"', 'abc', '"-1"', '"99999999999"'))),
          'x-dev-clock': sometimes(2, fc.oneof({ weight: 8, arbitrary: fc.date({ min: new Date('2026-10-01'), max: new Date('2027-03-01'), noInvalidDate: true }).map((d) => d.toISOString()) }, { weight: 1, arbitrary: fc.constantFrom('yesterday', '2026-13-45T99:99:99Z') })),
          'content-type': fc.oneof({ weight: 8, arbitrary: fc.constant('application/json') }, { weight: 1, arbitrary: fc.constantFrom('application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', 'application/problem+json') }),
          'x-correlation-id': sometimes(6, fc.constantFrom('fuzz-correlation-1', 'bad id with spaces', 'x'.repeat(100))),
        })
        .map((all) => Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined)) as Record<string, string>),
      body: body
        ? fc.oneof(
            { weight: 6, arbitrary: arbitraryOf(body, doc, hints, 'body').map((v) => JSON.stringify(v)) },
            { weight: 1, arbitrary: fc.constantFrom('', '{', 'null', '[]', '"text"', '{"a":', JSON.stringify({ note: 'x'.repeat(70 * 1024) })) },
            { weight: 1, arbitrary: anyJson.map((v) => JSON.stringify(v)) },
          )
        : fc.option(fc.constantFrom('{}', 'garbage'), { freq: 6 }).map((v) => v ?? undefined),
    }).map(({ caller, pathValues, query, extraQuery, headers, body: text }) => {
      let filled = path;
      pathParams.forEach((p, i) => (filled = filled.replace(`{${p.name}}`, encodeURIComponent(pathValues[i] as string))));
      const search = new URLSearchParams(query as Record<string, string>);
      if (extraQuery) search.append(extraQuery[0] || 'extra', extraQuery[1]);
      const qs = search.toString();
      return { method, path: `${filled}${qs ? `?${qs}` : ''}`, caller, headers, body: method === 'GET' ? undefined : text };
    });
  });
}

/**
 * Every change to the Events table, as its stream reports them (an insert, a modification or a
 * removal of any item each make a record): how many since the last look. Reading the stream after
 * each request costs a few milliseconds, where comparing whole-table scans grows with the table.
 */
class EventsWatcher {
  private readonly streams: DynamoDBStreamsClient;
  private readonly dynamo: DynamoDBClient;
  private readonly iterators = new Map<string, string | undefined>();
  private arn: string | undefined;

  constructor(endpoint: string, private readonly table: string) {
    const config = { endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
    this.streams = new DynamoDBStreamsClient(config);
    this.dynamo = new DynamoDBClient(config);
  }

  /** The number of changes since the last call (the first call drains what came before). */
  async changes(): Promise<number> {
    this.arn ??= (await this.dynamo.send(new DescribeTableCommand({ TableName: this.table }))).Table?.LatestStreamArn;
    const shards = (await this.streams.send(new DescribeStreamCommand({ StreamArn: this.arn }))).StreamDescription?.Shards ?? [];
    let count = 0;
    for (const shard of shards) {
      const id = shard.ShardId!;
      if (!this.iterators.has(id)) this.iterators.set(id, (await this.streams.send(new GetShardIteratorCommand({ StreamArn: this.arn, ShardId: id, ShardIteratorType: 'TRIM_HORIZON' }))).ShardIterator);
      for (let iterator = this.iterators.get(id); iterator !== undefined; ) {
        const page = await this.streams.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 1000 }));
        count += page.Records?.length ?? 0;
        this.iterators.set(id, page.NextShardIterator);
        iterator = (page.Records?.length ?? 0) > 0 ? page.NextShardIterator : undefined;
      }
    }
    return count;
  }

  close(): void {
    this.streams.destroy();
    this.dynamo.destroy();
  }
}

export async function fuzz(stack: Pick<LocalStack, 'url' | 'token' | 'pool' | 'endpoint' | 'tables'>, options: { runs: number; seed: number; hints: Hints; log?: (line: string) => void }): Promise<FuzzReport> {
  const tokens = await callers(stack);
  const report: FuzzReport = { requests: 0, byStatus: {}, refused: 0, accepted: 0, routes: 0, failures: [] };
  const reached = new Set<string>();
  const watcher = new EventsWatcher(stack.endpoint, stack.tables.events);
  await watcher.changes();
  const chunk = 500;
  try {
    for (let done = 0; done < options.runs; done += chunk) {
      const batch = fc.sample(requests(options.hints, Object.keys(tokens)), { numRuns: Math.min(chunk, options.runs - done), seed: options.seed + done });
      for (const request of batch) {
        const token = tokens[request.caller];
        const response = await fetch(`${stack.url}${request.path}`, { method: request.method, headers: { ...request.headers, ...(token ? { authorization: `Bearer ${token}` } : {}) }, body: request.body });
        const text = await response.text();
        const status = response.status;
        report.requests++;
        report.byStatus[String(status)] = (report.byStatus[String(status)] ?? 0) + 1;
        reached.add(`${request.method} ${request.path.split('?')[0]!.replace(/\/[^/]*$/, '')} ${request.caller}`);
        const fail = (problem: string) => report.failures.push({ request, status, problem });
        if (status >= 500) fail(`answered ${status}: ${text.slice(0, 300)}`);
        if (status >= 400) {
          const type = response.headers.get('content-type') ?? '';
          if (!type.startsWith('application/problem+json')) fail(`a ${status} that is not problem+json (${type})`);
          else {
            try {
              const problem = JSON.parse(text) as { type?: unknown; title?: unknown; status?: unknown };
              if (typeof problem.type !== 'string' || typeof problem.title !== 'string' || problem.status !== status) fail(`a problem without type, title or the same status: ${text.slice(0, 200)}`);
            } catch {
              fail('a problem+json body that is not JSON');
            }
          }
        }
        const changes = await watcher.changes();
        if (status >= 400 && status < 500) {
          report.refused++;
          if (changes > 0) fail(`a refused request (${status}) changed the Events table (${changes} stream records)`);
        } else {
          report.accepted++;
          // The watcher must see what a created case or ticket wrote, or it would see nothing at all.
          if (status === 201 && request.method === 'POST' && /^\/(cases|tickets)(\?|$)/.test(request.path) && changes === 0) fail('a created case or ticket left no stream record: the watcher sees nothing');
        }
      }
      options.log?.(`${Math.min(done + chunk, options.runs)} requests, ${report.failures.length} failures`);
    }
  } finally {
    watcher.close();
  }
  report.routes = reached.size;
  return report;
}

/** Real ids of the county and of a few cases, tickets and rectifications made for the run. */
export async function seedHints(stack: Pick<LocalStack, 'url' | 'token'>): Promise<Hints> {
  const county = JSON.parse(readFileSync(join(repositoryRoot, 'infra', 'counties', 'sanmen.json'), 'utf8')) as { items: { code: string }[]; sites: { id: string }[]; windows: { id: string }[]; queue: { categories: { code: string }[] } };
  const admin = await stack.token('admin');
  const call = async (method: string, path: string, body: unknown, at: string) => {
    const response = await fetch(`${stack.url}${path}`, { method, headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json', 'x-dev-clock': at }, body: JSON.stringify(body) });
    return (await response.json()) as Record<string, unknown>;
  };
  const mortgage = { itemCode: '331022-BDCDJ-001', applicant: { name: '测试', phone: '13912345678' }, channel: 'window', materials: ['M1', 'M2', 'M3', 'M4', 'M5'] };
  const caseIds: string[] = [];
  const rectifications: string[] = [];
  for (const [i, steps] of [[], ['accept'], ['accept', 'complete'], ['accept', 'review']].entries()) {
    const created = await call('POST', '/cases', { ...mortgage, ...(i === 0 ? { materials: ['M1'] } : {}) }, '2026-11-02T09:00:00+08:00');
    const id = created.caseId as string;
    caseIds.push(id);
    for (const step of steps) {
      if (step === 'accept') await call('POST', `/cases/${id}/accept`, {}, '2026-11-02T09:10:00+08:00');
      if (step === 'complete') await call('POST', `/cases/${id}/complete`, { decision: 'approved' }, '2026-11-03T10:00:00+08:00');
      if (step === 'review') rectifications.push((await call('POST', `/cases/${id}/reviews`, { level: 'very-dissatisfied', channel: 'window-device' }, '2026-11-03T10:00:00+08:00')).rectificationId as string);
    }
  }
  const ticket = (await call('POST', '/tickets', { category: 'C' }, '2026-11-02T09:00:00+08:00')).ticketId as string;
  await call('POST', '/windows/W03/call-next', {}, '2026-11-02T09:01:00+08:00');
  await call('POST', '/rosters/2026-11-09', {}, '2026-11-09T07:00:00+08:00');
  const windows = county.windows.map((w) => w.id);
  const dates = ['2026-11-02', '2026-11-03', '2026-11-09', '2026-12-01'];
  return {
    itemCode: county.items.slice(0, 6).map((i) => i.code),
    windowId: windows,
    siteId: county.sites.slice(0, 5).map((s) => s.id),
    category: county.queue.categories.map((c) => c.code),
    categories: county.queue.categories.map((c) => c.code),
    materials: ['M1', 'M2', 'M3', 'M4', 'M5'],
    missing: ['M2', 'M3', 'M4', 'M5'],
    from: dates,
    to: dates,
    date: dates,
    rosterDate: ['2026-11-09'],
    month: ['2026-10', '2026-11'],
    caseIds: caseIds,
    '/cases:id': caseIds,
    '/tickets:id': [ticket],
    '/windows:id': windows,
    '/rectifications:id': rectifications,
    '/callbacks:caseId': caseIds,
    '/archive-checks:caseId': caseIds,
    '/archive-checks:month': ['2026-10', '2026-11'],
    '/rosters:date': dates,
    '/callbacks/lists:date': dates,
    '/items:code': county.items.slice(0, 3).map((i) => i.code),
    '/calendar:year': ['2026', '2027', '1999', '2101'],
    '/scorecards:month': ['2026-11'],
  };
}
