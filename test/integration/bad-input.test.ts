import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { routes } from '../../functions/http/routes.ts';
import type { Route } from '../../functions/http/route.ts';
import { issueRatingToken } from '../../functions/public/rating-token.ts';
import { macOf } from '../../functions/secret.ts';
import { api, clock, startStack, type ApiResponse, type Stack } from '../support/local-stack.ts';

let stack: Stack;
let http: ReturnType<typeof api>;
/** Quoting is an intermediary's alone: its routes are tried with one. */
let intermediary: ReturnType<typeof api>;
let clerk: ReturnType<typeof api>;
const clientFor = (route: Route) => (route.operationId === 'submitQuote' ? intermediary : route.operationId === 'signIn' || route.operationId === 'signOut' ? clerk : http);
let caseId: string;
let snapshot: string;

const unknownCaseId = '01ARZ3NDEKTSV4RRFFQ69G5FAV';

/** A valid body for each command route, so that only the part under test is wrong. */
const validBodies: Record<string, unknown> = {
  submitCase: { itemCode: '331022-GA-001', applicant: { name: '李四', phone: '13900001111' }, channel: 'window', materials: ['M1', 'M2'] },
  requestMaterials: { missing: ['M1'] },
  supplyMaterials: { materials: ['M1'] },
  acceptCase: {},
  rejectCase: { reason: '材料不符' },
  suspendCase: { procedure: 'hearing', reason: '听证' },
  resumeCase: {},
  transferCase: { windowId: 'W02' },
  completeCase: { decision: 'approved' },
  deliverCase: { method: 'post' },
  amendCalendarYear: { holidays: [], workdays: [] },
  reviewCase: { level: 'satisfied', channel: 'window-device' },
  smsInbound: { from: '13900001111', text: '1' },
  dispatchSms: {},
  smsReceipts: { receipts: [{ messageId: 'case#01J0000000000000000000000@4#accepted', status: 'delivered', at: '2026-11-06T15:00:05+08:00' }] },
  buildCallbackList: {},
  recordCallbackAttempt: { outcome: 'no-answer' },
  verifyRectification: { finding: 'confirmed' },
  resolveRectification: { how: 'explained', note: '已说明' },
  appealRectification: { reason: '误评' },
  recheckRectification: { result: 'upheld' },
  followUpRectification: { satisfied: true },
  closeRectification: {},
  publishRoster: {},
  recordVideoCheck: { rosterDate: '2026-11-03', windowId: 'W03', checkedAt: '2026-11-03T10:00:00+08:00', items: { atPost: true, punctual: true, uniformAndBadge: true, noPhone: true, noEating: true, noSleeping: true, noChatting: true, deskTidy: true, ratingDeviceInUse: true } },
  drawArchiveChecks: {},
  recordArchiveCheck: { problems: [] },
  issueTicket: { category: 'C' },
  callNext: {},
  recallTicket: {},
  noShowTicket: {},
  transferTicket: { category: 'A' },
  startTicket: {},
  finishTicket: {},
  setWindowCategories: { categories: ['C'] },
  scheduleJointInspection: { at: '2026-11-04T09:30:00+08:00', place: '项目现场' },
  recordJointInspection: { present: ['D-FIRE'], absent: [{ departmentId: 'D-CAD', justified: false }] },
  giveDepartmentOpinion: { departmentId: 'D-FIRE', result: 'rectify', items: [{ text: '疏散指示标志不连续' }] },
  issueJointRectification: {},
  completeJointRectification: {},
  sweepJointDeadlines: {},
  postPublicReview: { level: 'satisfied', comment: '很好' },
  bookAppointment: { category: 'S', date: '2026-11-16', slot: '09:00', name: '王五', phone: '13900002222' },
  cancelAppointment: { code: '123456' },
  checkInAppointment: { code: '123456' },
  sweepAppointmentNoShows: {},
  registerProject: { name: '冷链物流中心项目', enterprise: { name: '三门县海润冷链有限公司', creditCode: '914403001922038216' }, investment: 3500 },
  assignProjectAgent: { agentId: 'agent-wang' },
  setProjectPlan: { steps: [{ stepId: 'S1', itemCode: '331022-FG-001', after: [] }] },
  recordProjectFollowUp: { at: '2026-11-03T10:00:00+08:00', note: '走访企业' },
  closeProject: {},
  registerIntermediary: { name: '三门县恒信造价咨询有限公司', creditCode: '914403001922038216', serviceTypes: ['COST'], qualifications: [{ type: 'COST', grade: 'A', certificateNo: 'C-1', expires: '2029-12-31' }], contact: { name: '联系人', phone: '13800000000' } },
  approveIntermediary: {},
  suspendIntermediary: { reason: '核查' },
  reinstateIntermediary: {},
  updateIntermediaryQualifications: { serviceTypes: ['COST'], qualifications: [{ type: 'COST', grade: 'A', certificateNo: 'C-1', expires: '2029-12-31' }] },
  draftMarketProject: { title: '造价咨询', ownerId: 'O-JTJ', ownerName: '三门县交通运输局', serviceType: 'COST', budget: 100000, stateFunded: true, method: 'lowest-price', qualification: { type: 'COST', minLevel: 'B' }, quoteDeadline: '2026-11-13', servicePeriodDays: 30 },
  publishMarketProject: {},
  submitQuote: { amount: 90000, servicePeriodDays: 20 },
  selectIntermediary: {},
  raiseObjection: { text: '异议' },
  resolveObjection: { upheld: false, resolution: '异议不成立' },
  withdrawAward: { reason: '放弃' },
  signMarketContract: { contractNo: 'HT-1', signedDate: '2026-11-03' },
  completeMarketService: { completedDate: '2026-11-03' },
  evaluateIntermediary: { quality: 5, timeliness: 5, attitude: 5, feeCompliance: 5 },
  sweepMarketDeadlines: {},
  signIn: {},
  signOut: {},
  recordLeave: { date: '2026-11-04', part: 'morning', reason: '病假' },
  recordSiteInspection: { siteId: 'S-HY', date: '2026-11-02', items: { signage: true, hoursKept: true, staffPresent: true, agentOnDuty: true, catalogueDisplayed: true, ratingDeviceInUse: true } },
};

/** A rating link's token for the case (the local stack's county secret), valid throughout the tests' dates. */
const tokenFor = (id: string) => issueRatingToken(macOf('test-county-secret'), id, '2027-01-01T00:00:00.000Z');

function pathFor(route: Route, id: string): string {
  const rectification = route.path.startsWith('/rectifications/') ? `${id}-R1` : id;
  return route.path.replace('{token}', () => tokenFor(id)).replace('{id}', rectification).replace('{caseId}', id).replace('{code}', '331022-GA-001').replace('{year}', '2026').replace('{date}', '2026-11-03').replace('{month}', '2026-10').replace('{n}', '1');
}

async function tables(): Promise<string> {
  const sort = (items: Record<string, unknown>[]) => items.map((i) => JSON.stringify(i)).sort();
  return JSON.stringify({ events: sort(await stack.scan('events')), views: sort(await stack.scan('views')) });
}

function expectProblem(response: ApiResponse, status: number | number[], what: string) {
  const statuses = Array.isArray(status) ? status : [status];
  expect(statuses, `${what}: ${response.status} ${response.text}`).toContain(response.status);
  expect(response.headers.get('content-type'), what).toBe('application/problem+json');
  expect(response.body, what).toMatchObject({ type: expect.stringMatching(/^\/problems\//) as unknown, title: expect.any(String) as unknown, status: response.status, correlationId: expect.any(String) as unknown });
}

/** The same body with every top-level field given a value of the wrong type. */
function wrongTypes(schema: z.ZodMiniType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, { io: 'input' }) as { properties?: Record<string, { type?: string }> };
  return Object.fromEntries(Object.entries(json.properties ?? {}).map(([name, property]) => [name, property.type === 'string' ? 42 : 'not-the-right-type']));
}

beforeAll(async () => {
  stack = await startStack();
  http = api(stack.url, await stack.token('admin'));
  intermediary = api(stack.url, await stack.token('intermediary', { intermediaryId: 'ZJ-BAD' }));
  clerk = api(stack.url, await stack.token('clerk', { user: 'clerk-w01', windowId: 'W01' }));
  const created = await http.post('/cases', validBodies.submitCase, clock('2026-11-02'));
  caseId = (created.body as { caseId: string }).caseId;
  snapshot = await tables();
});
afterAll(async () => stack.close());

const bodyRoutes = routes.filter((r) => r.body);

describe('every route refuses bad input with problem+json and writes nothing', () => {
  it.each(bodyRoutes.map((r) => [r.operationId, r] as const))('%s: malformed JSON, wrong shape, wrong types, missing fields, oversized body', async (_name, route) => {
    const path = pathFor(route, caseId);
    const send = (body: unknown, headers: Record<string, string> = {}) => clientFor(route).call(route.method, path, body, headers);
    expectProblem(await send('{"itemCode": '), 400, 'malformed JSON');
    expectProblem(await send('[1, 2, 3]'), 400, 'an array for an object');
    expectProblem(await send('"text"'), 400, 'a string for an object');
    const wrong = wrongTypes(route.body!);
    if (Object.keys(wrong).length > 0) {
      const response = await send(wrong);
      expectProblem(response, 400, 'wrong types');
      expect((response.body as { errors: unknown[] }).errors.length).toBeGreaterThanOrEqual(Object.keys(wrong).length);
    }
    const required = (z.toJSONSchema(route.body!, { io: 'input' }) as { required?: string[] }).required ?? [];
    if (required.length > 0) {
      const response = await send({});
      expectProblem(response, 400, 'missing fields');
      const paths = (response.body as { errors: { path: string }[] }).errors.map((e) => e.path);
      for (const field of required) expect(paths).toContain(`body.${field}`);
    }
    expectProblem(await send({ ...(validBodies[route.operationId] as object), unexpected: 'field' }), 400, 'an unknown field');
    expectProblem(await send(JSON.stringify({ ...(validBodies[route.operationId] as object), note: 'x'.repeat(70 * 1024) })), 413, 'oversized body');
    expectProblem(await send(JSON.stringify(validBodies[route.operationId]), { 'content-type': 'text/plain' }), 415, 'not JSON');
    expectProblem(await send(validBodies[route.operationId], { 'idempotency-key': 'short' }), 400, 'a malformed idempotency key');
    expect(await tables()).toBe(snapshot);
  });

  it.each(routes.filter((r) => r.path.includes('{id}') || r.path.includes('{caseId}')).map((r) => [r.operationId, r] as const))('%s: unknown and malformed ids', async (_name, route) => {
    const body = route.body ? validBodies[route.operationId] : undefined;
    const [unknown, malformed] = route.path.startsWith('/windows/') ? ['W99', 'bad%20id!'] : route.path.startsWith('/departments/') ? ['D-NOWHERE', 'bad%20id!'] : route.path.startsWith('/intermediaries/') ? ['ZJ-NOWHERE', 'bad%20id!'] : route.path.startsWith('/staff/') ? ['clerk-nobody', 'bad%20id!'] : route.path.startsWith('/public/appointments/') ? ['S-20261116-0930-1', 'not-an-id'] : [unknownCaseId, 'not-an-id'];
    expectProblem(await clientFor(route).call(route.method, pathFor(route, unknown), body, clock('2026-11-03')), 404, 'unknown id');
    expectProblem(await clientFor(route).call(route.method, pathFor(route, malformed), body, clock('2026-11-03')), 400, 'malformed id');
    expect(await tables()).toBe(snapshot);
  });

  it('statistics queries: missing or reversed dates, unknown filters and formats', async () => {
    expectProblem(await http.get('/stats/summary'), 400, 'no dates');
    expectProblem(await http.get('/stats/summary?from=2026-11-30&to=2026-11-01'), 400, 'reversed dates');
    expectProblem(await http.get('/stats/summary?from=2020-01-01&to=2026-11-01'), 400, 'more than three years');
    expectProblem(await http.get('/stats/summary?from=2026-11-01&to=2026-11-30&format=xlsx'), 400, 'unknown format');
    expectProblem(await http.get('/stats/summary?from=2026-11-01&to=2026-11-30&color=red'), 400, 'unknown parameter');
    expectProblem(await http.get('/stats/daily?from=2026-11-01&to=2026-11-31'), 400, 'no such date');
    expectProblem(await http.get('/stats/summary?from=2026-11-01&to=2026-11-30&windowId=W99'), 422, 'unknown window');
    expectProblem(await http.get('/stats/daily?from=2026-11-01&to=2026-11-30&siteId=S-NOWHERE'), 422, 'unknown site');
    expect(await tables()).toBe(snapshot);
  });

  it('unknown items, years out of range, unknown routes and methods', async () => {
    expectProblem(await http.get('/items/NO-SUCH-ITEM'), 404, 'unknown item');
    expectProblem(await http.get('/calendar/1850'), 400, 'year out of range');
    expectProblem(await http.put('/calendar/twenty', { holidays: [], workdays: [] }), 400, 'year not a number');
    expectProblem(await http.get('/no/such/route'), 404, 'unknown route');
    expectProblem(await http.call('DELETE', `/cases/${caseId}`), 405, 'wrong method');
    expect(await tables()).toBe(snapshot);
  });

  it('refuses references the catalogue does not know (422), again writing nothing', async () => {
    const body = validBodies.submitCase as Record<string, unknown>;
    for (const bad of [{ itemCode: 'NOPE' }, { windowId: 'W99' }, { channel: 'village', siteId: 'S-HY' }, { materials: ['M1', 'M9'] }]) {
      expectProblem(await http.post('/cases', { ...body, ...bad }, clock('2026-11-03')), 422, JSON.stringify(bad));
    }
    expectProblem(await http.post(`/cases/${caseId}/transfer`, { windowId: 'W99' }, clock('2026-11-03')), 422, 'unknown window');
    expectProblem(await http.post(`/cases/${caseId}/complete`, { decision: 'approved' }, clock('2026-11-03')), 409, 'complete before accept');
    expect(await tables()).toBe(snapshot);
  });
});
