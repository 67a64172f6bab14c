import type { DomainEvent } from '../store/dynamo-event-store.ts';
import { handleCommand, type CommandResult, type Handling, type Idempotency } from '../commands/handle.ts';
import type { Runtime } from '../runtime.ts';
import type { Reply, Request } from './route.ts';

/** The request's `Idempotency-Key` (scoped to the caller and the route), as the command handler keeps it. */
export const idempotencyOf = (request: Request): Idempotency | undefined => (request.idempotencyKey === undefined ? undefined : { key: request.idempotencyKey, fingerprint: request.fingerprint });

/**
 * A command for an HTTP request, exactly once: its `Idempotency-Key` and `If-Match` from the request,
 * and its reply — stored with the events — as the answer, so that a resend gets the same reply.
 */
export async function commandReply<C, E extends DomainEvent, S, X, T>(rt: Runtime, request: Request, handling: Handling<C, E, S, X>, reply: (result: CommandResult<S, E>) => Reply<T>): Promise<Reply<T>> {
  const outcome = await handleCommand(rt.events, { expectedVersion: request.ifMatch, ...handling }, reply, idempotencyOf(request));
  return outcome.answer;
}

/** A reply with the stream's version as its ETag. */
export const versioned = <T>(body: T, version: number, status?: number, headers: Record<string, string> = {}): Reply<T> => ({ ...(status === undefined ? {} : { status }), headers: { etag: `"${version}"`, ...headers }, body });
