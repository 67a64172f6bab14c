import { describe, expect, it } from 'vitest';
import { aggregateOf, aggregates } from '../../domain/projections/registry.ts';
import { callbackListAggregate } from '../../domain/callback-list/aggregate.ts';
import { streamOf } from '../../domain/decider.ts';
import { archiveAggregate } from '../../domain/archive/aggregate.ts';
import { rosterAggregate } from '../../domain/roster/aggregate.ts';
import { streams } from '../../functions/tables.ts';
import { caseAggregate } from '../../domain/case/aggregate.ts';
import { CALENDAR, calendarAggregate } from '../../domain/calendar/amendment.ts';

describe('the projection registry', () => {
  it('follows every aggregate stream the commands write, and nothing else', () => {
    expect(aggregateOf(streamOf(caseAggregate, '01J'))?.name).toBe('case');
    expect(aggregateOf(streamOf(callbackListAggregate, '2026-11-02'))?.name).toBe('callback-list');
    expect(aggregateOf(streamOf(rosterAggregate, '2026-11-02'))?.name).toBe('roster');
    expect(aggregateOf(streamOf(archiveAggregate, '2026-10'))?.name).toBe('archive');
    for (const other of [streams.idempotency('k'), streams.sequence('caseNo#20261102'), streamOf(calendarAggregate, CALENDAR), 'sms-inbox#2026-11-02']) expect(aggregateOf(other), other).toBeUndefined();
    expect(new Set(aggregates.map((a) => a.streamPrefix)).size).toBe(aggregates.length);
  });

  it('gives every event type of an aggregate to at least one projection', () => {
    for (const aggregate of aggregates) {
      const handled = new Set(aggregate.projections.flatMap((p) => p.canHandle));
      for (const type of aggregate.eventTypes) expect(handled.has(type), `${aggregate.name}: ${type}`).toBe(true);
    }
  });
});
