import { allOf, type Aggregate } from '../decider.ts';
import { IllegalTransition } from '../errors.ts';
import { eventMetaOf, type CommandMeta, type EventMeta } from '../meta.ts';
import type { LocalDate } from '../time.ts';

/** Half a working day, or the whole day, of leave. */
export const leaveParts = ['day', 'morning', 'afternoon'] as const;
export type LeavePart = (typeof leaveParts)[number];

/** A window worker signed in at a window's terminal (签到). `time` is county-local `HH:MM`. */
export type ClerkSignedIn = { type: 'ClerkSignedIn'; data: { staffId: string; windowId: string; date: LocalDate; time: string }; meta: EventMeta };
/** A window worker signed out (签退); `missedSignIn` when they had not signed in (漏签到). */
export type ClerkSignedOut = { type: 'ClerkSignedOut'; data: { staffId: string; windowId: string; date: LocalDate; time: string; missedSignIn: boolean }; meta: EventMeta };
/** Leave approved for a worker's day or half day (请假), recorded by their window's director or an administrator. */
export type LeaveRecorded = { type: 'LeaveRecorded'; data: { staffId: string; date: LocalDate; part: LeavePart; reason: string; recordedBy: string }; meta: EventMeta };

export type AttendanceEvent = ClerkSignedIn | ClerkSignedOut | LeaveRecorded;
export const attendanceEventTypes = allOf<AttendanceEvent['type']>({ ClerkSignedIn: true, ClerkSignedOut: true, LeaveRecorded: true });

/** Sign in at the terminal (签到). */
export type SignIn = { type: 'SignIn'; data: ClerkSignedIn['data']; meta: CommandMeta };
/** Sign out at the terminal (签退). */
export type SignOut = { type: 'SignOut'; data: Omit<ClerkSignedOut['data'], 'missedSignIn'>; meta: CommandMeta };
/** Record a worker's leave (登记请假). */
export type RecordLeave = { type: 'RecordLeave'; data: LeaveRecorded['data']; meta: CommandMeta };
export type AttendanceCommand = SignIn | SignOut | RecordLeave;

/** One sign-in or sign-out, with its event's version in the worker's day stream. */
export interface AttendanceRecord {
  kind: 'in' | 'out';
  windowId: string;
  time: string;
  v: number;
  missedSignIn?: boolean;
}

/** A worker's day (考勤): the sign-ins and sign-outs in order, the leave, and the window they are signed in at now. */
export interface AttendanceState {
  staffId: string | null;
  date: LocalDate | null;
  version: number;
  records: AttendanceRecord[];
  leave: { part: LeavePart; reason: string; v: number }[];
  onDutyAt: string | null;
}

const covers = (leave: readonly { part: LeavePart }[], part: LeavePart) => leave.some((l) => l.part === 'day' || part === 'day' || l.part === part);

export const attendanceAggregate: Aggregate<AttendanceCommand, AttendanceEvent, AttendanceState> = {
  name: 'attendance',
  streamPrefix: 'attendance#',
  eventTypes: attendanceEventTypes,
  initialState: () => ({ staffId: null, date: null, version: 0, records: [], leave: [], onDutyAt: null }),
  // The projector folds from nothing (undefined) as well as from the initial state.
  evolve: (state = { staffId: null, date: null, version: 0, records: [], leave: [], onDutyAt: null }, event) => {
    const v = state.version + 1;
    const base = { ...state, staffId: event.data.staffId, date: event.data.date, version: v };
    switch (event.type) {
      case 'ClerkSignedIn':
        return { ...base, records: [...state.records, { kind: 'in', windowId: event.data.windowId, time: event.data.time, v }], onDutyAt: event.data.windowId };
      case 'ClerkSignedOut':
        return { ...base, records: [...state.records, { kind: 'out', windowId: event.data.windowId, time: event.data.time, v, ...(event.data.missedSignIn ? { missedSignIn: true } : {}) }], onDutyAt: null };
      case 'LeaveRecorded':
        return { ...base, leave: [...state.leave, { part: event.data.part, reason: event.data.reason, v }] };
      default: {
        const unhandled: never = event;
        return unhandled;
      }
    }
  },
  decide: (command, state) => {
    const meta = eventMetaOf(command.meta);
    switch (command.type) {
      case 'SignIn':
        if (state.onDutyAt !== null) {
          const since = state.records.at(-1)!.time;
          throw new IllegalTransition(`already signed in at window ${state.onDutyAt} since ${since}: sign out first`);
        }
        return [{ type: 'ClerkSignedIn', data: command.data, meta }];
      case 'SignOut':
        if (state.onDutyAt !== null && state.onDutyAt !== command.data.windowId) throw new IllegalTransition(`signed in at window ${state.onDutyAt}: sign out there`);
        // Signing out without having signed in is recorded: the day's missed sign-in (漏签到) costs points, the hours do not go unrecorded.
        return [{ type: 'ClerkSignedOut', data: { ...command.data, missedSignIn: state.onDutyAt === null }, meta }];
      case 'RecordLeave':
        if (covers(state.leave, command.data.part)) throw new IllegalTransition(`leave is already recorded for ${command.data.date} (${state.leave.map((l) => l.part).join(', ')})`);
        return [{ type: 'LeaveRecorded', data: command.data, meta }];
      default: {
        const unhandled: never = command;
        return unhandled;
      }
    }
  },
};

/** A worker's day stream id. */
export const attendanceId = (date: LocalDate, staffId: string) => `${date}#${staffId}`;
