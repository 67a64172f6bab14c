import * as z from 'zod/mini';
import { apiSchemas, Problem } from './schemas.ts';
import { routes } from './routes.ts';
import type { Route } from './route.ts';

type JsonSchema = Record<string, unknown>;

const COMPONENTS = '#/components/schemas/';

/**
 * A schema as JSON Schema. Answers refer to the API's named schemas (`$ref` into `components.schemas`,
 * collected in `components` as they are met); requests stay inline, as a form reads them.
 */
function jsonSchema(schema: z.ZodMiniType, io: 'input' | 'output', components?: Map<string, JsonSchema>): JsonSchema {
  const converted = z.toJSONSchema(schema, { io, unrepresentable: 'any', ...(components ? { metadata: apiSchemas } : {}) }) as JsonSchema;
  const { $schema: _ignored, $defs, ...rest } = JSON.parse(JSON.stringify(converted).replaceAll('"#/$defs/', `"${COMPONENTS}`)) as JsonSchema & { $defs?: Record<string, JsonSchema> };
  for (const [id, definition] of Object.entries($defs ?? {})) {
    const known = components?.get(id);
    if (known && JSON.stringify(known) !== JSON.stringify(definition)) throw new Error(`two schemas are named ${id}`);
    components?.set(id, definition);
  }
  return rest;
}

function parameters(route: Route): unknown[] {
  const of = (schema: z.ZodMiniType | undefined, where: 'path' | 'query') => {
    if (!schema) return [];
    const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
    return Object.entries(object.properties ?? {}).map(([name, property]) => ({
      name,
      in: where,
      required: where === 'path' || (object.required ?? []).includes(name),
      schema: property,
    }));
  };
  const headers = route.command
    ? [
        { name: 'Idempotency-Key', in: 'header', required: false, description: 'Retrying with the same key returns the first response and changes nothing.', schema: { type: 'string', minLength: 8, maxLength: 128 } },
        { name: 'If-Match', in: 'header', required: false, description: 'The version the client last saw; 412 if the case has moved on.', schema: { type: 'string' } },
      ]
    : [];
  return [...of(route.params, 'path'), ...of(route.query, 'query'), ...headers];
}

const problemContent = { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } };

/** The OpenAPI 3.1 document, generated from the route table and its zod schemas. */
export function openApiDocument(): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  const components = new Map<string, JsonSchema>();
  jsonSchema(Problem, 'output', components);
  for (const route of routes) {
    const operation: Record<string, unknown> = {
      operationId: route.operationId,
      summary: route.summary,
      tags: [route.entry],
      parameters: parameters(route),
      responses: {
        [String(route.response.status)]: { description: 'Success', content: { 'application/json': { schema: jsonSchema(route.response.schema, 'output', components) } } },
        '4XX': { description: 'The request was refused; nothing was written', content: problemContent },
        '5XX': { description: 'Our fault or a busy database (503 carries Retry-After)', content: problemContent },
      },
      ...(route.access === 'public' ? { security: [] } : { 'x-roles': route.access }),
    };
    if (route.body) operation.requestBody = { required: false, content: { 'application/json': { schema: jsonSchema(route.body, 'input') } } };
    (paths[route.path] ??= {})[route.method.toLowerCase()] = operation;
  }
  return {
    openapi: '3.1.0',
    info: {
      title: 'Banjian (办件) case tracker API',
      version: '0.1.0',
      description: 'Commands and queries of a county administrative approval service center. Errors are RFC 9457 problem+json.',
    },
    security: [{ bearer: [] }],
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } },
      schemas: Object.fromEntries([...components].sort(([a], [b]) => a.localeCompare(b))),
    },
    paths,
  };
}
