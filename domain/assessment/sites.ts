import type { AssessmentSettings, County } from '../county.ts';
import type { ForwardingFact, SiteInspectionFact, WrongNumberFact } from '../projections/assessment.ts';
import type { Deduction } from '../scorecard/scorecard.ts';
import { siteInspectionItems } from '../site-inspection/aggregate.ts';
import type { LocalDate } from '../time.ts';
import { listed, ranked, rateOf, scored } from './bands.ts';

/** What costs a site points (乡镇便民服务中心考核扣分). */
export const siteDeductionKinds = ['late-forwarding', 'bad-review', 'wrong-number', 'inspection'] as const;
export type SiteDeductionKind = (typeof siteDeductionKinds)[number];

/** A site's counters of the month (applications received there, reviews, callbacks of its cases). */
export interface SiteFigures {
  submitted: number;
  reviews: number;
  bad: number;
  callbackAttempts: number;
  validCallbacks: number;
}

export interface SiteMonth {
  month: string;
  /** `township`: each township center with its village points rolled up; `village`: each village point alone. */
  level: 'township' | 'village';
  county: Pick<County, 'sites'>;
  deductions: readonly Deduction[];
  forwards: readonly ForwardingFact[];
  wrongNumbers: readonly WrongNumberFact[];
  inspections: readonly SiteInspectionFact[];
  /** Counters by receiving site. */
  figures: ReadonlyMap<string, SiteFigures>;
  /** Working days after `a` through `b`. */
  workingDaysBetween: (a: LocalDate, b: LocalDate) => number;
  rules: AssessmentSettings['sites'];
}

const empty: SiteFigures = { submitted: 0, reviews: 0, bad: 0, callbackAttempts: 0, validCallbacks: 0 };

/**
 * Each township service center's month (乡镇便民服务中心考核), its villages' points rolled up (or each
 * village point alone): applications taken, forwarding to the county within the county's working days,
 * the satisfaction rate of cases received there (each bad review until voided costs points), callback
 * reach (a wrong number recorded costs points), and the center's on-site inspections (each failed
 * item) — each deduction with the event behind it; points on for the applications taken; banded, ranked.
 */
export function siteScorecards(input: SiteMonth) {
  const { rules } = input;
  const subjects = input.county.sites.filter((s) => s.level === input.level);
  const cards = subjects.map((site) => {
    const members = new Set([site.id, ...(input.level === 'township' ? input.county.sites.filter((s) => s.parentId === site.id).map((s) => s.id) : [])]);
    const found: { kind: SiteDeductionKind; date: LocalDate; detail: string; points: number; ref: Deduction['ref'] }[] = [];
    const forwards = input.forwards.filter((f) => members.has(f.siteId));
    let forwardedOnTime = 0;
    for (const f of forwards) {
      const took = input.workingDaysBetween(f.submittedDate, f.date);
      if (took <= rules.forwardWithinWorkingDays) forwardedOnTime++;
      else found.push({ kind: 'late-forwarding', date: f.date, detail: `${f.caseNo} ${f.submittedDate} 收件，${took} 个工作日后上报`, points: rules.lateForwarding, ref: f.ref });
    }
    for (const d of input.deductions) if (d.kind === 'bad-review' && d.siteId !== undefined && members.has(d.siteId)) found.push({ kind: 'bad-review', date: d.date, detail: `${d.windowId} ${d.detail}`, points: rules.badReview, ref: d.ref });
    for (const w of input.wrongNumbers) if (members.has(w.siteId)) found.push({ kind: 'wrong-number', date: w.date, detail: w.caseNo, points: rules.wrongNumber, ref: w.ref });
    const inspections = input.inspections.filter((i) => members.has(i.siteId));
    for (const i of inspections) {
      for (const item of siteInspectionItems) if (!i.items[item]) found.push({ kind: 'inspection', date: i.date, detail: `${i.siteId} ${item}`, points: rules.inspection[item] ?? 1, ref: i.ref });
    }
    const deductions = listed(found, (d) => d.points);
    const f = [...members].reduce((sum, id) => {
      const x = input.figures.get(id) ?? empty;
      return { submitted: sum.submitted + x.submitted, reviews: sum.reviews + x.reviews, bad: sum.bad + x.bad, callbackAttempts: sum.callbackAttempts + x.callbackAttempts, validCallbacks: sum.validCallbacks + x.validCallbacks };
    }, empty);
    const bonus = [...rules.volume].sort((a, b) => b.min - a.min).find((v) => f.submitted >= v.min)?.points ?? 0;
    return {
      siteId: site.id,
      name: site.name,
      sites: [...members],
      submitted: f.submitted,
      forwarded: forwards.length,
      forwardedOnTime,
      forwardingRate: rateOf(forwardedOnTime, forwards.length),
      reviews: f.reviews,
      badReviews: f.bad,
      satisfactionRate: rateOf(f.reviews - f.bad, f.reviews),
      callbackAttempts: f.callbackAttempts,
      validCallbacks: f.validCallbacks,
      callbackReach: rateOf(f.validCallbacks, f.callbackAttempts),
      inspections: inspections.length,
      ...scored(rules.base, deductions, bonus, rules.tiers),
      deductions,
    };
  });
  return { month: input.month, level: input.level, sites: ranked(cards, (c) => c.siteId) };
}
