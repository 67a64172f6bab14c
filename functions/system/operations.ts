import { openApiDocument } from '../http/openapi.ts';
import type { Operation } from '../http/http-handler.ts';

let document: string | undefined;

export const systemOperations: Record<string, Operation> = {
  health: (request, rt) => ({ statusCode: 200, body: { status: 'ok', county: rt.county.county.key, time: request.now } }),
  openapi: () => ({ statusCode: 200, body: (document ??= JSON.stringify(openApiDocument())) }),
};
