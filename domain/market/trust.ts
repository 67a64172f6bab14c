import type { County } from '../county.ts';
import { addDays, daysBetween, type LocalDate } from '../time.ts';
import { suspendedOn } from './intermediary.ts';
import type { IntermediaryState, MarketProjectState, Standing } from './types.ts';

/**
 * The trust score (信用评价) of an intermediary, 0–100, from what is recorded on the marketplace's
 * projects: the owners' evaluations, weighted by age (an evaluation's weight halves every
 * `halfLifeDays`), averaged with the starting score as one more evaluation of weight 1 (so a newcomer
 * starts at `initial` and one evaluation does not decide everything), minus the penalties of the last
 * `penaltyDays`: an award withdrawn, an objection upheld against its award, a service completed late.
 * `suspendAfterBad` bad evaluations (score below `badBelow`) within `badWindowDays` suspend it for
 * `suspensionDays` from the last of them, unless an administrator reinstated it after.
 */
export type TrustSettings = County['market']['trust'];

export type TrustFact =
  | { kind: 'evaluation'; date: LocalDate; projectId: string; projectNo: string; score: number }
  | { kind: 'withdrawn' | 'objection-upheld' | 'late-completion'; date: LocalDate; projectId: string; projectNo: string; points: number };

/** Every fact about one intermediary the projects record, oldest first. */
export function trustFactsOf(projects: readonly MarketProjectState[], intermediaryId: string, settings: TrustSettings): TrustFact[] {
  const facts: TrustFact[] = [];
  for (const p of projects) {
    const at = { projectId: p.projectId, projectNo: p.projectNo };
    for (const s of p.selections) {
      if (s.intermediaryId !== intermediaryId || !s.annulled) continue;
      if (s.annulled.reason === 'withdrawn') facts.push({ kind: 'withdrawn', date: s.annulled.date, ...at, points: settings.penalties.withdrawn });
      else facts.push({ kind: 'objection-upheld', date: s.annulled.date, ...at, points: settings.penalties.objectionUpheld });
    }
    const winner = p.contract ? p.selections.at(-1)?.intermediaryId : undefined;
    if (winner === intermediaryId && p.completion && p.completion.daysLate > 0) facts.push({ kind: 'late-completion', date: p.completion.completedDate, ...at, points: settings.penalties.lateCompletion });
    if (p.evaluation?.intermediaryId === intermediaryId) facts.push({ kind: 'evaluation', date: p.evaluation.evaluatedDate, ...at, score: p.evaluation.score });
  }
  return facts.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.projectNo.localeCompare(b.projectNo)));
}

export interface Trust {
  score: number;
  /** The weighted mean of evaluations with the starting score (before penalties). */
  evaluationScore: number;
  evaluations: number;
  penalties: Extract<TrustFact, { points: number }>[];
  penaltyPoints: number;
  /** The last day of a suspension the evaluations brought, when one holds on the day. */
  suspendedUntil: LocalDate | null;
  badEvaluations: number;
}

const round1 = (x: number) => Math.round(x * 10) / 10;

/** The score on `today` from the facts up to it. */
export function trustOf(facts: readonly TrustFact[], today: LocalDate, settings: TrustSettings, reinstatedDate: LocalDate | null = null): Trust {
  const known = facts.filter((f) => f.date <= today);
  const evaluations = known.filter((f): f is Extract<TrustFact, { kind: 'evaluation' }> => f.kind === 'evaluation');
  let weighted = settings.initial;
  let weights = 1;
  for (const e of evaluations) {
    const w = 0.5 ** (daysBetween(e.date, today) / settings.halfLifeDays);
    weighted += w * e.score;
    weights += w;
  }
  const evaluationScore = weighted / weights;
  const penalties = known.filter((f): f is Extract<TrustFact, { points: number }> => f.kind !== 'evaluation' && daysBetween(f.date, today) < settings.penaltyDays);
  const penaltyPoints = penalties.reduce((sum, p) => sum + p.points, 0);
  const bad = evaluations.filter((e) => e.score < settings.badBelow);
  let suspendedUntil: LocalDate | null = null;
  const k = settings.suspendAfterBad;
  for (let i = k - 1; i < bad.length; i++) {
    const trigger = bad[i]!.date;
    if (daysBetween(bad[i - k + 1]!.date, trigger) >= settings.badWindowDays) continue;
    if (reinstatedDate !== null && trigger <= reinstatedDate) continue;
    const until = addDays(trigger, settings.suspensionDays - 1);
    if (today <= until) suspendedUntil = until;
  }
  return {
    score: Math.min(100, Math.max(0, round1(evaluationScore - penaltyPoints))),
    evaluationScore: round1(evaluationScore),
    evaluations: evaluations.length,
    penalties,
    penaltyPoints,
    suspendedUntil,
    badEvaluations: bad.filter((e) => daysBetween(e.date, today) < settings.badWindowDays).length,
  };
}

/** Where an intermediary stands on `today`: approved or not, suspended (by hand or by its evaluations), its trust, and why it may not quote. */
export function standingOf(
  state: IntermediaryState,
  trust: Trust,
  today: LocalDate,
  settings: TrustSettings,
): Standing & { suspendedUntil: LocalDate | null; suspensionKind: 'manual' | 'evaluations' | null; suspensionReason: string | null } {
  const manual = suspendedOn(state, today);
  const suspended = manual || trust.suspendedUntil !== null;
  const suspensionReason = manual ? state.suspension!.reason : trust.suspendedUntil !== null ? `${trust.badEvaluations} bad evaluations` : null;
  const suspendedUntil = manual ? state.suspension!.until : trust.suspendedUntil;
  const barredCode = state.status === 'pending' ? 'pending' : suspended ? 'suspended' : trust.score < settings.floor ? 'below-floor' : null;
  const barred =
    state.status === 'pending'
      ? 'not approved yet'
      : suspended
        ? `suspended (${suspensionReason}) ${suspendedUntil === null ? 'until reinstated' : `through ${suspendedUntil}`}`
        : trust.score < settings.floor
          ? `trust score ${trust.score} is below the floor ${settings.floor}`
          : null;
  return {
    intermediaryId: state.intermediaryId,
    name: state.name,
    status: state.status === 'pending' ? 'pending' : suspended ? 'suspended' : 'approved',
    barred,
    barredCode,
    qualifications: state.qualifications,
    trust: trust.score,
    suspendedUntil,
    suspensionKind: manual ? 'manual' : suspended ? 'evaluations' : null,
    suspensionReason,
  };
}
