import * as z from 'zod/mini';
import type { CommandMeta } from '../../domain/meta.ts';
import type { CaseCommand } from '../../domain/case/commands.ts';
import { recheckResults, resolutions, verificationFindings } from '../../domain/case/events.ts';
import { rectificationStatuses, type CaseState, type Rectification } from '../../domain/case/state.ts';
import { doneRectificationsPartition, openRectificationsPartition, rectifications, type RectificationView } from '../../domain/projections/rectifications.ts';
import { levels } from '../../domain/reviews/levels.ts';
import { rectificationWarningKinds, rectificationWarnings } from '../../domain/stats/satisfaction.ts';
import type { LocalDate } from '../../domain/time.ts';
import { assertPlace, Forbidden, type Access } from '../auth/access.ts';
import { caseOf, onCase } from '../case/run.ts';
import { versioned } from '../http/command-reply.ts';
import { commandMeta } from '../http/request-meta.ts';
import { defineRoute, type Out } from '../http/route.ts';
import { CaseId, Id, LocalDateString, named, Text } from '../http/schemas.ts';
import { todayAt } from '../runtime.ts';

/** The rectification of bad reviews (整改): verify, resolve, appeal, re-check, follow up, close — and the list with its warnings. */

const RectificationIdParams = z.strictObject({ id: z.string().check(z.regex(/^[0-9A-HJKMNP-TV-Z]{26}-R\d{1,3}$/, 'a rectification id such as 01J…-R1')) });
const RectificationsQuery = z.strictObject({ status: z.optional(z.enum([...rectificationStatuses, 'open'])), windowId: z.optional(Id), month: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}$/))) });
const RectificationSchema = named('Rectification', z.object({
  rectificationId: z.string(),
  caseId: CaseId,
  caseNo: z.string(),
  itemName: z.string(),
  windowId: z.string(),
  level: z.enum(levels),
  status: z.enum(rectificationStatuses),
  openedDate: LocalDateString,
  callbackDue: LocalDateString,
  resolveDue: LocalDateString,
  calledBackDate: z.nullable(LocalDateString),
  finding: z.nullable(z.enum(verificationFindings)),
  resolvedHow: z.nullable(z.enum(resolutions)),
  recheck: z.nullable(z.enum(recheckResults)),
  recheckedDate: z.nullable(LocalDateString),
  closedDate: z.nullable(LocalDateString),
  warnings: z.array(z.enum(rectificationWarningKinds)),
}));

const toView = (r: Rectification, state: CaseState): RectificationView => ({ ...r, caseId: state.caseId, caseNo: state.caseNo, itemName: state.item.name });
const withWarnings = (r: RectificationView, today: LocalDate) => ({ ...r, warnings: rectificationWarnings(r, today) });

/**
 * One step of the bad-review loop, on the case the rectification belongs to (its id names the case).
 * `placeBound`: a clerk answers for their own window's rectifications only.
 */
function step<B extends z.ZodMiniType>(path: string, operationId: string, summary: string, body: B, access: Access, placeBound: boolean, command: (rectificationId: string, body: Out<B>, meta: CommandMeta) => CaseCommand) {
  return defineRoute({
    method: 'POST',
    path: `/rectifications/{id}/${path}`,
    entry: 'reviews',
    operationId,
    summary,
    params: RectificationIdParams,
    body,
    response: { status: 200, schema: RectificationSchema },
    command: true,
    access,
    handle: (request, rt) => {
      const id = request.params.id;
      const caseId = id.slice(0, id.lastIndexOf('-R'));
      return onCase(
        rt,
        request,
        caseId,
        () => command(id, request.body, commandMeta(request)),
        (result) => {
          const state = caseOf(result);
          const r = state.rectifications.find((x) => x.rectificationId === id)!;
          return versioned(withWarnings(toView(r, state), todayAt(rt, request.now)), state.version);
        },
        {
          authorize: (state) => {
            const r = state?.rectifications.find((x) => x.rectificationId === id);
            if (placeBound && r) assertPlace(request.caller, { windowId: r.windowId }, `rectification ${id}`);
          },
        },
      );
    },
  });
}

const SUPERVISORS = ['director', 'admin'] as const;
const WINDOWS = ['clerk', 'director', 'admin'] as const;

export const rectificationRoutes = [
  defineRoute({
    method: 'GET',
    path: '/rectifications',
    entry: 'reviews',
    operationId: 'listRectifications',
    summary: 'Rectifications (整改) with overdue warnings; clerks see their window’s; callback staff see those awaiting their follow-up call',
    query: RectificationsQuery,
    response: { status: 200, schema: z.array(RectificationSchema) },
    // Callback staff make the follow-up call of every rectified bad review, so they need the list of them.
    access: [...WINDOWS, 'callback'],
    handle: async (request, rt) => {
      // Callback staff see the rectifications waiting for their follow-up call, no others.
      const query = request.caller.actor.role === 'callback' ? { ...request.query, status: 'resolved' as const } : request.query;
      let windowId = query.windowId;
      if (request.caller.actor.role === 'clerk') {
        if (request.caller.windowId === null) throw new Forbidden('a clerk without a window has no rectifications');
        if (windowId !== undefined && windowId !== request.caller.windowId) assertPlace(request.caller, { windowId }, `window ${windowId}’s rectifications`);
        windowId = request.caller.windowId;
      }
      const date = todayAt(rt, request.now);
      const partitions = query.status === undefined || query.status === 'open' || !['closed', 'voided'].includes(query.status) ? [openRectificationsPartition] : [];
      if (query.status === undefined || query.status === 'closed' || query.status === 'voided') partitions.push(doneRectificationsPartition(query.month ?? date.slice(0, 7)));
      const docs = (await Promise.all(partitions.map((p) => rt.views.docs(rectifications, p)))).flat().map((i) => i.doc);
      const selected = docs.filter((r) => (windowId === undefined || r.windowId === windowId) && (query.status === undefined || query.status === 'open' || r.status === query.status));
      return { body: selected.map((r) => withWarnings(r, date)) };
    },
  }),
  step('verify', 'verifyRectification', 'Verify the bad review (核实)', z.strictObject({ finding: z.enum(verificationFindings), note: z.optional(Text(1000)) }), SUPERVISORS, false, (rectificationId, body, meta) => ({ type: 'VerifyRectification', data: { rectificationId, ...body }, meta })),
  step('resolve', 'resolveRectification', 'Rectify (整改) or explain', z.strictObject({ how: z.enum(resolutions), note: Text(2000) }), WINDOWS, true, (rectificationId, body, meta) => ({ type: 'ResolveRectification', data: { rectificationId, ...body }, meta })),
  step('appeal', 'appealRectification', 'Appeal a mistaken or malicious review (申诉)', z.strictObject({ reason: Text(2000) }), WINDOWS, true, (rectificationId, body, meta) => ({ type: 'AppealRectification', data: { rectificationId, ...body }, meta })),
  step('recheck', 'recheckRectification', 'Re-check an appeal (复核): uphold or void the review', z.strictObject({ result: z.enum(recheckResults), note: z.optional(Text(1000)) }), ['admin'], false, (rectificationId, body, meta) => ({ type: 'RecheckRectification', data: { rectificationId, ...body }, meta })),
  step('follow-up', 'followUpRectification', 'Record the follow-up callback', z.strictObject({ satisfied: z.boolean(), note: z.optional(Text(1000)) }), ['callback', 'admin'], false, (rectificationId, body, meta) => ({ type: 'FollowUpRectification', data: { rectificationId, ...body }, meta })),
  step('close', 'closeRectification', 'Close the rectification', z.strictObject({ note: z.optional(Text(1000)) }), SUPERVISORS, false, (rectificationId, body, meta) => ({ type: 'CloseRectification', data: { rectificationId, ...body }, meta })),
];
