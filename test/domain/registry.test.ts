import { describe, expect, it } from 'vitest';
import { aggregateOf, aggregates } from '../../domain/projections/registry.ts';
import { callbackListStream } from '../../functions/satisfaction/callback-lists.ts';
import { archiveStream, rosterStream } from '../../functions/supervision/operations.ts';
import { streams } from '../../functions/tables.ts';

describe('the projection registry', () => {
  it('follows every aggregate stream the commands write, and nothing else', () => {
    expect(aggregateOf(streams.case('01J'))?.name).toBe('case');
    expect(aggregateOf(callbackListStream('2026-11-02'))?.name).toBe('callback-list');
    expect(aggregateOf(rosterStream('2026-11-02'))?.name).toBe('roster');
    expect(aggregateOf(archiveStream('2026-10'))?.name).toBe('archive');
    for (const other of [streams.idempotency('k'), streams.sequence('caseNo#20261102'), streams.calendar, 'sms-inbox#2026-11-02']) expect(aggregateOf(other), other).toBeUndefined();
    expect(new Set(aggregates.map((a) => a.streamPrefix)).size).toBe(aggregates.length);
  });

  it('gives every event type of an aggregate to at least one projection', () => {
    for (const aggregate of aggregates) {
      const handled = new Set(aggregate.projections.flatMap((p) => p.canHandle));
      for (const type of aggregate.eventTypes) expect(handled.has(type), `${aggregate.name}: ${type}`).toBe(true);
    }
  });
});
