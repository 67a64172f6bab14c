import { describe, expect, it } from 'vitest';
import { fold } from '../../../domain/decider.ts';
import { IllegalTransition, InvalidInput } from '../../../domain/errors.ts';
import { rosterAggregate, rosterEventTypes, type RosterCommand, type RosterContext, type RosterEvent, type RosterState, type VideoCheckItem } from '../../../domain/roster/aggregate.ts';
import { drawRoster, reassign, type Director, type RosterEntry } from '../../../domain/roster/draw.ts';
import { macOf } from '../../../functions/secret.ts';
import { at, meta } from '../../support/builders.ts';
import { specFor } from '../../support/given.ts';

const DAY = '2026-11-10';
const NEXT_DAY = '2026-11-11';
const mac = macOf('roster-spec');
const hall = { opens: '08:30', closes: '17:00' };
const directors: Director[] = ['W01', 'W02', 'W03', 'W04'].map((w) => ({ id: `dir-${w}`, name: `${w}主任`, windowId: w }));
const windows = ['W01', 'W02', 'W03', 'W04', 'W05'];
const context: RosterContext = { directors, windows, checksPerDirector: 2, hall, mac, previous: undefined };
const rosters = specFor(rosterAggregate, context);

const timer = { actor: { id: 'timer', role: 'system' as const }, windowId: null };
const publish = (absent: string[] = [], date = DAY): RosterCommand => ({ type: 'PublishRoster', data: { date, absent }, meta: meta(at(date, '07:30'), timer) });

const allPassed: Record<VideoCheckItem, boolean> = { atPost: true, punctual: true, uniformAndBadge: true, noPhone: true, noEating: true, noSleeping: true, noChatting: true, deskTidy: true, ratingDeviceInUse: true };
interface CheckOptions {
  date?: string;
  time?: string;
  admin?: boolean;
  items?: Record<VideoCheckItem, boolean> & { coverArranged?: boolean };
  note?: string | null;
  evidenceRef?: string | null;
}
const check = (directorId: string, windowId: string, options: CheckOptions = {}): RosterCommand => {
  const date = options.date ?? DAY;
  const checkedAt = at(date, options.time ?? '10:00');
  return {
    type: 'RecordVideoCheck',
    data: { checkId: `k-${directorId}-${windowId}-${checkedAt}`, windowId, checkedAt, checkedDate: date, items: options.items ?? allPassed, note: options.note ?? null, evidenceRef: options.evidenceRef ?? null, directorId, mayCheckOffRoster: options.admin ?? false },
    meta: meta(checkedAt, { actor: { id: directorId, role: options.admin ? 'admin' : 'director' }, windowId: null }),
  };
};

function stateAfter(commands: RosterCommand[], ctx: RosterContext = context): RosterState {
  const state = rosters.given(commands, ctx).state;
  if (!state) throw new Error('no roster');
  return state;
}
function entryOf(state: RosterState, directorId: string): RosterEntry {
  const entry = state.entries.find((e) => e.directorId === directorId);
  if (!entry) throw new Error(`${directorId} has no check`);
  return entry;
}

describe('publishing a day’s roster (督查排班)', () => {
  it('draws the checks of every director on duty and publishes them with what tomorrow continues from', () => {
    const drawn = drawRoster({ date: DAY, directors, windows, checksPerDirector: 2, hall, mac, previous: undefined });
    rosters
      .given([])
      .when(publish())
      .then((events, state) => {
        expect(events).toEqual([{ type: 'RosterPublished', data: { date: DAY, entries: drawn.entries, absent: [], carry: drawn.carry }, meta: { ...timer, siteId: 'S-CENTER', at: at(DAY, '07:30'), commandId: `cmd-${at(DAY, '07:30')}`, correlationId: 'corr-1' } }]);
        expect(state).toEqual({ date: DAY, entries: drawn.entries, absent: [], carry: drawn.carry, checks: [] });
      });
    expect(drawn.entries).toHaveLength(8);
    for (const d of directors) expect(drawn.entries.filter((e) => e.directorId === d.id)).toHaveLength(2);
    expect(drawn.entries.every((e) => e.windowId !== e.directorWindowId)).toBe(true);
  });

  it('leaves out directors reported absent before it was drawn', () => {
    const onDuty = directors.filter((d) => d.id !== 'dir-W02');
    const drawn = drawRoster({ date: DAY, directors: onDuty, windows, checksPerDirector: 2, hall, mac, previous: undefined });
    rosters
      .given([])
      .when(publish(['dir-W02']))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'RosterPublished', data: { date: DAY, absent: ['dir-W02'], entries: drawn.entries, carry: drawn.carry } }]);
        expect(state?.entries.some((e) => e.directorId === 'dir-W02')).toBe(false);
        expect(state?.entries).toHaveLength(6);
        expect(state?.absent).toEqual(['dir-W02']);
      });
  });

  it('continues from the previous roster’s carry', () => {
    const yesterday = stateAfter([publish()]);
    const withPrevious: RosterContext = { ...context, previous: yesterday.carry };
    const drawn = drawRoster({ date: NEXT_DAY, directors, windows, checksPerDirector: 2, hall, mac, previous: yesterday.carry });
    rosters
      .given([], withPrevious)
      .when(publish([], NEXT_DAY))
      .then([{ type: 'RosterPublished', data: { date: NEXT_DAY, entries: drawn.entries, carry: drawn.carry } }]);
    // Eight slots a day on a cycle of five windows: today starts where yesterday ended.
    expect(drawn.carry.cursor).toBe((yesterday.carry.cursor + 8) % windows.length);
    expect(drawn.carry.cycle).toEqual(yesterday.carry.cycle);
  });

  it('is taken once: publishing again with nobody newly absent changes nothing', () => {
    rosters.given([publish()]).when(publish()).then([]);
    rosters.given([publish(['dir-W02'])]).when(publish(['dir-W02'])).then([]);
    rosters.given([publish(), publish(['dir-W02'])]).when(publish(['dir-W02'])).then([]);
    // An absence cannot be taken back by leaving the director out.
    rosters.given([publish(['dir-W02'])]).when(publish([])).then([]);
  });
});

describe('revising a roster for absent directors', () => {
  it('moves only the newly absent director’s checks, to directors on duty', () => {
    const before = stateAfter([publish()]);
    const theirs = before.entries.filter((e) => e.directorId === 'dir-W02');
    const expected = reassign(before.entries, ['dir-W02'], directors, before.carry, mac, DAY);
    rosters
      .given([publish()])
      .when(publish(['dir-W02']))
      .then((events, state) => {
        expect(events).toEqual([{ type: 'RosterRevised', data: { absent: ['dir-W02'], entries: expected.entries, moved: expected.moved, unassigned: [] }, meta: { ...timer, siteId: 'S-CENTER', at: at(DAY, '07:30'), commandId: `cmd-${at(DAY, '07:30')}`, correlationId: 'corr-1' } }]);
        expect(expected.moved).toHaveLength(theirs.length);
        expect(expected.moved.map((m) => [m.from, m.windowId])).toEqual(theirs.map((e) => ['dir-W02', e.windowId]));
        expect(state).toMatchObject({ date: DAY, absent: ['dir-W02'], entries: expected.entries, carry: before.carry });
        expect(state?.entries.some((e) => e.directorId === 'dir-W02')).toBe(false);
        // Everyone else keeps their own checks, at their own times.
        for (const e of before.entries.filter((x) => x.directorId !== 'dir-W02')) expect(state?.entries).toContainEqual(e);
        // A moved check keeps its window and time, never lands on the new director’s own window nor twice on one window.
        for (const m of expected.moved) {
          const moved = state?.entries.find((e) => e.directorId === m.to && e.windowId === m.windowId);
          expect(moved?.at).toBe(theirs.find((e) => e.windowId === m.windowId)?.at);
          expect(moved?.directorWindowId).not.toBe(m.windowId);
          expect(state?.entries.filter((e) => e.directorId === m.to && e.windowId === m.windowId)).toHaveLength(1);
        }
      });
  });

  it('names only the newly absent, and never hands a check to a director absent earlier', () => {
    const before = stateAfter([publish(['dir-W02'])]);
    const onDuty = directors.filter((d) => d.id !== 'dir-W02');
    const expected = reassign(before.entries, ['dir-W03'], onDuty, before.carry, mac, DAY);
    rosters
      .given([publish(['dir-W02'])])
      .when(publish(['dir-W02', 'dir-W03']))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'RosterRevised', data: { absent: ['dir-W03'], entries: expected.entries, moved: expected.moved } }]);
        expect(expected.moved.length).toBeGreaterThan(0);
        expect(expected.moved.every((m) => m.to !== 'dir-W02' && m.to !== 'dir-W03')).toBe(true);
        expect(state?.absent).toEqual(['dir-W02', 'dir-W03']);
      });
  });

  it('lists the checks nobody on duty can take', () => {
    // Two directors checking each other’s window: when one is away, the other cannot check their own window.
    const pair: RosterContext = { ...context, directors: directors.slice(0, 2), windows: ['W01', 'W02'], checksPerDirector: 1 };
    const before = stateAfter([publish()], pair);
    const away = entryOf(before, 'dir-W02');
    expect(away.windowId).toBe('W01');
    rosters
      .given([publish()], pair)
      .when(publish(['dir-W02']))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'RosterRevised', data: { absent: ['dir-W02'], moved: [], unassigned: [away] } }]);
        expect(state?.entries).toEqual([entryOf(before, 'dir-W01')]);
      });
  });

  it('keeps the checks already recorded', () => {
    const before = stateAfter([publish()]);
    const mine = entryOf(before, 'dir-W01');
    rosters
      .given([publish(), check('dir-W01', mine.windowId)])
      .when(publish(['dir-W02']))
      .then((_, state) => expect(state?.checks).toMatchObject([{ directorId: 'dir-W01', windowId: mine.windowId, offRoster: false }]));
  });

  it('leaves a check the absent director already made with them: only the checks still to do move', () => {
    const before = stateAfter([publish()]);
    const [made, ...toDo] = before.entries.filter((e) => e.directorId === 'dir-W02');
    if (!made) throw new Error('dir-W02 has no check');
    rosters
      .given([publish(), check('dir-W02', made.windowId)])
      .when(publish(['dir-W02']))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'RosterRevised', data: { moved: toDo.map((e) => ({ from: 'dir-W02', windowId: e.windowId })) } }]);
        expect(state?.entries).toContainEqual(made);
        // Nobody is sent to check that window again.
        expect(state?.entries.filter((e) => e.windowId === made.windowId && e.at === made.at)).toEqual([made]);
      });
  });
});

describe('recording a video check (视频督查记录)', () => {
  const roster = stateAfter([publish()]);
  const slot = entryOf(roster, 'dir-W01');
  const otherSlot = roster.entries.find((e) => e.directorId === 'dir-W01' && e.windowId !== slot.windowId);
  const notMine = windows.find((w) => w !== 'W01' && !roster.entries.some((e) => e.directorId === 'dir-W01' && e.windowId === w));
  if (!otherSlot || !notMine) throw new Error('the drawn roster lacks the expected shape');

  it('records the assigned director’s check of a window on the roster, item by item', () => {
    const failed = { ...allPassed, noPhone: false, deskTidy: false };
    rosters
      .given([publish()])
      .when(check('dir-W01', slot.windowId, { items: failed, note: '玩手机', evidenceRef: 'video/2026-11-10/clip-1' }))
      .then((events, state) => {
        expect(events).toMatchObject([
          {
            type: 'VideoCheckRecorded',
            data: { checkId: `k-dir-W01-${slot.windowId}-${at(DAY, '10:00')}`, windowId: slot.windowId, checkedAt: at(DAY, '10:00'), checkedDate: DAY, items: failed, note: '玩手机', evidenceRef: 'video/2026-11-10/clip-1', offRoster: false, directorId: 'dir-W01' },
            meta: { actor: { id: 'dir-W01', role: 'director' }, at: at(DAY, '10:00') },
          },
        ]);
        expect(events[0]?.data).not.toHaveProperty('mayCheckOffRoster');
        expect(state?.checks).toEqual(events.map((e) => e.data));
        expect(state?.entries).toEqual(roster.entries);
      });
  });

  it('keeps whether cover was arranged for a post found empty', () => {
    const empty = { ...allPassed, atPost: false, coverArranged: true };
    rosters
      .given([publish()])
      .when(check('dir-W01', slot.windowId, { items: empty }))
      .then([{ type: 'VideoCheckRecorded', data: { items: { atPost: false, coverArranged: true } } }]);
  });

  it('records each slot once: a director’s second window is a check of its own, the same one again is refused', () => {
    const first = [publish(), check('dir-W01', slot.windowId)];
    rosters
      .given(first)
      .when(check('dir-W01', otherSlot.windowId, { time: '14:00' }))
      .then((_, state) => expect(state?.checks.map((c) => c.windowId)).toEqual([slot.windowId, otherSlot.windowId]));
    rosters.given(first).when(check('dir-W01', slot.windowId, { time: '11:00' })).thenThrows(IllegalTransition, /this roster check is already recorded/);
    // Being allowed off the roster does not make a roster slot checkable twice.
    rosters.given(first).when(check('dir-W01', slot.windowId, { time: '11:00', admin: true })).thenThrows(IllegalTransition, /already recorded/);
  });

  it('counts a check of a roster slot as on the roster even when its author may check off it', () => {
    rosters.given([publish()]).when(check('dir-W01', slot.windowId, { admin: true })).then([{ type: 'VideoCheckRecorded', data: { offRoster: false } }]);
  });

  it('does not count a check made off the roster as the roster’s check of that window', () => {
    // A director allowed off the roster checked window B before a revision gave them B’s slot.
    const stamp = (now: string) => ({ ...timer, siteId: null, at: now, commandId: `cmd-${now}`, correlationId: 'corr-1' });
    const history: RosterEvent[] = [
      { type: 'RosterPublished', data: { date: DAY, entries: [{ directorId: 'dir-a', directorWindowId: 'A', windowId: 'B', at: '15:00' }], absent: [], carry: { cycle: ['A', 'B'], cursor: 1, seen: {} } }, meta: stamp(at(DAY, '07:30')) },
      {
        type: 'VideoCheckRecorded',
        data: { checkId: 'k-early', windowId: 'B', checkedAt: at(DAY, '09:00'), checkedDate: DAY, items: allPassed, note: null, evidenceRef: null, offRoster: true, directorId: 'dir-a' },
        meta: stamp(at(DAY, '09:00')),
      },
    ];
    rosters
      .givenEvents(history)
      .when(check('dir-a', 'B', { time: '15:00' }))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'VideoCheckRecorded', data: { directorId: 'dir-a', windowId: 'B', offRoster: false } }]);
        expect(state?.checks.map((c) => c.offRoster)).toEqual([true, false]);
      });
  });

  it('takes checks off the roster only from someone allowed to, marked as such, each one its own record', () => {
    rosters.given([publish()]).when(check('dir-W01', notMine)).thenThrows(IllegalTransition, /not on your roster/);
    rosters.given([publish()]).when(check('admin-1', 'W03')).thenThrows(IllegalTransition, /not on your roster/);
    rosters
      .given([publish(), check('admin-1', 'W03', { admin: true })])
      .when(check('admin-1', 'W03', { admin: true, time: '15:00' }))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'VideoCheckRecorded', data: { directorId: 'admin-1', windowId: 'W03', offRoster: true } }]);
        expect(state?.checks.map((c) => [c.directorId, c.offRoster])).toEqual([
          ['admin-1', true],
          ['admin-1', true],
        ]);
      });
  });

  it('follows a revision: the absent director’s checks are no longer theirs, and the director they moved to records them', () => {
    const revised = stateAfter([publish(), publish(['dir-W02'])]);
    const away = entryOf(roster, 'dir-W02');
    const moved = revised.entries.find((e) => e.windowId === away.windowId && e.at === away.at);
    if (!moved) throw new Error('the check did not move');
    rosters.given([publish(), publish(['dir-W02'])]).when(check('dir-W02', away.windowId)).thenThrows(IllegalTransition, /not on your roster/);
    rosters.given([publish(), publish(['dir-W02'])]).when(check(moved.directorId, away.windowId)).then([{ type: 'VideoCheckRecorded', data: { directorId: moved.directorId, offRoster: false } }]);
  });

  it('is made on the roster’s day', () => {
    const error = rosters.given([publish()]).when(check('dir-W01', slot.windowId, { date: NEXT_DAY })).thenThrows(InvalidInput, /on the roster’s day/);
    expect(error).toHaveProperty('errors', [{ path: 'checkedAt', message: `the roster is for ${DAY}` }]);
  });

  it('needs a published roster, even off it', () => {
    rosters.given([]).when(check('dir-W01', 'W02')).thenThrows(IllegalTransition, /no roster was published for that day/);
    rosters.given([]).when(check('admin-1', 'W02', { admin: true })).thenThrows(IllegalTransition, /no roster was published/);
  });
});

describe('a roster’s stream', () => {
  it('declares every event type it produces', () => {
    const history = rosters.run([publish(), publish(['dir-W02']), check('admin-1', 'W03', { admin: true })]);
    expect(history.map((e) => e.type)).toEqual(['RosterPublished', 'RosterRevised', 'VideoCheckRecorded']);
    expect(history.every((e) => rosterEventTypes.includes(e.type))).toBe(true);
    expect(rosterAggregate.streamPrefix).toBe('roster#');
  });

  it('cannot be replayed from a revision or a check before its publication', () => {
    const [published, revised, checked] = rosters.run([publish(), publish(['dir-W02']), check('admin-1', 'W03', { admin: true })]);
    const strays: (RosterEvent | undefined)[] = [revised, checked];
    expect(published?.type).toBe('RosterPublished');
    for (const stray of strays) {
      if (!stray) throw new Error('missing event');
      expect(() => fold(rosterAggregate, [stray])).toThrow(new RegExp(`${stray.type} before RosterPublished`));
    }
  });
});
