import { rosterIndex, rostersPartition } from '../../domain/projections/supervision.ts';
import { streamOf } from '../../domain/decider.ts';
import { NotFound } from '../../domain/errors.ts';
import type { CommandMeta } from '../../domain/meta.ts';
import { rosterAggregate, type RosterCommand, type RosterContext, type RosterState } from '../../domain/roster/aggregate.ts';
import { addDays, type LocalDate } from '../../domain/time.ts';
import { handleCommand, readState } from '../commands/handle.ts';
import type { Runtime } from '../runtime.ts';
import { countyMac } from '../secret.ts';

/** The windows the hall's video system covers: those at the county center. */
export const checkedWindows = (rt: Runtime) => rt.county.county.windows.filter((w) => w.siteId === rt.county.centerSite.id);

/** A day's roster, from its stream (consistent), or undefined before it is published. */
export async function rosterOf(rt: Runtime, date: LocalDate): Promise<RosterState | undefined> {
  return (await readState(rt.events, rosterAggregate, streamOf(rosterAggregate, date))).state;
}

/** What drawing a day's roster needs: the county's directors and settings, the last roster's carry before the day, the keyed draw. */
export async function rosterContext(rt: Runtime, date: LocalDate): Promise<RosterContext> {
  const settings = rt.county.county.supervision;
  // The last roster before this day (one item, not the whole index) and the keyed draw.
  const [index, mac] = await Promise.all([rt.views.docs(rosterIndex, rostersPartition, { from: '0000-00-00', to: addDays(date, -1), newest: 1 }), countyMac()]);
  return { directors: settings.directors, windows: checkedWindows(rt).map((w) => w.id), checksPerDirector: settings.checksPerDirector, hall: settings.hall, mac, previous: index[0]?.doc.carry };
}

export type PublishStatus = 'published' | 'revised' | 'unchanged';

/**
 * Publishes a day's roster once; called again with absent directors, it hands only their checks to
 * others (a revision, on the same stream: nothing is rewritten silently).
 */
export async function publishRoster(rt: Runtime, date: LocalDate, absent: readonly string[], meta: CommandMeta): Promise<{ status: PublishStatus; roster: RosterState }> {
  const unknown = absent.filter((id) => !rt.county.county.supervision.directors.some((d) => d.id === id));
  if (unknown.length > 0) throw new NotFound(`no director ${unknown.join(', ')}`);
  const outcome = await handleCommand(
    rt.events,
    { aggregate: rosterAggregate, id: date, command: (): RosterCommand => ({ type: 'PublishRoster', data: { date, absent: [...absent] }, meta }), context: await rosterContext(rt, date) },
    (result): { status: PublishStatus; roster: RosterState } => ({ status: result.events[0]?.type === 'RosterPublished' ? 'published' : result.events.length > 0 ? 'revised' : 'unchanged', roster: result.state! }),
  );
  return outcome.answer;
}
