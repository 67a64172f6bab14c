import { describe, expect, it } from 'vitest';
import { entrypoints, type EntryName } from '../../functions/entrypoints.ts';
import { routeKeyOf, routes } from '../../functions/http/routes.ts';

const httpEntries = (Object.keys(entrypoints) as EntryName[]).filter((name) => entrypoints[name].kind === 'http');

describe('each HTTP entry serves its own routes, from the route lists it imports', () => {
  it.each(httpEntries)('%s serves exactly the route table’s routes that name it', async (name) => {
    const module = (await import(/* @vite-ignore */ `../../${entrypoints[name].file}`)) as { handler: { routes: readonly { method: string; path: string }[] } };
    const served = module.handler.routes.map((r) => routeKeyOf(r as never)).sort();
    const table = routes.filter((r) => r.entry === name).map(routeKeyOf).sort();
    expect(table.length).toBeGreaterThan(0);
    expect(served).toEqual(table);
  });

  it('every route of the table is served by an HTTP entry', () => {
    const orphans = routes.filter((r) => entrypoints[r.entry].kind !== 'http').map(routeKeyOf);
    expect(orphans).toEqual([]);
  });
});
