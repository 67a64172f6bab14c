import type { z } from 'zod';
import { formatCaseNo } from '../../domain/case/case-number.ts';
import type { CaseCommand } from '../../domain/case/commands.ts';
import { decide, type CaseContext } from '../../domain/case/decide.ts';
import { phoneKey } from '../../domain/satisfaction/sampling.ts';
import { countyMac } from '../secret.ts';
import type { CaseEvent } from '../../domain/case/events.ts';
import { fold, type CaseState } from '../../domain/case/state.ts';
import { caseView, timelineEntry } from '../../domain/case/view.ts';
import type { WorkingCalendar } from '../../domain/calendar/calendar.ts';
import { NotFound } from '../../domain/errors.ts';
import { compactDate, localDateOf } from '../../domain/time.ts';
import { executeCommand } from '../commands/execute.ts';
import { assertPlace, revealsPhone } from '../auth/access.ts';
import { commandMeta, type HttpRequest, type Operation } from '../http/http-handler.ts';
import type * as s from '../http/schemas.ts';
import { ulid } from '../ids.ts';
import type { Runtime } from '../runtime.ts';
import type { StoredResponse } from '../store/dynamo-event-store.ts';
import { streams } from '../tables.ts';


function caseResponse(statusCode: number, state: CaseState | undefined, calendar: WorkingCalendar, request: HttpRequest): StoredResponse {
  if (!state) throw new Error('a command left no case behind');
  const headers: Record<string, string> = { etag: `"${state.version}"` };
  if (statusCode === 201) headers.location = `/cases/${state.caseId}`;
  return { statusCode, headers, body: JSON.stringify(caseView(state, calendar, { revealPhone: revealsPhone(request.caller) })) };
}

const noCase = (id: string) => () => new NotFound(`no case ${id}`);

/** The context `decide` needs: the catalogue, today's calendar, the salted phone key for SMS invitations. */
export async function caseContext(rt: Runtime, extra: Partial<CaseContext> = {}): Promise<CaseContext> {
  const [calendar, mac] = await Promise.all([rt.calendars.calendar(), countyMac()]);
  return { county: rt.county, calendar, phoneKey: (phone) => phoneKey(phone, mac), ...extra };
}

/**
 * Runs one command on a case's stream through `decide` and the exactly-once executor. `authorize`
 * says who may act on the case (by default: clerks and rating devices at its window or site), and is
 * checked before anything about the case is answered.
 */
export async function runCaseCommand(
  request: HttpRequest,
  rt: Runtime,
  caseId: string,
  build: (state: CaseState) => CaseCommand,
  options: { context?: Partial<CaseContext>; authorize?: (state: CaseState) => void; respond?: (state: CaseState, events: CaseEvent[], calendar: WorkingCalendar) => StoredResponse } = {},
): Promise<StoredResponse> {
  const context = await caseContext(rt, options.context);
  return executeCommand<CaseEvent>(
    rt.events,
    {
      stream: streams.case(caseId),
      notFound: noCase(caseId),
      authorize: (history) => {
        const state = fold(history.map((h) => h.event));
        if (!state) throw noCase(caseId)();
        (options.authorize ?? ((s) => assertPlace(request.caller, { windowId: s.windowId, siteIds: [s.siteId] }, `case ${s.caseNo}`)))(state);
      },
      decide: (history) => {
        const state = fold(history.map((h) => h.event))!;
        return decide(build(state), state, context);
      },
      respond: (events) => {
        const state = fold(events);
        if (!state) throw new Error('a command left no case behind');
        return options.respond ? options.respond(state, events, context.calendar) : caseResponse(200, state, context.calendar, request);
      },
    },
    request,
  );
}

/** An operation that runs one lifecycle command on the case in the path. */
function caseCommand<T extends Exclude<CaseCommand['type'], 'SubmitCase'>>(type: T, data: (request: HttpRequest) => Extract<CaseCommand, { type: T }>['data']): Operation {
  return (request, rt) => {
    const { id } = request.params as z.infer<typeof s.CaseIdParams>;
    return runCaseCommand(request, rt, id, (state) => ({ type, data: data(request), meta: commandMeta(request, { windowId: state.windowId, siteId: state.siteId }) }) as CaseCommand);
  };
}

const submitCase: Operation = async (request, rt: Runtime) => {
  const body = request.body as z.infer<typeof s.SubmitCaseBody>;
  const context = await caseContext(rt);
  const { calendar } = context;
  const caseId = ulid(Date.parse(request.now));
  const { code: countyCode, timeZone } = rt.county.county;
  const today = localDateOf(request.now, timeZone);
  const windowId = body.windowId ?? rt.county.item(body.itemCode)?.windowId ?? null;
  const where = { windowId, siteId: body.siteId ?? (windowId === null ? null : (rt.county.window(windowId)?.siteId ?? null)) };
  assertPlace(request.caller, { windowId, siteIds: [where.siteId] }, 'an application for that window or site');
  const command = (caseNo: string): CaseCommand => ({ type: 'SubmitCase', data: { caseId, caseNo, ...body }, meta: commandMeta(request, where) });
  // The day's number is taken in the case's own transaction, on the condition that nobody took one since
  // it was read: a number is used exactly when a case is created (a refused or resent submit takes none,
  // a lost race reads again), so each day's numbers run 1…n.
  const counter = `caseNo#${compactDate(today)}`;
  let read = 0;
  return executeCommand<CaseEvent>(
    rt.events,
    {
      stream: streams.case(caseId),
      fresh: true,
      decide: async () => {
        // Validate before reading the counter: a refused application costs no read.
        decide(command(formatCaseNo(countyCode, today, 1)), undefined, context);
        read = await rt.events.sequenceValue(counter);
        return decide(command(formatCaseNo(countyCode, today, read + 1)), undefined, context);
      },
      extra: () => [rt.events.takeSequence(counter, read)],
      contended: true,
      respond: (events) => caseResponse(201, fold(events), calendar, request),
    },
    request,
  );
};

async function readCase(rt: Runtime, id: string, request: HttpRequest) {
  const { events } = await rt.events.read<CaseEvent>(streams.case(id));
  const state = fold(events.map((e) => e.event));
  if (!state) throw noCase(id)();
  // A clerk reads the cases at their window or site, and those their site received.
  assertPlace(request.caller, { windowId: state.windowId, siteIds: [state.siteId, state.receivedSiteId] }, `case ${state.caseNo}`);
  return { events, state };
}

const getCase: Operation = async (request, rt) => {
  const { id } = request.params as z.infer<typeof s.CaseIdParams>;
  const [{ state }, calendar] = await Promise.all([readCase(rt, id, request), rt.calendars.calendar()]);
  return { statusCode: 200, headers: { etag: `"${state.version}"` }, body: caseView(state, calendar, { revealPhone: revealsPhone(request.caller) }) };
};

const getCaseEvents: Operation = async (request, rt) => {
  const { id } = request.params as z.infer<typeof s.CaseIdParams>;
  const { events, state } = await readCase(rt, id, request);
  const privacy = { revealPhone: revealsPhone(request.caller) };
  return {
    statusCode: 200,
    headers: { etag: `"${state.version}"` },
    body: { caseId: state.caseId, caseNo: state.caseNo, events: events.map((e) => timelineEntry(e.event, e.version, privacy)) },
  };
};

type Body<T extends z.ZodType> = z.infer<T>;

export const caseCommandOperations: Record<string, Operation> = {
  submitCase,
  requestMaterials: caseCommand('RequestMaterials', (r) => r.body as Body<typeof s.RequestMaterialsBody>),
  supplyMaterials: caseCommand('SupplyMaterials', (r) => r.body as Body<typeof s.SupplyMaterialsBody>),
  acceptCase: caseCommand('AcceptCase', () => ({})),
  rejectCase: caseCommand('RejectCase', (r) => r.body as Body<typeof s.RejectCaseBody>),
  suspendCase: caseCommand('SuspendCase', (r) => r.body as Body<typeof s.SuspendCaseBody>),
  resumeCase: caseCommand('ResumeCase', () => ({})),
  transferCase: caseCommand('TransferCase', (r) => r.body as Body<typeof s.TransferCaseBody>),
  completeCase: caseCommand('CompleteCase', (r) => r.body as Body<typeof s.CompleteCaseBody>),
  deliverCase: caseCommand('DeliverCase', (r) => r.body as Body<typeof s.DeliverCaseBody>),
};

export const caseQueryOperations: Record<string, Operation> = { getCase, getCaseEvents };
