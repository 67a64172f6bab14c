import { allOf, type Aggregate } from '../decider.ts';
import { IllegalTransition, InvalidInput } from '../errors.ts';
import { eventMetaOf, type CommandMeta, type EventMeta } from '../meta.ts';
import type { LocalDate } from '../time.ts';
import { drawRoster, reassign, type DrawOptions, type RosterCarry, type RosterEntry } from './draw.ts';

/**
 * A day's video-check roster (视频督查排班): published once before opening, revised when directors are
 * reported absent (only their checks move), and the directors' checks recorded against it.
 */
/** The day's roster, published before opening (督查排班). */
export type RosterPublished = { type: 'RosterPublished'; data: { date: LocalDate; entries: RosterEntry[]; absent: string[]; carry: RosterCarry }; meta: EventMeta };
/** Directors reported absent: their checks were handed to others. */
export type RosterRevised = { type: 'RosterRevised'; data: { absent: string[]; entries: RosterEntry[]; moved: { from: string; to: string; windowId: string }[]; unassigned: RosterEntry[] }; meta: EventMeta };

export const videoCheckItems = ['atPost', 'punctual', 'uniformAndBadge', 'noPhone', 'noEating', 'noSleeping', 'noChatting', 'deskTidy', 'ratingDeviceInUse'] as const;
export type VideoCheckItem = (typeof videoCheckItems)[number];

/** A director's video check of a window (视频督查记录): each item passed or not. */
export type VideoCheckRecorded = {
  type: 'VideoCheckRecorded';
  data: { checkId: string; windowId: string; checkedAt: string; checkedDate: LocalDate; items: Record<VideoCheckItem, boolean> & { coverArranged?: boolean | undefined }; note: string | null; evidenceRef: string | null; offRoster: boolean; directorId: string };
  meta: EventMeta;
};

export type RosterEvent = RosterPublished | RosterRevised | VideoCheckRecorded;
export const rosterEventTypes = allOf<RosterEvent['type']>({ RosterPublished: true, RosterRevised: true, VideoCheckRecorded: true });

export interface RosterState {
  date: LocalDate;
  entries: RosterEntry[];
  absent: string[];
  carry: RosterCarry;
  checks: VideoCheckRecorded['data'][];
}

export function evolveRoster(state: RosterState | undefined, event: RosterEvent): RosterState {
  switch (event.type) {
    case 'RosterPublished':
      return { date: event.data.date, entries: event.data.entries, absent: event.data.absent, carry: event.data.carry, checks: [] };
    case 'RosterRevised':
      if (!state) throw new Error('RosterRevised before RosterPublished');
      return { ...state, entries: event.data.entries, absent: [...new Set([...state.absent, ...event.data.absent])] };
    case 'VideoCheckRecorded':
      if (!state) throw new Error('VideoCheckRecorded before RosterPublished');
      return { ...state, checks: [...state.checks, event.data] };
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled event ${(unhandled as RosterEvent).type}`);
    }
  }
}

/** Record a video check (记录视频督查). */
export type RecordVideoCheck = { type: 'RecordVideoCheck'; data: Omit<VideoCheckRecorded['data'], 'offRoster' | 'checkedDate'> & { checkedDate: LocalDate; mayCheckOffRoster: boolean }; meta: CommandMeta };

/** A check by the assigned director; an administrator may check off the roster (marked as such). */
function decideVideoCheck(command: RecordVideoCheck, state: RosterState | undefined): VideoCheckRecorded[] {
  if (!state) throw new IllegalTransition(`no roster was published for that day`);
  const d = command.data;
  if (d.checkedDate !== state.date) throw new InvalidInput('The check must be made on the roster’s day', [{ path: 'checkedAt', message: `the roster is for ${state.date}` }]);
  const onRoster = state.entries.some((e) => e.directorId === d.directorId && e.windowId === d.windowId);
  if (!onRoster && !d.mayCheckOffRoster) throw new IllegalTransition('not on your roster');
  if (onRoster && state.checks.some((c) => c.directorId === d.directorId && c.windowId === d.windowId && !c.offRoster)) throw new IllegalTransition('this roster check is already recorded');
  const { mayCheckOffRoster: _ignored, ...data } = d;
  return [{ type: 'VideoCheckRecorded', data: { ...data, offRoster: !onRoster }, meta: eventMetaOf(command.meta) }];
}

/** Publish a day's roster, or — once published — hand the checks of directors newly reported absent to others. */
export type PublishRoster = { type: 'PublishRoster'; data: { date: LocalDate; absent: string[] }; meta: CommandMeta };
export type RosterCommand = PublishRoster | RecordVideoCheck;

/** What drawing a roster needs: the draw's options but the day (the command names it); `previous` is read from the rosters' index. */
export type RosterContext = Omit<DrawOptions, 'date'>;

function decidePublish(command: PublishRoster, state: RosterState | undefined, context: RosterContext): RosterEvent[] {
  const meta = eventMetaOf(command.meta);
  const { date, absent } = command.data;
  if (!state) {
    const onDuty = context.directors.filter((d) => !absent.includes(d.id));
    const { entries, carry } = drawRoster({ ...context, date, directors: onDuty });
    return [{ type: 'RosterPublished', data: { date, entries, absent: [...absent], carry }, meta }];
  }
  const newlyAbsent = absent.filter((id) => !state.absent.includes(id));
  if (newlyAbsent.length === 0) return [];
  const onDuty = context.directors.filter((d) => !state.absent.includes(d.id));
  // A check the absent director already made stays theirs: only the checks still to do move.
  const done = (e: RosterEntry) => newlyAbsent.includes(e.directorId) && state.checks.some((c) => !c.offRoster && c.directorId === e.directorId && c.windowId === e.windowId);
  const moving = reassign(state.entries.filter((e) => !done(e)), newlyAbsent, onDuty, state.carry, context.mac, date);
  const entries = [...moving.entries, ...state.entries.filter(done)].sort((a, b) => a.at.localeCompare(b.at) || a.directorId.localeCompare(b.directorId));
  return [{ type: 'RosterRevised', data: { absent: newlyAbsent, entries, moved: moving.moved, unassigned: moving.unassigned }, meta }];
}

export const rosterAggregate: Aggregate<RosterCommand, RosterEvent, RosterState | undefined, RosterContext> = {
  name: 'roster',
  streamPrefix: 'roster#',
  eventTypes: rosterEventTypes,
  initialState: () => undefined,
  evolve: evolveRoster,
  decide: (command, state, context) => (command.type === 'PublishRoster' ? decidePublish(command, state, context) : decideVideoCheck(command, state)),
};
