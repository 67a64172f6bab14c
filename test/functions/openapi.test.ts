import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
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
});
