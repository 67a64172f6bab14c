import * as z from 'zod/mini';
import { attendanceAggregate, attendanceId, leaveParts, type AttendanceCommand, type AttendanceState } from '../../domain/attendance/aggregate.ts';
import { attendanceFindings, attendanceKinds, type AttendanceRules } from '../../domain/attendance/findings.ts';
import type { Staff } from '../../domain/county.ts';
import { streamOf } from '../../domain/decider.ts';
import { InvalidInput, NotFound } from '../../domain/errors.ts';
import { attendancePartition, attendanceView } from '../../domain/projections/assessment.ts';
import { addDays, localTimeOf, type LocalDate } from '../../domain/time.ts';
import { assertPlace, Forbidden, type Caller } from '../auth/access.ts';
import { readState } from '../commands/handle.ts';
import { commandReply } from '../http/command-reply.ts';
import { commandMeta } from '../http/request-meta.ts';
import { defineRoute, type Request } from '../http/route.ts';
import { EmptyBody, Id, LocalDateString, Month, named, Text, WindowParams } from '../http/schemas.ts';
import { recordStaffedOnLine } from '../queue/waiting-line.ts';
import { todayAt, type Runtime } from '../runtime.ts';

/** Sign-in at the terminal (签到签退), leave (请假) and a worker's month of days: what the staff scores count. */

const ENTRY = 'assessment';

export const AttendanceDay = named('AttendanceDay', z.object({
  staffId: z.string(),
  date: LocalDateString,
  onDutyAt: z.nullable(z.string()),
  records: z.array(z.object({ kind: z.enum(['in', 'out']), windowId: z.string(), time: z.string(), v: z.int(), missedSignIn: z.optional(z.boolean()) })),
  leave: z.array(z.object({ part: z.enum(leaveParts), reason: z.string(), v: z.int() })),
}));

const dayBody = (state: AttendanceState, staffId: string, date: LocalDate) => ({ staffId, date, onDutyAt: state.onDutyAt, records: state.records, leave: state.leave });

/** The hall's hours and the county's attendance rules, as the findings take them. */
export const attendanceRules = (rt: Runtime): AttendanceRules => ({ ...rt.county.county.supervision.hall, ...rt.county.county.assessment.attendance });

/** The window a director leads: their token's, or the county file's. */
export const directorWindow = (rt: Runtime, caller: Caller): string | null => caller.windowId ?? rt.county.county.supervision.directors.find((d) => d.id === caller.actor.id)?.windowId ?? null;

/** A worker of the county file, or 404. */
export function staffMember(rt: Runtime, staffId: string): Staff {
  const person = rt.county.county.staff.find((p) => p.id === staffId);
  if (!person) throw new NotFound(`no window worker ${staffId} in the county's staff file`);
  return person;
}

/** A worker sees their own days and score; a window director their window's workers; an administrator everyone's. */
export function mayRead(rt: Runtime, caller: Caller, person: Staff): boolean {
  const role = caller.actor.role;
  return role === 'admin' || (role === 'director' && directorWindow(rt, caller) === person.windowId) || (role === 'clerk' && caller.actor.id === person.id);
}

export function assertMayRead(rt: Runtime, caller: Caller, person: Staff): void {
  if (!mayRead(rt, caller, person)) throw new Forbidden(caller.actor.role === 'clerk' ? 'a worker sees only their own attendance and score' : `worker ${person.id} is not at your window`);
}

/**
 * A window's staffing changed: on every category's line of the day, whether this worker is signed in
 * at the window now (the waiting estimates count the windows actually staffed), from their day stream.
 */
async function staffingChanged(rt: Runtime, date: LocalDate, windowId: string, staffId: string): Promise<void> {
  const { state, version } = await readState(rt.events, attendanceAggregate, streamOf(attendanceAggregate, attendanceId(date, staffId)));
  const categories = rt.county.county.queue.categories.filter((c) => c.windowIds.includes(windowId));
  await Promise.all(categories.map(({ code }) => recordStaffedOnLine(rt, date, code, windowId, staffId, version, state.onDutyAt === windowId)));
}

function terminalStep(kind: 'sign-in' | 'sign-out') {
  return defineRoute({
    method: 'POST',
    path: `/windows/{id}/${kind}`,
    entry: ENTRY,
    operationId: kind === 'sign-in' ? 'signIn' : 'signOut',
    summary: kind === 'sign-in' ? 'Sign in at the window’s terminal (签到)' : 'Sign out at the window’s terminal (签退); without a sign-in, the missed sign-in is recorded',
    params: WindowParams,
    body: EmptyBody,
    response: { status: 200, schema: AttendanceDay },
    command: true,
    access: ['clerk'],
    handle: async (request, rt) => {
      const windowId = request.params.id;
      const window = rt.county.window(windowId);
      if (!window) throw new NotFound(`no window ${windowId}`);
      assertPlace(request.caller, { windowId, siteIds: [window.siteId] }, `window ${windowId}`);
      const staffId = request.caller.actor.id;
      if (!rt.county.county.staff.some((p) => p.id === staffId)) throw new Forbidden(`${staffId} is not in the county's staff file: an administrator adds window workers there`);
      const date = todayAt(rt, request.now);
      const time = localTimeOf(request.now, rt.county.county.timeZone);
      const data = { staffId, windowId, date, time };
      const reply = await commandReply(
        rt,
        request,
        {
          aggregate: attendanceAggregate,
          id: attendanceId(date, staffId),
          command: (): AttendanceCommand => (kind === 'sign-in' ? { type: 'SignIn', data, meta: commandMeta(request, { windowId, siteId: window.siteId }) } : { type: 'SignOut', data, meta: commandMeta(request, { windowId, siteId: window.siteId }) }),
          context: undefined,
        },
        (result) => ({ body: dayBody(result.state, staffId, date) }),
      );
      // Also after a replay: a terminal resending a sign-in whose answer it lost completes the lines too.
      await staffingChanged(rt, date, windowId, staffId);
      return reply;
    },
  });
}

const StaffParams = z.strictObject({ id: Id });

export const attendanceRoutes = [
  terminalStep('sign-in'),
  terminalStep('sign-out'),
  defineRoute({
    method: 'POST',
    path: '/staff/{id}/leave',
    entry: ENTRY,
    operationId: 'recordLeave',
    summary: 'Record a worker’s approved leave for a day or half day (请假): that time is not counted absent',
    params: StaffParams,
    body: z.strictObject({ date: LocalDateString, part: z.enum(leaveParts), reason: Text(200) }),
    response: { status: 201, schema: AttendanceDay },
    command: true,
    access: ['director', 'admin'],
    handle: (request, rt) => {
      const person = staffMember(rt, request.params.id);
      assertMayRead(rt, request.caller, person);
      const { date, part, reason } = request.body;
      const today = todayAt(rt, request.now);
      if (date < addDays(today, -62) || date > addDays(today, 62)) throw new InvalidInput('Leave is recorded within two months of today', [{ path: 'date', message: `between ${addDays(today, -62)} and ${addDays(today, 62)}` }]);
      return commandReply(
        rt,
        request,
        {
          aggregate: attendanceAggregate,
          id: attendanceId(date, person.id),
          command: (): AttendanceCommand => ({ type: 'RecordLeave', data: { staffId: person.id, date, part, reason, recordedBy: request.caller.actor.id }, meta: commandMeta(request) }),
          context: undefined,
        },
        (result) => ({ status: 201, body: dayBody(result.state, person.id, date) }),
      );
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/staff/{id}/attendance/{month}',
    entry: ENTRY,
    operationId: 'getAttendance',
    summary: 'A worker’s days at the terminal in a month, and the days the hall kept attendance without them, with what each counted day cost',
    params: z.strictObject({ id: Id, month: Month }),
    response: {
      status: 200,
      schema: named('AttendanceMonth', z.object({
        staffId: z.string(),
        name: z.string(),
        windowId: z.string(),
        month: Month,
        /** `counted`: a working day over on which the hall kept attendance (the staff sheet counts it); a day without records there is absent. */
        days: z.array(z.object({ ...AttendanceDay.shape, counted: z.boolean(), findings: z.array(z.object({ kind: z.enum(attendanceKinds), detail: z.string(), v: z.int() })) })),
      })),
    },
    access: ['clerk', 'director', 'admin'],
    handle: async (request: Request<{ id: string; month: string }>, rt: Runtime) => {
      const person = staffMember(rt, request.params.id);
      assertMayRead(rt, request.caller, person);
      const today = todayAt(rt, request.now);
      const [docs, calendar] = await Promise.all([rt.views.docs(attendanceView, attendancePartition(request.params.month)), rt.calendars.calendar()]);
      const rules = attendanceRules(rt);
      // The days the staff sheet counts: working days over, on which anyone signed in; the worker's other days are shown, not counted.
      const counted = new Set(docs.filter(({ doc }) => doc.records.length > 0).map(({ doc }) => doc.date!).filter((d) => d < today && calendar.isWorkingDay(d)));
      const mine = new Map(docs.filter(({ doc }) => doc.staffId === person.id).map(({ doc }) => [doc.date!, doc]));
      const days = [...new Set([...counted, ...mine.keys()])].sort().map((date) => {
        const doc = mine.get(date) ?? attendanceAggregate.initialState();
        return { ...dayBody(doc, person.id, date), counted: counted.has(date), findings: counted.has(date) ? attendanceFindings(doc, rules) : [] };
      });
      return { body: { staffId: person.id, name: person.name, windowId: person.windowId, month: request.params.month, days } };
    },
  }),
];
