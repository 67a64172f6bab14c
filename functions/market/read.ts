import { fold } from '../../domain/decider.ts';
import { NotFound } from '../../domain/errors.ts';
import { intermediaryAggregate } from '../../domain/market/intermediary.ts';
import { liveQuotes, marketAggregate, sealed, standingSelection } from '../../domain/market/project.ts';
import { standingOf, trustFactsOf, trustOf } from '../../domain/market/trust.ts';
import type { IntermediaryEvent, IntermediaryState, MarketContext, MarketEvent, MarketProjectState } from '../../domain/market/types.ts';
import { INTERMEDIARIES_PARTITION, intermediariesView, MARKET_PARTITION, marketView } from '../../domain/projections/market.ts';
import type { LocalDate } from '../../domain/time.ts';
import { Forbidden, type Caller } from '../auth/access.ts';
import { todayAt, type Runtime } from '../runtime.ts';

/** Every marketplace project the views hold (one partition: tens a year). */
export async function allMarketProjects(rt: Runtime): Promise<MarketProjectState[]> {
  return (await rt.views.docs(marketView, MARKET_PARTITION)).map((d) => d.doc);
}

export async function allIntermediaries(rt: Runtime): Promise<IntermediaryState[]> {
  return (await rt.views.docs(intermediariesView, INTERMEDIARIES_PARTITION)).map((d) => d.doc);
}

export const noIntermediary = (id: string) => () => new NotFound(`no intermediary ${id}`);
export const noMarketProject = (id: string) => () => new NotFound(`no marketplace project ${id}`);

/** An intermediary from its own stream (one consistent Query). */
export async function readIntermediary(rt: Runtime, id: string): Promise<{ state: IntermediaryState; version: number } | undefined> {
  const { events, version } = await rt.events.read<IntermediaryEvent>(intermediaryAggregate.streamPrefix + id);
  const state = fold(intermediaryAggregate, events.map((e) => e.event));
  return state && { state, version };
}

export async function readMarketProject(rt: Runtime, id: string): Promise<{ state: MarketProjectState; version: number }> {
  const { events, version } = await rt.events.read<MarketEvent>(marketAggregate.streamPrefix + id);
  const state = fold(marketAggregate, events.map((e) => e.event));
  if (!state) throw noMarketProject(id)();
  return { state, version };
}

/** Where an intermediary stands today, with its trust worked out from the projects' records. */
export function standingIn(rt: Runtime, state: IntermediaryState, projects: readonly MarketProjectState[], today: LocalDate) {
  const settings = rt.county.county.market.trust;
  const facts = trustFactsOf(projects, state.intermediaryId, settings);
  const trust = trustOf(facts, today, settings, state.reinstatedDate);
  return { facts, trust, standing: standingOf(state, trust, today, settings) };
}

/**
 * What deciding a marketplace command needs: the calendar, the county's rules, and where the named
 * intermediaries stand, each read from its own stream (an approval or suspension counts at once) with
 * its trust from the projects' view.
 */
export async function marketContext(rt: Runtime, now: string, intermediaryIds: readonly string[] = []): Promise<MarketContext> {
  const today = todayAt(rt, now);
  const [calendar, projects, states] = await Promise.all([
    rt.calendars.calendar(),
    intermediaryIds.length > 0 ? allMarketProjects(rt) : Promise.resolve([]),
    Promise.all([...new Set(intermediaryIds)].map((id) => readIntermediary(rt, id))),
  ]);
  const standings = new Map(states.flatMap((s) => (s ? [[s.state.intermediaryId, standingIn(rt, s.state, projects, today).standing] as const] : [])));
  const { county } = rt.county;
  const m = county.market;
  return {
    timeZone: county.timeZone,
    closes: county.supervision.hall.closes,
    isWorkingDay: (d) => calendar.isWorkingDay(d),
    addWorkingDays: (d, n) => calendar.addWorkingDays(d, n),
    workingDaysBetween: (a, b) => calendar.workingDaysBetween(a, b),
    serviceType: (code) => m.serviceTypes.some((t) => t.code === code),
    minQuotes: m.minQuotes,
    minQuoteWorkingDays: m.minQuoteWorkingDays,
    publicityWorkingDays: m.publicityWorkingDays,
    directAwardBelowYuan: m.directAwardBelowYuan,
    standing: (id) => {
      if (!intermediaryIds.includes(id)) throw new Error(`the context was not given intermediary ${id}`);
      return standings.get(id);
    },
  };
}

/** Owners read their own unit's projects; intermediaries every published one (never a draft); staff all. */
export function assertMarketReader(caller: Caller, state: Pick<MarketProjectState, 'ownerId' | 'status' | 'projectNo' | 'projectId'>): void {
  const role = caller.actor.role;
  if (role === 'owner' && caller.ownerId !== state.ownerId) throw new Forbidden(`project ${state.projectNo} belongs to another owner`);
  if (role === 'intermediary' && state.status === 'draft') throw noMarketProject(state.projectId)();
}

/** An owner acts for their own unit only; an administrator for any. */
export function assertOwner(caller: Caller, state: Pick<MarketProjectState, 'ownerId' | 'projectNo'>): void {
  if (caller.actor.role === 'owner' && caller.ownerId !== state.ownerId) throw new Forbidden(`project ${state.projectNo} belongs to another owner`);
}

/** The intermediary an account acts for (its `custom:intermediaryId`), or 403. */
export function ownIntermediary(caller: Caller): string {
  if (caller.intermediaryId === null) throw new Forbidden('this account is bound to no intermediary (custom:intermediaryId)');
  return caller.intermediaryId;
}

const serviceTypeName = (rt: Runtime, code: string) => rt.county.county.market.serviceTypes.find((t) => t.code === code)?.name ?? code;

/**
 * A project as a caller may see it at `now`: while quoting is open the quotes are sealed — nobody sees
 * an amount, or how many there are, but an intermediary its own quote; from the deadline on, every
 * intermediary's last quote.
 */
export function marketProjectView(rt: Runtime, state: MarketProjectState, caller: Caller, now: string, version?: number) {
  const isSealed = sealed(state, now);
  const live = liveQuotes(state).map(({ replaces: _, ...q }) => q);
  const quotes = isSealed ? live.filter((q) => caller.actor.role === 'intermediary' && q.intermediaryId === caller.intermediaryId) : live;
  const winner = standingSelection(state);
  const { quotes: _all, failure, selections, ...rest } = state;
  return {
    ...rest,
    serviceTypeName: serviceTypeName(rt, state.serviceType),
    sealed: isSealed,
    quoteCount: isSealed ? null : live.length,
    quotes,
    failure,
    selections: selections as unknown as (Omit<(typeof selections)[number], 'evidence'> & { evidence: Record<string, unknown> })[],
    savings: winner && !isSealed ? state.budget - winner.amount : null,
    ...(version === undefined ? {} : { version }),
  };
}

/** Who may see an intermediary's contact: the center's staff, owners, and the intermediary itself. */
const seesContact = (caller: Caller, intermediaryId: string) =>
  caller.actor.role === 'admin' || caller.actor.role === 'director' || caller.actor.role === 'owner' || (caller.actor.role === 'intermediary' && caller.intermediaryId === intermediaryId);

export function intermediaryView(rt: Runtime, state: IntermediaryState, projects: readonly MarketProjectState[], today: LocalDate, caller: Caller, options: { facts: boolean; version?: number }) {
  const { facts, trust, standing } = standingIn(rt, state, projects, today);
  return {
    intermediaryId: state.intermediaryId,
    name: state.name,
    creditCode: state.creditCode,
    serviceTypes: state.serviceTypes,
    qualifications: state.qualifications,
    contact: seesContact(caller, state.intermediaryId) ? state.contact : null,
    registeredDate: state.registeredDate,
    approvedDate: state.approvedDate,
    status: standing.status,
    suspendedUntil: standing.suspendedUntil,
    suspensionKind: standing.suspensionKind,
    suspensionReason: standing.suspensionReason,
    barred: standing.barred,
    barredCode: standing.barredCode,
    trust: { score: trust.score, evaluationScore: trust.evaluationScore, evaluations: trust.evaluations, penaltyPoints: trust.penaltyPoints, badEvaluations: trust.badEvaluations, floor: rt.county.county.market.trust.floor },
    facts: options.facts ? facts : [],
    ...(options.version === undefined ? {} : { version: options.version }),
  };
}
