import * as z from 'zod/mini';
import { NotFound } from '../../domain/errors.ts';
import { rosterAggregate, type RosterCommand, type RosterState } from '../../domain/roster/aggregate.ts';
import { Forbidden } from '../auth/access.ts';
import { commandReply } from '../http/command-reply.ts';
import { commandMeta } from '../http/request-meta.ts';
import { defineRoute } from '../http/route.ts';
import { DateParams, Id, LocalDateString, named, Text } from '../http/schemas.ts';
import { ulid } from '../ids.ts';
import { todayAt, type Runtime } from '../runtime.ts';
import { publishRoster, rosterContext, rosterOf } from './rosters.ts';

/** Video checks (视频督查): the directors, each day's roster, and the checks recorded against it. */

const RosterEntryView = z.object({ directorId: z.string(), directorWindowId: z.string(), windowId: z.string(), at: z.string(), status: z.enum(['checked', 'missed', 'due', 'upcoming']), checkId: z.nullable(z.string()) });
const RosterView = named('Roster', z.object({
  date: LocalDateString,
  absent: z.array(z.string()),
  entries: z.array(RosterEntryView),
  offRoster: z.array(z.object({ windowId: z.string(), directorId: z.string(), checkedAt: z.string(), checkId: z.string() })),
}));
const PublishedRoster = named('PublishedRoster', z.extend(RosterView, { status: z.enum(['published', 'revised', 'unchanged']) }));
const DirectorView = named('Director', z.object({ id: z.string(), name: z.string(), windowId: z.string() }));
const VideoCheckBody = z.strictObject({
  rosterDate: LocalDateString,
  windowId: Id,
  checkedAt: z.iso.datetime({ offset: true }),
  items: z.strictObject({
    atPost: z.boolean(),
    coverArranged: z.optional(z.boolean()),
    punctual: z.boolean(),
    uniformAndBadge: z.boolean(),
    noPhone: z.boolean(),
    noEating: z.boolean(),
    noSleeping: z.boolean(),
    noChatting: z.boolean(),
    deskTidy: z.boolean(),
    ratingDeviceInUse: z.boolean(),
  }),
  note: z.optional(Text(1000)),
  evidenceRef: z.optional(Text(200)),
});
const VideoCheckView = named('VideoCheck', z.object({ checkId: z.string(), windowId: z.string(), checkedAt: z.string(), checkedDate: LocalDateString, offRoster: z.boolean(), directorId: z.string(), items: z.record(z.string(), z.boolean()), note: z.nullable(z.string()), evidenceRef: z.nullable(z.string()) }));

/** A roster as people read it: each check's status against the clock (a check not recorded by the end of its day is missed). */
function rosterBody(rt: Runtime, roster: RosterState, now: string, director?: string) {
  const day = todayAt(rt, now);
  const time = day === roster.date ? new Intl.DateTimeFormat('en-GB', { timeZone: rt.county.county.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.parse(now)) : undefined;
  const entries = roster.entries
    .filter((e) => director === undefined || e.directorId === director)
    .map((e) => {
      const check = roster.checks.find((c) => c.directorId === e.directorId && c.windowId === e.windowId && !c.offRoster);
      const status = check ? ('checked' as const) : roster.date < day ? ('missed' as const) : time !== undefined && time >= e.at ? ('due' as const) : ('upcoming' as const);
      return { ...e, status, checkId: check?.checkId ?? null };
    });
  return { date: roster.date, absent: roster.absent, entries, offRoster: roster.checks.filter((c) => c.offRoster).map((c) => ({ windowId: c.windowId, directorId: c.directorId, checkedAt: c.checkedAt, checkId: c.checkId })) };
}

const SUPERVISORS = ['director', 'admin'] as const;
const ENTRY = 'supervision' as const;

export const rosterRoutes = [
  defineRoute({
    method: 'GET',
    path: '/directors',
    entry: ENTRY,
    operationId: 'listDirectors',
    summary: 'Window directors and their windows',
    response: { status: 200, schema: z.array(DirectorView) },
    access: ['clerk', 'director', 'callback', 'admin'],
    handle: (_request, rt) => ({ body: rt.county.county.supervision.directors }),
  }),
  defineRoute({
    method: 'POST',
    path: '/rosters/{date}',
    entry: ENTRY,
    operationId: 'publishRoster',
    summary: 'Publish a day’s video-check roster (once); with absentDirectorIds, hand only their checks to others',
    params: DateParams,
    body: z.strictObject({ absentDirectorIds: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(64))).check(z.maxLength(100))) }),
    response: { status: 201, schema: PublishedRoster },
    access: ['admin'],
    handle: async (request, rt) => {
      const { status, roster } = await publishRoster(rt, request.params.date, request.body.absentDirectorIds ?? [], commandMeta(request));
      return { status: status === 'published' ? 201 : 200, body: { status, ...rosterBody(rt, roster, request.now) } };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/rosters/{date}',
    entry: ENTRY,
    operationId: 'getRoster',
    summary: 'A day’s roster with each check’s status: a director sees their own checks until the day is over, the whole roster after it; administrators always',
    params: DateParams,
    query: z.strictObject({ director: z.optional(z.string().check(z.minLength(1), z.maxLength(64))) }),
    response: { status: 200, schema: RosterView },
    access: SUPERVISORS,
    handle: async (request, rt) => {
      const { date } = request.params;
      const roster = await rosterOf(rt, date);
      if (!roster) throw new NotFound(`no roster was published for ${date}`);
      const me = request.caller.actor.id;
      const director = request.query.director === 'me' ? me : request.query.director;
      // Until the day is over a director sees only their own checks: never when their window is checked.
      if (request.caller.actor.role === 'director' && !(roster.date < todayAt(rt, request.now))) {
        if (director !== undefined && director !== me) throw new Forbidden(`another director’s checks of ${date} are shown once the day is over`);
        return { body: { ...rosterBody(rt, roster, request.now, me), offRoster: [] } };
      }
      return { body: rosterBody(rt, roster, request.now, director) };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/video-checks',
    entry: ENTRY,
    operationId: 'recordVideoCheck',
    summary: 'Record a video check by the assigned director (administrators may check off the roster)',
    body: VideoCheckBody,
    response: { status: 201, schema: VideoCheckView },
    command: true,
    access: SUPERVISORS,
    handle: async (request, rt) => {
      const body = request.body;
      const isAdmin = request.caller.actor.role === 'admin';
      const checkId = ulid(Date.parse(request.now));
      return commandReply(
        rt,
        request,
        {
          aggregate: rosterAggregate,
          id: body.rosterDate,
          mustExist: () => new NotFound(`no roster was published for ${body.rosterDate}`),
          authorize: (state) => {
            // Only the director the roster assigns may record it; administrators may also check off the roster.
            if (!isAdmin && !state?.entries.some((e) => e.directorId === request.caller.actor.id && e.windowId === body.windowId)) throw new Forbidden(`window ${body.windowId} is not on your roster for ${body.rosterDate}`);
          },
          command: (): RosterCommand => ({
            type: 'RecordVideoCheck',
            data: { checkId, windowId: body.windowId, checkedAt: new Date(body.checkedAt).toISOString(), checkedDate: todayAt(rt, body.checkedAt), items: body.items, note: body.note ?? null, evidenceRef: body.evidenceRef ?? null, directorId: request.caller.actor.id, mayCheckOffRoster: isAdmin },
            meta: commandMeta(request),
          }),
          context: await rosterContext(rt, body.rosterDate),
        },
        (result) => ({ status: 201, body: result.state!.checks.find((c) => c.checkId === checkId)! }),
      );
    },
  }),
];

