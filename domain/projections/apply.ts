import { addCounters, type Counters, type Envelope, type ViewKey } from './projection.ts';
import type { AggregateProjections } from './registry.ts';

/** What one event does to the views: documents written or deleted, counters added to. */
export type ViewChange =
  | { kind: 'put'; projection: string; key: ViewKey; doc: object; index: Record<string, string> }
  | { kind: 'delete'; projection: string; key: ViewKey }
  | { kind: 'add'; projection: string; key: ViewKey; deltas: Counters; labels: Record<string, string> };

export const keyString = (key: ViewKey) => `${key.pk}\u0000${key.sk}`;

/**
 * Runs every projection of the aggregate over one event. Pure: the projector writes the changes
 * in one transaction, a rebuild applies them to an in-memory map.
 */
export function projectEvent<E extends { type: string }, S>(
  aggregate: AggregateProjections<E, S>,
  before: S | undefined,
  stream: string,
  version: number,
  event: E,
): { after: S; changes: ViewChange[] } {
  // Views keep only the redacted state: the next event evolves from it, so nothing personal is re-derived.
  const after = aggregate.redact(aggregate.evolve(before, event));
  const envelope: Envelope<E, S> = { stream, version, event, before, after };
  const changes: ViewChange[] = [];
  for (const projection of aggregate.projections) {
    if (!projection.canHandle.includes(event.type)) continue;
    for (const key of projection.keys(envelope)) {
      if (projection.kind === 'counter') {
        const deltas = projection.deltas(envelope, key);
        if (Object.values(deltas).some((d) => d !== 0)) changes.push({ kind: 'add', projection: projection.name, key, deltas, labels: projection.labels(key) });
      } else {
        const doc = projection.evolve(envelope, key);
        changes.push(doc === undefined ? { kind: 'delete', projection: projection.name, key } : { kind: 'put', projection: projection.name, key, doc, index: projection.indexOf?.(doc, key) ?? {} });
      }
    }
  }
  return { after, changes };
}

/** A whole view set held in memory, as a rebuild folds it. */
export class ViewFold {
  readonly docs = new Map<string, { projection: string; key: ViewKey; doc: object; index: Record<string, string> }>();
  readonly counters = new Map<string, { projection: string; key: ViewKey; counters: Counters; labels: Record<string, string> }>();

  apply(changes: readonly ViewChange[]): void {
    for (const change of changes) {
      const id = keyString(change.key);
      if (change.kind === 'put') this.docs.set(id, { projection: change.projection, key: change.key, doc: change.doc, index: change.index });
      else if (change.kind === 'delete') this.docs.delete(id);
      else {
        const existing = this.counters.get(id);
        this.counters.set(id, { projection: change.projection, key: change.key, counters: addCounters(existing?.counters, change.deltas), labels: change.labels });
      }
    }
  }
}
