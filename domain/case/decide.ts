import type { Item } from '../county.ts';
import { IllegalTransition, InvalidInput, RuleViolation } from '../errors.ts';
import { localDateOf, type LocalDate } from '../time.ts';
import { eventMetaOf } from '../meta.ts';
import { decideCallback } from './callbacks.ts';
import type { CaseCommand, JointCommand, ReviewCommand, SubmitCase } from './commands.ts';
import type { CaseContext } from './context.ts';
import { deadlineOf, timelinessOf } from './deadline.ts';
import type { CaseEvent } from './events.ts';
import { decideRectification } from './rectifications.ts';
import { decideReview } from './reviews.ts';
import { decideJoint, jointDecisionAllowed, jointDeadlinesAfter, openJointReview, openRound } from './joint.ts';
import type { CaseState, CaseStatus } from './state.ts';

type LifecycleCommand = Exclude<CaseCommand, ReviewCommand | JointCommand>;

export const commandStatuses: Record<Exclude<LifecycleCommand['type'], 'SubmitCase'>, readonly CaseStatus[]> = {
  RequestMaterials: ['submitted'],
  SupplyMaterials: ['awaiting-materials'],
  AcceptCase: ['submitted'],
  RejectCase: ['submitted', 'awaiting-materials'],
  SuspendCase: ['accepted'],
  ResumeCase: ['suspended'],
  TransferCase: ['submitted', 'awaiting-materials', 'accepted', 'suspended'],
  CompleteCase: ['accepted'],
  DeliverCase: ['completed'],
};

function unknownMaterials(item: Item, codes: readonly string[], field: string): void {
  const known = new Set(item.materials.map((m) => m.code));
  const errors = codes.flatMap((code, index) =>
    known.has(code) ? [] : [{ path: `${field}.${index}`, message: `item ${item.code} lists no material ${code}` }],
  );
  if (errors.length > 0) throw new InvalidInput('Unknown material code', errors);
}

function itemOf(state: CaseState, context: CaseContext): Item {
  const item = context.county.item(state.item.code);
  // A case keeps the terms it was submitted under; the catalogue entry only lists material names.
  return item ?? { ...state.item, windowId: state.windowId, materials: state.materials.map((code) => ({ code, name: code })) };
}

function submit(command: SubmitCase, context: CaseContext): CaseEvent[] {
  const { county } = context;
  const d = command.data;
  const item = county.item(d.itemCode);
  if (!item) throw new InvalidInput('Unknown item', [{ path: 'itemCode', message: `no item ${d.itemCode} in the catalogue` }]);
  const windowId = d.windowId ?? item.windowId;
  const window = county.window(windowId);
  if (!window) throw new InvalidInput('Unknown window', [{ path: 'windowId', message: `no window ${windowId}` }]);
  let siteId: string;
  if (d.channel === 'township' || d.channel === 'village') {
    const site = d.siteId === undefined ? undefined : county.site(d.siteId);
    if (!site || site.level !== d.channel) {
      throw new InvalidInput('A grassroots application names its site', [
        { path: 'siteId', message: `channel ${d.channel} needs the id of a ${d.channel} site` },
      ]);
    }
    siteId = site.id;
  } else if (d.siteId !== undefined) {
    if (!county.site(d.siteId)) throw new InvalidInput('Unknown site', [{ path: 'siteId', message: `no site ${d.siteId}` }]);
    siteId = d.siteId;
  } else {
    siteId = d.channel === 'window' ? window.siteId : county.centerSite.id;
  }
  unknownMaterials(item, d.materials, 'materials');
  return [
    {
      type: 'CaseSubmitted',
      data: {
        caseId: d.caseId,
        caseNo: d.caseNo,
        item: { code: item.code, name: item.name, type: item.type, committedDays: item.committedDays, statutoryDays: item.statutoryDays },
        windowId,
        departmentId: window.departmentId,
        siteId,
        channel: d.channel,
        applicant: d.applicant,
        materials: [...new Set(d.materials)],
        submittedDate: localDateOf(command.meta.now, county.county.timeZone),
        ...(d.queryCode === undefined ? {} : { queryCode: d.queryCode }),
        ...(d.project === undefined ? {} : { project: { projectId: d.project.projectId, stepId: d.project.stepId } }),
      },
      meta: eventMetaOf(command.meta),
    },
  ];
}

/**
 * Decides what a command means for a case: the events to append, or a domain error. Pure: the
 * county's catalogue and calendar arrive in `context`, the time in the command's metadata.
 */
export function decide(command: CaseCommand, state: CaseState | undefined, context: CaseContext): CaseEvent[] {
  if (command.type === 'SubmitCase') {
    if (state) throw new IllegalTransition(`case ${state.caseId} already exists`);
    return submit(command, context);
  }
  if (!state) throw new IllegalTransition(`${command.type} needs a submitted case`);
  if (command.meta.now < state.updatedAt) {
    throw new RuleViolation('A step cannot be dated before the previous one', { previousStepAt: state.updatedAt, now: command.meta.now });
  }
  const today: LocalDate = localDateOf(command.meta.now, context.county.county.timeZone);
  switch (command.type) {
    case 'ReviewCase':
    case 'ReceiveSmsReply':
    case 'ApplyDefaultReview':
      return decideReview(command, state, context, today);
    case 'RecordCallbackAttempt':
      return decideCallback(command, state, context, today);
    case 'VerifyRectification':
    case 'ResolveRectification':
    case 'AppealRectification':
    case 'RecheckRectification':
    case 'FollowUpRectification':
    case 'CloseRectification':
      return decideRectification(command, state, today);
    case 'ScheduleJointInspection':
    case 'RecordJointInspection':
    case 'GiveDepartmentOpinion':
    case 'IssueJointRectification':
    case 'CompleteJointRectification':
    case 'SweepJointDeadlines':
      return decideJoint(command, state, context, today);
    default:
      return decideLifecycle(command, state, context, today);
  }
}

function decideLifecycle(command: Exclude<LifecycleCommand, SubmitCase>, state: CaseState, context: CaseContext, today: LocalDate): CaseEvent[] {
  const allowed = commandStatuses[command.type];
  if (!allowed.includes(state.status)) {
    const hint = command.type === 'RequestMaterials' && state.status === 'awaiting-materials' ? ': the one-time notice already issued is unanswered' : '';
    throw new IllegalTransition(`cannot ${command.type} a case that is ${state.status}${hint}`);
  }
  const { calendar } = context;
  const meta = eventMetaOf(command.meta);
  const item = itemOf(state, context);

  switch (command.type) {
    case 'RequestMaterials': {
      const missing = [...new Set(command.data.missing)];
      unknownMaterials(item, missing, 'missing');
      const onFile = new Set(state.materials);
      const omitted = item.materials.map((m) => m.code).filter((code) => !onFile.has(code) && !missing.includes(code));
      if (omitted.length > 0) {
        throw new RuleViolation('A one-time notice must list everything missing', { omitted });
      }
      return [{ type: 'MaterialsRequested', data: { missing, note: command.data.note ?? null, noticeDate: today }, meta }];
    }
    case 'SupplyMaterials': {
      unknownMaterials(item, command.data.materials, 'materials');
      return [{ type: 'MaterialsSupplied', data: { materials: [...new Set(command.data.materials)] }, meta }];
    }
    case 'AcceptCase': {
      const onFile = new Set(state.materials);
      const missing = item.materials.map((m) => m.code).filter((code) => !onFile.has(code));
      if (missing.length > 0) throw new RuleViolation('Required materials are missing: issue a one-time notice first', { missing });
      const { deadline, provisional } = deadlineOf(today, state.item.committedDays, 0, calendar);
      // A joint item's departments start reviewing at acceptance, each against its own limit.
      const joint = state.item.type === 'joint' ? openJointReview(context.county.item(state.item.code), today, state.receivedSiteId, context.county, calendar, meta) : [];
      return [{ type: 'CaseAccepted', data: { acceptedDate: today, deadline, deadlineProvisional: provisional }, meta }, ...joint];
    }
    case 'RejectCase':
      return [{ type: 'CaseRejected', data: { reason: command.data.reason, rejectedDate: today }, meta }];
    case 'SuspendCase': {
      if (state.item.type === 'immediate') throw new RuleViolation('Immediate items have no special procedure', { itemType: 'immediate' });
      if (state.joint && openRound(state.joint)) throw new IllegalTransition('the combined rectification list is with the applicant: the clocks already stand still');
      return [{ type: 'CaseSuspended', data: { procedure: command.data.procedure, reason: command.data.reason, suspendedDate: today }, meta }];
    }
    case 'ResumeCase': {
      const since = state.suspension?.since ?? today;
      const stopped = calendar.workingDaysBetween(since, today);
      const acceptedDate = state.acceptedDate ?? today;
      const { deadline, provisional } = deadlineOf(acceptedDate, state.item.committedDays, state.suspendedWorkingDays + stopped, calendar);
      const joint = state.joint ? { jointDeadlines: jointDeadlinesAfter(state.joint, stopped, calendar) } : {};
      return [{ type: 'CaseResumed', data: { resumedDate: today, stoppedWorkingDays: stopped, deadline, deadlineProvisional: provisional, ...joint }, meta }];
    }
    case 'TransferCase': {
      const window = context.county.window(command.data.windowId);
      if (!window) throw new InvalidInput('Unknown window', [{ path: 'windowId', message: `no window ${command.data.windowId}` }]);
      const toSiteId = command.data.siteId ?? window.siteId;
      if (toSiteId !== window.siteId) {
        throw new InvalidInput('The window is at another site', [{ path: 'siteId', message: `window ${window.id} is at site ${window.siteId}` }]);
      }
      if (window.id === state.windowId && toSiteId === state.siteId) {
        throw new RuleViolation('The case is already at that window', { windowId: window.id });
      }
      const fromLevel = context.county.site(state.siteId)?.level;
      const toLevel = context.county.site(toSiteId)?.level;
      const kind = fromLevel !== 'county' && toLevel === 'county' ? 'forward' : 'transfer';
      return [
        {
          type: 'CaseTransferred',
          data: { fromWindowId: state.windowId, fromSiteId: state.siteId, toWindowId: window.id, toSiteId, toDepartmentId: window.departmentId, kind, transferredDate: today },
          meta,
        },
      ];
    }
    case 'CompleteCase': {
      const reportUp = state.item.type === 'report-up';
      if (command.data.decision === 'forwarded' && !reportUp) {
        throw new RuleViolation('Only report-up items end as forwarded', { itemType: state.item.type });
      }
      if (command.data.decision === 'approved' && reportUp) {
        throw new RuleViolation('A report-up item is decided above: it ends as forwarded (or denied here)', { itemType: state.item.type });
      }
      if (state.joint) jointDecisionAllowed(state.joint, command.data.decision);
      const { deadline, onTime, early } = timelinessOf(state, today, calendar);
      const joint = state.joint ? { joint: { workingDays: calendar.workingDaysBetween(state.joint.acceptedDate, today), serialWorkingDays: state.joint.tasks.reduce((sum, t) => sum + t.days, 0) } } : {};
      const completed: CaseEvent = { type: 'CaseCompleted', data: { decision: command.data.decision, note: command.data.note ?? null, completedDate: today, deadline, onTime, early, ...joint }, meta };
      // Completion invites the applicant to rate by SMS, when there is a mobile number and no opt-out.
      const phone = state.applicant.phone;
      const invite = context.phoneKey !== undefined && phone !== undefined && /^1\d{10}$/.test(phone) && state.applicant.optOut !== true;
      return invite ? [completed, { type: 'RatingInvitationDue', data: { phoneKey: context.phoneKey!(phone), completedAt: command.meta.now }, meta }] : [completed];
    }
    case 'DeliverCase': {
      if (state.decision === 'forwarded') throw new IllegalTransition('a forwarded case is delivered by the level that decides it');
      return [{ type: 'CaseDelivered', data: { method: command.data.method, deliveredDate: today }, meta }];
    }
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${(unhandled as CaseCommand).type}`);
    }
  }
}
