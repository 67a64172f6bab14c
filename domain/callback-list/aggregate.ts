import { allOf, type Aggregate } from '../decider.ts';
import { IllegalTransition } from '../errors.ts';
import { eventMetaOf, type CommandMeta, type EventMeta } from '../meta.ts';
import type { LocalDate } from '../time.ts';
import type { CallbackListEntry } from './assemble.ts';

/** A day's callback list (回访名单), published once; the record auditors and the staff work from. */
export type CallbackListPublished = {
  type: 'CallbackListPublished';
  data: {
    date: LocalDate;
    /** Completion dates this list sampled from. */
    coveredFrom: LocalDate;
    coveredThrough: LocalDate;
    ratio: number;
    staff: string[];
    entries: CallbackListEntry[];
    /** Completed cases considered, and how many the hash sampled. */
    considered: number;
    sampled: number;
    skipped: { noPhone: number; optedOut: number };
  };
  meta: EventMeta;
};

export type CallbackListEvent = CallbackListPublished;
export const callbackListEventTypes = allOf<CallbackListEvent['type']>({ CallbackListPublished: true });

export interface CallbackListState {
  date: LocalDate;
  published: CallbackListPublished['data'];
}

export function evolveCallbackList(_state: CallbackListState | undefined, event: CallbackListEvent): CallbackListState {
  return { date: event.data.date, published: event.data };
}


/** Publish a day's callback list (发布回访名单). */
export type PublishCallbackList = { type: 'PublishCallbackList'; data: CallbackListPublished['data']; meta: CommandMeta };

/** A day has one list: publishing it again is refused (the route answers with the list already published). */
export function decidePublish(command: PublishCallbackList, state: CallbackListState | undefined): CallbackListPublished[] {
  if (state) throw new IllegalTransition(`the callback list of ${state.date} is already published`);
  return [{ type: 'CallbackListPublished', data: command.data, meta: eventMetaOf(command.meta) }];
}

/** A day's callback list: published once, a stream a day. */
export const callbackListAggregate: Aggregate<PublishCallbackList, CallbackListEvent, CallbackListState | undefined> = {
  name: 'callback-list',
  streamPrefix: 'callbacks#',
  eventTypes: callbackListEventTypes,
  initialState: () => undefined,
  evolve: evolveCallbackList,
  decide: (command, state) => decidePublish(command, state),
};
