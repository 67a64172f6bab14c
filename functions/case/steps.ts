import type * as z from 'zod/mini';
import { caseAggregate } from '../../domain/case/aggregate.ts';
import type { CaseCommand } from '../../domain/case/commands.ts';
import type { CaseEvent } from '../../domain/case/events.ts';
import { caseStream } from '../../domain/case/stream.ts';
import { caseView } from '../../domain/case/view.ts';
import { fold } from '../../domain/decider.ts';
import type { CommandMeta } from '../../domain/meta.ts';
import { revealsPhone, type Caller } from '../auth/access.ts';
import type { EntryName } from '../entrypoints.ts';
import { versioned } from '../http/command-reply.ts';
import { commandMeta } from '../http/request-meta.ts';
import { defineRoute, type Out, type Request } from '../http/route.ts';
import type { Runtime } from '../runtime.ts';
import { assertCaseReader, caseOf, noCase, onCase, type CaseResult } from './run.ts';
import { CaseIdParams, CaseView } from './schemas.ts';

/** A case's steps as routes, the reply every step gives, and a case read for its readers: shared by the features whose routes act on a case. */

/** What a caller sees of a case after a command: the case as it is now, with its version as the ETag. */
export function caseReply(result: CaseResult, caller: Caller, context: { calendar: Parameters<typeof caseView>[1] }, status?: number) {
  const state = caseOf(result);
  return versioned(caseView(state, context.calendar, { revealPhone: revealsPhone(caller) }), state.version, status, status === 201 ? { location: `/cases/${state.caseId}` } : {});
}

/** One step of a case's life, at the case's window or site (clerks), by the command its body makes; served by `entry`. */
export function step<B extends z.ZodMiniType>(path: string, operationId: string, summary: string, body: B, command: (body: Out<B>, meta: CommandMeta) => CaseCommand, entry: EntryName = 'case-commands') {
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

/** A case read from its own stream (one consistent Query), by those who may read it (`assertCaseReader`). */
export async function readCase(rt: Runtime, id: string, request: Request) {
  const { events } = await rt.events.read<CaseEvent>(caseStream(id));
  const state = fold(caseAggregate, events.map((e) => e.event));
  if (!state) throw noCase(id)();
  assertCaseReader(request.caller, state);
  return { events, state };
}
