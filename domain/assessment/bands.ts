import type { Band } from '../county.ts';
import { linkOf } from '../scorecard/links.ts';

/** The band a score falls in: the highest `min` it reaches (bands are county data, in any order), or the lowest. */
export function bandOf(score: number, bands: readonly Band[]): Band {
  const sorted = [...bands].sort((a, b) => b.min - a.min);
  return sorted.find((b) => score >= b.min) ?? sorted.at(-1)!;
}

/** Ranks by score, highest first; equal scores share a rank (1, 2, 2, 4); ties listed by id. */
export function ranked<T extends { score: number }>(cards: readonly T[], idOf: (card: T) => string): (T & { rank: number })[] {
  const sorted = [...cards].sort((a, b) => b.score - a.score || idOf(a).localeCompare(idOf(b)));
  return sorted.map((card) => ({ ...card, rank: 1 + sorted.filter((c) => c.score > card.score).length }));
}

/** A score to the hundredth, as sheets show it. */
export const rounded = (n: number) => Math.round(n * 100) / 100;

/** A rate to four places, or null when there is nothing to divide by. */
export const rateOf = (part: number, whole: number): number | null => (whole === 0 ? null : Math.round((part / whole) * 10_000) / 10_000);

/** Deductions in the order a sheet lists them (by day, kind, then the event behind each), with their points and the event's link. */
export function listed<D extends { kind: string; date: string; ref: { stream: string; version: number } }>(found: readonly D[], pointsOf: (d: D) => number): (D & { points: number; link: string })[] {
  return [...found]
    .sort((a, b) => a.date.localeCompare(b.date) || a.kind.localeCompare(b.kind) || a.ref.stream.localeCompare(b.ref.stream) || a.ref.version - b.ref.version)
    .map((d) => ({ ...d, points: pointsOf(d), link: linkOf(d.ref) }));
}

/** A card's score: the base, less its deductions' points, plus its bonus; and the tier the score falls in. */
export function scored(base: number, deductions: readonly { points: number }[], bonus: number, tiers: readonly Band[]) {
  const deducted = rounded(deductions.reduce((sum, d) => sum + d.points, 0));
  const score = rounded(base - deducted + bonus);
  const tier = bandOf(score, tiers);
  return { score, deducted, bonus, tier: tier.name, tierPoints: tier.points };
}
