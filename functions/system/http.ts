import { z } from 'zod';
import document from '../../openapi.json' with { type: 'json' };
import { defineRoute } from '../http/route.ts';

/** Liveness, and this API's description: the committed `openapi.json` (a test keeps it equal to the route table's). */

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
    handle: () => ({ body: document }),
  }),
];
