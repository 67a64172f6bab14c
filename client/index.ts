import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from './schema.d.ts';

/**
 * A typed client of the Banjian API, from the same openapi.json a terminal vendor reads: every path,
 * body and answer typed (`npm run openapi` regenerates `schema.d.ts`; a test fails when it is stale).
 */
export type BanjianClient = Client<paths>;
export type Schemas = components['schemas'];
export type Case = Schemas['Case'];
export type Problem = Schemas['Problem'];
export type Ticket = Schemas['Ticket'];

export interface ClientOptions {
  /** The API's origin, e.g. `http://localhost:3000`. */
  baseUrl: string;
  /** The caller's ID token (Cognito's, or the local pool's), asked for before each request. */
  token: () => string | undefined | Promise<string | undefined>;
  fetch?: typeof fetch;
}

export function banjianClient(options: ClientOptions): BanjianClient {
  const client = createClient<paths>({ baseUrl: options.baseUrl, ...(options.fetch ? { fetch: options.fetch } : {}) });
  client.use({
    async onRequest({ request }) {
      const token = await options.token();
      if (token) request.headers.set('authorization', `Bearer ${token}`);
      return request;
    },
  });
  return client;
}
