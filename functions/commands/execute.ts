import { setTimeout as sleep } from 'node:timers/promises';
import type { NotFound } from '../../domain/errors.ts';
import { ConcurrencyError, DomainError } from '../../domain/errors.ts';
import { IdempotencyKeyReused, PreconditionFailed } from '../http/errors.ts';
import { IdempotencyReplay, type DomainEvent, type DynamoEventStore, type StoredEvent, type StoredResponse, type TransactItem } from '../store/dynamo-event-store.ts';

/** What one command does to one stream; the executor handles reads, retries and exactly-once. */
/** A command's JSON answer as stored with its idempotency record, with the stream's version as its ETag when given. */
export const storedJson = (statusCode: number, body: unknown, version?: number): StoredResponse => ({ statusCode, headers: version === undefined ? {} : { etag: `"${version}"` }, body: JSON.stringify(body) });

export interface CommandPlan<E extends DomainEvent> {
  stream: string;
  /** 404 when the stream is empty (everything but creation commands). */
  notFound?: () => NotFound;
  /** The stream is new (its id was just generated): nothing to read. */
  fresh?: true;
  /** Other writes that must happen in the same transaction as the events (e.g. the ticket queue's waiting index). */
  extra?: (history: StoredEvent<E>[], events: E[]) => TransactItem[];
  /**
   * Whether the caller may act on this stream (a clerk's window, a director's roster): checked before
   * anything else about the stream is answered — an `If-Match` mismatch, a stored answer or a refusal.
   */
  authorize?: (history: StoredEvent<E>[]) => void;
  /** Races are expected (a counter every submit takes from): take turns for a few seconds, not a few tries. */
  contended?: true;
  /** Decides the events, given the stream so far. May throw a DomainError. */
  decide: (history: StoredEvent<E>[], version: number) => E[] | Promise<E[]>;
  /** The response, from the history including the new events (stored for idempotent retries). */
  respond: (history: E[], version: number) => StoredResponse;
}

export interface CommandOptions {
  idempotencyKey: string | undefined;
  fingerprint: string;
  /** `If-Match`: the version the terminal last saw. */
  ifMatch: number | undefined;
}

/**
 * After losing a race a command reads and decides again, a bounded number of times: one on a case
 * that someone else moved is usually refused at once by its new state.
 */
const MAX_ATTEMPTS = 4;
/**
 * Plans whose races are expected (submits taking turns at the day's case number) keep trying this
 * long instead — well inside a function's 10 s — before the caller is told to try again.
 */
const CONTENDED_BUDGET_MS = 5_000;

/** The stored answer to a command sent again with its Idempotency-Key; 422 when the key was used for another request. */
export function replayed(record: { fingerprint: string; response: StoredResponse }, options: CommandOptions): StoredResponse {
  if (record.fingerprint !== options.fingerprint) throw new IdempotencyKeyReused(options.idempotencyKey ?? '');
  return record.response;
}

/** The stored answer of an earlier send of this command (same Idempotency-Key), if there was one. */
export async function earlierAnswer(store: DynamoEventStore, options: CommandOptions): Promise<StoredResponse | undefined> {
  if (options.idempotencyKey === undefined) return undefined;
  const record = await store.idempotencyRecord(options.idempotencyKey);
  return record && replayed(record, options);
}

/**
 * Runs a command exactly once: read the stream (consistent), decide, append with the response
 * stored under the idempotency key in the same transaction. A retried key gets the stored
 * response and appends nothing; a key reused for another request gets 422.
 */
export async function executeCommand<E extends DomainEvent>(store: DynamoEventStore, plan: CommandPlan<E>, options: CommandOptions): Promise<StoredResponse> {
  const { idempotencyKey: key, fingerprint } = options;
  const earlier = () => earlierAnswer(store, options);
  const giveUpAt = Date.now() + CONTENDED_BUDGET_MS;

  for (let attempt = 1; ; attempt++) {
    const { events: history, version } = plan.fresh ? { events: [] as StoredEvent<E>[], version: 0 } : await store.read<E>(plan.stream);
    let events: E[];
    try {
      if (version === 0 && plan.notFound) throw plan.notFound();
      plan.authorize?.(history);
      if (options.ifMatch !== undefined && options.ifMatch !== version) throw new PreconditionFailed(options.ifMatch, version);
      events = await plan.decide(history, version);
    } catch (error) {
      // A retry of a command that already succeeded usually no longer fits the state: answer it from its record.
      if (error instanceof DomainError || error instanceof PreconditionFailed) {
        const response = await earlier();
        if (response) return response;
      }
      throw error;
    }
    const response = plan.respond([...history.map((h) => h.event), ...events], version + events.length);
    try {
      await store.append(plan.stream, version, events, key === undefined ? undefined : { key, fingerprint, response }, plan.extra?.(history, events) ?? []);
      return response;
    } catch (error) {
      if (error instanceof IdempotencyReplay) return replayed(error.record, options);
      if (!(error instanceof ConcurrencyError)) throw error;
      if (options.ifMatch !== undefined) {
        const response = await earlier();
        if (response) return response;
        throw new PreconditionFailed(options.ifMatch, (await store.read(plan.stream)).version);
      }
      if (plan.contended ? Date.now() >= giveUpAt : attempt >= MAX_ATTEMPTS) throw error;
      await sleep(Math.random() * Math.min(50, 2 * 2 ** attempt));
    }
  }
}
