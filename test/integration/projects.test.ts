import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseAggregate } from '../../domain/case/aggregate.ts';
import { rebuild } from '../../functions/projections/rebuild.ts';
import { ProjectProcess } from '../../functions/projects/process-manager.ts';
import { loadCounty } from '../../functions/runtime.ts';
import { DynamoEventStore } from '../../functions/store/dynamo-event-store.ts';
import { readCounty } from '../../infra/county-config.ts';
import { api, clock, settle, startStack, type Stack } from '../support/local-stack.ts';

/**
 * Agency projects over HTTP on the real DynamoDB Local: a project carried through four permits (two
 * in parallel, one refused and filed again) to closing, the process manager under redelivery and
 * reordering, a rebuild, and who may see what.
 */

type Step = { stepId: string; state: string; stalled: string | null; case: { caseNo: string; status: string | null; deadline: string | null } | null; expectedFinish: string; critical: boolean; blocking: boolean; actual: { start: string | null; finish: string | null } };
type Project = { projectId: string; projectNo: string; status: string; agentId: string | null; planVersion: number; steps: Step[]; expectedFinish: string | null; criticalPath: string[]; blockingStepId: string | null; filings: { stepId: string; outcome: string | null }[]; followUps: unknown[]; version: number };

const FILING = '331022-FG-001'; // 企业投资项目备案 (immediate, W14)
const LAND_PLANNING = '331022-ZRZY-002'; // 建设项目用地规划许可证核发 (5 working days, W01)
const EIA = '331022-STHJ-001'; // 建设项目环境影响报告表审批 (10 working days, W11)
const CONSTRUCTION = '331022-ZJ-001'; // 建筑工程施工许可证核发 (3 working days, W07)
const sanmen = readCounty('sanmen');
const materialsOf = (itemCode: string) => sanmen.items.find((i) => i.code === itemCode)!.materials.map((m) => m.code);
const windowOf: Record<string, string> = { [FILING]: 'W14', [LAND_PLANNING]: 'W01', [EIA]: 'W11', [CONSTRUCTION]: 'W07' };
const enterprise = { name: '三门县海润新材料有限公司', creditCode: '914403001922038216' };
const plan = {
  steps: [
    { stepId: 'S1', itemCode: FILING, after: [] },
    { stepId: 'S2', itemCode: LAND_PLANNING, after: ['S1'] },
    { stepId: 'S3', itemCode: EIA, after: ['S1'], targetDate: '2026-11-20' },
    { stepId: 'S4', itemCode: CONSTRUCTION, after: ['S2', 'S3'] },
  ],
};

let stack: Stack;
let admin: ReturnType<typeof api>;
let director: ReturnType<typeof api>;
let agent: ReturnType<typeof api>;
let elsewhere: ReturnType<typeof api>;
const clerks: Record<string, ReturnType<typeof api>> = {};

beforeAll(async () => {
  stack = await startStack('sanmen', { projections: true });
  admin = api(stack.url, stack.token('admin'));
  director = api(stack.url, stack.token('director'));
  agent = api(stack.url, stack.token('agent', { siteId: 'S-CENTER', user: 'agent-wang' }));
  elsewhere = api(stack.url, stack.token('agent', { siteId: 'S-JT', user: 'agent-li' }));
  for (const w of Object.values(windowOf)) clerks[w] = api(stack.url, stack.token('clerk', { windowId: w }));
});
afterAll(async () => stack.close());

async function register(date: string, name = '年产 2 万吨新型环保建材项目', investment = 12_000) {
  const r = await agent.post<Project>('/projects', { name, enterprise, investment }, clock(date, '09:00'));
  expect(r.status, r.text).toBe(201);
  return r.body;
}

/** Files a step as its case (the agent), and waits until the project has recorded it. */
async function file(projectId: string, stepId: string, itemCode: string, date: string, time = '09:30') {
  const r = await agent.post<{ caseId: string; caseNo: string }>('/cases', { itemCode, applicant: { name: enterprise.name, organization: enterprise.name, phone: '13857600001' }, channel: 'agent', materials: materialsOf(itemCode), projectId, stepId }, clock(date, time));
  expect(r.status, r.text).toBe(201);
  await recorded(projectId, (p) => p.filings.some((f) => f.stepId === stepId && f.outcome === null));
  return r.body.caseId;
}

async function project(projectId: string, date: string, who = agent): Promise<Project> {
  const r = await who.get<Project>(`/projects/${projectId}`, clock(date, '17:00'));
  expect(r.status, r.text).toBe(200);
  return r.body;
}

async function recorded(projectId: string, check: (p: Project) => boolean) {
  await settle(async () => check((await admin.get<Project>(`/projects/${projectId}`)).body));
}

const stateOf = (p: Project) => Object.fromEntries(p.steps.map((s) => [s.stepId, s.state]));

async function decide(caseId: string, itemCode: string, date: string, decision: 'approved' | 'denied' = 'approved') {
  const clerk = clerks[windowOf[itemCode]!]!;
  const accepted = await clerk.post(`/cases/${caseId}/accept`, {}, clock(date, '10:00'));
  expect(accepted.status, accepted.text).toBe(200);
  const done = await clerk.post(`/cases/${caseId}/complete`, { decision }, clock(date, '15:00'));
  expect(done.status, done.text).toBe(200);
}

describe('an agency project from registration to closing', () => {
  it('follows its four permits, two in parallel, one refused and filed again, and closes', async () => {
    const p0 = await register('2026-11-02');
    expect(p0.projectNo).toMatch(/^DB331022-2026-\d{4}$/);
    expect(p0.agentId).toBe('agent-wang');
    const id = p0.projectId;

    const planned = await agent.put<Project>(`/projects/${id}/plan`, plan, clock('2026-11-02', '09:10'));
    expect(planned.status, planned.text).toBe(200);
    expect(stateOf(planned.body)).toEqual({ S1: 'ready', S2: 'waiting', S3: 'waiting', S4: 'waiting' });
    expect(planned.body.planVersion).toBe(1);

    // The construction permit cannot be filed before land planning and the EIA are done.
    const early = await agent.post('/cases', { itemCode: CONSTRUCTION, applicant: { name: enterprise.name }, channel: 'agent', materials: [], projectId: id, stepId: 'S4' }, clock('2026-11-02', '09:20'));
    expect(early.status, early.text).toBe(422);
    expect(early.text).toContain('S2');

    const s1 = await file(id, 'S1', FILING, '2026-11-02');
    // Filed once: a second filing of the same step is refused.
    const again = await agent.post('/cases', { itemCode: FILING, applicant: { name: enterprise.name }, channel: 'agent', materials: [], projectId: id, stepId: 'S1' }, clock('2026-11-02', '09:40'));
    expect(again.status, again.text).toBe(409);
    await decide(s1, FILING, '2026-11-02');
    await recorded(id, (p) => stateOf(p).S1 === 'done');
    expect(stateOf(await project(id, '2026-11-02'))).toEqual({ S1: 'done', S2: 'ready', S3: 'ready', S4: 'waiting' });

    // The worklist reads the views: once they have S1 done, land planning and the EIA are the agent's to file.
    const worklist = () => agent.get<{ items: { stepId: string; kind: string }[] }>('/agents/me/worklist', clock('2026-11-03', '08:30'));
    await settle(async () => (await worklist()).body.items.some((i) => i.stepId === 'S2'));
    expect((await worklist()).body.items.map((i) => [i.stepId, i.kind])).toEqual([
      ['S3', 'file'],
      ['S2', 'file'],
    ]);

    // Land planning and the EIA in parallel; land planning is refused once (不予受理) and filed again.
    const s2 = await file(id, 'S2', LAND_PLANNING, '2026-11-03');
    const s3 = await file(id, 'S3', EIA, '2026-11-03', '09:45');
    expect((await clerks.W01!.post(`/cases/${s2}/reject`, { reason: '用地红线图缺失' }, clock('2026-11-03', '11:00'))).status).toBe(200);
    await recorded(id, (p) => stateOf(p).S2 === 'denied');
    await clerks.W11!.post(`/cases/${s3}/accept`, {}, clock('2026-11-03', '11:00'));
    const s2b = await file(id, 'S2', LAND_PLANNING, '2026-11-04');
    await decide(s2b, LAND_PLANNING, '2026-11-05');
    await recorded(id, (p) => stateOf(p).S2 === 'done');
    const mid = await project(id, '2026-11-06');
    expect(mid.steps.find((s) => s.stepId === 'S3')).toMatchObject({ state: 'filed', case: { status: 'accepted', deadline: '2026-11-17' } });
    // The EIA is what holds the project up now.
    expect(mid.blockingStepId).toBe('S3');
    expect(mid.criticalPath).toEqual(['S1', 'S3', 'S4']);
    expect(mid.expectedFinish).toBe('2026-11-20');
    expect((await clerks.W11!.post(`/cases/${s3}/complete`, { decision: 'approved' }, clock('2026-11-10', '15:00'))).status).toBe(200);
    await recorded(id, (p) => stateOf(p).S3 === 'done');

    const s4 = await file(id, 'S4', CONSTRUCTION, '2026-11-11');
    await decide(s4, CONSTRUCTION, '2026-11-12');
    await recorded(id, (p) => stateOf(p).S4 === 'done');

    const followUp = await agent.post<Project>(`/projects/${id}/follow-ups`, { at: '2026-11-12T16:00:00+08:00', note: '施工许可证已领取，企业计划下周开工', blockers: [] }, clock('2026-11-12', '16:30'));
    expect(followUp.status, followUp.text).toBe(200);
    const closed = await agent.post<Project>(`/projects/${id}/close`, { note: '四项许可全部办结' }, clock('2026-11-13', '09:00'));
    expect(closed.status, closed.text).toBe(200);
    expect(closed.body).toMatchObject({ status: 'closed', expectedFinish: '2026-11-12', blockingStepId: null });
    expect(closed.body.filings.map((f) => [f.stepId, f.outcome])).toEqual([
      ['S1', 'approved'],
      ['S2', 'rejected'],
      ['S3', 'approved'],
      ['S2', 'approved'],
      ['S4', 'approved'],
    ]);

    const stats = await director.get<Record<string, unknown>>('/stats/agency?from=2026-11-01&to=2026-11-30');
    expect(stats.status, stats.text).toBe(200);
    expect(stats.body).toMatchObject({ projects: 1, investment: 12_000, permits: 4, permitsDone: 4, onTimeRate: 1 });

    // The process manager again over every case event, redelivered in another order: nothing changes.
    const store = new DynamoEventStore(stack.db, stack.tables.events);
    const before = await store.read(`project#${id}`);
    const manager = new ProjectProcess(store, loadCounty());
    const records = [];
    for (const caseId of [s4, s3, s2b, s2, s1]) {
      const { events } = await store.read(`${caseAggregate.streamPrefix}${caseId}`);
      let state: unknown;
      for (const e of events) {
        state = caseAggregate.evolve(state as never, e.event as never);
        records.push({ record: { stream: e.stream, version: e.version, type: e.event.type, data: e.event.data, meta: e.event.meta }, state });
      }
    }
    for (const { record, state } of [...records, ...records.reverse()]) await manager.react(record, state);
    const after = await store.read(`project#${id}`);
    expect(after.version).toBe(before.version);

    // A rebuild reproduces the project's views.
    const listed = await director.get<{ projectId: string; stepsDone: number }[]>('/projects');
    await rebuild({ db: stack.db, tables: stack.tables, segments: 2 });
    const relisted = await director.get<{ projectId: string; stepsDone: number }[]>('/projects');
    expect(relisted.body).toEqual(listed.body);
    expect(relisted.body.find((p) => p.projectId === id)?.stepsDone).toBe(4);
  });
});

describe('refusals and who may see what', () => {
  it('refuses a bad plan naming the step, and a bad credit code', async () => {
    const { projectId } = await register('2026-11-16', '冷链物流中心项目', 3_500);
    const cycle = await agent.put(`/projects/${projectId}/plan`, { steps: [{ stepId: 'A', itemCode: FILING, after: ['B'] }, { stepId: 'B', itemCode: LAND_PLANNING, after: ['A'] }] }, clock('2026-11-16', '09:10'));
    expect(cycle.status).toBe(422);
    expect(cycle.text).toMatch(/A|B/);
    const unknown = await agent.put(`/projects/${projectId}/plan`, { steps: [{ stepId: 'A', itemCode: '331022-XX-999', after: [] }] }, clock('2026-11-16', '09:10'));
    expect(unknown.status).toBe(422);
    expect(unknown.text).toContain('steps.0.itemCode');
    const bad = await agent.post('/projects', { name: '项目', enterprise: { name: '某公司', creditCode: '914403001922038217' }, investment: 100 }, clock('2026-11-16', '09:00'));
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('creditCode');
  });

  it('shows an agent their own site’s projects only', async () => {
    const { projectId } = await register('2026-11-17', '海上风电运维基地项目', 50_000);
    expect((await elsewhere.get(`/projects/${projectId}`)).status).toBe(403);
    expect((await elsewhere.get<unknown[]>('/projects')).body).toEqual([]);
    expect((await agent.get<unknown[]>('/projects')).body.length).toBeGreaterThan(0);
    expect((await elsewhere.post(`/projects/${projectId}/follow-ups`, { at: '2026-11-17T10:00:00+08:00', note: '走访' })).status).toBe(403);
    // Only directors and administrators assign agents.
    expect((await agent.post(`/projects/${projectId}/agent`, { agentId: 'agent-li' })).status).toBe(403);
    const assigned = await director.post<Project>(`/projects/${projectId}/agent`, { agentId: 'agent-zhao' });
    expect(assigned.body.agentId).toBe('agent-zhao');
    // An agent files only their projects' steps.
    expect((await agent.post('/cases', { itemCode: FILING, applicant: { name: '某公司' }, channel: 'agent', materials: [] })).status).toBe(403);
  });
});
