import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/http/routes.ts';
import type { Route } from '../../functions/http/route.ts';
import { issueRatingToken } from '../../functions/public/rating-token.ts';
import { macOf } from '../../functions/secret.ts';
import { localPool, mintToken } from '../../local/auth.ts';
import { withCreditChecks } from '../../domain/project/credit-code.ts';
import { api, clock, settle, startStack, type Stack } from '../support/local-stack.ts';

/** The role table, written out by hand: the status each caller gets on each route (given a request that is otherwise right). */
type CallerName = 'admin' | 'director' | 'callback' | 'clerk' | 'clerk-elsewhere' | 'joint-clerk' | 'reviewer' | 'reviewer-elsewhere' | 'agent' | 'agent-elsewhere' | 'intermediary' | 'owner' | 'sms-gateway' | 'kiosk' | 'rating-device' | 'rating-device-elsewhere' | 'hall-screen' | 'no-token' | 'expired' | 'other-county';
const callers: CallerName[] = ['admin', 'director', 'callback', 'clerk', 'clerk-elsewhere', 'joint-clerk', 'reviewer', 'reviewer-elsewhere', 'agent', 'agent-elsewhere', 'intermediary', 'owner', 'sms-gateway', 'kiosk', 'rating-device', 'rating-device-elsewhere', 'hall-screen', 'no-token', 'expired', 'other-county'];
/**
 * The joint window's clerk (W16) is one more clerk of another window wherever clerk-elsewhere is
 * listed; the joint routes list it themselves.
 */
const ok = (status: number, allowed: CallerName[]) => {
  const admitted = allowed.includes('clerk-elsewhere') ? [...allowed, 'joint-clerk'] : allowed;
  return Object.fromEntries(callers.map((c) => [c, admitted.includes(c) ? status : ['no-token', 'expired', 'other-county'].includes(c) ? 401 : 403])) as Record<CallerName, number>;
};
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
  getItem: ok(200, [...staff, 'reviewer', 'reviewer-elsewhere']),
  listWindows: ok(200, staff),
  getWindowQueue: ok(200, ['admin', 'director', 'clerk']),
  getWindowTicket: ok(200, ['admin', 'clerk']),
  listSites: ok(200, staff),
  listDepartments: ok(200, [...staff, 'reviewer', 'reviewer-elsewhere']),
  getStatsSummary: ok(200, ['admin', 'director']),
  getStatsDaily: ok(200, ['admin', 'director']),
  listDeadLetters: ok(200, ['admin']),
  getCalendarYear: ok(200, [...staff, 'agent', 'agent-elsewhere', 'owner']),
  amendCalendarYear: ok(200, ['admin']),
  health: everyone(200),
  openapi: everyone(200),
  // A rating device rates the cases of its own window only.
  reviewCase: ok(201, ['admin', 'clerk', 'rating-device']),
  smsInbound: ok(202, ['admin', 'sms-gateway']),
  // The outbox and the sender are the administrator's; delivery receipts come from the gateway.
  listSmsOutbox: ok(200, ['admin']),
  dispatchSms: ok(200, ['admin']),
  smsReceipts: ok(200, ['admin', 'sms-gateway']),
  getCallbacks: ok(200, ['admin', 'callback']),
  getUnmatchedSms: ok(200, ['admin', 'callback']),
  buildCallbackList: ok(201, ['admin']),
  recordCallbackAttempt: ok(201, ['admin', 'callback']),
  // A clerk of another window gets their own window's (empty) list, not a refusal.
  listRectifications: ok(200, ['admin', 'director', 'callback', 'clerk', 'clerk-elsewhere']),
  verifyRectification: ok(200, ['admin', 'director']),
  resolveRectification: ok(200, ['admin', 'director', 'clerk']),
  appealRectification: ok(200, ['admin', 'director', 'clerk']),
  recheckRectification: ok(200, ['admin']),
  followUpRectification: ok(200, ['admin', 'callback']),
  closeRectification: ok(200, ['admin', 'director']),
  getSatisfaction: ok(200, ['admin', 'director']),
  listDirectors: ok(200, staff),
  publishRoster: ok(201, ['admin']),
  getRoster: ok(200, ['admin', 'director']),
  recordVideoCheck: ok(201, ['admin', 'director']),
  drawArchiveChecks: ok(201, ['admin']),
  getArchiveChecks: ok(200, ['admin', 'director']),
  getArchiveCheck: ok(200, ['admin', 'director']),
  recordArchiveCheck: ok(201, ['admin', 'director']),
  getScorecards: ok(200, ['admin', 'director']),
  listTicketCategories: ok(200, [...staff, 'kiosk', 'hall-screen']),
  issueTicket: ok(201, ['admin', 'clerk', 'clerk-elsewhere', 'kiosk']),
  callNext: ok(200, ['admin', 'clerk']),
  recallTicket: ok(200, ['admin', 'clerk']),
  noShowTicket: ok(200, ['admin', 'clerk']),
  transferTicket: ok(200, ['admin', 'clerk']),
  startTicket: ok(200, ['admin', 'clerk']),
  finishTicket: ok(200, ['admin', 'clerk']),
  setWindowCategories: ok(200, ['admin', 'clerk']),
  getQueue: ok(200, [...staff, 'hall-screen']),
  getHallBoard: ok(200, [...staff, 'hall-screen']),
  getHallWaiting: ok(200, [...staff, 'hall-screen']),
  // A window's display: staff, and the rating device of that window only.
  getWindowDisplay: ok(200, ['admin', 'director', 'callback', 'clerk', 'rating-device']),
  getQueueStats: ok(200, ['admin', 'director']),
  // Joint approval: the lead window (W16) steps the case; a department's reviewer answers for it and reads its cases and inbox.
  scheduleJointInspection: ok(200, ['admin', 'joint-clerk']),
  recordJointInspection: ok(200, ['admin', 'joint-clerk']),
  issueJointRectification: ok(200, ['admin', 'joint-clerk']),
  completeJointRectification: ok(200, ['admin', 'joint-clerk']),
  giveDepartmentOpinion: ok(200, ['admin', 'reviewer']),
  getJointRectification: ok(200, ['admin', 'director', 'callback', 'joint-clerk', 'reviewer']),
  sweepJointDeadlines: ok(200, ['admin']),
  listJointTasks: ok(200, ['admin', 'director', 'clerk', 'clerk-elsewhere', 'reviewer']),
  getJointStats: ok(200, ['admin', 'director']),
  // The citizens' side: no token needed, whoever sends one.
  getPublicProgress: everyone(200),
  getPublicReview: everyone(200),
  postPublicReview: everyone(201),
  // Appointments: the citizens' routes take no token; a kiosk, any clerk or an administrator checks a booking in.
  listAppointmentCategories: everyone(200),
  getAppointmentSlots: everyone(200),
  bookAppointment: everyone(201),
  cancelAppointment: everyone(200),
  checkInAppointment: ok(201, ['admin', 'clerk', 'clerk-elsewhere', 'kiosk']),
  sweepAppointmentNoShows: ok(200, ['admin']),
  // Agency projects: an agent works their own site's (the table's project is at the center, agent-elsewhere's site is 健跳镇).
  registerProject: ok(201, ['admin', 'director', 'agent', 'agent-elsewhere']),
  assignProjectAgent: ok(200, ['admin', 'director']),
  setProjectPlan: ok(200, ['admin', 'director', 'agent']),
  recordProjectFollowUp: ok(200, ['admin', 'director', 'agent']),
  closeProject: ok(200, ['admin', 'director', 'agent']),
  getProject: ok(200, ['admin', 'director', 'agent']),
  listProjects: ok(200, ['admin', 'director', 'agent', 'agent-elsewhere']),
  getAgentWorklist: ok(200, ['agent', 'agent-elsewhere']),
  getAgencyStats: ok(200, ['admin', 'director']),
  // The marketplace (中介超市): the table's intermediary (ZJ-R1, approved) is registered already, so its own registration is admitted and refused as a second one.
  registerIntermediary: { ...ok(201, ['admin']), intermediary: 409 },
  approveIntermediary: ok(200, ['admin']),
  suspendIntermediary: ok(200, ['admin']),
  reinstateIntermediary: ok(200, ['admin']),
  updateIntermediaryQualifications: ok(200, ['admin', 'intermediary']),
  listIntermediaries: ok(200, ['admin', 'director', 'owner', 'intermediary']),
  getIntermediary: ok(200, ['admin', 'director', 'owner', 'intermediary']),
  listMarketServiceTypes: ok(200, ['admin', 'director', 'owner', 'intermediary']),
  // The table's owner is O-JTJ, whose projects these are.
  draftMarketProject: ok(201, ['admin', 'owner']),
  publishMarketProject: ok(200, ['admin', 'owner']),
  submitQuote: ok(200, ['intermediary']),
  selectIntermediary: ok(200, ['admin', 'owner']),
  raiseObjection: ok(201, ['admin', 'intermediary']),
  resolveObjection: ok(200, ['admin']),
  withdrawAward: ok(200, ['admin', 'intermediary']),
  signMarketContract: ok(200, ['admin', 'owner']),
  completeMarketService: ok(200, ['admin', 'owner']),
  evaluateIntermediary: ok(200, ['admin', 'owner']),
  getMarketProject: ok(200, ['admin', 'director', 'owner', 'intermediary']),
  listMarketProjects: ok(200, ['admin', 'director', 'owner', 'intermediary']),
  sweepMarketDeadlines: ok(200, ['admin']),
  getMarketStats: ok(200, ['admin', 'director']),
  listPublicMarketProjects: everyone(200),
  // Assessment (考核): a worker signs in at their own window's terminal (the table's clerk is clerk-w03, in the staff file);
  // the table's worker for leave and attendance is clerk-w05 of the director's window W05, who is clerk-elsewhere.
  signIn: ok(200, ['clerk']),
  signOut: ok(200, ['clerk']),
  recordLeave: ok(201, ['admin', 'director']),
  getAttendance: { ...ok(200, ['admin', 'director', 'clerk-elsewhere']), 'joint-clerk': 403 },
  recordSiteInspection: ok(201, ['admin', 'director']),
  getSiteInspections: ok(200, ['admin', 'director']),
  getDepartmentScorecards: ok(200, ['admin', 'director']),
  getSiteScorecards: ok(200, ['admin', 'director']),
  getStaffScores: ok(200, ['admin', 'director', 'clerk', 'clerk-elsewhere']),
};

/** A completion acceptance (W16) with every material it lists, and the department whose reviewer the table's `reviewer` is. */
const ACCEPTANCE = { itemCode: '331022-LHSP-002', applicant: { name: '三门县海润建设有限公司', phone: '13857612345' }, channel: 'window', materials: Array.from({ length: 30 }, (_, i) => `M${i + 1}`) };
const REVIEWED = 'D-FIRE';

const MORTGAGE = { itemCode: '331022-BDCDJ-001', applicant: { name: '钱七', phone: '13911112222' }, channel: 'window', materials: ['M1', 'M2', 'M3', 'M4', 'M5'] };

let stack: Stack;
let admin: ReturnType<typeof api>;
let tokens: Record<CallerName, string | undefined>;

beforeAll(async () => {
  stack = await startStack('sanmen', { projections: true });
  admin = api(stack.url, await stack.token('admin'));
  const otherCounty = localPool(mkdtempSync(join(tmpdir(), 'banjian-other-')), 'tiantai');
  tokens = {
    admin: await stack.token('admin'),
    // The director of W05, whom the roster of 2026-11-06 sends to check window W03 (set up below).
    director: await stack.token('director', { windowId: 'W05', user: 'dir-w05' }),
    callback: await stack.token('callback'),
    clerk: await stack.token('clerk', { windowId: 'W03' }),
    'clerk-elsewhere': await stack.token('clerk', { windowId: 'W05' }),
    'sms-gateway': await stack.token('sms-gateway', { user: 'sms-gateway' }),
    kiosk: await stack.token('kiosk', { user: 'kiosk-1' }),
    'rating-device': await stack.token('rating-device', { user: 'rater-w03', windowId: 'W03' }),
    'rating-device-elsewhere': await stack.token('rating-device', { user: 'rater-w05', windowId: 'W05' }),
    'hall-screen': await stack.token('hall-screen', { user: 'screen-1' }),
    'joint-clerk': await stack.token('clerk', { windowId: 'W16' }),
    reviewer: await stack.token('reviewer', { departmentId: REVIEWED, user: 'reviewer-fire' }),
    'reviewer-elsewhere': await stack.token('reviewer', { departmentId: 'D-EDU', user: 'reviewer-edu' }),
    agent: await stack.token('agent', { siteId: 'S-CENTER', user: 'agent-center' }),
    'agent-elsewhere': await stack.token('agent', { siteId: 'S-JT', user: 'agent-jt' }),
    intermediary: await stack.token('intermediary', { intermediaryId: FIRMS[0], user: 'zj-r1' }),
    owner: await stack.token('owner', { ownerId: 'O-JTJ', user: 'owner-jtj' }),
    'no-token': undefined,
    expired: await stack.token('admin', { hours: -1 }),
    'other-county': await mintToken(otherCounty, { role: 'admin' }),
  };
});
afterAll(async () => stack.close());

/** The marketplace's intermediaries: the table's own (ZJ-R1) and two more that quote beside it; each registered and approved once. */
const FIRMS = ['ZJ-R1', 'ZJ-R2', 'ZJ-R3'];
const firmCode = (n: number) => withCreditChecks(`91331022000001${String(n).padStart(2, '0')}`);
const registration = (name: string, n: number) => ({ name, creditCode: firmCode(n), serviceTypes: ['COST'], qualifications: [{ type: 'COST', grade: 'A', certificateNo: `C-${n}`, expires: '2029-12-31' }], contact: { name: '联系人', phone: '13800000000' } });
let firmsReady: Promise<ReturnType<typeof api>[]> | undefined;
function firms(): Promise<ReturnType<typeof api>[]> {
  firmsReady ??= (async () => {
    const clients = FIRMS.map((id) => api(stack.url, stack.token('intermediary', { intermediaryId: id, user: id.toLowerCase() })));
    for (const [i, client] of clients.entries()) {
      const r = await client.post('/intermediaries', registration(`三门县第${i + 1}工程咨询有限公司`, i + 1), clock('2026-10-01'));
      expect(r.status, r.text).toBe(201);
      expect((await admin.post(`/intermediaries/${FIRMS[i]}/approve`, {}, clock('2026-10-01'))).status).toBe(200);
    }
    return clients;
  })();
  return firmsReady;
}

let registered = 10;
/** A fresh intermediary registered by the administrator, approved (and suspended) as the route needs. */
async function intermediaryFor(operationId: string): Promise<string> {
  if (operationId === 'updateIntermediaryQualifications' || operationId === 'getIntermediary') return (await firms(), FIRMS[0]!);
  const r = await admin.post<{ intermediaryId: string }>('/intermediaries', registration(`三门县第${registered}测绘有限公司`, registered++), clock('2026-10-01'));
  expect(r.status, r.text).toBe(201);
  const id = r.body.intermediaryId;
  if (operationId === 'approveIntermediary') return id;
  expect((await admin.post(`/intermediaries/${id}/approve`, {}, clock('2026-10-01'))).status).toBe(200);
  if (operationId === 'reinstateIntermediary') expect((await admin.post(`/intermediaries/${id}/suspend`, { reason: '核查' }, clock('2026-10-02'))).status).toBe(200);
  return id;
}

const MARKET_DRAFT = { title: '县道改建工程造价咨询', ownerName: '三门县交通运输局', ownerId: 'O-JTJ', serviceType: 'COST', budget: 100_000, stateFunded: true, method: 'lowest-price', qualification: { type: 'COST', minLevel: 'B' }, servicePeriodDays: 30 };
/**
 * A marketplace project of O-JTJ in the state the route needs at the table's time (2026-11-06 15:00):
 * open for quotes (due 11-13), or quoted by the three firms (ZJ-R1 lowest) and due 11-02, then selected,
 * objected to, awarded (publicity over on 10-27), contracted, completed.
 */
async function marketProjectFor(operationId: string): Promise<string> {
  const clients = await firms();
  const open = ['publishMarketProject', 'submitQuote', 'getMarketProject'].includes(operationId);
  const dates = open ? { draft: '2026-11-06', deadline: '2026-11-13' } : ['signMarketContract', 'completeMarketService', 'evaluateIntermediary'].includes(operationId) ? { draft: '2026-10-12', deadline: '2026-10-19' } : { draft: '2026-10-26', deadline: '2026-11-02' };
  const drafted = await admin.post<{ projectId: string }>('/market/projects', { ...MARKET_DRAFT, quoteDeadline: dates.deadline }, clock(dates.draft, '09:00'));
  expect(drafted.status, drafted.text).toBe(201);
  const id = drafted.body.projectId;
  const step = async (who: ReturnType<typeof api>, path: string, body: unknown, date: string, time: string) => {
    const r = await who.post(`/market/projects/${id}/${path}`, body, clock(date, time));
    expect(r.status, r.text).toBeLessThan(300);
  };
  if (operationId === 'publishMarketProject') return id;
  await step(admin, 'publish', {}, dates.draft, '09:05');
  if (open) return id;
  for (const [i, client] of clients.entries()) await step(client, 'quotes', { amount: 80_000 + i * 1000, servicePeriodDays: 20 }, dates.draft, '10:00');
  if (operationId === 'selectIntermediary') return id;
  const selectedOn = operationId.endsWith('MarketService') || operationId.endsWith('Contract') || operationId === 'evaluateIntermediary' ? '2026-10-20' : '2026-11-03';
  await step(admin, 'select', {}, selectedOn, '09:00');
  if (operationId === 'raiseObjection' || operationId === 'withdrawAward') return id;
  if (operationId === 'resolveObjection') {
    await step(clients[1]!, 'objections', { text: '异议' }, '2026-11-04', '10:00');
    return id;
  }
  // The timer ends the publicity period once the views show the result (the projector may be a moment behind).
  await settle(async () => {
    expect((await admin.post('/market/deadlines', {}, clock('2026-10-27', '17:45'))).status).toBe(200);
    return (await admin.get<{ status: string }>(`/market/projects/${id}`)).body.status === 'awarded';
  });
  if (operationId === 'signMarketContract') return id;
  await step(admin, 'contract', { contractNo: 'HT-1', signedDate: '2026-10-28' }, '2026-10-28', '10:00');
  if (operationId === 'completeMarketService') return id;
  await step(admin, 'complete', { completedDate: '2026-11-05' }, '2026-11-05', '10:00');
  return id;
}

let day = 0;
/** A fresh case at window W03 in the state the command needs (a joint case at W16 for the joint routes). */
async function caseFor(operationId: string): Promise<string> {
  if (/Joint|Department/.test(operationId)) return jointCaseFor(operationId);
  const date = `2026-11-${String(2 + (day++ % 4)).padStart(2, '0')}`;
  const incomplete = operationId === 'requestMaterials' || operationId === 'supplyMaterials';
  const { caseId } = (await admin.post<{ caseId: string }>('/cases', { ...MORTGAGE, materials: incomplete ? ['M1'] : MORTGAGE.materials }, clock(date, '09:00'))).body;
  const step = async (path: string, body: unknown, time: string) => expect((await admin.post(`/cases/${caseId}/${path}`, body, clock(date, time))).status).toBe(200);
  if (operationId === 'supplyMaterials') await step('request-materials', { missing: ['M2', 'M3', 'M4', 'M5'] }, '09:10');
  if (['suspendCase', 'resumeCase', 'completeCase', 'deliverCase', 'reviewCase'].includes(operationId)) await step('accept', {}, '09:20');
  if (operationId === 'resumeCase') await step('suspend', { procedure: 'hearing', reason: '听证' }, '09:30');
  if (operationId === 'deliverCase') await step('complete', { decision: 'approved' }, '09:40');
  return caseId;
}

/** A completion acceptance accepted on 11-05, moved to the step the joint route needs (its requests come at 11-06 15:00). */
async function jointCaseFor(operationId: string): Promise<string> {
  const { caseId } = (await admin.post<{ caseId: string }>('/cases', ACCEPTANCE, clock('2026-11-05', '09:00'))).body;
  const step = async (path: string, body: unknown, date: string, time: string) => {
    const response = await admin.post(`/cases/${caseId}/${path}`, body, clock(date, time));
    expect(response.status, response.text).toBe(200);
  };
  await step('accept', {}, '2026-11-05', '09:10');
  if (operationId === 'scheduleJointInspection') return caseId;
  await step('joint/inspection', { at: '2026-11-06T09:00:00+08:00', place: '项目现场' }, '2026-11-05', '09:20');
  if (operationId === 'recordJointInspection') return caseId;
  await step('joint/inspection/held', { present: ['D-NR', 'D-FIRE', 'D-CAD', 'D-LAND', 'D-QS'], absent: [] }, '2026-11-06', '10:00');
  if (operationId === 'giveDepartmentOpinion') return caseId;
  await step('joint/opinions', { departmentId: REVIEWED, result: 'rectify', items: [{ text: '疏散指示标志不连续' }] }, '2026-11-06', '10:30');
  if (operationId === 'completeJointRectification') await step('joint/rectification', {}, '2026-11-06', '11:00');
  return caseId;
}

/** A rating link (the SMS invitation's token) of a fresh completed W03 case, made with the local stack's county secret. */
async function ratingToken(): Promise<string> {
  return issueRatingToken(macOf('test-county-secret'), await caseFor('deliverCase'), '2027-01-01T00:00:00.000Z');
}

/** The progress lookup's query for a W03 case, once the projector has indexed its number. */
async function progressQuery(): Promise<string> {
  const { caseNo } = (await admin.post<{ caseNo: string }>('/cases', MORTGAGE, clock('2026-11-06', '09:00'))).body;
  await settle(async () => (await stack.scan('views')).some((item) => String(item.pk).endsWith(`#case-no#${caseNo}`)));
  return `?caseNo=${caseNo}&code=${MORTGAGE.applicant.phone.slice(-4)}`;
}

/** Bookings of category Z (four windows: 15 places a slot), each with a phone of its own, spread over the slots given. */
let bookings = 0;
const bookingBody = (date: string, slots: readonly string[]) => {
  const n = bookings++;
  return { category: 'Z', date, slot: slots[n % slots.length]!, name: '孙八', phone: `1370000${String(n).padStart(4, '0')}` };
};
const appointmentCodes = new Map<string, string>();
/** A booking for Monday to cancel (its id; its code kept for the request), or one for today to check in (its code, once the kiosk's view has it). */
async function appointmentFor(operationId: string): Promise<string> {
  const today = operationId === 'checkInAppointment';
  const booked = await api(stack.url).post<{ appointmentId: string; code: string }>('/public/appointments', bookingBody(today ? '2026-11-06' : '2026-11-09', today ? ['15:30', '16:00', '16:30'] : ['09:00', '09:30', '10:00']), clock('2026-11-06', '08:00'));
  expect(booked.status, booked.text).toBe(201);
  if (!today) {
    appointmentCodes.set(booked.body.appointmentId, booked.body.code);
    return booked.body.appointmentId;
  }
  await settle(async () => (await stack.scan('views')).some((item) => item.projection === 'appointments-by-code' && item.sk === booked.body.appointmentId));
  return booked.body.code;
}

/** A bad review's rectification on a W03 case, moved to the step the route needs. */
async function rectificationFor(operationId: string): Promise<string> {
  const caseId = await caseFor('reviewCase');
  const date = '2026-11-06';
  const reviewed = await admin.post<{ rectificationId: string }>(`/cases/${caseId}/reviews`, { level: 'dissatisfied', channel: 'window-device' }, clock(date, '10:00'));
  const id = reviewed.body.rectificationId;
  const step = async (path: string, body: unknown, time: string) => expect((await admin.post(`/rectifications/${id}/${path}`, body, clock(date, time))).status).toBe(200);
  if (['resolveRectification', 'followUpRectification', 'closeRectification'].includes(operationId)) await step('verify', { finding: 'confirmed' }, '10:10');
  if (operationId === 'recheckRectification') await step('appeal', { reason: '误评' }, '10:10');
  if (['followUpRectification', 'closeRectification'].includes(operationId)) await step('resolve', { how: 'explained', note: '已向申请人说明' }, '10:20');
  if (operationId === 'closeRectification') await step('follow-up', { satisfied: true }, '10:30');
  return id;
}

/** The roster of 2026-11-06, and the window it sends director dir-w05 to. */
let rosterReady = false;
async function rosterWithDirectorOnW03(): Promise<void> {
  if (rosterReady) return;
  const roster = await admin.post<{ entries: { directorId: string; windowId: string }[] }>('/rosters/2026-11-06', {}, clock('2026-11-06', '07:00'));
  expect(roster.status).toBe(201);
  // The director checks the first window the draw gave them.
  assignedWindow = roster.body.entries.find((e) => e.directorId === 'dir-w05')!.windowId;
  rosterReady = true;
}
let assignedWindow = 'W03';

/** A month's archive sample with files of its own (completed cases of October, one per caller who may record). */
let archiveCase: string | undefined;
const archiveCases: string[] = [];
async function archiveSample(): Promise<string> {
  for (let n = 0; n < 3; n++) {
    const { caseId } = (await admin.post<{ caseId: string }>('/cases', MORTGAGE, clock('2026-10-12', '09:00'))).body;
    await admin.post(`/cases/${caseId}/accept`, {}, clock('2026-10-12', '09:10'));
    await admin.post(`/cases/${caseId}/complete`, { decision: 'approved' }, clock('2026-10-13', '10:00'));
    archiveCases.push(caseId);
  }
  const caseId = archiveCases[0]!;
  // Once the projector has counted the completion, the sample can hold it.
  for (let i = 0; i < 100 && (await admin.get<{ completed: number }>('/stats/summary?from=2026-10-13&to=2026-10-13')).body.completed < 3; i++) await new Promise((r) => setTimeout(r, 50));
  const drawn = await admin.post<{ samples: { caseId: string }[] }>('/archive-checks/2026-10', {}, clock('2026-11-02', '07:10'));
  expect(drawn.body.samples.map((x) => x.caseId)).toContain(caseId);
  return caseId;
}

/** A case owed a callback on the list of 2026-11-06 (a bad review puts it there, once the projector has seen it). */
async function callbackCase(): Promise<string> {
  const caseId = await caseFor('reviewCase');
  await admin.post(`/cases/${caseId}/reviews`, { level: 'very-dissatisfied', channel: 'window-device' }, clock('2026-11-05', '10:00'));
  for (let i = 0; i < 100; i++) {
    const open = await admin.get<{ caseId: string }[]>('/rectifications', clock('2026-11-05', '11:00'));
    if (open.body.some((r) => r.caseId === caseId)) return caseId;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('the rectification never reached the view');
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
  reviewCase: { level: 'satisfied', channel: 'window-device' },
  smsInbound: { from: '13700000000', text: '满意' },
  smsReceipts: { receipts: [{ providerMessageId: 'BIZ-0001', status: 'delivered', at: '2026-11-06T15:00:05+08:00' }] },
  buildCallbackList: {},
  recordCallbackAttempt: { outcome: 'no-answer' },
  verifyRectification: { finding: 'confirmed' },
  resolveRectification: { how: 'rectified', note: '已整改' },
  appealRectification: { reason: '申请人误评' },
  recheckRectification: { result: 'upheld' },
  followUpRectification: { satisfied: true },
  closeRectification: {},
  publishRoster: {},
  recordVideoCheck: { rosterDate: '2026-11-06', windowId: 'W03', checkedAt: '2026-11-06T10:00:00+08:00', items: { atPost: true, punctual: true, uniformAndBadge: true, noPhone: true, noEating: true, noSleeping: true, noChatting: true, deskTidy: true, ratingDeviceInUse: true } },
  recordArchiveCheck: { problems: [{ code: 'notice-undated' }] },
  issueTicket: { category: 'C' },
  callNext: {},
  recallTicket: {},
  noShowTicket: {},
  transferTicket: { category: 'A' },
  startTicket: {},
  finishTicket: {},
  setWindowCategories: { categories: ['C'] },
  scheduleJointInspection: { at: '2026-11-09T09:30:00+08:00', place: '项目现场' },
  recordJointInspection: { present: ['D-NR', 'D-FIRE', 'D-CAD', 'D-LAND'], absent: [{ departmentId: 'D-QS', justified: true, reason: '同日另有监督任务' }] },
  giveDepartmentOpinion: { departmentId: REVIEWED, result: 'pass' },
  postPublicReview: { level: 'satisfied' },
  registerProject: { name: '年产 2 万吨新型环保建材项目', enterprise: { name: '三门县海润新材料有限公司', creditCode: '914403001922038216' }, investment: 12000 },
  assignProjectAgent: { agentId: 'agent-zhao' },
  setProjectPlan: { steps: [{ stepId: 'S1', itemCode: '331022-FG-001', after: [] }] },
  recordProjectFollowUp: { at: '2026-11-06T10:00:00+08:00', note: '走访企业' },
  closeProject: {},
  registerIntermediary: registration('三门县恒信造价咨询有限公司', 99),
  suspendIntermediary: { reason: '资质材料弄虚作假', until: '2026-12-31' },
  updateIntermediaryQualifications: { serviceTypes: ['COST'], qualifications: [{ type: 'COST', grade: 'A', certificateNo: 'C-1', expires: '2030-12-31' }] },
  draftMarketProject: { ...MARKET_DRAFT, quoteDeadline: '2026-11-13' },
  submitQuote: { amount: 90_000, servicePeriodDays: 20 },
  raiseObjection: { text: '中选机构业绩材料不实' },
  resolveObjection: { upheld: false, resolution: '经核实异议不成立' },
  withdrawAward: { reason: '项目负责人离职' },
  signMarketContract: { contractNo: 'HT-2', signedDate: '2026-11-06' },
  completeMarketService: { completedDate: '2026-11-06' },
  evaluateIntermediary: { quality: 5, timeliness: 5, attitude: 4, feeCompliance: 5 },
};

/** A project at the center (its agent: agent-center), for the project routes. */
async function projectFor(): Promise<string> {
  const registered = await admin.post<{ projectId: string }>('/projects', { ...(bodies.registerProject as object), siteId: 'S-CENTER' }, clock('2026-11-06', '09:00'));
  expect(registered.status, registered.text).toBe(201);
  return registered.body.projectId;
}


/** A ticket of category C held by window W03, in the state the step needs. */
async function ticketFor(operationId: string): Promise<string> {
  const t = (await admin.post<{ ticketId: string }>('/tickets', { category: 'C', priority: 'priority' }, clock('2026-11-06', '14:00'))).body.ticketId;
  const called = await admin.post<{ ticketId: string }>('/windows/W03/call-next', {}, clock('2026-11-06', '14:01'));
  expect(called.body.ticketId).toBe(t);
  if (operationId === 'noShowTicket') await admin.post(`/tickets/${t}/recall`, {}, clock('2026-11-06', '14:02'));
  if (operationId === 'finishTicket') await admin.post(`/tickets/${t}/start`, {}, clock('2026-11-06', '14:02'));
  return t;
}

let listDay = 10;
/** Each leave and each site inspection a day of its own (a second for the same day is refused). */
let assessmentDay = 9;
async function request(route: Route, caller: CallerName, id: string) {
  // Each allowed build gets a day of its own (a second build of a day answers 200).
  const date = route.operationId === 'buildCallbackList' || route.operationId === 'publishRoster' ? `2026-12-${String(listDay++).padStart(2, '0')}` : '2026-11-06';
  const month = route.operationId === 'drawArchiveChecks' ? `2025-${String((listDay++ % 12) + 1).padStart(2, '0')}` : route.path.startsWith('/archive-checks/') ? '2026-10' : '2026-11';
  const path = route.path.replace('{id}', route.path.startsWith('/windows/') ? 'W03' : route.path.startsWith('/departments/') ? REVIEWED : id).replace('{caseId}', route.path.startsWith('/archive-checks/') ? (route.operationId === 'recordArchiveCheck' ? archiveCases[caller === 'admin' ? 0 : caller === 'director' ? 1 : 2]! : (archiveCase ?? id)) : id).replace('{token}', id).replace('{code}', '331022-BDCDJ-001').replace('{year}', '2030').replace('{date}', date).replace('{month}', month).replace('{n}', '1');
  const query =
    route.operationId.startsWith('getStats') || ['getSatisfaction', 'getQueueStats', 'getJointStats', 'getAgencyStats', 'getMarketStats'].includes(route.operationId)
      ? '?from=2026-11-01&to=2026-11-30'
      : route.operationId === 'getCallbacks' || route.operationId === 'getUnmatchedSms'
        ? '?date=2026-11-06'
        : route.operationId === 'getQueue'
          ? '?category=C'
          : route.operationId === 'getPublicProgress'
            ? id
            : route.operationId === 'getAppointmentSlots'
              ? '?category=Z&date=2026-11-09'
              : '';
  const body = route.method === 'GET' ? undefined : (bodies[route.operationId] ?? {});
  // Each booking a phone of its own; a cancellation with its booking's code; a check-in with the code its booking got.
  const appointmentBodies: Record<string, () => unknown> = { bookAppointment: () => bookingBody('2026-11-10', ['09:00', '09:30']), cancelAppointment: () => ({ code: appointmentCodes.get(id) ?? '000000' }), checkInAppointment: () => ({ code: id }) };
  const appointmentBody = appointmentBodies[route.operationId];
  const assessmentBodies: Record<string, () => unknown> = {
    recordLeave: () => ({ date: `2026-11-${String(assessmentDay++).padStart(2, '0')}`, part: 'day', reason: '年休假' }),
    recordSiteInspection: () => ({ siteId: 'S-HY', date: `2026-10-${String(assessmentDay++).padStart(2, '0')}`, items: { signage: true, hoursKept: true, staffPresent: true, agentOnDuty: true, catalogueDisplayed: true, ratingDeviceInUse: true } }),
  };
  const sent = route.operationId === 'recordVideoCheck' ? { ...(body as object), windowId: assignedWindow } : (appointmentBody?.() ?? assessmentBodies[route.operationId]?.() ?? body);
  // Attempts are recorded against the list of the day they are made.
  const day = route.operationId === 'recordCallbackAttempt' ? '2026-11-16' : '2026-11-06';
  return api(stack.url, tokens[caller]).call(route.method, `${path}${query}`, sent, clock(day, '15:00'));
}

describe('the role table, on the local server', () => {
  it('covers every route of the route table', () => {
    expect(Object.keys(expected).sort()).toEqual(routes.map((r) => r.operationId).sort());
  });

  it.each(routes.map((r) => [`${r.method} ${r.path}`, r] as const))('%s', async (_name, route) => {
    const prepare = async () => {
      if (route.path.startsWith('/cases/{id}')) return caseFor(route.operationId);
      if (route.path.startsWith('/tickets/{id}')) return ticketFor(route.operationId);
      if (route.path.startsWith('/projects/{id}')) return projectFor();
      if (route.path.startsWith('/intermediaries/{id}')) return intermediaryFor(route.operationId);
      if (route.path.startsWith('/market/projects/{id}')) return marketProjectFor(route.operationId);
      if (route.path.startsWith('/staff/{id}')) return 'clerk-w05';
      if (route.operationId === 'registerIntermediary' || route.operationId === 'submitQuote' || route.operationId === 'listIntermediaries') await firms();
      // A ticket waiting for each window terminal that may call.
      if (route.operationId === 'callNext') await admin.post('/tickets', { category: 'C' }, clock('2026-11-06', '13:00'));
      // W03 holds a called ticket, and the day's ticket views show it, whatever ran before.
      if (route.operationId === 'getWindowTicket') {
        await admin.post('/tickets', { category: 'C' }, clock('2026-11-06', '13:00'));
        expect((await admin.post('/windows/W03/call-next', {}, clock('2026-11-06', '13:01'))).status).toBe(200);
        await settle(async () => (await admin.get('/windows/W03/ticket', clock('2026-11-06', '13:02'))).status === 200);
      }
      if (route.path.startsWith('/rectifications/{id}')) return rectificationFor(route.operationId);
      if (route.path.startsWith('/public/reviews/{token}')) return ratingToken();
      if (route.operationId === 'getPublicProgress') return progressQuery();
      if (route.path.startsWith('/public/appointments/{id}') || route.operationId === 'checkInAppointment') return appointmentFor(route.operationId);
      if (route.operationId === 'recordCallbackAttempt') return callbackCase();
      return '';
    };
    if (route.operationId === 'getCallbacks') await admin.post('/callbacks/lists/2026-11-06', {}, clock('2026-11-06', '07:30'));
    if (['getRoster', 'recordVideoCheck'].includes(route.operationId)) await rosterWithDirectorOnW03();
    if (['getArchiveChecks', 'getArchiveCheck', 'recordArchiveCheck'].includes(route.operationId)) archiveCase ??= await archiveSample();
    const shared = await prepare();
    if (route.operationId === 'recordCallbackAttempt') expect((await admin.post('/callbacks/lists/2026-11-16', {}, clock('2026-11-16', '07:30'))).status).toBe(201);
    for (const caller of callers) {
      const want = expected[route.operationId]![caller];
      // A caller who may act gets a subject of their own in the right state; refusals must leave the shared one untouched.
      let id = want < 300 && route.method === 'POST' ? await prepare() : shared;
      if (want < 300 && route.operationId === 'recordCallbackAttempt') id = shared;
      const response = await request(route, caller, id);
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
