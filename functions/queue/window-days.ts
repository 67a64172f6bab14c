import { streamOf } from '../../domain/decider.ts';
import type { LocalDate } from '../../domain/time.ts';
import { windowDayAggregate, windowDayId } from '../../domain/window-day/aggregate.ts';
import { readState } from '../commands/handle.ts';
import type { Runtime } from '../runtime.ts';
import { recordServingOnLine } from './waiting-line.ts';

/** A window's categories as last changed for the day (undefined when unchanged), and its day stream's version. */
async function dayCategories(rt: Runtime, date: LocalDate, windowId: string): Promise<{ categories: string[] | undefined; version: number }> {
  const { state, version } = await readState(rt.events, windowDayAggregate, streamOf(windowDayAggregate, windowDayId(date, windowId)));
  return { categories: state.categories, version };
}

/** The categories a window serves today: the county file's, unless changed for the day. Cached briefly per process. */
const categoriesCache = new Map<string, { at: number; categories: string[] }>();
export async function windowCategories(rt: Runtime, windowId: string, date: LocalDate): Promise<string[]> {
  const key = windowDayId(date, windowId);
  const cached = categoriesCache.get(key);
  if (cached && Date.now() - cached.at < 5_000) return cached.categories;
  const categories = (await dayCategories(rt, date, windowId)).categories ?? rt.county.county.queue.categories.filter((c) => c.windowIds.includes(windowId)).map((c) => c.code);
  categoriesCache.set(key, { at: Date.now(), categories });
  return categories;
}

/**
 * After a window's categories changed for the day: forgets this process's cached copy, and records
 * on every category's line whether the window serves it now (the slips' waiting estimates count the
 * windows serving), from the window's day stream — its latest change wins.
 */
export async function windowCategoriesChanged(rt: Runtime, date: LocalDate, windowId: string): Promise<void> {
  categoriesCache.delete(windowDayId(date, windowId));
  const { categories, version } = await dayCategories(rt, date, windowId);
  if (categories === undefined) return;
  await Promise.all(rt.county.county.queue.categories.map(({ code }) => recordServingOnLine(rt, date, code, windowId, version, categories.includes(code))));
}
