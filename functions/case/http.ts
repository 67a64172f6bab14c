import * as z from 'zod/mini';
import { caseAggregate } from '../../domain/case/aggregate.ts';
import { formatCaseNo } from '../../domain/case/case-number.ts';
import type { CaseCommand } from '../../domain/case/commands.ts';
import { channels, decisions, deliveryMethods, procedures } from '../../domain/case/events.ts';
import { InvalidInput } from '../../domain/errors.ts';
import { queryCode } from '../../domain/keyed.ts';
import { compactDate } from '../../domain/time.ts';
import { assertPlace, Forbidden } from '../auth/access.ts';
import { commandReply } from '../http/command-reply.ts';
import { commandMeta } from '../http/request-meta.ts';
import { defineRoute } from '../http/route.ts';
import { EmptyBody, Id, Text } from '../http/schemas.ts';
import { ulid } from '../ids.ts';
import { filingCount, stepFilingsCounter } from '../projects/filings.ts';
import { fileableStep } from '../projects/read.ts';
import { ProjectId, StepId } from '../projects/schemas.ts';
import { todayAt } from '../runtime.ts';
import { countyMac } from '../secret.ts';
import { caseContext } from './run.ts';
import { CaseView } from './schemas.ts';
import { caseReply, step } from './steps.ts';

/** The case's commands: registering an application and every step of its life (收件 … 送达). */

const MaterialCode = z.string().check(z.minLength(1), z.maxLength(40));
const Phone = z.string().check(z.regex(/^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/, 'a mainland mobile or landline number'));
const Applicant = z.strictObject({
  name: Text(60),
  /** Mainland mobile (13812341234) or landline (0576-83381234); optional (callbacks skip cases without one). */
  phone: z.optional(Phone),
  /** The applicant declines callbacks and rating messages. */
  optOut: z.optional(z.boolean()),
  idNumber: z.optional(z.string().check(z.regex(/^\d{17}[\dX]$/, 'an 18-character resident identity number'))),
  organization: z.optional(Text(120)),
});
const SubmitCaseBody = z
  .strictObject({
    itemCode: z.string().check(z.minLength(1), z.maxLength(64)),
    applicant: Applicant,
    channel: z.enum(channels),
    siteId: z.optional(Id),
    windowId: z.optional(Id),
    materials: z.array(MaterialCode).check(z.maxLength(60)),
    projectId: z.optional(ProjectId).check(z.describe('an agency project (代办项目): the case files its step `stepId` (channel `agent`)')),
    stepId: z.optional(StepId),
  })
  .check(
    z.superRefine((body, ctx) => {
      if ((body.projectId === undefined) !== (body.stepId === undefined)) ctx.addIssue({ code: 'custom', path: [body.projectId === undefined ? 'projectId' : 'stepId'], message: 'a project’s step is named by projectId and stepId together' });
      else if (body.projectId !== undefined && body.channel !== 'agent') ctx.addIssue({ code: 'custom', path: ['channel'], message: 'a project’s step is filed on channel agent' });
    }),
  );



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


/** The case's commands; its reads are in queries.ts (another function, which need not carry these). */
export const caseCommandRoutes = [
  submitCase,
  step('request-materials', 'requestMaterials', 'Issue the one-time notice of everything missing (一次性告知)', z.strictObject({ missing: z.array(MaterialCode).check(z.minLength(1), z.maxLength(60)), note: z.optional(Text(1000)) }), (data, meta) => ({ type: 'RequestMaterials', data, meta })),
  step('supply-materials', 'supplyMaterials', 'Record the materials brought in answer to the notice (补正)', z.strictObject({ materials: z.array(MaterialCode).check(z.minLength(1), z.maxLength(60)) }), (data, meta) => ({ type: 'SupplyMaterials', data, meta })),
  step('accept', 'acceptCase', 'Accept the application (受理); the deadline starts', EmptyBody, (data, meta) => ({ type: 'AcceptCase', data, meta })),
  step('reject', 'rejectCase', 'Decline to accept (不予受理), with the reason', z.strictObject({ reason: Text(1000) }), (data, meta) => ({ type: 'RejectCase', data, meta })),
  step('suspend', 'suspendCase', 'Start a special procedure (特别程序): the clock stops', z.strictObject({ procedure: z.enum(procedures), reason: Text(1000) }), (data, meta) => ({ type: 'SuspendCase', data, meta })),
  step('resume', 'resumeCase', 'End the special procedure: the clock runs again', EmptyBody, (data, meta) => ({ type: 'ResumeCase', data, meta })),
  step('transfer', 'transferCase', 'Move the case to another window, or forward it to the county (转办/转报)', z.strictObject({ windowId: Id, siteId: z.optional(Id) }), (data, meta) => ({ type: 'TransferCase', data, meta })),
  step('complete', 'completeCase', 'Decide the case (办结)', z.strictObject({ decision: z.enum(decisions), note: z.optional(Text(1000)) }), (data, meta) => ({ type: 'CompleteCase', data, meta })),
  step('deliver', 'deliverCase', 'Hand over the result (送达)', z.strictObject({ method: z.enum(deliveryMethods) }), (data, meta) => ({ type: 'DeliverCase', data, meta })),
];
