import type * as z from 'zod/mini';
import type { Access, Caller } from '../auth/access.ts';
import type { EntryName } from '../entrypoints.ts';
import type { Runtime } from '../runtime.ts';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

/** A JSON answer: its status (the route's own when left out), headers, and a body of the route's response schema. */
export interface Reply<T> {
  status?: number;
  headers?: Record<string, string>;
  body: T;
}

/** A CSV file for Excel (the `format=csv` of a report): not checked against the JSON schema. */
export interface CsvReply {
  csv: string;
  filename: string;
}

/** Nothing to say (204). */
export interface EmptyReply {
  status: 204;
  empty: true;
}

export type AnyReply<T> = Reply<T> | CsvReply | EmptyReply;

/** A request as a route's handler gets it: parsed and validated, with its params, query and body typed by the route's schemas. */
export interface Request<P = unknown, Q = unknown, B = unknown> {
  route: Route;
  params: P;
  query: Q;
  body: B;
  headers: Readonly<Record<string, string | undefined>>;
  /** The command's `now`: the wall clock, or `X-Dev-Clock` on a local server started with `--dev-clock`. */
  now: string;
  correlationId: string;
  /** The client's address: CloudFront's `CloudFront-Viewer-Address` when the request came through the distribution, else API Gateway's `requestContext.http.sourceIp`. Public routes limit by it. */
  sourceIp: string;
  /** Names the command in its events (the scoped key, or an id of the request's own). */
  commandId: string;
  caller: Caller;
  /** The `Idempotency-Key`, scoped to the caller and the route. */
  idempotencyKey: string | undefined;
  /** The path, the caller's role and place, and the canonical body: a key sent again for another request is refused. */
  fingerprint: string;
  /** `If-Match`: the version the caller last saw. */
  ifMatch: number | undefined;
}

/** What a schema parses to (undefined where a route has none). */
export type Out<S> = S extends z.ZodMiniType ? z.output<S> : undefined;

export interface RouteSpec<P extends z.ZodMiniType | undefined, Q extends z.ZodMiniType | undefined, B extends z.ZodMiniType | undefined, R extends z.ZodMiniType> {
  method: HttpMethod;
  /** API Gateway path template. */
  path: string;
  /** The Lambda that serves it. */
  entry: EntryName;
  operationId: string;
  summary: string;
  params?: P;
  query?: Q;
  body?: B;
  response: { status: number; schema: R };
  /** Who may call it ('public': no token). Clerks and rating devices are further bound to their place. */
  access: Access;
  /** A command: takes `Idempotency-Key` and `If-Match`. */
  command?: true;
  handle(request: Request<Out<P>, Out<Q>, Out<B>>, rt: Runtime): AnyReply<z.input<R>> | Promise<AnyReply<z.input<R>>>;
}

/** A route as the table keeps it: every route's types erased to the same shape. */
export interface Route {
  method: HttpMethod;
  path: string;
  entry: EntryName;
  operationId: string;
  summary: string;
  params?: z.ZodMiniType;
  query?: z.ZodMiniType;
  body?: z.ZodMiniType;
  response: { status: number; schema: z.ZodMiniType };
  access: Access;
  command?: true;
  handle(request: Request, rt: Runtime): AnyReply<unknown> | Promise<AnyReply<unknown>>;
}

/**
 * Defines a route once: where it is, who may call it, its schemas, and its handler — whose request
 * and answer are typed by those schemas, so nothing is cast and a handler cannot drift from what
 * the route declares (the local runtime also checks every answer against the response schema).
 */
export function defineRoute<P extends z.ZodMiniType | undefined = undefined, Q extends z.ZodMiniType | undefined = undefined, B extends z.ZodMiniType | undefined = undefined, R extends z.ZodMiniType = z.ZodMiniType>(
  spec: RouteSpec<P, Q, B, R>,
): Route {
  // The handler only ever gets requests its own schemas parsed.
  return spec;
}

export const routeKeyOf = (route: Pick<Route, 'method' | 'path'>) => `${route.method} ${route.path}`;

export const csv = (filename: string, text: string): CsvReply => ({ csv: text, filename });
export const noContent: EmptyReply = { status: 204, empty: true };
