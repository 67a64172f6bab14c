/**
 * Projections turn events into the views people work from. Each is a pure function of the view
 * and an event (`(view | undefined, event) -> view | undefined`) plus the event types it reads;
 * the same functions run in the projector (one event at a time) and in a rebuild (folded in memory).
 *
 * The projector hands each projection an envelope: the event, its stream and version, and the
 * aggregate's state before and after it, so that a view can use what the event alone does not say
 * (the window a case is at when it is accepted, say).
 */
export interface Envelope<E extends { type: string }, S> {
  stream: string;
  version: number;
  event: E;
  before: S | undefined;
  after: S;
}

/** A view document's key, without the generation prefix the store adds. */
export interface ViewKey {
  pk: string;
  sk: string;
}

export type Counters = Record<string, number>;

/** A view whose documents are written whole (or deleted when `evolve` returns undefined). */
export interface DocumentProjection<E extends { type: string }, S, V extends object> {
  kind: 'document';
  name: string;
  canHandle: readonly E['type'][];
  /** The documents this event touches. */
  keys(envelope: Envelope<E, S>): ViewKey[];
  /** The document after this event, from the aggregate's state (undefined deletes it). */
  evolve(envelope: Envelope<E, S>, key: ViewKey): V | undefined;
  /** Attributes to put beside the document (e.g. an index key), derived from it. */
  indexOf?(view: V, key: ViewKey): Record<string, string>;
}

/**
 * A view of numbers that events only add to (counts per window and day, …). The projector writes
 * the deltas with DynamoDB's ADD inside the event's transaction, without reading; a rebuild adds
 * them up in memory. Counters over many cases are exactly-once that way.
 */
export interface CounterProjection<E extends { type: string }, S> {
  kind: 'counter';
  name: string;
  canHandle: readonly E['type'][];
  keys(envelope: Envelope<E, S>): ViewKey[];
  deltas(envelope: Envelope<E, S>, key: ViewKey): Counters;
  /** Labels stored beside the counters (the row's window, date …), constant per key. */
  labels(key: ViewKey): Record<string, string>;
}

export type Projection<E extends { type: string }, S> = DocumentProjection<E, S, object> | CounterProjection<E, S>;

export function addCounters(view: Counters | undefined, deltas: Counters): Counters {
  const next: Counters = { ...view };
  for (const [name, delta] of Object.entries(deltas)) if (delta !== 0) next[name] = (next[name] ?? 0) + delta;
  return next;
}

export function counterProjection<E extends { type: string }, S>(spec: Omit<CounterProjection<E, S>, 'kind'>): CounterProjection<E, S> {
  return { ...spec, kind: 'counter' };
}

/**
 * What a reader needs of a document projection: its name (each stored document carries it) and, for
 * the compiler only, the shape of its documents — so `views.docs(completions, …)` returns `Completion`s.
 */
export interface Readable<V> {
  readonly kind: 'document';
  readonly name: string;
  /** Never set: carries the documents' type. */
  readonly documents?: V;
}

export function documentProjection<E extends { type: string }, S, V extends object>(spec: Omit<DocumentProjection<E, S, V>, 'kind'>): DocumentProjection<E, S, object> & Readable<V> {
  return { ...spec, kind: 'document' } as unknown as DocumentProjection<E, S, object> & Readable<V>;
}
