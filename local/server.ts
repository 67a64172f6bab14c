import { sawDevClock } from './dev-clock.ts';
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { APIGatewayProxyStructuredResultV2, Context } from 'aws-lambda';
import { entrypoints, type EntryName } from '../functions/entrypoints.ts';
import type { HttpEvent } from '../functions/http/http-handler.ts';
import { routeKeyOf, routes } from '../functions/http/routes.ts';
import type { Route } from '../functions/http/route.ts';
import { verifyToken, type LocalPool } from './auth.ts';

export const repositoryRoot = join(dirname(fileURLToPath(import.meta.url)), '..');

/** Loads an entry's handler the way its Lambda does: the module named in the entry table. */
export const entryHandler = async <H>(entry: { file: string }): Promise<H> => ((await import(pathToFileURL(join(repositoryRoot, entry.file)).href)) as { handler: H }).handler;

type Handler = (event: HttpEvent, context: Context) => Promise<APIGatewayProxyStructuredResultV2>;

/** Like API Gateway's own payload limit; the handlers refuse anything over 64 KiB themselves. */
const MAX_READ_BYTES = 10 * 1024 * 1024;

interface CompiledRoute {
  route: Route;
  pattern: RegExp;
  names: string[];
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, (_m, name: string) => {
    names.push(name);
    return '([^/]+)';
  });
  return { route, pattern: new RegExp(`^${source}$`), names };
}

/** Imports every HTTP entrypoint's `handler`: the very modules the Lambda functions are built from. */
export async function loadHandlers(): Promise<Map<EntryName, Handler>> {
  const handlers = new Map<EntryName, Handler>();
  for (const [name, entry] of Object.entries(entrypoints) as [EntryName, (typeof entrypoints)[EntryName]][]) {
    if (entry.kind !== 'http') continue;
    handlers.set(name, await entryHandler<Handler>(entry));
  }
  return handlers;
}

function lambdaContext(name: string, requestId: string): Context {
  const started = Date.now();
  return {
    callbackWaitsForEmptyEventLoop: false,
    functionName: `local-${name}`,
    functionVersion: '$LATEST',
    invokedFunctionArn: `arn:aws:lambda:local:000000000000:function:local-${name}`,
    memoryLimitInMB: '512',
    awsRequestId: requestId,
    logGroupName: `/aws/lambda/local-${name}`,
    logStreamName: 'local',
    getRemainingTimeInMillis: () => Math.max(0, 29_000 - (Date.now() - started)),
    done: () => undefined,
    fail: () => undefined,
    succeed: () => undefined,
  };
}

async function readBody(request: IncomingMessage): Promise<Buffer | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_READ_BYTES) return 'too-large';
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, result: APIGatewayProxyStructuredResultV2): void {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(result.headers ?? {})) headers[name] = String(value);
  if (result.cookies?.length) headers['set-cookie'] = result.cookies;
  const body = result.body === undefined ? '' : result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body;
  response.writeHead(result.statusCode ?? 200, headers);
  response.end(body);
}

function unauthorized(reason: string): APIGatewayProxyStructuredResultV2 {
  return {
    statusCode: 401,
    headers: { 'content-type': 'application/problem+json', 'www-authenticate': 'Bearer' },
    body: JSON.stringify({ type: '/problems/unauthenticated', title: 'Authentication required', status: 401, detail: `token refused: ${reason}`, correlationId: randomUUID() }),
  };
}

function notFound(method: string, path: string, allowed: string[]): APIGatewayProxyStructuredResultV2 {
  const status = allowed.length > 0 ? 405 : 404;
  return {
    statusCode: status,
    headers: { 'content-type': 'application/problem+json', ...(allowed.length > 0 ? { allow: allowed.join(', ') } : {}) },
    body: JSON.stringify({
      type: status === 404 ? '/problems/no-such-route' : '/problems/method-not-allowed',
      title: status === 404 ? 'No such route' : 'Method not allowed',
      status,
      detail: `${method} ${path} is not part of this API`,
      correlationId: randomUUID(),
    }),
  };
}

export interface LocalServerOptions {
  port: number;
  host?: string;
  /** Honour `X-Dev-Clock` (the `--dev-clock` flag). */
  devClock: boolean;
  /** The local user pool whose tokens the server accepts. */
  pool: LocalPool;
  onRequest?: (line: { method: string; path: string; status: number; ms: number }) => void;
  /** Answers what is not the API (the console under /console/); returns false to pass the request on. */
  extra?: (request: IncomingMessage, response: ServerResponse) => Promise<boolean>;
}

export interface LocalRequest {
  method: string;
  /** Path and query, e.g. `/cases/01J…/accept?x=1`. */
  url: string;
  headers: Record<string, string>;
  body: string;
  sourceIp?: string;
}

/**
 * What API Gateway does for one request: find the route, build the v2 (HTTP API) event, call the
 * entry's handler. The HTTP server and the benchmark both go through here.
 */
export function createDispatcher(handlers: Map<EntryName, Handler>, devClock: boolean, pool: LocalPool) {
  const compiled = routes.map(compile);
  return async (request: LocalRequest): Promise<APIGatewayProxyStructuredResultV2> => {
    const url = new URL(request.url, 'http://localhost');
    const method = request.method.toUpperCase();
    const matches = compiled.map((c) => ({ c, m: c.pattern.exec(url.pathname) })).filter((x) => x.m !== null);
    const match = matches.find((x) => x.c.route.method === method);
    if (!match?.m) return notFound(method, url.pathname, matches.map((x) => x.c.route.method));
    const { route } = match.c;
    // API Gateway's JWT authorizer: every route but the public ones needs a valid token of this county's pool.
    let claims: Record<string, string> | undefined;
    if (route.access !== 'public') {
      try {
        claims = await verifyToken(pool, request.headers.authorization);
      } catch (error) {
        return unauthorized((error as Error).message);
      }
    }
    const pathParameters = Object.fromEntries(match.c.names.map((name, i) => [name, decodeURIComponent(match.m![i + 1]!)]));
    const query: Record<string, string> = {};
    for (const [name, value] of url.searchParams) query[name] = name in query ? `${query[name]},${value}` : value;
    const requestId = randomUUID();
    const headers = request.headers;
    if (devClock) sawDevClock(headers['x-dev-clock']);
    const event: HttpEvent & { localDevClock: boolean } = {
      version: '2.0',
      routeKey: routeKeyOf(route),
      rawPath: url.pathname,
      rawQueryString: url.search.slice(1),
      headers,
      ...(url.searchParams.size > 0 ? { queryStringParameters: query } : {}),
      ...(match.c.names.length > 0 ? { pathParameters } : {}),
      requestContext: {
        accountId: '000000000000',
        apiId: 'local',
        domainName: headers.host ?? 'localhost',
        domainPrefix: 'localhost',
        http: { method, path: url.pathname, protocol: 'HTTP/1.1', sourceIp: request.sourceIp ?? '127.0.0.1', userAgent: headers['user-agent'] ?? '' },
        requestId,
        routeKey: routeKeyOf(route),
        ...(claims ? { authorizer: { jwt: { claims, scopes: null } } } : {}),
        stage: '$default',
        time: new Date().toUTCString(),
        timeEpoch: Date.now(),
      },
      ...(request.body.length > 0 ? { body: request.body } : {}),
      isBase64Encoded: false,
      localDevClock: devClock,
    };
    return handlers.get(route.entry)!(event, lambdaContext(route.entry, requestId));
  };
}

/**
 * The local stand-in for API Gateway: each Node HTTP request becomes an API Gateway v2 (HTTP API)
 * event for the handler its route names, and the handler's result becomes the HTTP response.
 */
export async function startLocalServer(options: LocalServerOptions): Promise<{ server: Server; url: string; close(): Promise<void> }> {
  const dispatch = createDispatcher(await loadHandlers(), options.devClock, options.pool);
  const server = createServer((request, response) => {
    const started = performance.now();
    void (async () => {
      if (options.extra && (await options.extra(request, response))) return;
      const body = await readBody(request);
      let result: APIGatewayProxyStructuredResultV2;
      if (body === 'too-large') {
        result = { statusCode: 413, headers: { 'content-type': 'application/problem+json' }, body: JSON.stringify({ type: '/problems/payload-too-large', title: 'Request body too large', status: 413, correlationId: randomUUID() }) };
      } else {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(request.headers)) if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(',') : value;
        result = await dispatch({ method: request.method ?? 'GET', url: request.url ?? '/', headers, body: body.toString('utf8'), sourceIp: request.socket.remoteAddress });
      }
      send(response, result);
      options.onRequest?.({ method: request.method ?? 'GET', path: (request.url ?? '/').split('?')[0]!, status: result.statusCode ?? 200, ms: performance.now() - started });
    })().catch((error: unknown) => {
      response.writeHead(500, { 'content-type': 'application/problem+json' });
      response.end(JSON.stringify({ type: '/problems/internal', title: 'Internal error', status: 500, correlationId: randomUUID() }));
      console.error('local server:', error);
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', resolve);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    server,
    url: `http://${options.host ?? '127.0.0.1'}:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
