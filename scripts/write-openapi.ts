import '../local/env.ts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { clientTypes } from '../client/generate.ts';
import { openApiDocument } from '../functions/http/openapi.ts';
import { repositoryRoot } from '../local/server.ts';

/** Writes the committed OpenAPI document and the client's types generated from it; a test fails when either is stale. */
const document = openApiDocument();
const openApiPath = join(repositoryRoot, 'openapi.json');
writeFileSync(openApiPath, `${JSON.stringify(document, null, 2)}\n`);
console.log(`wrote ${openApiPath}`);
const typesPath = join(repositoryRoot, 'client', 'schema.d.ts');
writeFileSync(typesPath, await clientTypes(document));
console.log(`wrote ${typesPath}`);
