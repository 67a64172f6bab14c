import { appointmentAggregate } from '../appointment/aggregate.ts';
import { caseAggregate } from '../case/aggregate.ts';
import type { Aggregate } from '../decider.ts';
import { appointmentNotifier } from './appointment.ts';
import { caseNotifier } from './case.ts';
import type { Notifier } from './notifier.ts';

/** A kind of stream whose events may text someone: how to fold one to its state, and who a message goes to. */
export interface NotifyingStreams {
  streamPrefix: string;
  evolve(state: unknown, event: { type: string }): unknown;
  notifier: Notifier<{ type: string }, unknown>;
}

function notifying<E extends { type: string }, S>(aggregate: Aggregate<never, E, S | undefined, never>, notifier: Notifier<E, S>): NotifyingStreams {
  // The stream's own events are all it is ever folded with, so widening the event type is safe.
  const evolve = (state: unknown, event: { type: string }) => aggregate.evolve(state as S | undefined, event as E);
  return { streamPrefix: aggregate.streamPrefix, evolve, notifier: notifier };
}

/**
 * The streams with a notifier (the same pairs the projection registry attaches), for the SMS sender:
 * it needs only these, not every aggregate and projection the registry imports.
 */
export const notifyingStreams: readonly NotifyingStreams[] = [notifying(caseAggregate, caseNotifier), notifying(appointmentAggregate, appointmentNotifier)];

export const notifyingStreamsOf = (stream: string): NotifyingStreams | undefined => notifyingStreams.find((n) => stream.startsWith(n.streamPrefix));
