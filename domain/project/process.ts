import type { CaseEvent } from '../case/events.ts';
import type { CommandMeta } from '../meta.ts';
import type { RecordStepFiled, RecordStepOutcome } from './types.ts';

/** The case event the process manager reacts to, with where it sits in its stream. */
export interface CaseEventAt {
  stream: string;
  version: number;
  event: CaseEvent;
}

/** What the process manager knows of the case besides the event. */
export interface CaseInfo {
  caseId: string;
  caseNo: string;
  itemCode: string;
  onTime: boolean | null;
}

/**
 * The project command a step's case event means (代办进度跟踪), or null: `CaseSubmitted` records the
 * filing, `CaseCompleted` and `CaseRejected` the outcome; every other event, and a case filed for no
 * project, means nothing. The key names the case event, so a redelivered event gives the same command.
 */
export function projectCommandFor(
  caseEvent: CaseEventAt,
  link: { projectId: string; stepId: string } | null,
  caseInfo: CaseInfo,
): { projectId: string; key: string; command: RecordStepFiled | RecordStepOutcome } | null {
  if (!link) return null;
  const { stream, version, event } = caseEvent;
  const key = `pm.project.${stream}.${version}`;
  const meta: CommandMeta = { actor: { id: 'process-manager', role: 'system' }, windowId: null, siteId: null, now: event.meta.at, commandId: key, correlationId: event.meta.correlationId };
  const cause = { stream, version };
  const { stepId } = link;
  const { caseId } = caseInfo;
  const outcome = (outcome: RecordStepOutcome['data']['outcome'], reason: string | null, onTime: boolean | null): RecordStepOutcome => ({
    type: 'RecordStepOutcome',
    data: { stepId, caseId, outcome, reason, at: event.meta.at, onTime, cause },
    meta,
  });
  const command = (() => {
    switch (event.type) {
      case 'CaseSubmitted':
        return { type: 'RecordStepFiled', data: { stepId, caseId, caseNo: caseInfo.caseNo, itemCode: caseInfo.itemCode, filedAt: event.meta.at, cause }, meta } satisfies RecordStepFiled;
      case 'CaseCompleted':
        return outcome(event.data.decision, event.data.decision === 'denied' ? event.data.note : null, caseInfo.onTime);
      case 'CaseRejected':
        return outcome('rejected', event.data.reason, null);
      default:
        return null;
    }
  })();
  return command && { projectId: link.projectId, key, command };
}
