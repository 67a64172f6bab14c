import { instantAt } from '../appointment/rules.ts';
import { aggregateOf, allOf } from '../decider.ts';
import { IllegalTransition, InvalidInput, NotFound, RuleViolation, type FieldError } from '../errors.ts';
import { eventMetaOf, type EventMeta } from '../meta.ts';
import { addDays, daysBetween, localDateOf } from '../time.ts';
import { gradeAtLeast, competitive, type ExclusionCode, type MarketCommand, type MarketContext, type MarketEvent, type MarketProjectState, type Quote, type SelectionEvidence } from './types.ts';

export const marketEventTypes = allOf<MarketEvent['type']>({
  MarketProjectDrafted: true,
  MarketProjectPublished: true,
  QuoteSubmitted: true,
  QuotingClosed: true,
  MarketProjectFailed: true,
  SelectionMade: true,
  ResultPublicised: true,
  ObjectionRaised: true,
  ObjectionResolved: true,
  AwardWithdrawn: true,
  SelectionAnnulled: true,
  PublicityEnded: true,
  ContractSigned: true,
  ServiceCompleted: true,
  IntermediaryEvaluated: true,
});

/** Each intermediary's last quote (the one that counts), in the order they were made. */
export function liveQuotes(state: Pick<MarketProjectState, 'quotes'>): Quote[] {
  const last = new Map<string, Quote>();
  for (const q of state.quotes) last.set(q.intermediaryId, q);
  return [...last.values()].sort((a, b) => a.quoteNo - b.quoteNo);
}

/** The selection that stands (the last, unless annulled). */
export const standingSelection = (state: MarketProjectState) => {
  const last = state.selections.at(-1);
  return last && !last.annulled ? last : undefined;
};

/** Whether quotes are sealed at `now`: before the deadline nobody but their maker sees them. */
export const sealed = (state: Pick<MarketProjectState, 'quotesCloseAt'>, now: string) => state.quotesCloseAt === null || Date.parse(now) < Date.parse(state.quotesCloseAt);

/** The position a draw's digest picks among `n` candidates: the digest as a 256-bit number modulo `n`. */
export function drawIndex(digest: string, n: number): number {
  if (!/^[0-9a-f]{64}$/.test(digest)) throw new Error('a draw digest is 64 hex digits');
  return Number(BigInt(`0x${digest}`) % BigInt(n));
}

/** The message a project's draw key signs for a round. */
export const drawMessage = (projectId: string, quoteDeadline: string, round: number) => `${projectId}|${quoteDeadline}|${round}`;

export function evolveMarketProject(state: MarketProjectState | undefined, event: MarketEvent): MarketProjectState {
  if (event.type === 'MarketProjectDrafted') {
    return {
      ...event.data,
      status: 'draft',
      publishedDate: null,
      quotesCloseAt: null,
      drawCommitment: null,
      quotes: [],
      closedDate: null,
      failure: null,
      selections: [],
      publicity: null,
      objections: [],
      awardedDate: null,
      contract: null,
      completion: null,
      evaluation: null,
    };
  }
  if (!state) throw new Error(`${event.type} before MarketProjectDrafted`);
  switch (event.type) {
    case 'MarketProjectPublished':
      return { ...state, status: 'published', publishedDate: event.data.publishedDate, quoteDeadline: event.data.quoteDeadline, quotesCloseAt: event.data.quotesCloseAt, drawCommitment: event.data.drawCommitment };
    case 'QuoteSubmitted':
      return { ...state, quotes: [...state.quotes, event.data] };
    case 'QuotingClosed':
      return { ...state, status: 'closed', closedDate: event.data.closedDate };
    case 'MarketProjectFailed': {
      const { reason, quotes, minimum, failedDate } = event.data;
      return { ...state, status: 'failed', failure: { reason, quotes, minimum, failedDate } };
    }
    case 'SelectionMade':
      return { ...state, selections: [...state.selections, { ...event.data, annulled: null }] };
    case 'ResultPublicised': {
      const { round, from, until, endsAt } = event.data;
      return { ...state, status: 'publicised', publicity: { round, from, until, endsAt } };
    }
    case 'ObjectionRaised': {
      const { objectionNo, byId, byRole, text, raisedDate } = event.data;
      return { ...state, objections: [...state.objections, { objectionNo, byId, byRole, text, raisedDate, round: state.selections.length, resolution: null }] };
    }
    case 'ObjectionResolved': {
      const { objectionNo, upheld, resolution, resolvedDate } = event.data;
      return { ...state, objections: state.objections.map((o) => (o.objectionNo === objectionNo ? { ...o, resolution: { upheld, text: resolution, resolvedDate } } : o)) };
    }
    case 'AwardWithdrawn':
      return state;
    case 'SelectionAnnulled': {
      const { round, reason, annulledDate } = event.data;
      return { ...state, status: 'closed', publicity: null, awardedDate: null, selections: state.selections.map((s) => (s.round === round ? { ...s, annulled: { reason, date: annulledDate } } : s)) };
    }
    case 'PublicityEnded':
      return { ...state, status: 'awarded', awardedDate: event.data.endedDate };
    case 'ContractSigned':
      return { ...state, status: 'contracted', contract: { ...event.data } };
    case 'ServiceCompleted':
      return { ...state, status: 'completed', completion: { ...event.data } };
    case 'IntermediaryEvaluated':
      return { ...state, status: 'evaluated', evaluation: event.data };
    default: {
      const unhandled: never = event;
      throw new Error(`unhandled event ${(unhandled as MarketEvent).type}`);
    }
  }
}

const refuse = (what: string, errors: FieldError[]) => {
  if (errors.length > 0) throw new InvalidInput(errors.length === 1 ? errors[0]!.message : what, errors);
};

/** An announcement runs for weeks, not years: a deadline further off is a mistake (and past the calendar's horizon). */
const MAX_QUOTE_DAYS = 180;

/**
 * Quoting closes at the deadline, but the close waits this long after it: a quote the server took
 * before the deadline and is still writing (a lost race is read and decided again for a few
 * seconds) lands before the close, never after it.
 */
export const CLOSE_GRACE_MS = 60_000;

/** The instant from which quoting may be closed (the deadline and the grace). */
export const closableAt = (quotesCloseAt: string) => new Date(Date.parse(quotesCloseAt) + CLOSE_GRACE_MS).toISOString();

/** What is wrong with a quote deadline set today: a rest day, or too soon for the county's announcement period. */
function deadlineProblem(deadline: string, today: string, context: MarketContext): string | null {
  if (deadline <= today) return `the quote deadline must be after today (${today})`;
  if (daysBetween(today, deadline) > MAX_QUOTE_DAYS) return `the quote deadline must be within ${MAX_QUOTE_DAYS} days of today (${today})`;
  if (!context.isWorkingDay(deadline)) return `${deadline} is not a working day`;
  const days = context.workingDaysBetween(today, deadline);
  if (days < context.minQuoteWorkingDays) return `the quote deadline ${deadline} leaves ${days} working days after today (${today}); the county asks for at least ${context.minQuoteWorkingDays}`;
  return null;
}

function draft(command: Extract<MarketCommand, { type: 'DraftMarketProject' }>, state: MarketProjectState | undefined, context: MarketContext): MarketEvent[] {
  if (state) throw new IllegalTransition(`project ${state.projectNo} is already drafted`);
  const d = command.data;
  const today = localDateOf(command.meta.now, context.timeZone);
  const errors: FieldError[] = [];
  if (!context.serviceType(d.serviceType)) errors.push({ path: 'body.serviceType', message: `no service type ${d.serviceType} in the county's marketplace` });
  if (!context.serviceType(d.qualification.type)) errors.push({ path: 'body.qualification.type', message: `no qualification type ${d.qualification.type}` });
  const deadline = deadlineProblem(d.quoteDeadline, today, context);
  if (deadline) errors.push({ path: 'body.quoteDeadline', message: deadline });
  if (d.method === 'direct') {
    if (d.directIntermediaryId === null) errors.push({ path: 'body.directIntermediaryId', message: 'a direct award names its intermediary' });
    if (d.budget >= context.directAwardBelowYuan) errors.push({ path: 'body.budget', message: `a direct award is only for a budget below ${context.directAwardBelowYuan} yuan` });
  } else if (d.directIntermediaryId !== null) errors.push({ path: 'body.directIntermediaryId', message: 'only a direct award names its intermediary' });
  refuse('The project has several problems', errors);
  return [{ type: 'MarketProjectDrafted', data: { ...d, draftedDate: today }, meta: eventMetaOf(command.meta) }];
}

/** Quoting closes once the deadline has passed: the close, and a failure when too few quoted (流标). */
function close(state: MarketProjectState, now: string, context: MarketContext, meta: EventMeta): MarketEvent[] {
  if (state.status !== 'published') return [];
  if (Date.parse(now) < Date.parse(closableAt(state.quotesCloseAt!))) {
    throw new RuleViolation(`quoting closes at ${state.quotesCloseAt}, and the close waits a minute after it for quotes still being written`, { quotesCloseAt: state.quotesCloseAt, closableAt: closableAt(state.quotesCloseAt!) });
  }
  const today = localDateOf(now, context.timeZone);
  const quotes = liveQuotes(state).length;
  const minimum = competitive(state.method) ? context.minQuotes : 1;
  const closed: MarketEvent = { type: 'QuotingClosed', data: { closedDate: today, quotes }, meta };
  return quotes < minimum ? [closed, { type: 'MarketProjectFailed', data: { reason: 'too-few-quotes', quotes, minimum, failedDate: today }, meta }] : [closed];
}

const byQuote = (a: Quote, b: Quote) => a.quoteNo - b.quoteNo;

function select(command: Extract<MarketCommand, { type: 'SelectIntermediary' }>, before: MarketProjectState, context: MarketContext, meta: EventMeta): MarketEvent[] {
  const now = command.meta.now;
  const closing = close(before, now, context, meta);
  const state = closing.reduce(evolveMarketProject, before);
  if (state.status === 'failed') return closing;
  if (state.status !== 'closed') throw new IllegalTransition(`project ${state.projectNo} is ${state.status}: nothing to select`);
  const today = localDateOf(now, context.timeZone);
  const round = state.selections.length + 1;
  const out = new Set(state.selections.map((s) => s.intermediaryId));
  const excluded: { intermediaryId: string; code: ExclusionCode; reason: string }[] = [];
  const candidates: Quote[] = [];
  for (const q of liveQuotes(state)) {
    if (out.has(q.intermediaryId)) {
      excluded.push({ intermediaryId: q.intermediaryId, code: 'annulled', reason: 'an earlier selection of it was annulled' });
      continue;
    }
    const standing = context.standing(q.intermediaryId);
    if (!standing) excluded.push({ intermediaryId: q.intermediaryId, code: 'unregistered', reason: 'no longer registered' });
    else if (standing.barred === null) candidates.push(q);
    else excluded.push({ intermediaryId: q.intermediaryId, code: standing.barredCode ?? 'suspended', reason: standing.barred });
  }
  if (candidates.length === 0) {
    return [...closing, { type: 'MarketProjectFailed', data: { reason: 'no-candidates', quotes: liveQuotes(state).length, minimum: 1, failedDate: today }, meta }];
  }
  let winner: Quote;
  let evidence: SelectionEvidence;
  switch (state.method) {
    case 'lowest-price': {
      const ranking = [...candidates].sort((a, b) => a.amount - b.amount || byQuote(a, b));
      winner = ranking[0]!;
      evidence = { method: 'lowest-price', round, ranking: ranking.map((q) => ({ intermediaryId: q.intermediaryId, amount: q.amount, submittedAt: q.submittedAt })) };
      break;
    }
    case 'random-draw': {
      const draw = command.data.draw;
      if (!draw || state.drawCommitment === null) throw new Error('a random draw needs its key and digest from the adapter');
      const sorted = [...candidates].sort((a, b) => (a.intermediaryId < b.intermediaryId ? -1 : 1));
      const index = drawIndex(draw.digest, sorted.length);
      winner = sorted[index]!;
      const message = drawMessage(state.projectId, state.quoteDeadline, round);
      evidence = { method: 'random-draw', round, commitment: state.drawCommitment, key: draw.key, message, digest: draw.digest, candidates: sorted.map((q) => q.intermediaryId), index };
      break;
    }
    case 'comprehensive': {
      const scores = command.data.scores ?? {};
      const errors: FieldError[] = [];
      for (const q of candidates) if (scores[q.intermediaryId] === undefined) errors.push({ path: `body.scores.${q.intermediaryId}`, message: `the panel's score for ${q.intermediaryName} is missing` });
      for (const id of Object.keys(scores)) if (!candidates.some((q) => q.intermediaryId === id)) errors.push({ path: `body.scores.${id}`, message: `${id} has no qualified quote on this project` });
      refuse('The scores do not match the qualified quotes', errors);
      const ranked = [...candidates].sort((a, b) => scores[b.intermediaryId]! - scores[a.intermediaryId]! || a.amount - b.amount || byQuote(a, b));
      winner = ranked[0]!;
      evidence = { method: 'comprehensive', round, scores: ranked.map((q) => ({ intermediaryId: q.intermediaryId, score: scores[q.intermediaryId]!, amount: q.amount })) };
      break;
    }
    case 'direct':
      winner = candidates[0]!;
      evidence = { method: 'direct', round };
      break;
  }
  const until = context.addWorkingDays(today, context.publicityWorkingDays);
  return [
    ...closing,
    { type: 'SelectionMade', data: { round, intermediaryId: winner.intermediaryId, intermediaryName: winner.intermediaryName, amount: winner.amount, method: state.method, evidence, excluded, selectedDate: today }, meta },
    { type: 'ResultPublicised', data: { round, from: today, until, endsAt: instantAt(until, context.closes, context.timeZone) }, meta },
  ];
}

/** The evaluation's score: the mean of its four marks, × 20 (0–100), to one decimal. */
export const evaluationScore = (m: { quality: number; timeliness: number; attitude: number; feeCompliance: number }) => Math.round(((m.quality + m.timeliness + m.attitude + m.feeCompliance) / 4) * 20 * 10) / 10;

/** Decides one command on a marketplace project. Pure: the time comes in the command's metadata. */
export function decideMarketProject(command: MarketCommand, state: MarketProjectState | undefined, context: MarketContext): MarketEvent[] {
  if (command.type === 'DraftMarketProject') return draft(command, state, context);
  if (!state) throw new NotFound('no such project');
  const meta = eventMetaOf(command.meta);
  const now = command.meta.now;
  const today = localDateOf(now, context.timeZone);
  const is = (...statuses: MarketProjectState['status'][]) => {
    if (!statuses.includes(state.status)) throw new IllegalTransition(`project ${state.projectNo} is ${state.status}`);
  };
  switch (command.type) {
    case 'PublishMarketProject': {
      if (state.status === 'published') return [];
      is('draft');
      // A draft that waited too long is published with a new deadline (the body's), never with one too close.
      const quoteDeadline = command.data.quoteDeadline ?? state.quoteDeadline;
      const problem = deadlineProblem(quoteDeadline, today, context);
      if (problem) throw new RuleViolation(`${problem}: publish with a later quoteDeadline`, { quoteDeadline, minimumWorkingDays: context.minQuoteWorkingDays });
      const drawCommitment = state.method === 'random-draw' ? command.data.drawCommitment : null;
      if (state.method === 'random-draw' && drawCommitment === null) throw new Error('a random draw is published with its key commitment');
      return [{ type: 'MarketProjectPublished', data: { publishedDate: today, quoteDeadline, quotesCloseAt: instantAt(quoteDeadline, context.closes, context.timeZone), drawCommitment }, meta }];
    }
    case 'SubmitQuote': {
      is('published');
      if (Date.parse(now) >= Date.parse(state.quotesCloseAt!)) throw new IllegalTransition(`quoting closed at ${state.quotesCloseAt}`);
      const { intermediaryId, amount, servicePeriodDays } = command.data;
      const standing = context.standing(intermediaryId);
      if (!standing) throw new NotFound(`no intermediary ${intermediaryId}`);
      if (standing.barred !== null) throw new RuleViolation(`${standing.name} may not quote: ${standing.barred}`, { intermediaryId, barred: standing.barred });
      if (state.directIntermediaryId !== null && intermediaryId !== state.directIntermediaryId) throw new RuleViolation(`project ${state.projectNo} is a direct award to another intermediary`, { intermediaryId });
      const { type, minLevel } = state.qualification;
      const cert = standing.qualifications.find((q) => q.type === type && gradeAtLeast(q.grade, minLevel) && q.expires >= state.quoteDeadline);
      if (!cert) throw new RuleViolation(`${standing.name} holds no ${type} certificate of grade ${minLevel} or higher valid through ${state.quoteDeadline}`, { intermediaryId, qualification: state.qualification });
      const errors: FieldError[] = [];
      if (amount > state.budget) errors.push({ path: 'body.amount', message: `the quote exceeds the budget (${state.budget} yuan)` });
      if (servicePeriodDays > state.servicePeriodDays) errors.push({ path: 'body.servicePeriodDays', message: `the service period exceeds the project's ${state.servicePeriodDays} days` });
      refuse('The quote has several problems', errors);
      const previous = liveQuotes(state).find((q) => q.intermediaryId === intermediaryId);
      if (previous && previous.amount === amount && previous.servicePeriodDays === servicePeriodDays) return [];
      const quote: Quote = { quoteNo: state.quotes.length + 1, intermediaryId, intermediaryName: standing.name, amount, servicePeriodDays, grade: cert.grade, submittedAt: now, replaces: previous?.quoteNo ?? null };
      return [{ type: 'QuoteSubmitted', data: quote, meta }];
    }
    case 'CloseQuoting':
      return close(state, now, context, meta);
    case 'SelectIntermediary':
      is('published', 'closed');
      return select(command, state, context, meta);
    case 'RaiseObjection': {
      is('publicised');
      if (Date.parse(now) >= Date.parse(state.publicity!.endsAt)) throw new IllegalTransition(`the publicity period ended at ${state.publicity!.endsAt}`);
      const { intermediaryId, text } = command.data;
      if (intermediaryId !== null && !state.quotes.some((q) => q.intermediaryId === intermediaryId)) throw new RuleViolation('only an intermediary that quoted on the project may object', { intermediaryId });
      const byId = intermediaryId ?? command.meta.actor.id;
      return [{ type: 'ObjectionRaised', data: { objectionNo: state.objections.length + 1, byId, byRole: intermediaryId === null ? command.meta.actor.role : 'intermediary', text, raisedDate: today }, meta }];
    }
    case 'ResolveObjection': {
      const { objectionNo, upheld, resolution } = command.data;
      const objection = state.objections.find((o) => o.objectionNo === objectionNo);
      if (!objection) throw new NotFound(`project ${state.projectNo} has no objection ${objectionNo}`);
      if (objection.resolution) throw new IllegalTransition(`objection ${objectionNo} was resolved on ${objection.resolution.resolvedDate}`);
      const resolved: MarketEvent = { type: 'ObjectionResolved', data: { objectionNo, upheld, resolution, resolvedDate: today }, meta };
      const current = standingSelection(state);
      const against = current && objection.round === current.round && (state.status === 'publicised' || state.status === 'awarded');
      if (upheld && against) return [resolved, { type: 'SelectionAnnulled', data: { round: current.round, intermediaryId: current.intermediaryId, reason: 'objection-upheld', annulledDate: today }, meta }];
      const after = evolveMarketProject(state, resolved);
      const ended = after.status === 'publicised' && Date.parse(now) >= Date.parse(after.publicity!.endsAt) && !after.objections.some((o) => o.resolution === null);
      return ended ? [resolved, { type: 'PublicityEnded', data: { endedDate: today }, meta }] : [resolved];
    }
    case 'WithdrawAward': {
      is('publicised', 'awarded');
      const current = standingSelection(state)!;
      const by = command.data.intermediaryId;
      if (by !== null && by !== current.intermediaryId) throw new RuleViolation('only the selected intermediary withdraws its award', { intermediaryId: by });
      return [
        { type: 'AwardWithdrawn', data: { intermediaryId: current.intermediaryId, reason: command.data.reason, withdrawnDate: today }, meta },
        { type: 'SelectionAnnulled', data: { round: current.round, intermediaryId: current.intermediaryId, reason: 'withdrawn', annulledDate: today }, meta },
      ];
    }
    case 'EndPublicity': {
      // The timer's: nothing until the period is over and every objection answered.
      if (state.status !== 'publicised' || Date.parse(now) < Date.parse(state.publicity!.endsAt)) return [];
      if (state.objections.some((o) => o.resolution === null)) return [];
      return [{ type: 'PublicityEnded', data: { endedDate: today }, meta }];
    }
    case 'SignContract': {
      is('awarded');
      const { contractNo, signedDate } = command.data;
      if (signedDate > today || signedDate < state.awardedDate!) throw new InvalidInput(`a contract is signed between the award (${state.awardedDate}) and today (${today})`, [{ path: 'body.signedDate', message: `${signedDate} is outside ${state.awardedDate}–${today}` }]);
      const winner = standingSelection(state)!;
      const period = liveQuotes(state).find((q) => q.intermediaryId === winner.intermediaryId)!.servicePeriodDays;
      return [{ type: 'ContractSigned', data: { contractNo, amount: winner.amount, signedDate, dueDate: addDays(signedDate, period) }, meta }];
    }
    case 'CompleteService': {
      is('contracted');
      const { completedDate } = command.data;
      const contract = state.contract!;
      if (completedDate > today || completedDate < contract.signedDate) throw new InvalidInput(`a service is completed between the contract (${contract.signedDate}) and today (${today})`, [{ path: 'body.completedDate', message: `${completedDate} is outside ${contract.signedDate}–${today}` }]);
      return [{ type: 'ServiceCompleted', data: { completedDate, daysLate: Math.max(0, daysBetween(contract.dueDate, completedDate)) }, meta }];
    }
    case 'EvaluateIntermediary': {
      is('completed');
      const d = command.data;
      return [{ type: 'IntermediaryEvaluated', data: { intermediaryId: standingSelection(state)!.intermediaryId, ...d, score: evaluationScore(d), comment: d.comment, evaluatedDate: today }, meta }];
    }
    default: {
      const unhandled: never = command;
      throw new Error(`unhandled command ${(unhandled as MarketCommand).type}`);
    }
  }
}

/** A marketplace project (中介服务项目): its announcement, sealed quotes, selection, publicity, contract, service and evaluation. */
/** The project's streams and how they fold, apart from deciding (the projector's bundles carry no more). */
export const marketStreams = { name: 'market', streamPrefix: 'market#', eventTypes: marketEventTypes, evolve: evolveMarketProject };

export const marketAggregate = /* @__PURE__ */ aggregateOf<MarketCommand, MarketEvent, MarketProjectState | undefined, MarketContext>(marketStreams, { initialState: () => undefined, decide: decideMarketProject });
