import type { CallbackListEvent, CallbackListState } from '../callback-list/aggregate.ts';
import { documentProjection } from './projection.ts';
import { callbackListPartition } from './callback-attempts.ts';

/** A published callback list, whole (with phone numbers: the one view allowed to hold them), and an index of lists by date. */
export const callbackListView = documentProjection<CallbackListEvent, CallbackListState, CallbackListState['published']>({
  name: 'callback-list',
  canHandle: ['CallbackListPublished'],
  keys: ({ after }) => [{ pk: callbackListPartition(after.date), sk: 'list' }],
  evolve: ({ after }) => after.published,
});

/** The index of published lists by date. */
export const callbackListsPartition = 'callback-lists';

export const callbackListIndex = documentProjection<CallbackListEvent, CallbackListState, { date: string; coveredThrough: string; entries: number }>({
  name: 'callback-list-index',
  canHandle: ['CallbackListPublished'],
  keys: ({ after }) => [{ pk: callbackListsPartition, sk: after.date }],
  evolve: ({ after }) => ({ date: after.date, coveredThrough: after.published.coveredThrough, entries: after.published.entries.length }),
});
