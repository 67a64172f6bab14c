import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, clock, startStack, type Stack } from '../support/local-stack.ts';

let stack: Stack;
let http: ReturnType<typeof api>;

beforeAll(async () => {
  stack = await startStack();
  http = api(stack.url, await stack.token('admin'));
});
afterAll(async () => stack.close());

/** 建设工程规划许可证核发: a commitment item of the planning window (W01), 5 committed working days and five materials. */
const PLANNING_PERMIT = '331022-ZRZY-003';
const applicant = { name: '三门县海润建设有限公司', phone: '13857612345', organization: '三门县海润建设有限公司' };

async function submit(materials: string[], itemCode = PLANNING_PERMIT, date = '2026-11-02') {
  const response = await http.post('/cases', { itemCode, applicant, channel: 'window', materials }, clock(date, '09:00'));
  expect(response.status).toBe(201);
  return response.body as { caseId: string; caseNo: string; version: number };
}

describe('a case walked through every state over HTTP', () => {
  it('keeps the deadline, the timeline and the applicant’s privacy right at every step', async () => {
    const created = await submit(['M1', 'M2', 'M3']);
    expect(created.caseNo).toMatch(/^331022-20261102-\d{5}$/);
    const id = created.caseId;
    const step = async (path: string, body: unknown, date: string, time: string, expected: Record<string, unknown>) => {
      const response = await http.post(`/cases/${id}/${path}`, body, clock(date, time));
      expect(response.status, response.text).toBe(200);
      expect(response.body).toMatchObject(expected);
      expect(response.headers.get('etag')).toBe(`"${(response.body as { version: number }).version}"`);
      return response.body;
    };
    await step('request-materials', { missing: ['M4', 'M5'], note: '请补充建筑设计方案文本和授权委托书' }, '2026-11-02', '09:30', { status: 'awaiting-materials', missing: ['M4', 'M5'], version: 2 });
    await step('supply-materials', { materials: ['M4', 'M5'] }, '2026-11-02', '14:00', { status: 'submitted', version: 3 });
    await step('accept', {}, '2026-11-02', '15:00', { status: 'accepted', deadline: '2026-11-09', deadlineProvisional: false, version: 4 });
    await step('suspend', { procedure: 'expert-review', reason: '组织专家评审' }, '2026-11-04', '10:00', { status: 'suspended', version: 5 });
    await step('resume', {}, '2026-11-09', '09:00', { status: 'accepted', deadline: '2026-11-12', suspendedWorkingDays: 3, version: 6 });
    await step('transfer', { windowId: 'W07' }, '2026-11-09', '10:00', { windowId: 'W07', departmentId: 'D-HC', version: 7 });
    // Completion also records that the SMS rating invitation is due (a second event): version 9.
    await step('complete', { decision: 'approved' }, '2026-11-11', '16:00', { status: 'completed', onTime: true, early: true, version: 9 });
    await step('deliver', { method: 'electronic' }, '2026-11-12', '09:00', { status: 'delivered', deliveryMethod: 'electronic', version: 10 });

    // A director reads it with the phone masked; the administrator who acted sees it whole.
    const director = api(stack.url, await stack.token('director'));
    const view = await director.get(`/cases/${id}`);
    expect(view.status).toBe(200);
    expect(view.body).toMatchObject({ caseNo: created.caseNo, status: 'delivered', deadline: '2026-11-12', applicant: { phone: '138****2345' }, acceptedDate: '2026-11-02' });
    expect(view.text).not.toContain('13857612345');

    const timeline = await director.get<{ events: { type: string; version: number; at: string; actor: { id: string }; windowId: string | null }[] }>(`/cases/${id}/events`);
    expect(timeline.body.events.map((e) => e.type)).toEqual([
      'CaseSubmitted',
      'MaterialsRequested',
      'MaterialsSupplied',
      'CaseAccepted',
      'CaseSuspended',
      'CaseResumed',
      'CaseTransferred',
      'CaseCompleted',
      'RatingInvitationDue',
      'CaseDelivered',
    ]);
    expect(timeline.body.events.every((e) => e.at && e.actor.id && e.windowId)).toBe(true);
    expect(timeline.text).not.toContain('13857612345');
  });

  it('numbers the day’s cases one after another', async () => {
    const a = await submit(['M1'], '331022-GA-001', '2026-11-03');
    const b = await submit(['M1'], '331022-GA-001', '2026-11-03');
    const seq = (caseNo: string) => Number(caseNo.slice(-5));
    expect(a.caseNo.slice(0, 16)).toBe('331022-20261103-');
    expect(seq(b.caseNo)).toBe(seq(a.caseNo) + 1);
  });

  it('refuses the dev clock on a server started without --dev-clock', async () => {
    const before = await stack.scan('events');
    const plain = api(stack.plainUrl, await stack.token('admin'));
    const response = await plain.post('/cases', { itemCode: PLANNING_PERMIT, applicant, channel: 'window', materials: [] }, clock('2026-11-02'));
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    expect((await stack.scan('events')).length).toBe(before.length);
    expect((await plain.get('/health')).status).toBe(200);
  });
});

describe('exactly-once commands', () => {
  it('lets exactly one of 50 concurrent accepts through', async () => {
    const { caseId } = await submit(['M1', 'M2', 'M3', 'M4', 'M5'], PLANNING_PERMIT, '2026-11-04');
    const responses = await Promise.all(Array.from({ length: 50 }, () => http.post(`/cases/${caseId}/accept`, {}, clock('2026-11-04', '11:00'))));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const refused of responses.filter((r) => r.status === 409)) expect(refused.headers.get('content-type')).toBe('application/problem+json');
    const stored = (await stack.scan('events')).filter((i) => i.stream === `case#${caseId}`);
    expect(stored.filter((i) => i.type === 'CaseAccepted')).toHaveLength(1);
  });

  it('answers 20 concurrent retries of one Idempotency-Key identically, with one event', async () => {
    const { caseId } = await submit(['M1', 'M2', 'M3', 'M4', 'M5'], PLANNING_PERMIT, '2026-11-05');
    const headers = { ...clock('2026-11-05', '11:00'), 'idempotency-key': `accept-${caseId}` };
    const responses = await Promise.all(Array.from({ length: 20 }, () => http.post(`/cases/${caseId}/accept`, {}, headers)));
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([200]));
    expect(new Set(responses.map((r) => r.text)).size).toBe(1);
    expect(new Set(responses.map((r) => r.headers.get('etag'))).size).toBe(1);
    const stored = (await stack.scan('events')).filter((i) => i.stream === `case#${caseId}`);
    expect(stored.map((i) => i.type)).toEqual(['CaseSubmitted', 'CaseAccepted']);
  });

  it('creates one case for 20 concurrent submits with one key', async () => {
    const headers = { ...clock('2026-11-06', '09:00'), 'idempotency-key': 'kiosk-7-submit-000042' };
    const body = { itemCode: '331022-GA-001', applicant, channel: 'window', materials: ['M1', 'M2'] };
    const responses = await Promise.all(Array.from({ length: 20 }, () => http.post('/cases', body, headers)));
    expect(new Set(responses.map((r) => r.status))).toEqual(new Set([201]));
    expect(new Set(responses.map((r) => r.text)).size).toBe(1);
    const caseId = (responses[0]!.body as { caseId: string }).caseId;
    const streams = new Set((await stack.scan('events')).filter((i) => i.type === 'CaseSubmitted' && (i.data as { caseNo: string }).caseNo.includes('20261106')).map((i) => i.stream));
    expect([...streams]).toEqual([`case#${caseId}`]);
  });

  it('refuses a key reused with another body (422) and writes nothing', async () => {
    const { caseId } = await submit(['M1', 'M2', 'M3', 'M4', 'M5'], PLANNING_PERMIT, '2026-11-06');
    const key = { 'idempotency-key': `reject-${caseId}` };
    const first = await http.post(`/cases/${caseId}/reject`, { reason: '不属于本机关职权范围' }, { ...clock('2026-11-06', '10:00'), ...key });
    expect(first.status).toBe(200);
    const before = await stack.scan('events');
    const second = await http.post(`/cases/${caseId}/reject`, { reason: '另一个理由' }, { ...clock('2026-11-06', '10:05'), ...key });
    expect(second.status).toBe(422);
    expect(second.body).toMatchObject({ type: '/problems/idempotency-key-reused' });
    expect(await stack.scan('events')).toHaveLength(before.length);
  });

  it('honours If-Match: the current version passes, a stale one gets 412', async () => {
    const { caseId } = await submit(['M1', 'M2', 'M3', 'M4', 'M5'], PLANNING_PERMIT, '2026-11-09');
    const stale = await http.post(`/cases/${caseId}/accept`, {}, { ...clock('2026-11-09', '10:00'), 'if-match': '"7"' });
    expect(stale.status).toBe(412);
    expect(stale.body).toMatchObject({ currentVersion: 1, expectedVersion: 7 });
    const fresh = await http.post(`/cases/${caseId}/accept`, {}, { ...clock('2026-11-09', '10:00'), 'if-match': '"1"' });
    expect(fresh.status).toBe(200);
  });
});

describe('the calendar', () => {
  it('flags a deadline in an unpublished year and recomputes it when the notice is entered', async () => {
    const { caseId } = await submit(['M1', 'M2', 'M3', 'M4', 'M5'], PLANNING_PERMIT, '2026-12-28');
    const accepted = await http.post(`/cases/${caseId}/accept`, {}, clock('2026-12-28', '10:00'));
    expect(accepted.body).toMatchObject({ deadline: '2027-01-05', deadlineProvisional: true });
    const before = await http.get('/calendar/2027');
    expect(before.body).toMatchObject({ year: 2027, source: 'provisional', provisional: true });
    // Suppose the 2027 notice gives 4 January off and makes Saturday 9 January a working day.
    const amended = await http.put('/calendar/2027', { holidays: ['2027-01-01', '2027-01-04'], workdays: ['2027-01-09'], note: '国务院办公厅通知' });
    expect(amended.status).toBe(200);
    expect(amended.body).toMatchObject({ source: 'amended', provisional: false, holidays: ['2027-01-01', '2027-01-04'] });
    const after = await http.get(`/cases/${caseId}`);
    expect(after.body).toMatchObject({ deadline: '2027-01-06', deadlineProvisional: false });
  });

  it('refuses an amendment that does not fit its year', async () => {
    const response = await http.put('/calendar/2027', { holidays: ['2028-01-01'], workdays: ['2027-01-06'] });
    expect(response.status).toBe(422);
    expect((response.body as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual(['holidays.0', 'workdays.0']);
  });
});
