import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as z from 'zod/mini';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WorkingCalendar } from '../../domain/calendar/calendar.ts';
import { countySchema } from '../../domain/county.ts';
import { gradeAtLeast } from '../../domain/market/types.ts';
import { creditCodeProblem } from '../../domain/project/credit-code.ts';
import { lunarDates, publishedYears } from '../../functions/calendar/published.ts';
import { IntermediaryView, MarketProjectView, MarketStats } from '../../functions/market/schemas.ts';
import { repositoryRoot } from '../../local/server.ts';
import { marketFigures } from '../../local/simulator-market.ts';
import { simulate, type Tally } from '../../local/simulator.ts';
import { api, clock, settle, startStack, type Stack } from '../support/local-stack.ts';

/**
 * The simulator's marketplace (中介超市) on DynamoDB Local: twelve working weeks with next to nothing else
 * going on, where firms register and are approved, the county's units publish projects of every
 * method, the firms quote, the evening timer closes quoting and ends the publicity periods, the owners
 * select, contract, take the services and evaluate them, and `GET /stats/market` reports what the
 * simulator counted.
 */

type StoredEvent = { stream: string; version: number; type: string; data: Record<string, unknown>; meta: { at: string; actor: { id: string; role: string } } };
type Project = z.output<typeof MarketProjectView>;
type Intermediary = z.output<typeof IntermediaryView>;

const county = countySchema().parse(JSON.parse(readFileSync(join(repositoryRoot, 'infra/counties/sanmen.json'), 'utf8')));
const calendar = new WorkingCalendar({ published: publishedYears(), county: county.calendar, amended: new Map(), lunar: lunarDates });
let stack: Stack;
let admin: ReturnType<typeof api>;
let tally: Tally;
let lines: string[];
let projects: Project[];
let intermediaries: Intermediary[];
let events: StoredEvent[];
const concluded = new Set(['awarded', 'contracted', 'completed', 'evaluated']);
const ofType = (type: string) => events.filter((e) => e.type === type);

beforeAll(async () => {
  stack = await startStack('sanmen', { projections: true });
  const token = await stack.token('admin');
  admin = api(stack.url, token);
  lines = [];
  // A handful of everyday cases a day, no hall, joint cases or agencies: the marketplace has the days to itself.
  tally = await simulate({ url: stack.url, token, pool: stack.pool, county, from: '2026-11-02', days: 60, scale: 0.002, joint: false, satisfaction: false, hall: false, agency: false, seed: 7, log: (l) => lines.push(l) });
  // Read as of the period's last evening (every quote unsealed by then), once the views have the last timer's awards.
  const evening = clock(tally.to, '20:00');
  await settle(async () => z.array(MarketProjectView).parse((await admin.get('/market/projects', evening)).body).filter((p) => concluded.has(p.status)).length === tally.market.concluded);
  projects = z.array(MarketProjectView).parse((await admin.get('/market/projects', evening)).body);
  intermediaries = z.array(IntermediaryView).parse((await admin.get('/intermediaries', evening)).body);
  events = (await stack.scan('events')) as unknown as StoredEvent[];
}, 180_000);
afterAll(async () => stack.close());


describe('the simulator’s marketplace', () => {
  it('registers eight to ten firms of the county’s service types, with valid credit codes and certificates, and approves them', () => {
    expect(tally.errors, lines.join('\n')).toBe(0);
    const m = tally.market;
    expect(m.intermediaries).toBeGreaterThanOrEqual(8);
    expect(m.intermediaries).toBeLessThanOrEqual(10);
    expect(intermediaries).toHaveLength(m.intermediaries);
    const codes = new Set(county.market.serviceTypes.map((t) => t.code));
    for (const i of intermediaries) {
      expect(i.intermediaryId).toMatch(/^sim-zj-20261102-\d\d$/);
      expect(i.name).toMatch(/有限公司$/);
      expect(creditCodeProblem(i.creditCode)).toBeNull();
      expect(i.approvedDate).toBe('2026-11-02');
      expect(i.contact?.phone).toMatch(/^1\d{10}$/);
      expect(i.serviceTypes.length).toBeGreaterThanOrEqual(2);
      for (const t of i.serviceTypes) expect(codes.has(t)).toBe(true);
      expect(i.qualifications.map((q) => q.type).sort()).toEqual([...i.serviceTypes].sort());
      for (const q of i.qualifications) {
        expect(q.certificateNo.length).toBeGreaterThan(4);
        expect(q.expires > '2026-11-02').toBe(true);
      }
    }
    expect(new Set(intermediaries.map((i) => i.name)).size).toBe(intermediaries.length);
    expect(new Set(intermediaries.flatMap((i) => i.qualifications.map((q) => q.grade)))).toEqual(new Set(['A', 'B', 'C']));
  });

  it('publishes about one project a week, of every method, and fails one with too few quotes (流标)', () => {
    const m = tally.market;
    expect(projects).toHaveLength(m.published);
    expect(m.published).toBeGreaterThanOrEqual(6);
    expect(new Set(projects.map((p) => p.method))).toEqual(new Set(['lowest-price', 'random-draw', 'comprehensive', 'direct']));
    for (const p of projects) {
      expect(p.ownerId).toMatch(/^O-/);
      expect(p.ownerName).toMatch(/^三门县/);
      expect(p.budget).toBeGreaterThanOrEqual(30_000);
      expect(p.budget).toBeLessThanOrEqual(800_000);
      expect(p.budget % 1000).toBe(0);
      // The deadline: a working day, four to six after publication, at the hall's closing time.
      expect(calendar.isWorkingDay(p.quoteDeadline)).toBe(true);
      expect(calendar.workingDaysBetween(p.publishedDate!, p.quoteDeadline)).toBeGreaterThanOrEqual(4);
      expect(p.quotesCloseAt).toBe(`${p.quoteDeadline}T09:00:00.000Z`);
      if (p.method === 'direct') {
        expect(p.budget).toBeLessThan(county.market.directAwardBelowYuan);
        expect(p.directIntermediaryId).not.toBeNull();
      }
      for (const q of p.quotes) {
        expect(q.amount).toBeLessThanOrEqual(p.budget);
        expect(gradeAtLeast(q.grade, p.qualification.minLevel)).toBe(true);
      }
    }
    const failed = projects.filter((p) => p.status === 'failed');
    expect(failed).toHaveLength(m.failed);
    expect(failed.length).toBeGreaterThanOrEqual(1);
    for (const p of failed) expect(p.failure).toMatchObject({ reason: 'too-few-quotes', minimum: p.method === 'direct' ? 1 : county.market.minQuotes, quotes: p.quotes.length });
    for (const p of failed) expect(p.quotes.length).toBeLessThan(county.market.minQuotes);
  });

  it('selects by the announced method and publicises the result for five working days', () => {
    const selected = projects.filter((p) => p.selections.length > 0);
    expect(selected).toHaveLength(tally.market.selections);
    expect(new Set(selected.map((p) => p.method))).toEqual(new Set(['lowest-price', 'random-draw', 'comprehensive', 'direct']));
    for (const p of selected) {
      const s = p.selections.at(-1)!;
      expect(s.annulled).toBeNull();
      const amounts = new Map(p.quotes.map((q) => [q.intermediaryId, q.amount]));
      expect(s.amount).toBe(amounts.get(s.intermediaryId));
      if (p.method === 'lowest-price') expect(s.amount).toBe(Math.min(...amounts.values()));
      if (p.method === 'direct') expect(s.intermediaryId).toBe(p.directIntermediaryId);
      if (p.method === 'random-draw') expect((s.evidence.candidates as string[])[s.evidence.index as number]).toBe(s.intermediaryId);
      if (p.method === 'comprehensive') {
        // The panel scored every quote; the best score won.
        const scores = s.evidence.scores as { intermediaryId: string; score: number }[];
        expect(scores.map((x) => x.intermediaryId).sort()).toEqual([...amounts.keys()].sort());
        expect(scores[0]!.intermediaryId).toBe(s.intermediaryId);
        expect(scores[0]!.score).toBe(Math.max(...scores.map((x) => x.score)));
      }
      expect(p.publicity?.until ?? p.awardedDate).toBe(calendar.addWorkingDays(s.selectedDate, county.market.publicityWorkingDays));
    }
  });

  it('records what the simulator counted: replaced quotes, an objection dismissed, contracts, services done late, evaluations', () => {
    const m = tally.market;
    const quotes = ofType('QuoteSubmitted');
    expect(quotes).toHaveLength(m.quotes);
    expect(quotes.filter((e) => e.data.replaces !== null)).toHaveLength(m.replaced);
    expect(m.replaced).toBeGreaterThan(0);
    for (const e of quotes) expect(e.meta.actor).toMatchObject({ role: 'intermediary', id: `sim-intermediary-${String(e.data.intermediaryId)}` });
    for (const e of ofType('MarketProjectDrafted')) expect(e.meta.actor).toMatchObject({ role: 'owner', id: `sim-owner-${String(e.data.ownerId).toLowerCase()}` });
    // The evening timer (the administrator's) closes quoting and ends the publicity periods.
    for (const e of [...ofType('QuotingClosed'), ...ofType('PublicityEnded')]) {
      expect(e.meta.actor.role).toBe('admin');
      expect(e.meta.at.slice(11, 16)).toBe('10:00');
    }
    expect(ofType('ObjectionRaised')).toHaveLength(m.objections);
    expect(m.objections).toBeGreaterThanOrEqual(1);
    expect(ofType('ObjectionResolved').map((e) => e.data.upheld)).toEqual(Array.from({ length: m.dismissed }, () => false));
    expect(projects.filter((p) => concluded.has(p.status))).toHaveLength(m.concluded);
    expect(ofType('ContractSigned')).toHaveLength(m.contracts);
    expect(m.contracts).toBeGreaterThan(0);
    expect(ofType('ServiceCompleted')).toHaveLength(m.completed);
    expect(m.completed).toBeGreaterThan(0);
    expect(ofType('ServiceCompleted').filter((e) => (e.data.daysLate as number) > 0)).toHaveLength(m.late);
    expect(ofType('IntermediaryEvaluated')).toHaveLength(m.evaluations);
    expect(m.evaluations).toBeGreaterThan(0);
    expect(ofType('IntermediaryEvaluated').filter((e) => (e.data.score as number) < county.market.trust.badBelow)).toHaveLength(m.poorEvaluations);
  });

  it('counts exactly what GET /stats/market reports for the period', async () => {
    const figures = marketFigures(tally.market);
    let body: z.output<typeof MarketStats> | undefined;
    for (let i = 0; i < 200; i++) {
      body = MarketStats.parse((await admin.get(`/stats/market?from=${tally.from}&to=${tally.to}`, clock(tally.to, '20:00'))).body);
      if (body.concluded === figures.concluded && body.activeIntermediaries === figures.activeIntermediaries) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(body).toMatchObject({ ...figures, byServiceType: figures.byServiceType });
    expect(body!.byServiceType).toHaveLength(figures.byServiceType.length);
    expect(figures.concluded).toBeGreaterThan(0);
    expect(figures.failed).toBeGreaterThan(0);
    expect(figures.savings).toBeGreaterThan(0);
  });
});
