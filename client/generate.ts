import openapiTS, { astToString } from 'openapi-typescript';

/** The client's types (`paths`, `components` …), generated from the OpenAPI document by openapi-typescript. */
export async function clientTypes(document: Record<string, unknown>): Promise<string> {
  const ast = await openapiTS(JSON.stringify(document), { alphabetize: true });
  return `/* Generated from openapi.json by \`npm run openapi\` (openapi-typescript); do not edit. */\n${astToString(ast)}`;
}
