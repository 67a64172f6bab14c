import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clientTypes } from '../../client/generate.ts';
import { openApiDocument } from '../../functions/http/openapi.ts';
import { routes } from '../../functions/http/routes.ts';
import { repositoryRoot } from '../../local/server.ts';

describe('the OpenAPI document', () => {
  const generated = openApiDocument() as { openapi: string; paths: Record<string, Record<string, { security?: unknown[]; requestBody?: unknown }>> };

  it('matches the committed openapi.json (run `npm run openapi` after changing a route or schema)', () => {
    const committed: unknown = JSON.parse(readFileSync(join(repositoryRoot, 'openapi.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(generated)));
  });

  it('describes every route, with a body where the route takes one', () => {
    expect(generated.openapi).toBe('3.1.0');
    for (const route of routes) {
      const operation = generated.paths[route.path]?.[route.method.toLowerCase()];
      expect(operation, `${route.method} ${route.path}`).toBeDefined();
      expect(Boolean(operation?.requestBody)).toBe(Boolean(route.body));
      expect(operation?.security).toEqual(route.access === 'public' ? [] : undefined);
    }
  });

  it('names its schemas: answers refer to components, every reference resolves, one Case for every case command', () => {
    const document = JSON.parse(JSON.stringify(generated)) as { components: { schemas: Record<string, unknown> }; paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>> };
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(50);
    for (const ref of new Set(refs)) expect(document.components.schemas, ref).toHaveProperty([ref!]);
    expect(JSON.stringify(document)).not.toContain('$defs');
    const answers = (path: string, method: string) => JSON.stringify(document.paths[path]?.[method]?.responses['200'] ?? document.paths[path]?.[method]?.responses['201']);
    for (const step of ['accept', 'reject', 'suspend', 'resume', 'transfer', 'complete', 'deliver']) expect(answers(`/cases/{id}/${step}`, 'post'), step).toContain('#/components/schemas/Case"');
    expect(answers('/cases/{id}', 'get')).toContain('#/components/schemas/Case"');
    expect(Object.keys(document.components.schemas)).toEqual(expect.arrayContaining(['Case', 'Problem', 'Ticket', 'Rectification', 'Roster', 'CallbackList', 'CalendarYear']));
  });

  it('matches the committed client types in client/schema.d.ts (run `npm run openapi`)', async () => {
    expect(readFileSync(join(repositoryRoot, 'client', 'schema.d.ts'), 'utf8')).toBe(await clientTypes(JSON.parse(JSON.stringify(generated)) as Record<string, unknown>));
  });
});
