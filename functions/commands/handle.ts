import { setTimeout as sleep } from 'node:timers/promises';
import { fold, streamOf, type Aggregate } from '../../domain/decider.ts';
import { ConcurrencyError, DomainError, type NotFound } from '../../domain/errors.ts';
import { IdempotencyReplay, type DomainEvent, type DynamoEventStore, type IdempotencyRecord, type TransactItem } from '../store/dynamo-event-store.ts';
import { KeyReused, VersionMismatch } from './errors.ts';

/** What a command did: the stream's state after it, the events it appended, the stream's version. */
export interface CommandResult<S, E> {
  state: S;
  events: E[];
  version: number;
}

/**
 * Exactly once for a caller's key: the answer is computed from the result, stored in the same
 * transaction as the events, and given back to a resend of the same command instead of running it.
 */
export interface Idempotency {
  key: string;
  /** What the request was: the same key sent for another request is refused. */
  fingerprint: string;
}

export interface Handling<C, E extends DomainEvent, S, X> {
  aggregate: Aggregate<C, E, S, X>;
  /** The instance: the stream is the aggregate's prefix and this. */
  id: string;
  /** The command, given the state (its metadata may name where the case is); it may read what deciding needs (the day's case-number counter). */
  command: (state: S) => C | Promise<C>;
  context: X;
  /** The stream must exist: this error (404) when it does not. */
  mustExist?: () => NotFound;
  /** The stream is new (its id was just made): nothing to read. */
  isNew?: true;
  /** The state is known already (a waiting ticket's, from its index entry): nothing to read, and a lost race is the caller's to handle. */
  known?: { state: S; version: number };
  /** Whether the caller may act on this instance: checked before anything about it is answered (an If-Match mismatch, a stored answer, a refusal). */
  authorize?: (state: S) => void;
  /** `If-Match`: the version the caller last saw. */
  expectedVersion?: number;
  /** Other writes that must happen with the events or not at all (the day's counter, the ticket queue's index). */
  extra?: (state: S, events: E[], version: number) => TransactItem[];
  /** Races are expected (submits taking turns at the day's case number): keep trying for a few seconds, not a few times. */
  contended?: true;
}

/** A command handled, or the answer stored by an earlier send of it. */
export type Outcome<S, E, A> = { replayed: false; result: CommandResult<S, E>; answer: A } | { replayed: true; answer: A };

/** After losing a race a command reads and decides again, a bounded number of times: one on a moved case is usually refused at once. */
const MAX_ATTEMPTS = 4;
/** Contended commands take turns this long instead — well inside a function's 10 s — before the caller is told to try again. */
const CONTENDED_BUDGET_MS = 5_000;

async function stored<A>(store: DynamoEventStore, idempotency: Idempotency | undefined): Promise<A | undefined> {
  if (!idempotency) return undefined;
  const record = await store.idempotencyRecord(idempotency.key);
  return record && answerOf<A>(record, idempotency);
}

function answerOf<A>(record: IdempotencyRecord, idempotency: Idempotency): A {
  if (record.fingerprint !== idempotency.fingerprint) throw new KeyReused();
  return record.answer as A;
}

/** The answer an earlier send of this command stored, if there was one (a command that could not be repeated asks first). */
export const earlierAnswer = stored;

/**
 * Handles one command on one stream, exactly once: reads the stream (one consistent Query) and folds
 * it, authorises, checks `If-Match`, decides, and appends the events — with the answer under the
 * idempotency key, and any extra writes, in one transaction. A lost race is read and decided again.
 * A resend of a command that already happened gets its stored answer and appends nothing.
 */
export async function handleCommand<C, E extends DomainEvent, S, X, A>(
  store: DynamoEventStore,
  handling: Handling<C, E, S, X>,
  answer: (result: CommandResult<S, E>) => A,
  idempotency?: Idempotency,
): Promise<Outcome<S, E, A>> {
  const { aggregate } = handling;
  const stream = streamOf(aggregate, handling.id);
  const giveUpAt = Date.now() + CONTENDED_BUDGET_MS;
  const replay = async (error: unknown): Promise<Outcome<S, E, A>> => {
    const earlier = await stored<A>(store, idempotency);
    if (earlier === undefined) throw error;
    return { replayed: true, answer: earlier };
  };

  for (let attempt = 1; ; attempt++) {
    const { state, version } = handling.known ?? (handling.isNew ? { state: aggregate.initialState(), version: 0 } : await readState(store, aggregate, stream));
    let events: E[];
    try {
      if (version === 0 && handling.mustExist) throw handling.mustExist();
      handling.authorize?.(state);
      if (handling.expectedVersion !== undefined && handling.expectedVersion !== version) throw new VersionMismatch(handling.expectedVersion, version);
      events = aggregate.decide(await handling.command(state), state, handling.context);
    } catch (error) {
      // A resend of a command that already happened usually no longer fits the state: answer it from its record.
      if (error instanceof DomainError || error instanceof VersionMismatch) return replay(error);
      throw error;
    }
    const result: CommandResult<S, E> = { state: events.reduce((s, e) => aggregate.evolve(s, e), state), events, version: version + events.length };
    const reply = answer(result);
    try {
      await store.append(stream, version, events, idempotency && { key: idempotency.key, fingerprint: idempotency.fingerprint, answer: reply }, handling.extra?.(state, events, version) ?? []);
      return { replayed: false, result, answer: reply };
    } catch (error) {
      if (error instanceof IdempotencyReplay) return { replayed: true, answer: answerOf<A>(error.record, idempotency!) };
      if (!(error instanceof ConcurrencyError) || handling.known) throw error;
      if (handling.expectedVersion !== undefined) {
        const earlier = await stored<A>(store, idempotency);
        if (earlier !== undefined) return { replayed: true, answer: earlier };
        throw new VersionMismatch(handling.expectedVersion, (await store.read(stream)).version);
      }
      if (handling.contended ? Date.now() >= giveUpAt : attempt >= MAX_ATTEMPTS) throw error;
      await sleep(Math.random() * Math.min(50, 2 * 2 ** attempt));
    }
  }
}

/** A stream's state, folded once, and its version. */
export async function readState<E extends DomainEvent, S>(store: DynamoEventStore, aggregate: Aggregate<unknown, E, S, unknown>, stream: string): Promise<{ state: S; version: number }> {
  const { events, version } = await store.read<E>(stream);
  return { state: fold(aggregate, events.map((e) => e.event)), version };
}
