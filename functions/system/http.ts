import { readFileSync } from 'node:fs';
import * as z from 'zod/mini';
import { defineRoute } from '../http/route.ts';
import { unpack } from '../packed.ts';

/** Liveness, and this API's description: the committed `openapi.json` (a test keeps it equal to the route table's). */

/** The committed `openapi.json`, compiled into the system function's bundle (esbuild `define`, infra/bundling.ts). */
declare const BANJIAN_OPENAPI: string;
/** `true` in a Lambda bundle (infra/bundling.ts). */
declare const BANJIAN_BUNDLED: boolean;

let document: unknown;

/** The document, inflated on its first request (not at every cold start of the function). */
function openApiDocument(): unknown {
  if (typeof BANJIAN_BUNDLED !== 'undefined') return (document ??= unpack(BANJIAN_OPENAPI));
  // Locally, the file itself (an `else`, so the bundle leaves this path out).
  else return (document ??= JSON.parse(readFileSync(new URL('../../openapi.json', import.meta.url), 'utf8')) as unknown);
}

const Health = z.object({ status: z.literal('ok'), county: z.string(), time: z.string() });
const OpenApiDocument = z.looseObject({ openapi: z.string(), info: z.object({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.unknown()) });

export const systemRoutes = [
  defineRoute({
    method: 'GET',
    path: '/health',
    entry: 'system',
    operationId: 'health',
    summary: 'Liveness',
    response: { status: 200, schema: Health },
    access: 'public',
    handle: (request, rt) => ({ body: { status: 'ok' as const, county: rt.county.county.key, time: request.now } }),
  }),
  defineRoute({
    method: 'GET',
    path: '/openapi.json',
    entry: 'system',
    operationId: 'openapi',
    summary: 'This API’s OpenAPI 3.1 document',
    response: { status: 200, schema: OpenApiDocument },
    access: 'public',
    handle: () => ({ body: openApiDocument() as z.infer<typeof OpenApiDocument> }),
  }),
];
