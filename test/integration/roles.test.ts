import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes, type RouteDef } from '../../functions/http/routes.ts';
import { localPool, mintToken } from '../../local/auth.ts';
import { api, clock, startStack, type Stack } from '../support/local-stack.ts';

/** The role table, written out by hand: the status each caller gets on each route (given a request that is otherwise right). */
type CallerName = 'admin' | 'director' | 'callback' | 'clerk' | 'clerk-elsewhere' | 'no-token' | 'expired' | 'other-county';
const callers: CallerName[] = ['admin', 'director', 'callback', 'clerk', 'clerk-elsewhere', 'no-token', 'expired', 'other-county'];
const ok = (status: number, allowed: CallerName[]) =>
  Object.fromEntries(callers.map((c) => [c, allowed.includes(c) ? status : ['no-token', 'expired', 'other-county'].includes(c) ? 401 : 403])) as Record<CallerName, number>;
const everyone = (status: number) => Object.fromEntries(callers.map((c) => [c, status])) as Record<CallerName, number>;

const caseActors: CallerName[] = ['admin', 'clerk'];
const staff: CallerName[] = ['admin', 'director', 'callback', 'clerk', 'clerk-elsewhere'];
const expected: Record<string, Record<CallerName, number>> = {
  submitCase: ok(201, caseActors),
  requestMaterials: ok(200, caseActors),
  supplyMaterials: ok(200, caseActors),
  acceptCase: ok(200, caseActors),
  rejectCase: ok(200, caseActors),
  suspendCase: ok(200, caseActors),
  resumeCase: ok(200, caseActors),
  transferCase: ok(200, caseActors),
  completeCase: ok(200, caseActors),
  deliverCase: ok(200, caseActors),
  getCase: ok(200, ['admin', 'director', 'callback', 'clerk']),
  getCaseEvents: ok(200, ['admin', 'director', 'callback', 'clerk']),
  listItems: ok(200, staff),
  getItem: ok(200, staff),
  listWindows: ok(200, staff),
  getWindowQueue: ok(200, ['admin', 'director', 'clerk']),
  listSites: ok(200, staff),
  getStatsSummary: ok(200, ['admin', 'director']),
  getStatsDaily: ok(200, ['admin', 'director']),
  listDeadLetters: ok(200, ['admin']),
  getCalendarYear: ok(200, staff),
  amendCalendarYear: ok(200, ['admin']),
  health: everyone(200),
  openapi: everyone(200),
};

const MORTGAGE = { itemCode: '331022-BDCDJ-001', applicant: { name: '钱七', phone: '13911112222' }, channel: 'window', materials: ['M1', 'M2', 'M3', 'M4', 'M5'] };

let stack: Stack;
let admin: ReturnType<typeof api>;
let tokens: Record<CallerName, string | undefined>;

beforeAll(async () => {
  stack = await startStack();
  admin = api(stack.url, stack.token('admin'));
  const otherCounty = localPool(mkdtempSync(join(tmpdir(), 'banjian-other-')), 'tiantai');
  tokens = {
    admin: stack.token('admin'),
    director: stack.token('director', { windowId: 'W05' }),
    callback: stack.token('callback'),
    clerk: stack.token('clerk', { windowId: 'W03' }),
    'clerk-elsewhere': stack.token('clerk', { windowId: 'W05' }),
    'no-token': undefined,
    expired: stack.token('admin', { hours: -1 }),
    'other-county': mintToken(otherCounty, { role: 'admin' }),
  };
});
afterAll(async () => stack.close());

let day = 0;
/** A fresh case at window W03 in the state the command needs. */
async function caseFor(operationId: string): Promise<string> {
  const date = `2026-11-${String(2 + (day++ % 4)).padStart(2, '0')}`;
  const incomplete = operationId === 'requestMaterials' || operationId === 'supplyMaterials';
  const { caseId } = (await admin.post<{ caseId: string }>('/cases', { ...MORTGAGE, materials: incomplete ? ['M1'] : MORTGAGE.materials }, clock(date, '09:00'))).body;
  const step = async (path: string, body: unknown, time: string) => expect((await admin.post(`/cases/${caseId}/${path}`, body, clock(date, time))).status).toBe(200);
  if (operationId === 'supplyMaterials') await step('request-materials', { missing: ['M2', 'M3', 'M4', 'M5'] }, '09:10');
  if (['suspendCase', 'resumeCase', 'completeCase', 'deliverCase'].includes(operationId)) await step('accept', {}, '09:20');
  if (operationId === 'resumeCase') await step('suspend', { procedure: 'hearing', reason: '听证' }, '09:30');
  if (operationId === 'deliverCase') await step('complete', { decision: 'approved' }, '09:40');
  return caseId;
}

const bodies: Record<string, unknown> = {
  submitCase: MORTGAGE,
  requestMaterials: { missing: ['M2', 'M3', 'M4', 'M5'] },
  supplyMaterials: { materials: ['M2', 'M3', 'M4', 'M5'] },
  rejectCase: { reason: '不符合条件' },
  suspendCase: { procedure: 'inspection', reason: '勘查' },
  transferCase: { windowId: 'W01' },
  completeCase: { decision: 'approved' },
  deliverCase: { method: 'post' },
  amendCalendarYear: { holidays: ['2030-01-01'], workdays: [] },
};

async function request(route: RouteDef, caller: CallerName, caseId: string) {
  const path = route.path.replace('{id}', route.path.startsWith('/windows/') ? 'W03' : caseId).replace('{code}', '331022-BDCDJ-001').replace('{year}', '2030');
  const query = route.operationId.startsWith('getStats') ? '?from=2026-11-01&to=2026-11-30' : '';
  const body = route.method === 'GET' ? undefined : (bodies[route.operationId] ?? {});
  return api(stack.url, tokens[caller]).call(route.method, `${path}${query}`, body, clock('2026-11-06', '15:00'));
}

describe('the role table, on the local server', () => {
  it('covers every route of the route table', () => {
    expect(Object.keys(expected).sort()).toEqual(routes.map((r) => r.operationId).sort());
  });

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (_name, route) => {
    const shared = route.path.startsWith('/cases/{id}') ? await caseFor(route.operationId) : '';
    for (const caller of callers) {
      const want = expected[route.operationId]![caller];
      // A caller who may act gets a case of their own in the right state; refusals must leave the shared one untouched.
      const caseId = want < 300 && route.method === 'POST' && route.path.startsWith('/cases/{id}') ? await caseFor(route.operationId) : shared;
      const response = await request(route, caller, caseId);
      expect(response.status, `${caller}: ${response.text}`).toBe(want);
      if (want >= 400) expect(response.headers.get('content-type'), caller).toBe('application/problem+json');
    }
  });

  it('shows phone numbers whole to callback staff and administrators only', async () => {
    const caseId = await caseFor('getCase');
    for (const caller of ['admin', 'director', 'callback', 'clerk'] as const) {
      const response = await api(stack.url, tokens[caller]).get<{ applicant: { phone: string } }>(`/cases/${caseId}`);
      expect(response.body.applicant.phone, caller).toBe(caller === 'admin' || caller === 'callback' ? '13911112222' : '139****2222');
    }
  });

  it('records who acted and where on the event', async () => {
    const caseId = await caseFor('acceptCase');
    await api(stack.url, tokens.clerk).post(`/cases/${caseId}/accept`, {}, clock('2026-11-06', '10:00'));
    const timeline = await admin.get<{ events: { type: string; actor: { id: string; role: string }; windowId: string }[] }>(`/cases/${caseId}/events`);
    expect(timeline.body.events.at(-1)).toMatchObject({ type: 'CaseAccepted', actor: { id: 'clerk-w03', role: 'clerk' }, windowId: 'W03' });
  });
});
