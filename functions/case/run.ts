import { caseAggregate } from '../../domain/case/aggregate.ts';
import type { CaseCommand } from '../../domain/case/commands.ts';
import type { CaseContext } from '../../domain/case/context.ts';
import type { CaseEvent } from '../../domain/case/events.ts';
import type { CaseState } from '../../domain/case/state.ts';
import { NotFound } from '../../domain/errors.ts';
import { phoneKey } from '../../domain/keyed.ts';
import { assertPlace, Forbidden, type Caller } from '../auth/access.ts';
import type { CommandResult, Handling } from '../commands/handle.ts';
import { commandReply } from '../http/command-reply.ts';
import type { Reply, Request } from '../http/route.ts';
import type { Runtime } from '../runtime.ts';
import { countyMac } from '../secret.ts';

/** The context deciding a case needs: the catalogue, today's calendar, the keyed phone hash for SMS invitations. */
export async function caseContext(rt: Runtime, extra: Partial<CaseContext> = {}): Promise<CaseContext> {
  const [calendar, mac] = await Promise.all([rt.calendars.calendar(), countyMac()]);
  return { county: rt.county, calendar, phoneKey: (phone) => phoneKey(phone, mac), ...extra };
}

export type CaseResult = CommandResult<CaseState | undefined, CaseEvent>;

/** The case a command left: there always is one after a command on a case. */
export function caseOf(result: { state: CaseState | undefined }): CaseState {
  if (!result.state) throw new Error('a command left no case behind');
  return result.state;
}

export const noCase = (id: string) => () => new NotFound(`no case ${id}`);

/**
 * Who may read a case: a clerk the cases at their window or site and those their site received; a
 * department's reviewer the joint cases their department has a task in; other staff every case.
 */
export function assertCaseReader(caller: Caller, state: CaseState): void {
  if (caller.actor.role === 'reviewer') {
    if (!state.joint?.tasks.some((t) => t.departmentId === caller.departmentId)) throw new Forbidden(`case ${state.caseNo} has no task for your department (${caller.departmentId ?? 'none'})`);
    return;
  }
  assertPlace(caller, { windowId: state.windowId, siteIds: [state.siteId, state.receivedSiteId] }, `case ${state.caseNo}`);
}

/** Clerks and rating devices act on the cases at their window or site. */
export const atThePlace = (request: Request) => (state: CaseState | undefined) => {
  if (state) assertPlace(request.caller, { windowId: state.windowId, siteIds: [state.siteId] }, `case ${state.caseNo}`);
};

/**
 * Runs one command on an existing case for an HTTP request, exactly once: the request's key, its
 * `If-Match`, and `authorize` (by default: clerks and rating devices at the case's window or site)
 * checked before anything about the case is answered; the reply is stored with the events.
 */
export async function onCase<T>(
  rt: Runtime,
  request: Request,
  caseId: string,
  command: (state: CaseState) => CaseCommand,
  reply: (result: CaseResult, context: CaseContext) => Reply<T>,
  options: { context?: Partial<CaseContext>; authorize?: Handling<CaseCommand, CaseEvent, CaseState | undefined, CaseContext>['authorize'] } = {},
): Promise<Reply<T>> {
  const context = await caseContext(rt, options.context);
  return commandReply(
    rt,
    request,
    {
      aggregate: caseAggregate,
      id: caseId,
      mustExist: noCase(caseId),
      authorize: options.authorize ?? atThePlace(request),
      command: (state) => command(caseOf({ state })),
      context,
    },
    (result) => reply(result, context),
  );
}
