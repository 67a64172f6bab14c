import { IllegalTransition, NotFound } from '../errors.ts';
import { eventMetaOf } from '../meta.ts';
import type { LocalDate } from '../time.ts';
import type { RectificationCommand } from './commands.ts';
import type { CaseEvent } from './events.ts';
import type { CaseState, Rectification, RectificationStatus } from './state.ts';

/** Which rectification steps may follow which (the bad-review loop, 整改). */
const steps: Record<RectificationCommand['type'], readonly RectificationStatus[]> = {
  VerifyRectification: ['opened'],
  AppealRectification: ['opened', 'verified'],
  RecheckRectification: ['appealed'],
  ResolveRectification: ['verified'],
  FollowUpRectification: ['resolved'],
  CloseRectification: ['followed-up'],
};

function rectificationOf(state: CaseState, id: string): Rectification {
  const found = state.rectifications.find((r) => r.rectificationId === id);
  if (!found) throw new NotFound(`no rectification ${id}`);
  return found;
}

/** One step of a bad review's rectification: verify (核实), appeal (申诉), re-check (复核), resolve (整改), follow up, close. */
export function decideRectification(command: RectificationCommand, state: CaseState, today: LocalDate): CaseEvent[] {
  const meta = eventMetaOf(command.meta);
  const r = rectificationOf(state, command.data.rectificationId);
  if (!steps[command.type].includes(r.status)) throw new IllegalTransition(`cannot ${command.type} a rectification that is ${r.status}`);
  const id = r.rectificationId;
  switch (command.type) {
    case 'VerifyRectification':
      return [{ type: 'RectificationVerified', data: { rectificationId: id, finding: command.data.finding, note: command.data.note ?? null, verifiedDate: today }, meta }];
    case 'AppealRectification':
      if (r.appealReason !== null) throw new IllegalTransition('the review was appealed once already');
      return [{ type: 'RectificationAppealed', data: { rectificationId: id, reason: command.data.reason, appealedDate: today }, meta }];
    case 'RecheckRectification':
      return [{ type: 'RectificationRechecked', data: { rectificationId: id, result: command.data.result, note: command.data.note ?? null, recheckedDate: today }, meta }];
    case 'ResolveRectification':
      return [{ type: 'RectificationResolved', data: { rectificationId: id, how: command.data.how, note: command.data.note, resolvedDate: today }, meta }];
    case 'FollowUpRectification':
      return [{ type: 'RectificationFollowedUp', data: { rectificationId: id, satisfied: command.data.satisfied, note: command.data.note ?? null, followedUpDate: today }, meta }];
    case 'CloseRectification':
      return [{ type: 'RectificationClosed', data: { rectificationId: id, note: command.data.note ?? null, closedDate: today }, meta }];
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${(unhandled as { type: string }).type}`);
    }
  }
}
