import '../local/env.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openApiDocument } from '../functions/http/openapi.ts';
import { repositoryRoot } from '../local/server.ts';

/** Writes the committed copy of the OpenAPI document; a test fails when it is stale. */
export const openApiPath = join(repositoryRoot, 'openapi.json');
writeFileSync(openApiPath, `${JSON.stringify(openApiDocument(), null, 2)}\n`);
console.log(`wrote ${openApiPath}`);
