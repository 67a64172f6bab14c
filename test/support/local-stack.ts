import { inject } from 'vitest';
import { freshTables as freshTablesOn, startLocalStack, type LocalStack } from '../../local/stack.ts';
import { startLocalServer } from '../../local/server.ts';

export interface Stack extends LocalStack {
  /** A second server on the same tables that honours nothing of the dev clock. */
  plainUrl: string;
}

/**
 * The local runtime against the run's DynamoDB Local, on tables of this test file's own, served
 * by the same local server `npm start` uses (with the dev clock on).
 */
export async function startStack(county = 'sanmen', options: { projections?: boolean } = {}): Promise<Stack> {
  const stack = await startLocalStack({ endpoint: inject('dynamoEndpoint'), county, projections: options.projections });
  const plain = await startLocalServer({ port: 0, devClock: false, pool: stack.pool });
  return {
    ...stack,
    plainUrl: plain.url,
    async close() {
      await stack.close();
      await plain.close();
    },
  };
}

/** A pair of Events/Views tables of a test's own on the run's DynamoDB Local. */
export const freshTables = () => freshTablesOn(inject('dynamoEndpoint'));

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

/** A small HTTP client for tests: JSON in, parsed JSON (or problem+json) out, with a bearer token (or one being signed) when given. */
export function api(base: string, pending?: string | Promise<string>) {
  async function call<T = Record<string, unknown>>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> {
    const token = await pending;
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}), ...headers },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let parsed: unknown = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.status, headers: response.headers, body: parsed as T, text };
  }
  return {
    call,
    get: <T = Record<string, unknown>>(path: string, headers?: Record<string, string>) => call<T>('GET', path, undefined, headers),
    post: <T = Record<string, unknown>>(path: string, body: unknown = {}, headers?: Record<string, string>) => call<T>('POST', path, body, headers),
    put: <T = Record<string, unknown>>(path: string, body: unknown, headers?: Record<string, string>) => call<T>('PUT', path, body, headers),
  };
}

/** `X-Dev-Clock` for Beijing wall-clock time on a date. */
export function clock(date: string, time = '10:00'): Record<string, string> {
  return { 'x-dev-clock': `${date}T${time}:00+08:00` };
}

/** Waits (up to five seconds) until a check holds: for views the projector is still catching up. */
export async function settle(check: () => Promise<boolean>): Promise<void> {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 25));
}
