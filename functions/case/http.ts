import { messagesOf } from '../sms/outbox.ts';
import { SmsEntry, smsEntry } from '../sms/schemas.ts';
import { z } from 'zod';
import { caseAggregate } from '../../domain/case/aggregate.ts';
import { formatCaseNo } from '../../domain/case/case-number.ts';
import type { CaseCommand } from '../../domain/case/commands.ts';
import { channels, decisions, deliveryMethods, procedures } from '../../domain/case/events.ts';
import { caseStatuses } from '../../domain/case/state.ts';
import { caseView, timelineEntry } from '../../domain/case/view.ts';
import { itemTypes } from '../../domain/county.ts';
import { fold, streamOf } from '../../domain/decider.ts';
import { queryCode } from '../../domain/keyed.ts';
import { actorRoles, type CommandMeta } from '../../domain/meta.ts';
import { compactDate } from '../../domain/time.ts';
import { assertPlace, Forbidden, revealsPhone, type Caller } from '../auth/access.ts';
import { InvalidInput } from '../../domain/errors.ts';
import { fileableStep } from '../projects/read.ts';
import { filingCount, stepFilingsCounter } from '../projects/filings.ts';
import { ProjectId, StepId } from '../projects/schemas.ts';
import { commandReply, versioned } from '../http/command-reply.ts';
import { commandMeta } from '../http/http-handler.ts';
import { defineRoute, type Out, type Request } from '../http/route.ts';
import { CaseId, EmptyBody, Id, LocalDateString, named, Nullable, Text } from '../http/schemas.ts';
import type { EntryName } from '../entrypoints.ts';
import { ulid } from '../ids.ts';
import { JointReviewView } from '../joint/schemas.ts';
import { todayAt, type Runtime } from '../runtime.ts';
import { countyMac } from '../secret.ts';
import { assertCaseReader, caseContext, caseOf, noCase, onCase, type CaseResult } from './run.ts';

/** The case's routes: registering an application and every step of its life (收件 … 送达), and reading it. */

const MaterialCode = z.string().min(1).max(40);
const Phone = z.string().regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'a mainland mobile or landline number');
const Applicant = z.strictObject({
  name: Text(60),
  /** Mainland mobile (13812341234) or landline (0576-83381234); optional (callbacks skip cases without one). */
  phone: Phone.optional(),
  /** The applicant declines callbacks and rating messages. */
  optOut: z.boolean().optional(),
  idNumber: z
    .string()
    .regex(/^\d{17}[\dX]$/, 'an 18-character resident identity number')
    .optional(),
  organization: Text(120).optional(),
});
export const CaseIdParams = z.strictObject({ id: CaseId });
const SubmitCaseBody = z
  .strictObject({
    itemCode: z.string().min(1).max(64),
    applicant: Applicant,
    channel: z.enum(channels),
    siteId: Id.optional(),
    windowId: Id.optional(),
    materials: z.array(MaterialCode).max(60),
    projectId: ProjectId.optional().describe('an agency project (代办项目): the case files its step `stepId` (channel `agent`)'),
    stepId: StepId.optional(),
  })
  .superRefine((body, ctx) => {
    if ((body.projectId === undefined) !== (body.stepId === undefined)) ctx.addIssue({ code: 'custom', path: [body.projectId === undefined ? 'projectId' : 'stepId'], message: 'a project’s step is named by projectId and stepId together' });
    else if (body.projectId !== undefined && body.channel !== 'agent') ctx.addIssue({ code: 'custom', path: ['channel'], message: 'a project’s step is filed on channel agent' });
  });

const ApplicantView = z.object({ name: z.string(), phone: z.string().optional(), idNumber: z.string().optional(), organization: z.string().optional() });
const ItemTerms = z.object({ code: z.string(), name: z.string(), type: z.enum(itemTypes), committedDays: z.number(), statutoryDays: z.number() });
export const CaseView = named('Case', z.object({
  caseId: CaseId,
  caseNo: z.string().meta({ example: '331022-20261126-00042' }),
  status: z.enum(caseStatuses),
  version: z.number().int(),
  item: ItemTerms,
  windowId: z.string(),
  departmentId: z.string(),
  siteId: z.string(),
  receivedSiteId: z.string(),
  channel: z.enum(channels),
  applicant: ApplicantView,
  queryCode: z.string().regex(/^\d{6}$/).optional().describe('printed on the receipt (查询码): with the case number it looks the case up on the public progress page'),
  materials: z.array(z.string()),
  missing: Nullable(z.array(z.string())),
  materialsRequests: z.number().int(),
  submittedAt: z.string(),
  acceptedAt: Nullable(z.string()),
  acceptedDate: Nullable(LocalDateString),
  deadline: Nullable(LocalDateString),
  deadlineProvisional: z.boolean(),
  suspendedWorkingDays: z.number().int(),
  suspension: Nullable(z.object({ since: LocalDateString, procedure: z.enum(procedures), reason: z.string() })),
  rejectedAt: Nullable(z.string()),
  rejectionReason: Nullable(z.string()),
  completedAt: Nullable(z.string()),
  decision: Nullable(z.enum(decisions)),
  onTime: Nullable(z.boolean()),
  early: Nullable(z.boolean()),
  deliveredAt: Nullable(z.string()),
  deliveryMethod: Nullable(z.enum(deliveryMethods)),
  joint: Nullable(JointReviewView).meta({ description: 'a joint case’s departments, from acceptance (联合审批)' }),
  project: z.object({ projectId: z.string(), stepId: z.string() }).optional().describe('the agency project’s step the case files (代理代办)'),
  updatedAt: z.string(),
}));
export const Timeline = named('Timeline', z.object({
  caseId: CaseId,
  caseNo: z.string(),
  events: z.array(
    z.object({
      version: z.number().int(),
      type: z.string(),
      at: z.string(),
      actor: z.object({ id: z.string(), role: z.enum(actorRoles) }),
      windowId: Nullable(z.string()),
      siteId: Nullable(z.string()),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  messages: z.array(SmsEntry).describe('the text messages the case’s events sent the applicant (短信), in event order'),
}));

/** What a caller sees of a case after a command: the case as it is now, with its version as the ETag. */
export function caseReply(result: CaseResult, caller: Caller, context: { calendar: Parameters<typeof caseView>[1] }, status?: number) {
  const state = caseOf(result);
  return versioned(caseView(state, context.calendar, { revealPhone: revealsPhone(caller) }), state.version, status, status === 201 ? { location: `/cases/${state.caseId}` } : {});
}

/** One step of a case's life, at the case's window or site (clerks), by the command its body makes; served by `entry`. */
export function step<B extends z.ZodType>(path: string, operationId: string, summary: string, body: B, command: (body: Out<B>, meta: CommandMeta) => CaseCommand, entry: EntryName = 'case-commands') {
  return defineRoute({
    method: 'POST',
    path: `/cases/{id}/${path}`,
    entry,
    operationId,
    summary,
    params: CaseIdParams,
    body,
    response: { status: 200, schema: CaseView },
    command: true,
    access: ['clerk', 'admin'],
    handle: (request, rt) =>
      onCase(rt, request, request.params.id, (state) => command(request.body, commandMeta(request, { windowId: state.windowId, siteId: state.siteId })), (result, context) =>
        caseReply(result, request.caller, context),
      ),
  });
}

const submitCase = defineRoute({
  method: 'POST',
  path: '/cases',
  entry: 'case-commands',
  operationId: 'submitCase',
  summary: 'Register an application (收件)',
  body: SubmitCaseBody,
  response: { status: 201, schema: CaseView },
  command: true,
  access: ['clerk', 'agent', 'admin'],
  handle: async (request, rt) => {
    const { projectId, stepId, ...body } = request.body;
    if (request.caller.actor.role === 'agent' && projectId === undefined) throw new Forbidden('an agent files the steps of their projects (projectId and stepId)');
    const [context, mac] = await Promise.all([caseContext(rt), countyMac()]);
    const caseId = ulid(Date.parse(request.now));
    const { code: countyCode } = rt.county.county;
    const today = todayAt(rt, request.now);
    const windowId = body.windowId ?? rt.county.item(body.itemCode)?.windowId ?? null;
    const where = { windowId, siteId: body.siteId ?? (windowId === null ? null : (rt.county.window(windowId)?.siteId ?? null)) };
    assertPlace(request.caller, { windowId, siteIds: [where.siteId] }, 'an application for that window or site');
    // A project's step (read again on every attempt): the caller's to work, ready to file, and of this item.
    let filing: Awaited<ReturnType<typeof fileableStep>> | undefined;
    const checkStep = async () => {
      if (projectId === undefined || stepId === undefined) return;
      filing = await fileableStep(rt, request, projectId, stepId);
      if (filing.step.itemCode !== body.itemCode) throw new InvalidInput('Not the step’s item', [{ path: 'body.itemCode', message: `step ${filing.step.stepId} files item ${filing.step.itemCode}` }]);
    };
    const command = (caseNo: string): CaseCommand => {
      const project = filing && { projectId: filing.state.projectId, stepId: filing.step.stepId };
      return { type: 'SubmitCase', data: { caseId, caseNo, ...body, queryCode: queryCode(caseId, mac), ...(project ? { project } : {}) }, meta: commandMeta(request, where) };
    };
    // The day's number is taken in the case's own transaction, on the condition that nobody took one since
    // it was read: a number is used exactly when a case is created (a refused or resent submit takes none,
    // a lost race reads again), so each day's numbers run 1…n.
    const counter = `caseNo#${compactDate(today)}`;
    let read = 0;
    return commandReply(
      rt,
      request,
      {
        aggregate: caseAggregate,
        id: caseId,
        isNew: true,
        command: async () => {
          await checkStep();
          // Validate before reading the counter: a refused application costs no read.
          caseAggregate.decide(command(formatCaseNo(countyCode, today, 1)), undefined, context);
          read = await rt.events.sequenceValue(counter);
          return command(formatCaseNo(countyCode, today, read + 1));
        },
        // A step is filed once at a time: its filings' counter moves with the case, so two agents filing the
        // same step at once (before the project has recorded either) cannot both succeed.
        extra: () => [rt.events.takeSequence(counter, read), ...(filing ? [rt.events.takeSequence(stepFilingsCounter(filing.state.projectId, filing.step.stepId), filingCount(filing.state, filing.step.stepId))] : [])],
        contended: true,
        context,
      },
      (result) => caseReply(result, request.caller, context, 201),
    );
  },
});

/** A case read from its own stream (one consistent Query), by those who may read it (`assertCaseReader`). */
export async function readCase(rt: Runtime, id: string, request: Request) {
  const { events } = await rt.events.read<Parameters<typeof caseAggregate.evolve>[1]>(caseAggregate.streamPrefix + id);
  const state = fold(caseAggregate, events.map((e) => e.event));
  if (!state) throw noCase(id)();
  assertCaseReader(request.caller, state);
  return { events, state };
}

/** Staff, and the reviewers of the departments a joint case has tasks for. */
const READERS = ['clerk', 'director', 'callback', 'admin', 'reviewer'] as const;

export const caseRoutes = [
  submitCase,
  step('request-materials', 'requestMaterials', 'Issue the one-time notice of everything missing (一次性告知)', z.strictObject({ missing: z.array(MaterialCode).min(1).max(60), note: Text(1000).optional() }), (data, meta) => ({ type: 'RequestMaterials', data, meta })),
  step('supply-materials', 'supplyMaterials', 'Record the materials brought in answer to the notice (补正)', z.strictObject({ materials: z.array(MaterialCode).min(1).max(60) }), (data, meta) => ({ type: 'SupplyMaterials', data, meta })),
  step('accept', 'acceptCase', 'Accept the application (受理); the deadline starts', EmptyBody, (data, meta) => ({ type: 'AcceptCase', data, meta })),
  step('reject', 'rejectCase', 'Decline to accept (不予受理), with the reason', z.strictObject({ reason: Text(1000) }), (data, meta) => ({ type: 'RejectCase', data, meta })),
  step('suspend', 'suspendCase', 'Start a special procedure (特别程序): the clock stops', z.strictObject({ procedure: z.enum(procedures), reason: Text(1000) }), (data, meta) => ({ type: 'SuspendCase', data, meta })),
  step('resume', 'resumeCase', 'End the special procedure: the clock runs again', EmptyBody, (data, meta) => ({ type: 'ResumeCase', data, meta })),
  step('transfer', 'transferCase', 'Move the case to another window, or forward it to the county (转办/转报)', z.strictObject({ windowId: Id, siteId: Id.optional() }), (data, meta) => ({ type: 'TransferCase', data, meta })),
  step('complete', 'completeCase', 'Decide the case (办结)', z.strictObject({ decision: z.enum(decisions), note: Text(1000).optional() }), (data, meta) => ({ type: 'CompleteCase', data, meta })),
  step('deliver', 'deliverCase', 'Hand over the result (送达)', z.strictObject({ method: z.enum(deliveryMethods) }), (data, meta) => ({ type: 'DeliverCase', data, meta })),
  defineRoute({
    method: 'GET',
    path: '/cases/{id}',
    entry: 'case-queries',
    operationId: 'getCase',
    summary: 'A case, with its deadline against today’s calendar',
    params: CaseIdParams,
    response: { status: 200, schema: CaseView },
    access: READERS,
    handle: async (request, rt) => {
      const [{ state }, calendar] = await Promise.all([readCase(rt, request.params.id, request), rt.calendars.calendar()]);
      return versioned(caseView(state, calendar, { revealPhone: revealsPhone(request.caller) }), state.version);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/cases/{id}/events',
    entry: 'case-queries',
    operationId: 'getCaseEvents',
    summary: 'A case’s timeline: who did what, where and when',
    params: CaseIdParams,
    response: { status: 200, schema: Timeline },
    access: READERS,
    handle: async (request, rt) => {
      const { events, state } = await readCase(rt, request.params.id, request);
      const privacy = { revealPhone: revealsPhone(request.caller) };
      const messages = await messagesOf(rt.db, rt.tables.views, streamOf(caseAggregate, state.caseId));
      return versioned({ caseId: state.caseId, caseNo: state.caseNo, events: events.map((e) => timelineEntry(e.event, e.version, privacy)), messages: messages.map(smsEntry) }, state.version);
    },
  }),
];
