import { randomUUID } from 'node:crypto';
import middy, { type MiddlewareObj } from '@middy/core';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import type * as z from 'zod/mini';
import { authorize, rolePrecedence, type Caller } from '../auth/access.ts';
import type { EntryName } from '../entrypoints.ts';
import { correlationId as newCorrelationId } from '../ids.ts';
import { logger } from '../logger.ts';
import type { Runtime } from '../runtime.ts';
import { BadRequest, PayloadTooLarge, RouteNotFound, UnsupportedMediaType } from './errors.ts';
import { problemResponse, toProblem } from './problem.ts';
import { digest, scopedKey } from './request-meta.ts';
import { routeKeyOf, type AnyReply, type Request, type Route } from './route.ts';

/** Request bodies above this size get 413 before anything is parsed. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The local server marks the events it builds; API Gateway never sets this field. */
export interface LocalEventExtras {
  localDevClock?: boolean;
}
export type HttpEvent = APIGatewayProxyEventV2 & LocalEventExtras & { requestContext: { authorizer?: { jwt?: { claims?: Record<string, unknown>; scopes?: string[] | null } } } };

function fieldErrors(where: string, error: z.core.$ZodError) {
  return error.issues.map((issue) => ({ path: [where, ...issue.path.map(String)].join('.'), message: issue.message }));
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const idempotencyKeyPattern = /^[\x21-\x7e]{8,128}$/;

const correlationPattern = /^[\w-]{8,64}$/;

function parseIfMatch(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const match = /^(?:W\/)?"?(\d{1,9})"?$/.exec(value.trim());
  if (!match) throw new BadRequest('If-Match must be a case version such as "3"', [{ path: 'headers.if-match', message: 'expected a version number' }]);
  return Number(match[1]);
}

/** The caller, from the JWT claims API Gateway (or the local server) verified and passed on. */
export function callerOf(event: HttpEvent): Caller {
  const claims = event.requestContext.authorizer?.jwt?.claims;
  if (!claims) return { actor: { id: 'anonymous', role: 'clerk' }, subject: 'anonymous', windowId: null, siteId: null, departmentId: null, intermediaryId: null, ownerId: null, name: null, badgeNo: null, authenticated: false, inGroup: false };
  const str = (v: unknown) => (typeof v === 'string' && v !== '' ? v : null);
  const rawGroups = claims['cognito:groups'];
  // API Gateway hands array claims on as "[clerk director]"; tolerate real arrays and commas too.
  const groups = (Array.isArray(rawGroups) ? rawGroups.join(',') : (str(rawGroups) ?? ''))
    .replace(/[[\]"]/g, '')
    .split(/[\s,]+/)
    .filter((g) => g !== '');
  const role = rolePrecedence.find((r) => groups.includes(r));
  const id = str(claims['cognito:username']) ?? str(claims.sub) ?? 'unknown';
  return { actor: { id, role: role ?? 'clerk' }, subject: str(claims.sub) ?? id, windowId: str(claims['custom:windowId']), siteId: str(claims['custom:siteId']), departmentId: str(claims['custom:departmentId']), intermediaryId: str(claims['custom:intermediaryId']), ownerId: str(claims['custom:ownerId']), name: str(claims.name), badgeNo: str(claims['custom:badgeNo']), authenticated: true, inGroup: role !== undefined };
}

function nowOf(event: HttpEvent, headers: Record<string, string | undefined>): string {
  const header = headers['x-dev-clock'];
  if (header === undefined) return new Date().toISOString();
  if (event.localDevClock !== true) {
    throw new BadRequest('X-Dev-Clock is honoured only by a local server started with --dev-clock', [{ path: 'headers.x-dev-clock', message: 'not accepted here' }]);
  }
  const ms = Date.parse(header);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(header) || Number.isNaN(ms)) {
    throw new BadRequest('X-Dev-Clock must be an ISO-8601 instant', [{ path: 'headers.x-dev-clock', message: 'expected e.g. 2026-11-02T09:30:00+08:00' }]);
  }
  return new Date(ms).toISOString();
}

function parseBody(event: HttpEvent, route: Route, headers: Record<string, string | undefined>): unknown {
  const raw = event.body === undefined ? '' : event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
  if (Buffer.byteLength(raw, 'utf8') > MAX_BODY_BYTES) throw new PayloadTooLarge(MAX_BODY_BYTES);
  if (!route.body) {
    if (raw.trim() !== '') throw new BadRequest(`${route.method} ${route.path} takes no body`);
    return undefined;
  }
  if (raw.trim() === '') return {};
  const contentType = headers['content-type'];
  if (contentType !== undefined && !/^application\/([\w.+-]+\+)?json\b/i.test(contentType)) throw new UnsupportedMediaType(contentType);
  try {
    return JSON.parse(raw) as unknown;
  } catch (error) {
    throw new BadRequest(`the body is not valid JSON: ${(error as Error).message}`, [{ path: 'body', message: 'malformed JSON' }]);
  }
}

/** Parses and validates everything at the edge, so that a rejected request writes nothing. */
function parseRequest(event: HttpEvent, route: Route, correlationId: string, caller: Caller): Request {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(event.headers ?? {})) headers[name.toLowerCase()] = value;
  const body = parseBody(event, route, headers);
  const errors = [];
  const parse = (where: string, schema: z.ZodMiniType | undefined, value: unknown) => {
    if (!schema) return value;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    errors.push(...fieldErrors(where, result.error));
    return undefined;
  };
  const params = parse('params', route.params, event.pathParameters ?? {});
  const query = parse('query', route.query, event.queryStringParameters ?? {});
  const parsedBody = parse('body', route.body, body);
  const idempotencyKey = headers['idempotency-key'];
  if (idempotencyKey !== undefined && !idempotencyKeyPattern.test(idempotencyKey)) {
    errors.push({ path: 'headers.idempotency-key', message: '8–128 printable ASCII characters' });
  }
  if (errors.length > 0) throw new BadRequest('The request does not match the API', errors);
  const scoped = route.command && idempotencyKey !== undefined ? scopedKey(caller, route, idempotencyKey) : undefined;
  return {
    route: route,
    params,
    query,
    body: parsedBody,
    headers,
    now: nowOf(event, headers),
    correlationId,
    sourceIp: viewerAddress(headers['cloudfront-viewer-address']) ?? event.requestContext.http.sourceIp,
    caller,
    idempotencyKey: scoped,
    commandId: scoped ?? `cmd-${randomUUID()}`,
    fingerprint: digest(`${route.method} ${event.rawPath}\n${caller.actor.role} ${caller.windowId ?? '-'} ${caller.siteId ?? '-'} ${caller.departmentId ?? '-'}\n${canonical(parsedBody ?? null)}`),
    ifMatch: route.command ? parseIfMatch(headers['if-match']) : undefined,
  };
}

/**
 * The citizen's address when CloudFront forwarded the request (`CloudFront-Viewer-Address: 198.51.100.10:46532`,
 * the port after the last colon): behind the distribution the source address is CloudFront's own. Direct calls
 * to the API could forge it, and meet the stage's per-route ceiling instead.
 */
function viewerAddress(header: string | undefined): string | undefined {
  const at = header?.lastIndexOf(':') ?? -1;
  return header !== undefined && at > 0 ? header.slice(0, at) : undefined;
}

/** Whether answers are checked against their route's response schema (the local runtime and the tests; not AWS, where it would cost every request). */
const checkAnswers = () => process.env.BANJIAN_CHECK_RESPONSES === 'on';

/** An answer as API Gateway takes it: JSON of the route's schema, a CSV file, or nothing. */
function replyResult(route: Route, reply: AnyReply<unknown>, correlationId: string): APIGatewayProxyStructuredResultV2 {
  if ('csv' in reply) {
    return { statusCode: 200, headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${reply.filename}"`, 'x-correlation-id': correlationId }, body: reply.csv };
  }
  if ('empty' in reply) return { statusCode: 204, headers: { 'x-correlation-id': correlationId }, body: '' };
  if (checkAnswers()) {
    const checked = route.response.schema.safeParse(reply.body);
    if (!checked.success) throw new Error(`${routeKeyOf(route)} answered with a body its response schema refuses: ${checked.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}`);
  }
  return { statusCode: reply.status ?? route.response.status, headers: { 'content-type': 'application/json; charset=utf-8', 'x-correlation-id': correlationId, ...reply.headers }, body: JSON.stringify(reply.body) };
}

/**
 * The Lambda handler of one HTTP entrypoint: it serves those of `served` (the route lists of the
 * features it imports, and nothing else, so that its bundle carries only them) that name the entry,
 * dispatching on API Gateway's `routeKey` to each route's own handler. The handler keeps the routes
 * it serves in `routes`: a test checks that every entry serves exactly the table's routes that name it.
 */
export function httpEntry(entry: EntryName, served: readonly Route[], getRuntime: (entry: EntryName) => Runtime) {
  const mine = served.filter((r) => r.entry === entry);
  const table = new Map(mine.map((r) => [routeKeyOf(r), r]));
  const correlationIds = new WeakMap<HttpEvent, string>();
  const core = async (event: HttpEvent): Promise<APIGatewayProxyStructuredResultV2> => {
    const correlationId = correlationIds.get(event) ?? newCorrelationId();
    const route = table.get(event.routeKey);
    if (!route) throw new RouteNotFound(event.requestContext.http.method, event.rawPath);
    // Who first: an unauthenticated or unauthorised caller learns nothing from validation errors.
    const caller = callerOf(event);
    authorize(route.access, caller);
    const request = parseRequest(event, route, correlationId, caller);
    return replyResult(route, await route.handle(request, getRuntime(entry)), correlationId);
  };
  const correlationAndProblems: MiddlewareObj<HttpEvent, APIGatewayProxyStructuredResultV2, Error, Context> = {
    name: 'correlation-and-problems',
    before: (request) => {
      const header = request.event.headers?.['x-correlation-id'];
      const id = header !== undefined && correlationPattern.test(header) ? header : (request.event.requestContext?.requestId ?? newCorrelationId());
      correlationIds.set(request.event, id);
    },
    onError: (request) => {
      const correlationId = correlationIds.get(request.event) ?? newCorrelationId();
      const { problem, headers, internal } = toProblem(request.error, correlationId);
      if (internal) logger.error('request failed', { correlationId, routeKey: request.event.routeKey, error: request.error as Error });
      else if (problem.status >= 500) logger.warn('request refused', { correlationId, routeKey: request.event.routeKey, status: problem.status });
      request.response = problemResponse(problem, headers);
      privateToCitizen(request.event, request.response);
    },
    after: (request) => privateToCitizen(request.event, request.response),
  };
  // A citizen's answer (a lookup, a rating link) is theirs and of its moment: no cache, the browser's or a proxy's, keeps it.
  const privateToCitizen = (event: HttpEvent, response: APIGatewayProxyStructuredResultV2 | null | undefined) => {
    if (response && table.get(event.routeKey)?.access === 'public') response.headers = { ...response.headers, 'cache-control': 'no-store' };
  };
  return Object.assign(middy<HttpEvent, APIGatewayProxyStructuredResultV2, Error, Context>(core).use(correlationAndProblems), { routes: mine });
}
