import { expect } from 'vitest';
import { projectEvent, ViewFold } from '../../domain/projections/apply.ts';
import type { Counters } from '../../domain/projections/projection.ts';
import { aggregateOf } from '../../domain/projections/registry.ts';

/** One event of a history, in its stream. */
export interface StreamEvent {
  stream: string;
  event: { type: string };
}

/**
 * Specs for projections: `givenEvents(history).then.docs(name)` — the views the registry's
 * projections make of these events, folded in memory exactly as a rebuild does (each stream through
 * its aggregate's evolve, redact and every projection it feeds, version by version).
 */
export function givenEvents(history: readonly StreamEvent[]) {
  const fold = new ViewFold();
  const streams = new Map<string, { version: number; state: unknown }>();
  for (const { stream, event } of history) {
    const aggregate = aggregateOf(stream);
    expect(aggregate, `no aggregate follows ${stream}`).toBeDefined();
    const current = streams.get(stream) ?? { version: 0, state: undefined };
    const { after, changes } = projectEvent(aggregate!, current.state, stream, current.version + 1, event);
    fold.apply(changes);
    streams.set(stream, { version: current.version + 1, state: after });
  }
  const then = {
    /** The documents a projection holds, by `pk` then `sk`. */
    docs: (projection: string) =>
      [...fold.docs.values()]
        .filter((d) => d.projection === projection)
        .sort((a, b) => a.key.pk.localeCompare(b.key.pk) || a.key.sk.localeCompare(b.key.sk))
        .map((d) => ({ ...d.key, doc: d.doc, index: d.index })),
    /** The counter rows a projection holds (zero counters left out), by `pk` then `sk`. */
    counters: (projection: string) =>
      [...fold.counters.values()]
        .filter((c) => c.projection === projection)
        .sort((a, b) => a.key.pk.localeCompare(b.key.pk) || a.key.sk.localeCompare(b.key.sk))
        .map((c) => ({ ...c.key, counters: nonZero(c.counters), labels: c.labels })),
    /** Each stream's state as the views keep it (redacted). */
    state: (stream: string) => streams.get(stream)?.state,
  };
  return { then };
}

const nonZero = (counters: Counters): Counters => Object.fromEntries(Object.entries(counters).filter(([, n]) => n !== 0));
