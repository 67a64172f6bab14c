import { readFileSync } from 'node:fs';
import { macOf } from '../../functions/secret.ts';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseEvent } from '../../domain/case/events.ts';
import { fold } from '../../domain/decider.ts';
import { caseAggregate } from '../../domain/case/aggregate.ts';
import { countySchema } from '../../domain/county.ts';
import { isBad } from '../../domain/reviews/levels.ts';
import { sampled } from '../../domain/keyed.ts';
import { rebuild } from '../../functions/projections/rebuild.ts';
import { repositoryRoot } from '../../local/server.ts';
import { simulate, type Tally } from '../../local/simulator.ts';
import { generationItems } from '../support/projection-fixtures.ts';
import { api, startStack, type Stack } from '../support/local-stack.ts';

let stack: Stack;
let http: ReturnType<typeof api>;
let tally: Tally;
const lists: Record<string, { date: string; coveredFrom: string; coveredThrough: string; considered: number; entries: { caseId: string; reason: string; phone: string }[]; skipped: { noPhone: number; optedOut: number } }> = {};
let events: { stream: string; version: number; type: string; data: Record<string, unknown>; meta: { at: string } }[];

beforeAll(async () => {
  stack = await startStack('sanmen', { projections: true });
  http = api(stack.url, await stack.token('admin'));
  const county = countySchema().parse(JSON.parse(readFileSync(join(repositoryRoot, 'infra/counties/sanmen.json'), 'utf8')));
  tally = await simulate({ url: stack.url, token: await stack.token('admin'), county, from: '2026-11-02', days: 5, scale: 0.06, seed: 11, settleMs: 1200 });
  for (let day = 2; day <= 6; day++) {
    const date = `2026-11-0${day}`;
    lists[date] = (await api(stack.url, await stack.token('callback', { user: 'cb-li' })).get<(typeof lists)[string]>(`/callbacks?date=${date}`)).body;
  }
  events = (await stack.scan('events')).filter((i) => String(i.stream).startsWith('case#')) as never;
}, 180_000);
afterAll(async () => stack.close());

function caseHistories() {
  const byStream = new Map<string, typeof events>();
  for (const e of events) byStream.set(e.stream, [...(byStream.get(e.stream) ?? []), e]);
  for (const list of byStream.values()) list.sort((a, b) => a.version - b.version);
  return byStream;
}
const asEvents = (list: typeof events) => list.map((e) => ({ type: e.type, data: e.data, meta: e.meta }) as unknown as CaseEvent);

describe('a simulated week of callbacks', () => {
  it('ran without refusals and drew a list every working day', () => {
    expect(tally.errors).toBe(0);
    expect(tally.callbackLists).toBe(5);
    expect(tally.badReviews).toBeGreaterThan(0);
  });

  it('covers each completion date once, and samples exactly the hashed share of those completions', () => {
    const histories = caseHistories();
    const dates = Object.keys(lists).sort();
    const sampledBefore = new Set<string>();
    for (const [i, date] of dates.entries()) {
      const list = lists[date]!;
      if (i > 0) expect(list.coveredFrom, date).toBe(new Date(Date.parse(`${lists[dates[i - 1]!]!.coveredThrough}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10));
      // Completions in the covered dates, straight from the events.
      const completed = [...histories.values()].map((h) => fold(caseAggregate, asEvents(h))!).filter((s) => s.completedDate !== null && s.completedDate >= list.coveredFrom && s.completedDate <= list.coveredThrough);
      expect(list.considered, date).toBe(completed.length);
      const expected = completed.filter((s) => sampled(s.caseId, macOf('test-county-secret'), 0.1) && s.applicant.optOut !== true && s.applicant.phone !== undefined).map((s) => s.caseId);
      const listedSamples = list.entries.filter((e) => e.reason === 'sample').map((e) => e.caseId);
      // A case already owed a callback for a bad review is listed as such, not as a sample.
      const others = new Set(list.entries.filter((e) => e.reason !== 'sample').map((e) => e.caseId));
      expect(listedSamples.sort(), date).toEqual(expected.filter((id) => !others.has(id)).sort());
      for (const id of listedSamples) {
        expect(sampledBefore.has(id), `${id} sampled twice`).toBe(false);
        sampledBefore.add(id);
      }
    }
  });

  it('lists every bad review still owed its callback when the list was drawn', () => {
    const histories = caseHistories();
    for (const [date, list] of Object.entries(lists)) {
      const drawnAt = new Date(`${date}T07:30:00+08:00`).toISOString();
      const owed = [...histories.values()]
        .map((h) => fold(caseAggregate, asEvents(h.filter((e) => e.meta.at < drawnAt))))
        .filter((s) => s !== undefined && s.rectifications.some((r) => r.calledBackDate === null && r.status !== 'closed' && r.status !== 'voided'))
        .map((s) => s!.caseId);
      expect(list.entries.filter((e) => e.reason === 'bad-review').map((e) => e.caseId).sort(), date).toEqual(owed.sort());
    }
  });

  it('shows whole phone numbers on the list, and masked ones to a director', async () => {
    const entry = Object.values(lists).flatMap((l) => l.entries)[0]!;
    expect(entry.phone).toMatch(/^1\d{10}$/);
    const seen = await api(stack.url, await stack.token('director')).get<{ applicant: { phone: string } }>(`/cases/${entry.caseId}`);
    expect(seen.body.applicant.phone).toMatch(/^\d{3}\*{4}\d{4}$/);
  });

  it('reports the satisfaction rate a direct count over the events gives', async () => {
    const histories = caseHistories();
    let reviews = 0;
    let bad = 0;
    for (const h of histories.values()) {
      const voided = new Set(h.filter((e) => e.type === 'RectificationRechecked' && e.data.result === 'voided').map((e) => String(e.data.rectificationId)));
      const voidedReviews = new Set(h.filter((e) => e.type === 'RectificationOpened' && voided.has(String(e.data.rectificationId))).map((e) => String(e.data.reviewId)));
      for (const e of h.filter((x) => x.type === 'CaseReviewed' && !voidedReviews.has(String(x.data.reviewId)))) {
        reviews++;
        if (isBad(e.data.level as never)) bad++;
      }
    }
    const report = (await http.get<{ reviews: number; badReviews: number; satisfactionRate: number; callbackAttempts: number; validCallbacks: number; smsReviews: number }>('/stats/satisfaction?from=2026-11-01&to=2026-11-30')).body;
    expect(report.reviews).toBe(reviews);
    expect(report.badReviews).toBe(bad);
    expect(report.satisfactionRate).toBeCloseTo((reviews - bad) / reviews, 10);
    expect(report).toMatchObject({ reviews: tally.reviews, badReviews: tally.badReviews, callbackAttempts: tally.callbackAttempts, validCallbacks: tally.validCallbacks, smsReviews: tally.smsReviews });
    const summary = (await http.get<{ satisfaction: { satisfactionRate: number; callbackAttempts: number; smsReviews: number } }>('/stats/summary?from=2026-11-01&to=2026-11-30')).body;
    expect(summary.satisfaction).toMatchObject({ satisfactionRate: report.satisfactionRate, callbackAttempts: report.callbackAttempts, smsReviews: report.smsReviews });
  });

  it('gives each window its own rate: the windows add up to the center, and each agrees with the report filtered to it', async () => {
    type Report = { reviews: number; badReviews: number; satisfactionRate: number | null; windows: { windowId: string; reviews: number; badReviews: number; satisfactionRate: number | null }[] };
    const report = (await http.get<Report>('/stats/satisfaction?from=2026-11-01&to=2026-11-30')).body;
    expect(report.windows.reduce((n, w) => n + w.reviews, 0)).toBe(report.reviews);
    expect(report.windows.reduce((n, w) => n + w.badReviews, 0)).toBe(report.badReviews);
    const busiest = [...report.windows].sort((a, b) => b.reviews - a.reviews)[0]!;
    expect(busiest.reviews).toBeGreaterThan(0);
    const alone = (await http.get<Report>(`/stats/satisfaction?from=2026-11-01&to=2026-11-30&windowId=${busiest.windowId}`)).body;
    expect(alone).toMatchObject({ reviews: busiest.reviews, badReviews: busiest.badReviews, satisfactionRate: busiest.satisfactionRate });
    expect(alone.windows).toEqual([busiest]);
  });

  it('rebuilds to the very same lists and satisfaction views', async () => {
    const result = await rebuild({ db: stack.db, tables: stack.tables, settleMs: 0 });
    const live = await generationItems(stack.db, stack.tables.views, result.previous);
    const rebuilt = await generationItems(stack.db, stack.tables.views, result.generation);
    const pick = (items: Map<string, Record<string, unknown>>) => new Map([...items].filter(([key]) => /^(callback-list|callback-lists|satisfaction|rectifications|completions|sms)/.test(key)));
    expect(pick(rebuilt).size).toBeGreaterThan(0);
    expect(pick(rebuilt)).toEqual(pick(live));
    for (const date of Object.keys(lists)) {
      const again = (await http.get<(typeof lists)[string]>(`/callbacks?date=${date}`)).body;
      expect(again.entries.map((e) => e.caseId)).toEqual(lists[date]!.entries.map((e) => e.caseId));
    }
  });
});
