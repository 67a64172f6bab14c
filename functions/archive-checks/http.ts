import * as z from 'zod/mini';
import { archiveAggregate, archiveProblemCodes, drawSample, type ArchiveState, type DrawArchiveSample, type RecordArchiveCheck } from '../../domain/archive/aggregate.ts';
import type { CaseEvent } from '../../domain/case/events.ts';
import { caseStream } from '../../domain/case/stream.ts';
import { timelineEntry } from '../../domain/case/view.ts';
import { streamOf } from '../../domain/decider.ts';
import { IllegalTransition, NotFound } from '../../domain/errors.ts';
import type { CommandMeta } from '../../domain/meta.ts';
import { completions, completionsPartition } from '../../domain/projections/completions.ts';
import { Timeline } from '../case/schemas.ts';
import { handleCommand, readState } from '../commands/handle.ts';
import { commandReply } from '../http/command-reply.ts';
import { commandMeta } from '../http/request-meta.ts';
import { defineRoute } from '../http/route.ts';
import { CaseId, EmptyBody, LocalDateString, Month, MonthParams, named, Text } from '../http/schemas.ts';
import { todayAt, type Runtime } from '../runtime.ts';
import { countyMac } from '../secret.ts';

/** The window workers (clerks) who took a step of a case, in the order they first did. */
const signersOf = (events: readonly CaseEvent[]): string[] => [...new Set(events.filter((e) => e.meta.actor.role === 'clerk').map((e) => e.meta.actor.id))];

/** Archive checks (档案检查): each month's random sample of completed files per window, and the problems found. */

const ArchiveCaseParams = z.strictObject({ month: Month, caseId: CaseId });
const ArchiveSampleView = z.object({ windowId: z.string(), caseId: CaseId, caseNo: z.string(), completedDate: LocalDateString, checked: z.boolean(), problems: z.array(z.object({ code: z.enum(archiveProblemCodes), note: z.nullable(z.string()) })) });
const ArchiveChecks = named('ArchiveChecks', z.object({ month: Month, perWindow: z.int(), samples: z.array(ArchiveSampleView) }));
const ArchiveCheckView = named('ArchiveCheck', z.extend(ArchiveSampleView, { events: Timeline.shape.events }));

/** The days of a month, YYYY-MM-DD. */
export const daysOf = (month: string) => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return Array.from({ length: last }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`);
};

const archiveOf = async (rt: Runtime, month: string): Promise<ArchiveState | undefined> => (await readState(rt.events, archiveAggregate, streamOf(archiveAggregate, month))).state;

/** Draws a month's archive sample once (the timer on the next month's first working day, or an administrator). */
export async function drawArchive(rt: Runtime, month: string, meta: CommandMeta): Promise<{ created: boolean; archive: ArchiveState }> {
  const existing = await archiveOf(rt, month);
  if (existing) return { created: false, archive: existing };
  const generation = await rt.views.generation();
  const completed = (await Promise.all(daysOf(month).map((d) => rt.views.docs(completions, completionsPartition(d), { generation })))).flat().map((i) => i.doc);
  const perWindow = rt.county.county.supervision.archiveSamplePerWindow;
  const samples = drawSample(
    completed.map((c) => ({ windowId: c.windowId, caseId: c.caseId, caseNo: c.caseNo, completedDate: c.completedDate })),
    month,
    perWindow,
    await countyMac(),
  );
  try {
    const outcome = await handleCommand(rt.events, { aggregate: archiveAggregate, id: month, command: (): DrawArchiveSample => ({ type: 'DrawArchiveSample', data: { month, perWindow, samples }, meta }), context: undefined }, (result) => result.state!);
    return { created: true, archive: outcome.answer };
  } catch (error) {
    // Drawn meanwhile (the timer and an administrator, say): answer with theirs.
    if (error instanceof IllegalTransition) return { created: false, archive: (await archiveOf(rt, month))! };
    throw error;
  }
}

const archiveBody = (archive: ArchiveState) => ({ month: archive.month, perWindow: archive.perWindow, samples: archive.samples.map((s) => ({ ...s, checked: archive.checks[s.caseId] !== undefined, problems: archive.checks[s.caseId]?.problems ?? [] })) });

const SUPERVISORS = ['director', 'admin'] as const;
const ENTRY = 'supervision' as const;

export const archiveRoutes = [
  defineRoute({
    method: 'POST',
    path: '/archive-checks/{month}',
    entry: ENTRY,
    operationId: 'drawArchiveChecks',
    summary: 'Draw a month’s archive sample per window (once)',
    params: MonthParams,
    body: EmptyBody,
    response: { status: 201, schema: ArchiveChecks },
    access: ['admin'],
    handle: async (request, rt) => {
      const { created, archive } = await drawArchive(rt, request.params.month, commandMeta(request));
      return { status: created ? 201 : 200, body: archiveBody(archive) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/archive-checks/{month}',
    entry: ENTRY,
    operationId: 'getArchiveChecks',
    summary: 'A month’s archive sample and findings',
    params: MonthParams,
    response: { status: 200, schema: ArchiveChecks },
    access: SUPERVISORS,
    handle: async (request, rt) => {
      const archive = await archiveOf(rt, request.params.month);
      if (!archive) throw new NotFound(`no archive sample was drawn for ${request.params.month}`);
      return { body: archiveBody(archive) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/archive-checks/{month}/{caseId}',
    entry: ENTRY,
    operationId: 'getArchiveCheck',
    summary: 'One sampled file with the case’s own dated, signed steps next to the checklist',
    params: ArchiveCaseParams,
    response: { status: 200, schema: ArchiveCheckView },
    access: SUPERVISORS,
    handle: async (request, rt) => {
      const { month, caseId } = request.params;
      const archive = await archiveOf(rt, month);
      const sample = archive?.samples.find((x) => x.caseId === caseId);
      if (!archive || !sample) throw new NotFound(`case ${caseId} was not drawn for ${month}`);
      const { events } = await rt.events.read<CaseEvent>(caseStream(caseId));
      // The case's own steps, dated and signed, next to the checklist: what the paper file should show.
      return { body: { ...sample, checked: archive.checks[caseId] !== undefined, problems: archive.checks[caseId]?.problems ?? [], events: events.map((e) => timelineEntry(e.event, e.version, { revealPhone: false })) } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/archive-checks/{month}/{caseId}',
    entry: ENTRY,
    operationId: 'recordArchiveCheck',
    summary: 'Record the problems found in a sampled file',
    params: ArchiveCaseParams,
    body: z.strictObject({ problems: z.array(z.strictObject({ code: z.enum(archiveProblemCodes), note: z.optional(Text(500)) })).check(z.maxLength(50)) }),
    response: { status: 201, schema: z.omit(ArchiveCheckView, { events: true }) },
    command: true,
    access: SUPERVISORS,
    handle: async (request, rt) => {
      const { month, caseId } = request.params;
      // The workers who signed the file's steps share its problems on their monthly scores.
      const signedBy = request.body.problems.length === 0 ? [] : signersOf((await rt.events.read<CaseEvent>(caseStream(caseId))).events.map((e) => e.event));
      return commandReply(
        rt,
        request,
        {
          aggregate: archiveAggregate,
          id: month,
          mustExist: () => new NotFound(`no archive sample was drawn for ${month}`),
          command: (): RecordArchiveCheck => ({
            type: 'RecordArchiveCheck',
            data: { month, caseId, problems: request.body.problems.map((p) => ({ code: p.code, note: p.note ?? null })), checkedDate: todayAt(rt, request.now), checkerId: request.caller.actor.id, signedBy },
            meta: commandMeta(request),
          }),
          context: undefined,
        },
        (result) => ({ status: 201, body: archiveBody(result.state!).samples.find((x) => x.caseId === caseId)! }),
      );
    },
  }),
];
