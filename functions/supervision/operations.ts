import type { z } from 'zod';
import type { CaseEvent } from '../../domain/case/events.ts';
import { timelineEntry } from '../../domain/case/view.ts';
import { IllegalTransition, NotFound } from '../../domain/errors.ts';
import type { CommandMeta } from '../../domain/meta.ts';
import { completionsPartition, type Completion } from '../../domain/projections/completions.ts';
import { scorecardPartition } from '../../domain/projections/supervision.ts';
import { decideArchive, drawSample, foldArchive, type ArchiveEvent, type ArchiveState } from '../../domain/supervision/archive.ts';
import { decideVideoCheck, drawRoster, foldRoster, reassign, type Director, type RosterEvent, type RosterState } from '../../domain/supervision/roster.ts';
import { scorecards, type Deduction, type MonthFigures } from '../../domain/supervision/scorecard.ts';
import { addDays, type LocalDate } from '../../domain/time.ts';
import { Forbidden } from '../auth/access.ts';
import { executeCommand, storedJson } from '../commands/execute.ts';
import { csvResult, toCsv } from '../http/csv.ts';
import { commandMeta, type Operation } from '../http/http-handler.ts';
import type * as s from '../http/schemas.ts';
import { ulid } from '../ids.ts';
import { todayAt, type Runtime } from '../runtime.ts';
import { satisfactionRows } from '../satisfaction/operations.ts';
import { countyMac } from '../secret.ts';
import { streams } from '../tables.ts';
import { statsRows } from '../views/operations.ts';

export const rosterStream = (date: LocalDate) => `roster#${date}`;
export const archiveStream = (month: string) => `archive#${month}`;
const noKey = { idempotencyKey: undefined, fingerprint: '', ifMatch: undefined };

/** The windows the hall's video system covers: those at the county center. */
export const checkedWindows = (rt: Runtime) => rt.county.county.windows.filter((w) => w.siteId === rt.county.centerSite.id);

async function rosterOf(rt: Runtime, date: LocalDate): Promise<RosterState | undefined> {
  const { events } = await rt.events.read<RosterEvent>(rosterStream(date));
  return foldRoster(events.map((e) => e.event));
}

/**
 * Publishes a day's roster once; called again with absent directors, it hands only their checks to
 * others (a revision, on the same stream: nothing is rewritten silently).
 */
export async function publishRoster(rt: Runtime, date: LocalDate, absent: readonly string[], meta: CommandMeta): Promise<{ status: 'published' | 'revised' | 'unchanged'; roster: RosterState }> {
  const settings = rt.county.county.supervision;
  const directors: Director[] = settings.directors;
  const unknown = absent.filter((id) => !directors.some((d) => d.id === id));
  if (unknown.length > 0) throw new NotFound(`no director ${unknown.join(', ')}`);
  const mac = await countyMac();
  let status: 'published' | 'revised' | 'unchanged' = 'unchanged';
  await executeCommand<RosterEvent>(
    rt.events,
    {
      stream: rosterStream(date),
      decide: async (history) => {
        const state = foldRoster(history.map((e) => e.event));
        if (!state) {
          const index = await rt.views.partition<{ doc: { date: string; carry: RosterState['carry'] } }>('rosters', { from: '0000-00-00', to: addDays(date, -1) });
          const onDuty = directors.filter((d) => !absent.includes(d.id));
          const { entries, carry } = drawRoster({ date, directors: onDuty, windows: checkedWindows(rt).map((w) => w.id), checksPerDirector: settings.checksPerDirector, hall: settings.hall, mac, previous: index.at(-1)?.doc.carry });
          status = 'published';
          return [{ type: 'RosterPublished', data: { date, entries, absent: [...absent], carry }, meta: { ...meta, at: meta.now } }];
        }
        const newlyAbsent = absent.filter((id) => !state.absent.includes(id));
        if (newlyAbsent.length === 0) return [];
        const onDuty = directors.filter((d) => !state.absent.includes(d.id));
        const { entries, moved, unassigned } = reassign(state.entries, newlyAbsent, onDuty, state.carry, mac, date);
        status = 'revised';
        return [{ type: 'RosterRevised', data: { absent: newlyAbsent, entries, moved, unassigned }, meta: { ...meta, at: meta.now } }];
      },
      respond: () => storedJson(200, {}),
    },
    noKey,
  );
  return { status, roster: (await rosterOf(rt, date))! };
}

function rosterBody(rt: Runtime, roster: RosterState, now: string, director?: string) {
  const day = todayAt(rt, now);
  const time = day === roster.date ? new Intl.DateTimeFormat('en-GB', { timeZone: rt.county.county.timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(Date.parse(now)) : undefined;
  const entries = roster.entries
    .filter((e) => director === undefined || e.directorId === director)
    .map((e) => {
      const check = roster.checks.find((c) => c.directorId === e.directorId && c.windowId === e.windowId && !c.offRoster);
      // A check not recorded by the end of its day is missed.
      const status = check ? 'checked' : roster.date < day ? 'missed' : time !== undefined && time >= e.at ? 'due' : 'upcoming';
      return { ...e, status, checkId: check?.checkId ?? null };
    });
  return { date: roster.date, absent: roster.absent, entries, offRoster: roster.checks.filter((c) => c.offRoster).map((c) => ({ windowId: c.windowId, directorId: c.directorId, checkedAt: c.checkedAt, checkId: c.checkId })) };
}

async function archiveOf(rt: Runtime, month: string): Promise<ArchiveState | undefined> {
  const { events } = await rt.events.read<ArchiveEvent>(archiveStream(month));
  return foldArchive(events.map((e) => e.event));
}

const daysOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: last }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
};

/** Draws a month's archive sample once (the timer on the next month's first working day, or an administrator). */
export async function drawArchive(rt: Runtime, month: string, meta: CommandMeta): Promise<{ created: boolean; archive: ArchiveState }> {
  const existing = await archiveOf(rt, month);
  if (existing) return { created: false, archive: existing };
  const generation = await rt.views.generation();
  const completed = (await Promise.all(daysOf(month).map((d) => rt.views.partition<{ doc: Completion }>(completionsPartition(d), { generation })))).flat().map((i) => i.doc);
  const perWindow = rt.county.county.supervision.archiveSamplePerWindow;
  const samples = drawSample(
    completed.map((c) => ({ windowId: c.windowId, caseId: c.caseId, caseNo: c.caseNo, completedDate: c.completedDate })),
    month,
    perWindow,
    await countyMac(),
  );
  try {
    await executeCommand<ArchiveEvent>(rt.events, { stream: archiveStream(month), decide: (history) => decideArchive({ type: 'DrawArchiveSample', data: { month, perWindow, samples }, meta }, foldArchive(history.map((e) => e.event))), respond: () => storedJson(201, {}) }, noKey);
    return { created: true, archive: (await archiveOf(rt, month))! };
  } catch (error) {
    if (error instanceof IllegalTransition) return { created: false, archive: (await archiveOf(rt, month))! };
    throw error;
  }
}

function archiveBody(archive: ArchiveState) {
  return { month: archive.month, perWindow: archive.perWindow, samples: archive.samples.map((s) => ({ ...s, checked: archive.checks[s.caseId] !== undefined, problems: archive.checks[s.caseId]?.problems ?? [] })) };
}

async function monthFigures(rt: Runtime, month: string): Promise<Map<string, MonthFigures>> {
  const from = `${month}-01`;
  const to = daysOf(month).at(-1)!;
  const [stats, satisfaction] = await Promise.all([statsRows(rt, from, to), satisfactionRows(rt, from, to)]);
  const figures = new Map<string, MonthFigures>();
  const of = (w: string) => figures.get(w) ?? (figures.set(w, { completed: 0, late: 0, badReviews: 0 }), figures.get(w)!);
  for (const r of stats) {
    of(r.windowId).completed += r.counters.completed ?? 0;
    of(r.windowId).late += r.counters.late ?? 0;
  }
  for (const r of satisfaction) of(r.windowId).badReviews += r.counters.bad ?? 0;
  return figures;
}

export const supervisionOperations: Record<string, Operation> = {
  listDirectors: (_request, rt) => ({ statusCode: 200, body: rt.county.county.supervision.directors }),

  publishRoster: async (request, rt) => {
    const { date } = request.params as z.infer<typeof s.DateParams>;
    const body = request.body as z.infer<typeof s.PublishRosterBody>;
    const { status, roster } = await publishRoster(rt, date, body.absentDirectorIds ?? [], commandMeta(request));
    return { statusCode: status === 'published' ? 201 : 200, body: { status, ...rosterBody(rt, roster, request.now) } };
  },

  getRoster: async (request, rt) => {
    const { date } = request.params as z.infer<typeof s.DateParams>;
    const query = request.query as z.infer<typeof s.RosterQuery>;
    const roster = await rosterOf(rt, date);
    if (!roster) throw new NotFound(`no roster was published for ${date}`);
    const me = request.caller.actor.id;
    const director = query.director === 'me' ? me : query.director;
    // Until the day is over a director sees only their own checks: never when their window is checked.
    const dayOver = roster.date < todayAt(rt, request.now);
    if (request.caller.actor.role === 'director' && !dayOver) {
      if (director !== undefined && director !== me) throw new Forbidden(`another director’s checks of ${date} are shown once the day is over`);
      const body = rosterBody(rt, roster, request.now, me);
      return { statusCode: 200, body: { ...body, offRoster: [] } };
    }
    return { statusCode: 200, body: rosterBody(rt, roster, request.now, director) };
  },

  recordVideoCheck: async (request, rt) => {
    const body = request.body as z.infer<typeof s.VideoCheckBody>;
    const checkedDate = todayAt(rt, body.checkedAt);
    const isAdmin = request.caller.actor.role === 'admin';
    const checkId = ulid(Date.parse(request.now));
    const response = await executeCommand<RosterEvent>(
      rt.events,
      {
        stream: rosterStream(body.rosterDate),
        notFound: () => new NotFound(`no roster was published for ${body.rosterDate}`),
        authorize: (history) => {
          const state = foldRoster(history.map((e) => e.event));
          // Only the director the roster assigns may record it; administrators may also check off the roster.
          if (!isAdmin && !state?.entries.some((e) => e.directorId === request.caller.actor.id && e.windowId === body.windowId)) {
            throw new Forbidden(`window ${body.windowId} is not on your roster for ${body.rosterDate}`);
          }
        },
        decide: (history) => {
          const state = foldRoster(history.map((e) => e.event));
          return decideVideoCheck(
            {
              type: 'RecordVideoCheck',
              data: {
                checkId,
                windowId: body.windowId,
                checkedAt: new Date(body.checkedAt).toISOString(),
                checkedDate,
                items: body.items,
                note: body.note ?? null,
                evidenceRef: body.evidenceRef ?? null,
                directorId: request.caller.actor.id,
                mayCheckOffRoster: isAdmin,
              },
              meta: commandMeta(request),
            },
            state,
          );
        },
        respond: (events) => {
          const state = foldRoster(events)!;
          const check = state.checks.find((c) => c.checkId === checkId)!;
          return storedJson(201, check);
        },
      },
      request,
    );
    return response;
  },

  drawArchiveChecks: async (request, rt) => {
    const { month } = request.params as z.infer<typeof s.MonthParams>;
    const { created, archive } = await drawArchive(rt, month, commandMeta(request));
    return { statusCode: created ? 201 : 200, body: archiveBody(archive) };
  },

  getArchiveChecks: async (request, rt) => {
    const { month } = request.params as z.infer<typeof s.MonthParams>;
    const archive = await archiveOf(rt, month);
    if (!archive) throw new NotFound(`no archive sample was drawn for ${month}`);
    return { statusCode: 200, body: archiveBody(archive) };
  },

  getArchiveCheck: async (request, rt) => {
    const { month, caseId } = request.params as z.infer<typeof s.ArchiveCaseParams>;
    const archive = await archiveOf(rt, month);
    const sample = archive?.samples.find((x) => x.caseId === caseId);
    if (!archive || !sample) throw new NotFound(`case ${caseId} was not drawn for ${month}`);
    const { events } = await rt.events.read<CaseEvent>(streams.case(caseId));
    // The case's own steps, dated and signed, next to the checklist: what the paper file should show.
    return {
      statusCode: 200,
      body: { ...sample, checked: archive.checks[caseId] !== undefined, problems: archive.checks[caseId]?.problems ?? [], events: events.map((e) => timelineEntry(e.event, e.version, { revealPhone: false })) },
    };
  },

  recordArchiveCheck: async (request, rt) => {
    const { month, caseId } = request.params as z.infer<typeof s.ArchiveCaseParams>;
    const body = request.body as z.infer<typeof s.ArchiveCheckBody>;
    return executeCommand<ArchiveEvent>(
      rt.events,
      {
        stream: archiveStream(month),
        notFound: () => new NotFound(`no archive sample was drawn for ${month}`),
        decide: (history) =>
          decideArchive(
            {
              type: 'RecordArchiveCheck',
              data: { month, caseId, problems: body.problems.map((p) => ({ code: p.code, note: p.note ?? null })), checkedDate: todayAt(rt, request.now), checkerId: request.caller.actor.id },
              meta: commandMeta(request),
            },
            foldArchive(history.map((e) => e.event)),
          ),
        respond: (events) => storedJson(201, archiveBody(foldArchive(events)!).samples.find((x) => x.caseId === caseId)),
      },
      request,
    );
  },

  getScorecards: async (request, rt) => {
    const { month } = request.params as z.infer<typeof s.MonthParams>;
    const query = request.query as z.infer<typeof s.ScorecardQuery>;
    const [items, figures] = await Promise.all([rt.views.partition<{ doc: Deduction }>(scorecardPartition(month)), monthFigures(rt, month)]);
    const all = scorecards(
      month,
      checkedWindows(rt).map((w) => ({ id: w.id, name: w.name })),
      items.map((i) => i.doc),
      figures,
      rt.county.county.supervision.scoring,
    );
    const windows = all.windows.filter((w) => query.windowId === undefined || w.windowId === query.windowId);
    if (query.windowId !== undefined && windows.length === 0) throw new NotFound(`window ${query.windowId} has no scorecard`);
    if (query.format === 'json') return { statusCode: 200, body: { month, windows } };
    const kinds = { 'video-check': '视频督查', 'archive-problem': '档案问题', 'bad-review': '差评', 'late-completion': '超期办结' } as const;
    const csv = toCsv(
      ['排名', '窗口编号', '窗口名称', '得分', '扣分', '加分', '档次', '档次分', '扣分明细'],
      windows
        .sort((a, b) => a.rank - b.rank)
        .map((w) => [w.rank, w.windowId, w.name, w.score, w.deducted, w.bonus, w.tier, w.tierPoints, w.deductions.map((d) => `${d.date} ${kinds[d.kind]} ${d.detail} -${d.points}`).join('; ')]),
    );
    return csvResult(`scorecards-${rt.county.county.key}-${month}.csv`, csv);
  },
};
