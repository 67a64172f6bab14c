import { aggregateOf, allOf } from '../decider.ts';
import { IllegalTransition, InvalidInput, NotFound, type FieldError } from '../errors.ts';
import { eventMetaOf } from '../meta.ts';
import { creditCodeProblem } from '../project/credit-code.ts';
import { localDateOf, type LocalDate } from '../time.ts';
import type { IntermediaryCommand, IntermediaryEvent, IntermediaryState, Qualification } from './types.ts';

export const intermediaryEventTypes = allOf<IntermediaryEvent['type']>({
  IntermediaryRegistered: true,
  QualificationsUpdated: true,
  IntermediaryApproved: true,
  IntermediarySuspended: true,
  IntermediaryReinstated: true,
});

export function evolveIntermediary(state: IntermediaryState | undefined, event: IntermediaryEvent): IntermediaryState {
  if (event.type === 'IntermediaryRegistered') {
    const { registeredDate, ...d } = event.data;
    return { ...d, registeredDate, status: 'pending', approvedDate: null, suspension: null, reinstatedDate: null };
  }
  if (!state) throw new Error(`${event.type} before IntermediaryRegistered`);
  switch (event.type) {
    case 'QualificationsUpdated':
      return { ...state, serviceTypes: event.data.serviceTypes, qualifications: event.data.qualifications };
    case 'IntermediaryApproved':
      return { ...state, status: 'approved', approvedDate: event.data.approvedDate };
    case 'IntermediarySuspended':
      return { ...state, status: 'suspended', suspension: { reason: event.data.reason, since: event.data.suspendedDate, until: event.data.until } };
    case 'IntermediaryReinstated':
      return { ...state, status: 'approved', reinstatedDate: event.data.reinstatedDate };
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled event ${(unhandled as IntermediaryEvent).type}`);
    }
  }
}

/** Whether a manual suspension holds on `date` (one with an end date lapses after it by itself). */
export function suspendedOn(state: IntermediaryState, date: LocalDate): boolean {
  return state.status === 'suspended' && state.suspension !== null && (state.suspension.until === null || date <= state.suspension.until);
}

/** What registration and updates check: known service types, each with a certificate, certificates not expired, one per type. */
function qualificationProblems(serviceTypes: string[], qualifications: Qualification[], today: LocalDate, known: (code: string) => boolean): FieldError[] {
  const errors: FieldError[] = [];
  serviceTypes.forEach((t, i) => {
    if (!known(t)) errors.push({ path: `body.serviceTypes.${i}`, message: `no service type ${t} in the county's marketplace` });
    else if (!qualifications.some((q) => q.type === t)) errors.push({ path: `body.serviceTypes.${i}`, message: `service type ${t} needs a qualification certificate` });
  });
  const seen = new Set<string>();
  qualifications.forEach((q, i) => {
    if (!serviceTypes.includes(q.type)) errors.push({ path: `body.qualifications.${i}.type`, message: `${q.type} is not one of the service types` });
    if (seen.has(q.type)) errors.push({ path: `body.qualifications.${i}.type`, message: `a second certificate for ${q.type}` });
    seen.add(q.type);
    if (q.expires < today) errors.push({ path: `body.qualifications.${i}.expires`, message: `the certificate expired on ${q.expires}` });
  });
  return errors;
}

const refuse = (errors: FieldError[]) => {
  if (errors.length > 0) throw new InvalidInput(errors.length === 1 ? errors[0]!.message : 'The registration has several problems', errors);
};

export interface IntermediaryContext {
  timeZone: string;
  serviceType: (code: string) => boolean;
}

export function decideIntermediary(command: IntermediaryCommand, state: IntermediaryState | undefined, context: IntermediaryContext): IntermediaryEvent[] {
  const meta = eventMetaOf(command.meta);
  const today = localDateOf(command.meta.now, context.timeZone);
  if (command.type === 'RegisterIntermediary') {
    if (state) throw new IllegalTransition(`intermediary ${state.intermediaryId} is already registered`);
    const d = command.data;
    const errors = qualificationProblems(d.serviceTypes, d.qualifications, today, context.serviceType);
    const creditCode = creditCodeProblem(d.creditCode);
    if (creditCode) errors.unshift({ path: 'body.creditCode', message: creditCode });
    refuse(errors);
    return [{ type: 'IntermediaryRegistered', data: { ...d, registeredDate: today }, meta }];
  }
  if (!state) throw new NotFound('no such intermediary');
  switch (command.type) {
    case 'UpdateQualifications': {
      const { serviceTypes, qualifications } = command.data;
      refuse(qualificationProblems(serviceTypes, qualifications, today, context.serviceType));
      return [{ type: 'QualificationsUpdated', data: { serviceTypes, qualifications, updatedDate: today }, meta }];
    }
    case 'ApproveIntermediary':
      if (state.status === 'approved') return [];
      if (state.status === 'suspended') throw new IllegalTransition(`${state.name} is suspended: reinstate it`);
      return [{ type: 'IntermediaryApproved', data: { approvedDate: today }, meta }];
    case 'SuspendIntermediary': {
      if (state.status === 'pending') throw new IllegalTransition(`${state.name} is not approved yet`);
      const { reason, until } = command.data;
      if (until !== null && until < today) throw new InvalidInput(`a suspension ends on or after today (${today})`, [{ path: 'body.until', message: `${until} is past` }]);
      return [{ type: 'IntermediarySuspended', data: { reason, suspendedDate: today, until }, meta }];
    }
    case 'ReinstateIntermediary':
      if (state.status === 'pending') throw new IllegalTransition(`${state.name} is not approved yet`);
      return [{ type: 'IntermediaryReinstated', data: { reinstatedDate: today, note: command.data.note }, meta }];
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${(unhandled as IntermediaryCommand).type}`);
    }
  }
}

/** An intermediary (中介机构): its registration, certificates, and the administrator's approval or suspension. */
/** The intermediary's streams and how they fold, apart from deciding (the projector's bundles carry no more). */
export const intermediaryStreams = { name: 'intermediary', streamPrefix: 'intermediary#', eventTypes: intermediaryEventTypes, evolve: evolveIntermediary };

export const intermediaryAggregate = /* @__PURE__ */ aggregateOf<IntermediaryCommand, IntermediaryEvent, IntermediaryState | undefined, IntermediaryContext>(intermediaryStreams, { initialState: () => undefined, decide: decideIntermediary });
