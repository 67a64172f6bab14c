import { allOf, type Aggregate } from '../decider.ts';
import { eventMetaOf, type CommandMeta, type EventMeta } from '../meta.ts';
import type { LocalDate } from '../time.ts';

/** A window takes on other categories for one day, or gives some up (窗口当日业务调整). */
export type WindowCategoriesSet = { type: 'WindowCategoriesSet'; data: { windowId: string; date: LocalDate; categories: string[] }; meta: EventMeta };
export type WindowDayEvent = WindowCategoriesSet;
export const windowDayEventTypes = allOf<WindowDayEvent['type']>({ WindowCategoriesSet: true });

/** Set the categories a window serves today (调整窗口当日业务). */
export type SetWindowCategories = { type: 'SetWindowCategories'; data: WindowCategoriesSet['data']; meta: CommandMeta };

/** A window's day: the categories it serves, when changed from the county file's (the latest change wins). */
export interface WindowDayState {
  categories: string[] | undefined;
}

export const windowDayAggregate: Aggregate<SetWindowCategories, WindowDayEvent, WindowDayState> = {
  name: 'window-day',
  streamPrefix: 'window-day#',
  eventTypes: windowDayEventTypes,
  initialState: () => ({ categories: undefined }),
  evolve: (_state, event) => ({ categories: event.data.categories }),
  decide: (command) => [{ type: 'WindowCategoriesSet', data: { ...command.data, categories: [...new Set(command.data.categories)] }, meta: eventMetaOf(command.meta) }],
};

/** A window's day stream id. */
export const windowDayId = (date: LocalDate, windowId: string) => `${date}#${windowId}`;
