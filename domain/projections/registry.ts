import type { CaseEvent } from '../case/events.ts';
import { evolve as evolveCase, type CaseState } from '../case/state.ts';
import { applicantView } from '../case/view.ts';
import { caseStatistics } from './case-statistics.ts';
import type { Projection } from './projection.ts';
import { windowQueue } from './window-queue.ts';

/** An event-sourced aggregate whose streams the projector follows, with the projections it feeds. */
export interface AggregateProjections<E extends { type: string }, S> {
  name: string;
  /** Streams of this aggregate start with this prefix (`case#…`). */
  streamPrefix: string;
  evolve(state: S | undefined, event: E): S;
  /** What of the state may be kept in the views (personal data masked); projections still see the whole event. */
  redact(state: S): S;
  projections: readonly Projection<E, S>[];
}

// The registry: adding a projection is its file plus one entry in a list below.
const caseAggregate: AggregateProjections<CaseEvent, CaseState> = {
  name: 'case',
  streamPrefix: 'case#',
  evolve: evolveCase,
  redact: (state) => ({ ...state, applicant: applicantView(state.applicant, { revealPhone: false }) }),
  projections: [windowQueue, caseStatistics],
};

export const aggregates: readonly AggregateProjections<{ type: string }, unknown>[] = [caseAggregate];

export function aggregateOf(stream: string): AggregateProjections<{ type: string }, unknown> | undefined {
  return aggregates.find((a) => stream.startsWith(a.streamPrefix));
}
