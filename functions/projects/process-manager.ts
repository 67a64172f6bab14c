import { caseAggregate } from '../../domain/case/aggregate.ts';
import type { ProjectLink } from '../../domain/case/events.ts';
import type { CaseState } from '../../domain/case/state.ts';
import type { CountyIndex } from '../../domain/county.ts';
import { DomainError } from '../../domain/errors.ts';
import { projectAggregate } from '../../domain/project/aggregate.ts';
import { projectCommandFor } from '../../domain/project/process.ts';
import type { ProjectContext } from '../../domain/project/types.ts';
import { handleCommand } from '../commands/handle.ts';
import { logger } from '../logger.ts';
import type { ProjectableEvent, Reactor } from '../projections/projector.ts';
import type { DynamoEventStore } from '../store/dynamo-event-store.ts';

/** What deciding a project needs from the county: the catalogue, its sites, its time zone. */
export const projectContext = (county: CountyIndex): ProjectContext => ({
  timeZone: county.county.timeZone,
  item: (code) => county.item(code),
  site: (id) => county.site(id) !== undefined,
});

/**
 * The agency project follows its steps' cases (the first process manager): a case filed for a step
 * becomes `StepFiled`, its completion `StepCompleted` or `StepDenied`. It rides on the live projector
 * (`Reactor`), so it sees each case's events in order, after the views have them, and again on
 * redelivery; each command's idempotency key is the case event's stream and version, stored in the
 * project's own append, and the project's decider ignores a case it has already recorded — so a
 * redelivered or replayed event changes nothing. A rebuild's projector has no reactors.
 */
export class ProjectProcess implements Reactor {
  constructor(
    private readonly store: DynamoEventStore,
    private readonly county: CountyIndex,
  ) {}

  follows(stream: string): boolean {
    return stream.startsWith(caseAggregate.streamPrefix);
  }

  async react(record: ProjectableEvent, state: unknown): Promise<void> {
    const link = linkOf(record, state as CaseState | undefined);
    if (!link) return;
    const caseState = state as CaseState | undefined;
    const submitted = record.type === 'CaseSubmitted' ? (record.data as { caseId: string; caseNo: string; item: { code: string } }) : undefined;
    const caseInfo = {
      caseId: submitted?.caseId ?? caseState?.caseId ?? '',
      caseNo: submitted?.caseNo ?? caseState?.caseNo ?? '',
      itemCode: submitted?.item.code ?? caseState?.item.code ?? '',
      onTime: caseState?.onTime ?? null,
    };
    const planned = projectCommandFor({ stream: record.stream, version: record.version, event: { type: record.type, data: record.data, meta: record.meta } } as Parameters<typeof projectCommandFor>[0], link, caseInfo);
    if (!planned) return;
    try {
      await handleCommand(
        this.store,
        { aggregate: projectAggregate, id: planned.projectId, command: () => planned.command, context: projectContext(this.county) },
        () => ({ recorded: planned.key }),
        { key: planned.key, fingerprint: planned.key },
      );
    } catch (error) {
      // A refusal will be refused again on every retry (a project that does not exist): say so and go on.
      if (!(error instanceof DomainError)) throw error;
      logger.error('agency project did not take a step’s case', { projectId: planned.projectId, stream: record.stream, version: record.version, error });
    }
  }
}

/** The project step a case files: from its submission, or the state the projector keeps. */
function linkOf(record: ProjectableEvent, state: CaseState | undefined): ProjectLink | null {
  if (record.type === 'CaseSubmitted') return (record.data as { project?: ProjectLink }).project ?? null;
  return state?.project ?? null;
}
