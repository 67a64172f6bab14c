import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countySchema } from '../../domain/county.ts';
import { creditCodeProblem } from '../../domain/project/credit-code.ts';
import { repositoryRoot } from '../../local/server.ts';
import { agencyFigures, creditCodeFor } from '../../local/simulator-agency.ts';
import { random, simulate, type Tally } from '../../local/simulator.ts';
import { api, startStack, type Stack } from '../support/local-stack.ts';

/**
 * The simulator's agency projects (代理代办) on DynamoDB Local: two working weeks with little else going
 * on, where the agents register projects, file their steps from the worklist, the windows' clerks take
 * them, and `GET /stats/agency` reports what the simulator counted.
 */

type StoredEvent = { stream: string; version: number; type: string; data: Record<string, unknown>; meta: { at: string; actor: { id: string; role: string }; windowId: string | null } };
type Project = { projectId: string; siteId: string; agentId: string | null; status: string; enterprise: { creditCode: string }; investment: number; steps: { stepId: string; itemCode: string; after: string[]; state: string }[]; filings: { stepId: string; caseId: string; outcome: string | null }[] };

const county = countySchema().parse(JSON.parse(readFileSync(join(repositoryRoot, 'infra/counties/sanmen.json'), 'utf8')));
let stack: Stack;
let admin: ReturnType<typeof api>;
let tally: Tally;
let lines: string[];
let projects: Project[];
let events: StoredEvent[];

beforeAll(async () => {
  stack = await startStack('sanmen', { projections: true });
  const token = await stack.token('admin');
  admin = api(stack.url, token);
  lines = [];
  tally = await simulate({ url: stack.url, token, pool: stack.pool, county, from: '2026-11-02', days: 8, scale: 0.003, joint: false, satisfaction: false, hall: false, seed: 7, log: (l) => lines.push(l) });
  const listed = await admin.get<{ projectId: string }[]>('/projects');
  projects = await Promise.all(listed.body.map(async (p) => (await admin.get<Project>(`/projects/${p.projectId}`)).body));
  events = (await stack.scan('events')) as unknown as StoredEvent[];
}, 120_000);
afterAll(async () => stack.close());

describe('the simulator’s agency projects', () => {
  it('registers projects at the center and the townships and carries their steps to done without a refusal of its own', () => {
    expect(tally.errors, lines.join('\n')).toBe(0);
    const a = tally.agency;
    expect(a.agents).toBeGreaterThanOrEqual(2);
    expect(a.projects).toBeGreaterThanOrEqual(a.agents);
    expect(projects).toHaveLength(a.projects);
    expect(new Set(projects.map((p) => p.siteId)).size).toBeGreaterThanOrEqual(2);
    expect(projects.map((p) => p.siteId)).toContain('S-CENTER');
    expect(a.filings).toBeGreaterThan(a.projects);
    expect(a.permitsDone).toBeGreaterThan(a.projects);
    // Every project is its agent's, of a valid enterprise, with a plan of three to six permits in order.
    for (const p of projects) {
      expect(p.agentId).toMatch(/^sim-agent-/);
      expect(creditCodeProblem(p.enterprise.creditCode)).toBeNull();
      expect(p.investment).toBeGreaterThanOrEqual(300);
      expect(p.steps.length).toBeGreaterThanOrEqual(3);
      expect(p.steps.length).toBeLessThanOrEqual(6);
      expect(p.steps[0]).toMatchObject({ itemCode: '331022-FG-001', after: [] });
      for (const s of p.steps.slice(1)) expect(s.after.length).toBeGreaterThan(0);
    }
    // The projects record the same filings and outcomes the simulator counted.
    const filings = projects.flatMap((p) => p.filings);
    expect(filings).toHaveLength(a.filings);
    expect(filings.filter((f) => f.outcome === 'rejected')).toHaveLength(a.refused);
    expect(projects.flatMap((p) => p.steps).filter((s) => s.state === 'done')).toHaveLength(a.permitsDone);
    expect(projects.filter((p) => p.status === 'closed')).toHaveLength(a.closed);
  });

  it('counts exactly what GET /stats/agency and the summary report for the period', async () => {
    const figures = agencyFigures(tally.agency);
    let body: Record<string, unknown> = {};
    for (let i = 0; i < 200; i++) {
      body = (await admin.get<Record<string, unknown>>(`/stats/agency?from=${tally.from}&to=${tally.to}`)).body;
      if (body.permitsDone === figures.permitsDone && body.permits === figures.permits) break;
      await new Promise((r) => setTimeout(r, 25));
    }
    expect(body).toMatchObject(figures);
    expect(figures.permitsDone).toBeGreaterThan(0);
    expect((body.byAgent as unknown[]).length).toBe(tally.agency.agents);
    // The steps' cases are ordinary cases: the summary counts them with the rest.
    const summary = (await admin.get<Record<string, unknown>>(`/stats/summary?from=${tally.from}&to=${tally.to}`)).body;
    expect(summary).toMatchObject({ submitted: tally.submitted, accepted: tally.accepted, rejected: tally.rejected, completed: tally.completed, onTime: tally.onTime });
  });

  it('has the agent file each step and the item’s window clerk take it', () => {
    const byCase = new Map<string, StoredEvent[]>();
    for (const e of events.filter((x) => x.stream.startsWith('case#'))) byCase.set(e.stream, [...(byCase.get(e.stream) ?? []), e]);
    const caseIds = new Set(projects.flatMap((p) => p.filings.map((f) => f.caseId)));
    expect(caseIds.size).toBe(tally.agency.filings);
    for (const caseId of caseIds) {
      const list = byCase.get(`case#${caseId}`)!.sort((x, y) => x.version - y.version);
      const submitted = list[0]!;
      expect(submitted).toMatchObject({ type: 'CaseSubmitted', data: { channel: 'agent' }, meta: { actor: { role: 'agent' } } });
      expect(submitted.meta.actor.id).toMatch(/^sim-agent-/);
      for (const e of list.filter((x) => ['CaseAccepted', 'CaseRejected', 'CaseCompleted'].includes(x.type))) expect(e.meta.actor).toMatchObject({ role: 'clerk', id: `sim-clerk-${String(submitted.meta.windowId).toLowerCase()}` });
      for (let i = 1; i < list.length; i++) expect(list[i]!.meta.at >= list[i - 1]!.meta.at).toBe(true);
    }
  });

  it('makes valid unified social credit codes for the county', () => {
    const rng = random(1);
    for (let i = 0; i < 500; i++) {
      const code = creditCodeFor('331022', rng);
      expect(code).toMatch(/^91331022MA2/);
      expect(creditCodeProblem(code)).toBeNull();
    }
  });
});
