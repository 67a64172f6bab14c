import * as z from 'zod/mini';
import { intermediaryAggregate } from '../../domain/market/intermediary.ts';
import { liveQuotes, marketAggregate } from '../../domain/market/project.ts';
import { marketStats } from '../../domain/market/stats.ts';
import type { IntermediaryCommand, IntermediaryState, MarketCommand, MarketProjectState } from '../../domain/market/types.ts';
import { IllegalTransition } from '../../domain/errors.ts';
import { Forbidden } from '../auth/access.ts';
import { numbered } from '../commands/numbered.ts';
import { commandReply, versioned } from '../http/command-reply.ts';
import { commandMeta } from '../http/request-meta.ts';
import { defineRoute, type Request } from '../http/route.ts';
import { dateRange, EmptyBody } from '../http/schemas.ts';
import { ulid } from '../ids.ts';
import type { Runtime } from '../runtime.ts';
import { todayAt } from '../runtime.ts';
import { commitmentOf, drawFor, drawKey } from './draw.ts';
import { sweepMarket } from './sweep.ts';
import {
  allIntermediaries,
  allMarketProjects,
  assertMarketReader,
  assertOwner,
  intermediaryView,
  marketContext,
  marketProjectView,
  noIntermediary,
  noMarketProject,
  ownIntermediary,
  readIntermediary,
  readMarketProject,
  standingIn,
} from './read.ts';
import {
  CompleteBody,
  ContractBody,
  DraftBody,
  EvaluationBody,
  IntermediariesQuery,
  IntermediaryParams,
  IntermediaryView,
  MarketProjectParams,
  MarketProjectsQuery,
  MarketProjectView,
  MarketStats,
  MarketStatsQuery,
  MarketSweepView,
  MarketRules,
  NoteBody,
  PublishBody,
  ObjectionBody,
  ObjectionParams,
  QualificationsBody,
  QuoteBody,
  RegisterIntermediaryBody,
  ResolveBody,
  SelectBody,
  SuspendBody,
  WithdrawBody,
} from './schemas.ts';

/**
 * The intermediary-service marketplace (中介超市): intermediaries register and are approved; owners of
 * state-funded projects publish their needs; approved, qualified, trusted intermediaries quote sealed;
 * the winner is chosen by the announced method, publicised for objections, contracted and evaluated.
 */

const ENTRY = 'market' as const;
const intermediaryContext = (rt: Runtime) => ({ timeZone: rt.county.county.timeZone, serviceType: (code: string) => rt.county.county.market.serviceTypes.some((t) => t.code === code) });

async function onIntermediary(rt: Runtime, request: Request, id: string, command: IntermediaryCommand) {
  const projects = await allMarketProjects(rt);
  return commandReply(
    rt,
    request,
    {
      aggregate: intermediaryAggregate,
      id,
      mustExist: noIntermediary(id),
      authorize: () => {
        if (request.caller.actor.role === 'intermediary' && request.caller.intermediaryId !== id) throw new Forbidden('an intermediary changes its own registration only');
      },
      command: () => command,
      context: intermediaryContext(rt),
    },
    ({ state, version }) => versioned(intermediaryView(rt, state!, projects, todayAt(rt, request.now), request.caller, { facts: true, version }), version),
  );
}

function intermediaryStep<B extends typeof SuspendBody | typeof NoteBody | typeof QualificationsBody | typeof EmptyBody>(path: string, operationId: string, summary: string, body: B, access: readonly ('admin' | 'intermediary')[], command: (body: z.output<B>, request: Request) => IntermediaryCommand) {
  return defineRoute({
    method: 'POST',
    path: `/intermediaries/{id}/${path}`,
    entry: ENTRY,
    operationId,
    summary,
    params: IntermediaryParams,
    body,
    response: { status: 200, schema: IntermediaryView },
    command: true,
    access,
    handle: (request, rt) => onIntermediary(rt, request, request.params.id, command(request.body as z.output<B>, request)),
  });
}

/** One command on a marketplace project, exactly once; the reply is the project as the caller may see it after it. */
async function onProject(rt: Runtime, request: Request, id: string, how: { authorize: (state: MarketProjectState) => void; intermediaries?: readonly string[]; command: (state: MarketProjectState) => MarketCommand | Promise<MarketCommand> }) {
  const context = await marketContext(rt, request.now, how.intermediaries ?? []);
  return commandReply(
    rt,
    request,
    {
      aggregate: marketAggregate,
      id,
      mustExist: noMarketProject(id),
      authorize: (state) => {
        if (!state) return;
        assertMarketReader(request.caller, state);
        how.authorize(state);
      },
      command: (state) => how.command(state!),
      context,
    },
    ({ state, version }) => versioned(marketProjectView(rt, state!, request.caller, request.now, version), version),
  );
}

/** A step an owner (for their own unit) or an administrator takes. */
function ownerStep<B extends typeof CompleteBody | typeof ContractBody | typeof EvaluationBody>(path: string, operationId: string, summary: string, body: B, command: (body: z.output<B>, request: Request) => MarketCommand) {
  return defineRoute({
    method: 'POST',
    path: `/market/projects/{id}/${path}`,
    entry: ENTRY,
    operationId,
    summary,
    params: MarketProjectParams,
    body,
    response: { status: 200, schema: MarketProjectView },
    command: true,
    access: ['owner', 'admin'],
    handle: (request, rt) => onProject(rt, request, request.params.id, { authorize: (state) => assertOwner(request.caller, state), command: () => command(request.body as z.output<B>, request) }),
  });
}

const READERS = ['admin', 'director', 'owner', 'intermediary'] as const;

export const marketRoutes = [
  defineRoute({
    method: 'POST',
    path: '/intermediaries',
    entry: ENTRY,
    operationId: 'registerIntermediary',
    summary: 'Register an intermediary (中介机构入驻): 201, pending an administrator’s approval. An intermediary registers under its account’s custom:intermediaryId; an administrator gets a new id to bind its accounts to',
    body: RegisterIntermediaryBody,
    response: { status: 201, schema: IntermediaryView },
    command: true,
    access: ['intermediary', 'admin'],
    handle: async (request, rt) => {
      const { caller } = request;
      const id = caller.actor.role === 'intermediary' ? ownIntermediary(caller) : ulid(Date.parse(request.now));
      const b = request.body;
      const command: IntermediaryCommand = { type: 'RegisterIntermediary', data: { intermediaryId: id, name: b.name, creditCode: b.creditCode, serviceTypes: b.serviceTypes, qualifications: b.qualifications, contact: b.contact }, meta: commandMeta(request) };
      // One registration per organisation: its credit code is claimed in the registration's own transaction.
      const claim = `intermediaryCode#${b.creditCode}`;
      let claimed = 0;
      return commandReply(
        rt,
        request,
        {
          aggregate: intermediaryAggregate,
          id,
          ...(caller.actor.role === 'admin' ? { isNew: true as const } : {}),
          command: async (state) => {
            intermediaryAggregate.decide(command, state, intermediaryContext(rt));
            claimed = await rt.events.sequenceValue(claim);
            if (claimed > 0) throw new IllegalTransition(`an intermediary with credit code ${b.creditCode} is registered already`);
            return command;
          },
          extra: () => [rt.events.takeSequence(claim, claimed)],
          contended: true,
          context: intermediaryContext(rt),
        },
        ({ state, version }) => versioned(intermediaryView(rt, state!, [], todayAt(rt, request.now), caller, { facts: true, version }), version, 201, { location: `/intermediaries/${id}` }),
      );
    },
  }),
  intermediaryStep('approve', 'approveIntermediary', 'Approve an intermediary (审核通过): it may quote from now on', EmptyBody, ['admin'], (_, request) => ({ type: 'ApproveIntermediary', data: {}, meta: commandMeta(request) })),
  intermediaryStep('suspend', 'suspendIntermediary', 'Suspend an intermediary (暂停资格) through a day, or until reinstated', SuspendBody, ['admin'], (body, request) => ({ type: 'SuspendIntermediary', data: { reason: body.reason, until: body.until ?? null }, meta: commandMeta(request) })),
  intermediaryStep('reinstate', 'reinstateIntermediary', 'Lift a suspension (恢复资格), one set by hand or one its evaluations brought', NoteBody, ['admin'], (body, request) => ({ type: 'ReinstateIntermediary', data: { note: body.note ?? null }, meta: commandMeta(request) })),
  intermediaryStep('qualifications', 'updateIntermediaryQualifications', 'Replace its service types and certificates (资质变更): a renewed or new certificate', QualificationsBody, ['admin', 'intermediary'], (body, request) => ({
    type: 'UpdateQualifications',
    data: { serviceTypes: body.serviceTypes, qualifications: body.qualifications },
    meta: commandMeta(request),
  })),
  defineRoute({
    method: 'GET',
    path: '/intermediaries',
    entry: ENTRY,
    operationId: 'listIntermediaries',
    summary: 'The intermediaries with their state and trust score today (信用评价), highest score first; contacts for staff and owners only',
    query: IntermediariesQuery,
    response: { status: 200, schema: z.array(IntermediaryView) },
    access: READERS,
    handle: async (request, rt) => {
      const [intermediaries, projects] = await Promise.all([allIntermediaries(rt), allMarketProjects(rt)]);
      const today = todayAt(rt, request.now);
      const { serviceType, status } = request.query;
      const rows = intermediaries
        .filter((i) => serviceType === undefined || i.serviceTypes.includes(serviceType))
        .map((i) => intermediaryView(rt, i, projects, today, request.caller, { facts: false }))
        .filter((i) => status === undefined || i.status === status)
        .sort((a, b) => b.trust.score - a.trust.score || a.name.localeCompare(b.name, 'zh-CN'));
      return { body: rows };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/intermediaries/{id}',
    entry: ENTRY,
    operationId: 'getIntermediary',
    summary: 'An intermediary with its trust score and every fact behind it (evaluations, penalties); an intermediary reads its own',
    params: IntermediaryParams,
    response: { status: 200, schema: IntermediaryView },
    access: READERS,
    handle: async (request, rt) => {
      const { id } = request.params;
      if (request.caller.actor.role === 'intermediary' && request.caller.intermediaryId !== id) throw new Forbidden('an intermediary reads its own registration');
      const [found, projects] = await Promise.all([readIntermediary(rt, id), allMarketProjects(rt)]);
      if (!found) throw noIntermediary(id)();
      return versioned(intermediaryView(rt, found.state, projects, todayAt(rt, request.now), request.caller, { facts: true, version: found.version }), found.version);
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/market/projects',
    entry: ENTRY,
    operationId: 'draftMarketProject',
    summary: 'Draft a project’s intermediary need (编制采购需求): 201 with its id and number; an owner drafts for its own unit, an administrator names the unit',
    body: DraftBody,
    response: { status: 201, schema: MarketProjectView },
    command: true,
    access: ['owner', 'admin'],
    handle: async (request, rt) => {
      const { caller } = request;
      const b = request.body;
      let ownerId: string;
      if (caller.actor.role === 'owner') {
        if (caller.ownerId === null) throw new Forbidden('this account is bound to no owner unit (custom:ownerId)');
        if (b.ownerId !== undefined && b.ownerId !== caller.ownerId) throw new Forbidden(`an owner drafts for its own unit (${caller.ownerId})`);
        ownerId = caller.ownerId;
      } else {
        if (b.ownerId === undefined) throw new Forbidden('an administrator drafting for an owner names it (ownerId)');
        ownerId = b.ownerId;
      }
      const projectId = ulid(Date.parse(request.now));
      const year = todayAt(rt, request.now).slice(0, 4);
      const counter = `marketNo#${year}`;
      const context = await marketContext(rt, request.now);
      const command = (n: number): MarketCommand => ({
        type: 'DraftMarketProject',
        data: {
          projectId,
          projectNo: `ZJ${rt.county.county.code}-${year}-${String(n).padStart(4, '0')}`,
          title: b.title,
          description: b.description,
          ownerId,
          ownerName: b.ownerName,
          serviceType: b.serviceType,
          budget: b.budget,
          stateFunded: b.stateFunded,
          method: b.method,
          qualification: b.qualification,
          quoteDeadline: b.quoteDeadline,
          servicePeriodDays: b.servicePeriodDays,
          directIntermediaryId: b.directIntermediaryId ?? null,
        },
        meta: commandMeta(request),
      });
      return commandReply(
        rt,
        request,
        { aggregate: marketAggregate, id: projectId, ...numbered(rt, counter, (c: MarketCommand) => marketAggregate.decide(c, undefined, context), command), context },
        ({ state, version }) => versioned(marketProjectView(rt, state!, caller, request.now, version), version, 201, { location: `/market/projects/${projectId}` }),
      );
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/market/projects/{id}/publish',
    entry: ENTRY,
    operationId: 'publishMarketProject',
    summary: 'Publish the announcement (发布公告); a random draw’s key commitment goes out with it. The deadline must leave the county’s minimum working days: a draft that waited too long is published with a new `quoteDeadline`',
    params: MarketProjectParams,
    body: PublishBody,
    response: { status: 200, schema: MarketProjectView },
    command: true,
    access: ['owner', 'admin'],
    handle: async (request, rt) => {
      const { id } = request.params;
      const commitment = commitmentOf(await drawKey(id));
      return onProject(rt, request, id, {
        authorize: (state) => assertOwner(request.caller, state),
        command: (state) => ({ type: 'PublishMarketProject', data: { drawCommitment: state.method === 'random-draw' ? commitment : null, quoteDeadline: request.body.quoteDeadline ?? null }, meta: commandMeta(request) }),
      });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/market/projects/{id}/quotes',
    entry: ENTRY,
    operationId: 'submitQuote',
    summary: 'Quote (报价), sealed until the deadline; quoting again replaces one’s quote. Only approved, unsuspended intermediaries with the qualification and a trust score at or above the floor, within the budget',
    params: MarketProjectParams,
    body: QuoteBody,
    response: { status: 200, schema: MarketProjectView },
    command: true,
    access: ['intermediary'],
    handle: async (request, rt) => {
      const intermediaryId = ownIntermediary(request.caller);
      const { amount, servicePeriodDays } = request.body;
      return onProject(rt, request, request.params.id, { authorize: () => {}, intermediaries: [intermediaryId], command: () => ({ type: 'SubmitQuote', data: { intermediaryId, amount, servicePeriodDays }, meta: commandMeta(request) }) });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/market/projects/{id}/select',
    entry: ENTRY,
    operationId: 'selectIntermediary',
    summary: 'Select the winner after the deadline (选取) by the announced method: lowest price and the random draw need nothing, comprehensive scoring the panel’s scores; too few quotes fail the project (流标). The result is publicised for the county’s working days',
    params: MarketProjectParams,
    body: SelectBody,
    response: { status: 200, schema: MarketProjectView },
    command: true,
    access: ['owner', 'admin'],
    handle: async (request, rt) => {
      const { id } = request.params;
      // After the deadline the quotes no longer change: who quoted is known before deciding.
      const { state: before } = await readMarketProject(rt, id);
      const quoting = liveQuotes(before).map((q) => q.intermediaryId);
      return onProject(rt, request, id, {
        authorize: (state) => assertOwner(request.caller, state),
        intermediaries: quoting,
        command: async (state) => ({ type: 'SelectIntermediary', data: { draw: state.method === 'random-draw' ? await drawFor(state) : null, scores: request.body.scores ?? null }, meta: commandMeta(request) }),
      });
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/market/projects/{id}/objections',
    entry: ENTRY,
    operationId: 'raiseObjection',
    summary: 'Object to the result during its publicity period (提出异议): an intermediary that quoted, or an administrator recording one',
    params: MarketProjectParams,
    body: ObjectionBody,
    response: { status: 201, schema: MarketProjectView },
    command: true,
    access: ['intermediary', 'admin'],
    handle: async (request, rt) => {
      const { caller } = request;
      const intermediaryId = caller.actor.role === 'intermediary' ? ownIntermediary(caller) : (request.body.intermediaryId ?? null);
      const reply = await onProject(rt, request, request.params.id, { authorize: () => {}, command: () => ({ type: 'RaiseObjection', data: { text: request.body.text, intermediaryId }, meta: commandMeta(request) }) });
      return { ...reply, status: 201 };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/market/projects/{id}/objections/{n}/resolve',
    entry: ENTRY,
    operationId: 'resolveObjection',
    summary: 'Answer an objection (异议处理): upheld annuls the selection (its intermediary is penalised and the owner selects again among the rest); dismissed, the publicity period ends if it is over',
    params: ObjectionParams,
    body: ResolveBody,
    response: { status: 200, schema: MarketProjectView },
    command: true,
    access: ['admin'],
    handle: (request, rt) =>
      onProject(rt, request, request.params.id, { authorize: () => {}, command: () => ({ type: 'ResolveObjection', data: { objectionNo: request.params.n, upheld: request.body.upheld, resolution: request.body.resolution }, meta: commandMeta(request) }) }),
  }),
  defineRoute({
    method: 'POST',
    path: '/market/projects/{id}/withdrawal',
    entry: ENTRY,
    operationId: 'withdrawAward',
    summary: 'The winner gives up its award before the contract (放弃中选): penalised on its trust score; the owner selects again among the rest',
    params: MarketProjectParams,
    body: WithdrawBody,
    response: { status: 200, schema: MarketProjectView },
    command: true,
    access: ['intermediary', 'admin'],
    handle: (request, rt) => {
      const intermediaryId = request.caller.actor.role === 'intermediary' ? ownIntermediary(request.caller) : null;
      return onProject(rt, request, request.params.id, { authorize: () => {}, command: () => ({ type: 'WithdrawAward', data: { reason: request.body.reason, intermediaryId }, meta: commandMeta(request) }) });
    },
  }),
  ownerStep('contract', 'signMarketContract', 'Record the contract (签订合同) after the publicity period', ContractBody, (body, request) => ({ type: 'SignContract', data: { contractNo: body.contractNo, signedDate: body.signedDate }, meta: commandMeta(request) })),
  ownerStep('complete', 'completeMarketService', 'Record the service delivered (服务完成): late against the quoted service period is a penalty', CompleteBody, (body, request) => ({ type: 'CompleteService', data: { completedDate: body.completedDate }, meta: commandMeta(request) })),
  ownerStep('evaluation', 'evaluateIntermediary', 'Evaluate the intermediary (服务评价), once: quality, timeliness, attitude, fee compliance 1–5', EvaluationBody, (body, request) => ({
    type: 'EvaluateIntermediary',
    data: { quality: body.quality, timeliness: body.timeliness, attitude: body.attitude, feeCompliance: body.feeCompliance, comment: body.comment ?? null },
    meta: commandMeta(request),
  })),
  defineRoute({
    method: 'GET',
    path: '/market/projects/{id}',
    entry: ENTRY,
    operationId: 'getMarketProject',
    summary: 'A marketplace project: quotes sealed until the deadline (an intermediary sees its own), then every quote with the result and its evidence',
    params: MarketProjectParams,
    response: { status: 200, schema: MarketProjectView },
    access: READERS,
    handle: async (request, rt) => {
      const { state, version } = await readMarketProject(rt, request.params.id);
      assertMarketReader(request.caller, state);
      return versioned(marketProjectView(rt, state, request.caller, request.now, version), version);
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/market/projects',
    entry: ENTRY,
    operationId: 'listMarketProjects',
    summary: 'Marketplace projects, newest first: an owner’s own; for an intermediary every published one, each with its own quote only until the deadline',
    query: MarketProjectsQuery,
    response: { status: 200, schema: z.array(MarketProjectView) },
    access: READERS,
    handle: async (request, rt) => {
      const { caller } = request;
      const { status, serviceType } = request.query;
      const projects = (await allMarketProjects(rt)).filter(
        (p) =>
          (caller.actor.role !== 'owner' || p.ownerId === caller.ownerId) &&
          (caller.actor.role !== 'intermediary' || p.status !== 'draft') &&
          (status === undefined || p.status === status) &&
          (serviceType === undefined || p.serviceType === serviceType),
      );
      return { body: projects.sort((a, b) => b.projectNo.localeCompare(a.projectNo)).map((p) => marketProjectView(rt, p, caller, request.now)) };
    },
  }),
  defineRoute({
    method: 'GET',
    path: '/market/service-types',
    entry: ENTRY,
    operationId: 'listMarketServiceTypes',
    summary: 'The kinds of intermediary service the county’s marketplace deals in (服务类型), and its rules: minimum quotes, announcement and publicity working days, the direct-award threshold, the trust floor',
    response: { status: 200, schema: MarketRules },
    access: READERS,
    handle: (_request, rt) => {
      const m = rt.county.county.market;
      return { body: { serviceTypes: m.serviceTypes, minQuotes: m.minQuotes, minQuoteWorkingDays: m.minQuoteWorkingDays, publicityWorkingDays: m.publicityWorkingDays, directAwardBelowYuan: m.directAwardBelowYuan, trustFloor: m.trust.floor } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/market/deadlines',
    entry: ENTRY,
    operationId: 'sweepMarketDeadlines',
    summary: 'Run the daily timer now (an administrator): close quoting where the deadline passed and end the publicity periods that are over; nothing twice',
    body: EmptyBody,
    response: { status: 200, schema: MarketSweepView },
    access: ['admin'],
    handle: async (request, rt) => ({ body: await sweepMarket(rt, request.now, () => commandMeta(request)) }),
  }),
  defineRoute({
    method: 'GET',
    path: '/stats/market',
    entry: ENTRY,
    operationId: 'getMarketStats',
    summary: 'The marketplace figures for a period (中介超市统计): published, concluded, failed, budgets, awards and the money saved, by service type, and the intermediaries able to compete',
    query: MarketStatsQuery.check(z.superRefine(dateRange)),
    response: { status: 200, schema: MarketStats },
    access: ['director', 'admin'],
    handle: async (request, rt) => {
      const { from, to, serviceType } = request.query;
      const [projects, intermediaries] = await Promise.all([allMarketProjects(rt), allIntermediaries(rt)]);
      const active = intermediaries.filter((i: IntermediaryState) => (serviceType === undefined || i.serviceTypes.includes(serviceType)) && standingIn(rt, i, projects, to).standing.status === 'approved').length;
      return { body: marketStats(projects, { from, to, ...(serviceType === undefined ? {} : { serviceType }) }, rt.county.county.market.serviceTypes, active) };
    },
  }),
];
