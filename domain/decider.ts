/**
 * The one shape of every aggregate (emmett's decider): what it is before its first event, how an
 * event changes it, and what a command means given what it is. Pure: time arrives in the command's
 * metadata, and whatever else deciding needs (the catalogue, the calendar) in its context.
 */
export interface Decider<Command, Event extends { type: string }, State, Context = undefined> {
  initialState(): State;
  evolve(state: State, event: Event): State;
  decide(command: Command, state: State, context: Context): Event[];
}

/** An aggregate: its decider, the streams it lives in, and every event type they may hold. */
export interface Aggregate<Command, Event extends { type: string }, State, Context = undefined> extends Decider<Command, Event, State, Context> {
  name: string;
  /** Every stream of the aggregate starts with this (`case#`, `ticket#` …), and no other stream does. */
  streamPrefix: string;
  eventTypes: readonly Event['type'][];
}

/** The stream of one instance of an aggregate. */
export const streamOf = (aggregate: Pick<Aggregate<unknown, { type: string }, unknown, unknown>, 'streamPrefix'>, id: string): string => `${aggregate.streamPrefix}${id}`;

/** The state after `events`, from the initial one. */
export function fold<E extends { type: string }, S>(decider: Pick<Decider<unknown, E, S, unknown>, 'initialState' | 'evolve'>, events: readonly E[]): S {
  return events.reduce((state, event) => decider.evolve(state, event), decider.initialState());
}

/**
 * Every member of a string union, as a list the compiler keeps complete: a member left out, or one
 * the union lacks, does not compile (`allOf<CaseEvent['type']>({ CaseSubmitted: true, … })`).
 */
export function allOf<T extends string>(members: Record<T, true>): readonly T[] {
  return Object.keys(members) as T[];
}

/**
 * An aggregate from its streams (how they fold) and its deciding: called with esbuild's pure-call
 * annotation, a bundle that only folds the streams (the projector's) leaves the deciding out.
 */
export function aggregateOf<Command, Event extends { type: string }, State, Context = undefined>(
  streams: Pick<Aggregate<Command, Event, State, Context>, 'name' | 'streamPrefix' | 'eventTypes' | 'evolve'>,
  deciding: Pick<Aggregate<Command, Event, State, Context>, 'initialState' | 'decide'>,
): Aggregate<Command, Event, State, Context> {
  return { ...streams, ...deciding };
}
