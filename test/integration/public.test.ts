import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { routes } from '../../functions/http/routes.ts';
import { issueRatingToken, ratingLink } from '../../functions/public/rating-token.ts';
import { macOf } from '../../functions/secret.ts';
import { readCounty } from '../../infra/county-config.ts';
import { withCreditChecks } from '../../domain/project/credit-code.ts';
import { api, clock, settle, startStack, type Stack } from '../support/local-stack.ts';

/**
 * The citizens' side over HTTP on the real DynamoDB Local: the progress lookup (办件进度查询) and its
 * rate limit, rating from the link (扫码/短信评价), and no personal data in any public answer.
 */

const sanmen = readCounty('sanmen');
/** The local stack's county secret (local/stack.ts): what a test needs to make rating links as the SMS sender does. */
const mac = macOf('test-county-secret');
const MORTGAGE = '331022-BDCDJ-001';
const materials = sanmen.items.find((i) => i.code === MORTGAGE)!.materials.map((m) => m.code);
const applicant = { name: '王五', phone: '13957681234', idNumber: '331022198805052345', organization: '三门县东海船舶修造有限公司' };

const route = (operationId: string) => routes.find((r) => r.operationId === operationId)!;
const schemaOf = (operationId: string) => route(operationId).response.schema;

type Case = { caseId: string; caseNo: string; queryCode?: string; completedAt: string | null };

let stack: Stack;
let admin: ReturnType<typeof api>;
let clerk: ReturnType<typeof api>;
/** No token: the public routes take none. */
let citizen: ReturnType<typeof api>;

beforeAll(async () => {
  stack = await startStack('sanmen', { projections: true });
  admin = api(stack.url, stack.token('admin', { user: 'admin-zhao' }));
  clerk = api(stack.url, stack.token('clerk', { windowId: 'W03', user: 'clerk-qian-w03' }));
  citizen = api(stack.url);
});
afterAll(async () => stack.close());

interface Answer {
  status: number;
  contentType: string | undefined;
  cacheControl: string | undefined;
  retryAfter: string | undefined;
  text: string;
  body: Record<string, unknown>;
}

/**
 * A GET from a source address of the test's own (the loopback has all of 127/8): the lookups are
 * limited per client address, so each test keeps to its own bucket.
 */
function from(address: string, path: string): Promise<Answer> {
  const url = new URL(path, stack.url);
  return new Promise((resolve, reject) => {
    const sent = httpRequest({ host: url.hostname, port: url.port, path: `${url.pathname}${url.search}`, localAddress: address }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        const header = (name: string) => (response.headers[name] === undefined ? undefined : String(response.headers[name]));
        resolve({ status: response.statusCode ?? 0, contentType: header('content-type'), cacheControl: header('cache-control'), retryAfter: header('retry-after'), text, body: (text ? JSON.parse(text) : {}) as Record<string, unknown> });
      });
    });
    sent.on('error', reject);
    sent.end();
  });
}

const progressPath = (caseNo: string, code: string) => `/public/progress?caseNo=${encodeURIComponent(caseNo)}&code=${encodeURIComponent(code)}`;

/** Waits until the projector has indexed the case number (the lookup starts from that view). */
async function indexed(caseNo: string): Promise<void> {
  let found = false;
  await settle(async () => (found = (await stack.scan('views')).some((item) => String(item.pk).endsWith(`#case-no#${caseNo}`))));
  expect(found, `case ${caseNo} indexed`).toBe(true);
}

async function submit(date: string, body: object = {}): Promise<Case> {
  const submitted = await clerk.post<Case>('/cases', { itemCode: MORTGAGE, applicant, channel: 'window', materials, ...body }, clock(date, '09:00'));
  expect(submitted.status, submitted.text).toBe(201);
  return submitted.body;
}

async function completed(date: string, body: object = {}): Promise<Case> {
  const c = await submit(date, body);
  expect((await clerk.post(`/cases/${c.caseId}/accept`, {}, clock(date, '09:10'))).status).toBe(200);
  const done = await clerk.post<Case>(`/cases/${c.caseId}/complete`, { decision: 'approved' }, clock(date, '15:00'));
  expect(done.status, done.text).toBe(200);
  return done.body;
}

/** A case's events as the Events table holds them. */
async function eventsOf(caseId: string): Promise<{ type: string; data: Record<string, unknown>; meta: Record<string, unknown> }[]> {
  const items = (await stack.scan('events')).filter((item) => item.stream === `case#${caseId}`);
  return items.sort((a, b) => Number(a.version) - Number(b.version)) as unknown as { type: string; data: Record<string, unknown>; meta: Record<string, unknown> }[];
}

/** The problem without its correlation id: what must be the same byte for byte. */
const withoutCorrelation = (answer: Answer) => answer.text.replace(String(answer.body.correlationId), '<correlation-id>');

describe('the receipt’s query code', () => {
  it('comes back from the submit and on the case for staff, six digits', async () => {
    const c = await submit('2026-11-02');
    expect(c.queryCode).toMatch(/^\d{6}$/);
    const read = await admin.get<Case>(`/cases/${c.caseId}`);
    expect(read.body.queryCode).toBe(c.queryCode);
    expect(schemaOf('getCase').safeParse(read.body).success).toBe(true);
  });
});

describe('the progress lookup (办件进度查询)', () => {
  it('finds a case by its number and the phone’s last four digits, or the receipt’s query code, with the steps so far', async () => {
    const c = await submit('2026-11-02', { materials: materials.slice(0, 1) });
    await clerk.post(`/cases/${c.caseId}/request-materials`, { missing: materials.slice(1) }, clock('2026-11-02', '09:20'));
    await clerk.post(`/cases/${c.caseId}/supply-materials`, { materials: materials.slice(1) }, clock('2026-11-03', '10:00'));
    const accepted = await clerk.post<{ deadline: string }>(`/cases/${c.caseId}/accept`, {}, clock('2026-11-03', '10:10'));
    await indexed(c.caseNo);
    const byPhone = await from('127.0.0.11', progressPath(c.caseNo, '1234'));
    expect(byPhone.cacheControl).toBe('no-store');
    expect(byPhone.status, byPhone.text).toBe(200);
    expect(schemaOf('getPublicProgress').safeParse(byPhone.body).success).toBe(true);
    expect(byPhone.body).toEqual({
      caseNo: c.caseNo,
      status: 'accepted',
      itemName: '不动产抵押登记（他项权证）',
      acceptedDate: '2026-11-03',
      deadline: accepted.body.deadline,
      steps: [
        { step: '收件', date: '2026-11-02' },
        { step: '一次性告知', date: '2026-11-02' },
        { step: '补正', date: '2026-11-03' },
        { step: '受理', date: '2026-11-03' },
      ],
      completion: null,
      collection: null,
    });
    const byCode = await from('127.0.0.11', progressPath(c.caseNo, c.queryCode!));
    expect(byCode.status).toBe(200);
    expect(byCode.body).toEqual(byPhone.body);
  });

  it('shows completion and collection once the case is decided and handed over', async () => {
    const c = await completed('2026-11-04');
    await clerk.post(`/cases/${c.caseId}/deliver`, { method: 'post' }, clock('2026-11-05', '09:00'));
    await indexed(c.caseNo);
    const answer = await from('127.0.0.12', progressPath(c.caseNo, '1234'));
    expect(answer.body).toMatchObject({ status: 'delivered', completion: { decision: 'approved', date: '2026-11-04' }, collection: { method: 'post', deliveredDate: '2026-11-05' } });
    expect((answer.body.steps as { step: string }[]).map((s) => s.step)).toEqual(['收件', '受理', '办结', '送达']);
  });

  it('finds a case without a phone by its query code only', async () => {
    const c = await submit('2026-11-05', { applicant: { name: '赵六' } });
    await indexed(c.caseNo);
    expect((await from('127.0.0.13', progressPath(c.caseNo, c.queryCode!))).status).toBe(200);
    expect((await from('127.0.0.13', progressPath(c.caseNo, '1234'))).status).toBe(404);
  });

  it('answers a wrong code exactly as it answers an unknown case number', async () => {
    const c = await submit('2026-11-06');
    await indexed(c.caseNo);
    const unknown = await from('127.0.0.14', progressPath('331022-20261106-09999', '1234'));
    const otherCounty = await from('127.0.0.14', progressPath(c.caseNo.replace(/^331022/, '331023'), '1234'));
    const wrongPhone = await from('127.0.0.14', progressPath(c.caseNo, '4321'));
    const wrongCode = await from('127.0.0.14', progressPath(c.caseNo, c.queryCode === '000000' ? '000001' : '000000'));
    for (const answer of [unknown, otherCounty, wrongPhone, wrongCode]) {
      expect(answer.status).toBe(404);
      expect(answer.contentType).toBe('application/problem+json');
      // Nothing a citizen is answered is kept by a cache.
      expect(answer.cacheControl).toBe('no-store');
      expect(withoutCorrelation(answer)).toBe(withoutCorrelation(unknown));
      expect(Object.keys(answer.body).sort()).toEqual(['correlationId', 'detail', 'status', 'title', 'type']);
    }
  });

  it('refuses malformed numbers and codes with 400, naming the field', async () => {
    const c = '331022-20261102-00001';
    for (const [path, field] of [
      [progressPath(c, '123'), 'query.code'],
      [progressPath(c, '12345'), 'query.code'],
      [progressPath(c, '12a4'), 'query.code'],
      [progressPath('331022-2026110-00001', '1234'), 'query.caseNo'],
      [progressPath('331022-20261399-00001', '1234'), 'query.caseNo'],
      [progressPath('331022-20261102-1', '1234'), 'query.caseNo'],
      [`/public/progress?caseNo=${c}`, 'query.code'],
      [`${progressPath(c, '1234')}&name=x`, 'query'],
    ] as const) {
      const answer = await from('127.0.0.15', path);
      expect(answer.status, path).toBe(400);
      expect(answer.contentType).toBe('application/problem+json');
      expect((answer.body.errors as { path: string }[]).map((e) => e.path).join(' '), path).toContain(field);
    }
  });

  it('limits each client to the county’s burst, then answers 429 with Retry-After, other clients unaffected', async () => {
    const c = await submit('2026-11-09');
    await indexed(c.caseNo);
    const { burst, perMinute } = sanmen.public.lookups;
    // The burst at once, so that no token comes back meanwhile (one a minute ÷ perMinute) on a slow machine.
    const answers = await Promise.all(Array.from({ length: burst + 1 }, (_, i) => from('127.0.0.20', progressPath(c.caseNo, i % 2 === 0 ? '1234' : '9999'))));
    expect(answers.filter((a) => a.status === 429)).toHaveLength(1);
    expect(answers.filter((a) => a.status !== 429).every((a) => a.status === 200 || a.status === 404)).toBe(true);
    const limited = answers.find((a) => a.status === 429)!;
    expect(limited.contentType).toBe('application/problem+json');
    expect(limited.body).toMatchObject({ type: '/problems/too-many-requests', status: 429 });
    // Until the next token: at most a minute ÷ perMinute (less by however long the burst took).
    expect(Number(limited.retryAfter)).toBeGreaterThanOrEqual(1);
    expect(Number(limited.retryAfter)).toBeLessThanOrEqual(Math.ceil(60 / perMinute));
    expect((await from('127.0.0.20', progressPath('331022-20261109-09999', '1234'))).status).toBe(429);
    expect((await from('127.0.0.21', progressPath(c.caseNo, '1234'))).status).toBe(200);
  });
});

describe('rating from the link (扫码/短信评价)', () => {
  it('shows what is rated, takes one rating through the online channel, and refuses the link a second time', async () => {
    const c = await completed('2026-11-10');
    const link = ratingLink(sanmen, mac, c.caseId, c.completedAt!);
    expect(link.startsWith(`${sanmen.public.baseUrl}/console/public/rate/`)).toBe(true);
    const token = link.split('/').at(-1)!;
    const path = `/public/reviews/${token}`;
    const shown = await citizen.get(path, clock('2026-11-11'));
    expect(shown.status, shown.text).toBe(200);
    expect(shown.body).toEqual({ itemName: '不动产抵押登记（他项权证）', acceptedDate: '2026-11-10', completedDate: '2026-11-10', rated: false });
    expect(schemaOf('getPublicReview').safeParse(shown.body).success).toBe(true);

    const rated = await citizen.post(path, { level: 'very-satisfied', comment: '办事很快' }, { ...clock('2026-11-11'), 'idempotency-key': 'rating-0001' });
    expect(rated.status, rated.text).toBe(201);
    expect(rated.body).toEqual({ rated: true, level: 'very-satisfied' });
    expect(schemaOf('postPublicReview').safeParse(rated.body).success).toBe(true);
    // The page resending after a lost answer gets its answer back; any other second use is refused.
    const resent = await citizen.post(path, { level: 'very-satisfied', comment: '办事很快' }, { ...clock('2026-11-11', '10:01'), 'idempotency-key': 'rating-0001' });
    expect(resent.status).toBe(201);
    const again = await citizen.post(path, { level: 'dissatisfied' }, clock('2026-11-11', '10:02'));
    expect(again.status).toBe(409);
    expect(again.headers.get('content-type')).toBe('application/problem+json');
    expect(again.body).toMatchObject({ status: 409, detail: 'already rated with this link' });
    expect((await citizen.get(path, clock('2026-11-11', '10:03'))).body).toMatchObject({ rated: true });

    const reviews = (await eventsOf(c.caseId)).filter((e) => e.type === 'CaseReviewed');
    expect(reviews).toHaveLength(1);
    expect(reviews[0]!.data).toMatchObject({ level: 'very-satisfied', channel: 'online', text: '办事很快', bad: false });
    // Nobody with an account rated: the center's system recorded what the applicant sent through the link.
    expect(reviews[0]!.meta).toMatchObject({ actor: { role: 'system' }, windowId: null, siteId: null });
  });

  it('answers 404 for a forged or altered link and 410 for an expired one, writing nothing', async () => {
    const c = await completed('2026-11-12');
    const token = issueRatingToken(mac, c.caseId, '2026-11-20T00:00:00.000Z');
    const altered = `${token.slice(0, 10)}${token[10] === 'A' ? 'B' : 'A'}${token.slice(11)}`;
    const forgedElsewhere = issueRatingToken(macOf('not-the-county-secret'), c.caseId, '2026-11-20T00:00:00.000Z');
    const noSuchCase = issueRatingToken(mac, '01KAZ3NDEKTSV4RRFFQ69G5FAV', '2026-11-20T00:00:00.000Z');
    const before = (await stack.scan('events')).length;
    for (const bad of [altered, forgedElsewhere, noSuchCase]) {
      const shown = await citizen.get(`/public/reviews/${bad}`, clock('2026-11-13'));
      expect(shown.status, bad).toBe(404);
      expect(shown.headers.get('content-type')).toBe('application/problem+json');
      expect(shown.text).not.toContain(c.caseId);
      expect((await citizen.post(`/public/reviews/${bad}`, { level: 'satisfied' }, clock('2026-11-13'))).status).toBe(404);
    }
    const expiredAt = clock('2026-11-20', '08:00');
    const expired = await citizen.get(`/public/reviews/${token}`, expiredAt);
    expect(expired.status).toBe(410);
    expect(expired.body).toMatchObject({ type: '/problems/link-expired', status: 410 });
    expect((await citizen.post(`/public/reviews/${token}`, { level: 'satisfied' }, expiredAt)).status).toBe(410);
    expect((await citizen.get(`/public/reviews/${token}`, clock('2026-11-19', '23:59'))).status).toBe(200);
    expect((await citizen.get('/public/reviews/not%20a%20token', clock('2026-11-13'))).status).toBe(400);
    expect((await citizen.post(`/public/reviews/${token}`, { level: 'great' }, clock('2026-11-13'))).status).toBe(400);
    expect((await citizen.post(`/public/reviews/${token}`, { level: 'satisfied', comment: '好'.repeat(201) }, clock('2026-11-13'))).status).toBe(400);
    expect((await stack.scan('events')).length).toBe(before);
  });

  it('opens a rectification for a bad rating, as every bad review does', async () => {
    const c = await completed('2026-11-16');
    const token = ratingLink(sanmen, mac, c.caseId, c.completedAt!).split('/').at(-1)!;
    const rated = await citizen.post(`/public/reviews/${token}`, { level: 'very-dissatisfied', comment: '等了很久' }, clock('2026-11-17'));
    expect(rated.status, rated.text).toBe(201);
    const events = await eventsOf(c.caseId);
    const review = events.find((e) => e.type === 'CaseReviewed')!;
    expect(review.data).toMatchObject({ level: 'very-dissatisfied', channel: 'online', bad: true });
    expect(events.find((e) => e.type === 'RectificationOpened')?.data).toMatchObject({ reviewId: review.data.reviewId, level: 'very-dissatisfied', windowId: 'W03', openedDate: '2026-11-17' });
    let open: { caseId: string }[] = [];
    await settle(async () => (open = (await admin.get<{ caseId: string }[]>('/rectifications', clock('2026-11-17', '11:00'))).body).some((r) => r.caseId === c.caseId));
    expect(open.some((r) => r.caseId === c.caseId)).toBe(true);
  });
});

/**
 * The appointment routes (在线预约) on the walked case's applicant: the categories, a date's slots, a
 * booking in the applicant's name and phone, and its cancellation — each answer read for personal data.
 */
function appointmentCalls(): Record<string, () => Promise<string[]>> {
  const at = clock('2026-11-20', '11:10');
  const date = '2026-11-23';
  let flow: Promise<Record<string, string[]>> | undefined;
  const run = async (): Promise<Record<string, string[]>> => {
    const categories = await citizen.get<{ code: string }[]>('/public/appointments/categories', at);
    expect(categories.status, categories.text).toBe(200);
    const texts: Record<string, string[]> = { listAppointmentCategories: [categories.text], getAppointmentSlots: [] };
    for (const { code } of categories.body) {
      const slots = await citizen.get<{ slots: { slot: string; remaining: number }[] }>(`/public/appointments/slots?category=${code}&date=${date}`, at);
      expect(slots.status, slots.text).toBe(200);
      texts.getAppointmentSlots!.push(slots.text);
      const open = slots.body.slots.find((s) => s.remaining > 0);
      if (!open) continue;
      const booked = await citizen.post<{ appointmentId: string; code: string }>('/public/appointments', { category: code, date, slot: open.slot, name: applicant.name, phone: applicant.phone }, at);
      expect(booked.status, booked.text).toBe(201);
      const cancelled = await citizen.post(`/public/appointments/${booked.body.appointmentId}/cancel`, { code: booked.body.code }, at);
      expect(cancelled.status, cancelled.text).toBe(200);
      return { ...texts, bookAppointment: [booked.text], cancelAppointment: [cancelled.text] };
    }
    throw new Error(`no category has a slot to book on ${date}`);
  };
  const part = (operationId: string) => async () => (await (flow ??= run()))[operationId]!;
  return Object.fromEntries(['listAppointmentCategories', 'getAppointmentSlots', 'bookAppointment', 'cancelAppointment'].map((id) => [id, part(id)]));
}

describe('no personal data in any public answer', () => {
  /** Staff who act on the walked case: none of their ids may appear in a public answer. */
  const people = { registrar: 'clerk-sun-w03', mover: 'admin-zhou', decider: 'clerk-li-w01' };

  it('holds for every public route of the route table, over a case’s whole life', async () => {
    const registrar = api(stack.url, stack.token('clerk', { windowId: 'W03', user: people.registrar }));
    const mover = api(stack.url, stack.token('admin', { user: people.mover }));
    const decider = api(stack.url, stack.token('clerk', { windowId: 'W01', user: people.decider }));
    const submitted = await registrar.post<Case>('/cases', { itemCode: MORTGAGE, applicant, channel: 'window', materials: materials.slice(0, 2) }, clock('2026-11-18', '09:00'));
    expect(submitted.status, submitted.text).toBe(201);
    const { caseId, caseNo, queryCode } = submitted.body;
    const step = async (who: ReturnType<typeof api>, path: string, body: object, time: string, date = '2026-11-18') => {
      const answer = await who.post(`/cases/${caseId}/${path}`, body, clock(date, time));
      expect(answer.status, `${path}: ${answer.text}`).toBe(200);
    };
    await step(registrar, 'request-materials', { missing: materials.slice(2), note: `请${applicant.name}补齐材料，电话${applicant.phone}` }, '09:10');
    await step(registrar, 'supply-materials', { materials: materials.slice(2) }, '10:00');
    await step(registrar, 'accept', {}, '10:10');
    await step(registrar, 'suspend', { procedure: 'inspection', reason: `现场勘查，联系人${applicant.name}` }, '11:00');
    await step(registrar, 'resume', {}, '09:00', '2026-11-19');
    await step(mover, 'transfer', { windowId: 'W01' }, '09:30', '2026-11-19');
    await step(decider, 'complete', { decision: 'approved', note: `已电话告知${applicant.name}` }, '15:00', '2026-11-19');
    const done = (await admin.get<Case>(`/cases/${caseId}`)).body;
    await indexed(caseNo);
    const token = ratingLink(sanmen, mac, caseId, done.completedAt!).split('/').at(-1)!;

    /** How each public route is called on the walked case: a public route missing here fails the test. */
    const calls: Record<string, () => Promise<string[]>> = {
      health: async () => [(await citizen.get('/health')).text],
      openapi: async () => [(await citizen.get('/openapi.json')).text],
      getPublicProgress: async () => {
        const answers = [await from('127.0.0.30', progressPath(caseNo, applicant.phone.slice(-4))), await from('127.0.0.30', progressPath(caseNo, queryCode!)), await from('127.0.0.30', progressPath(caseNo, '0000'))];
        expect(answers.map((a) => a.status)).toEqual([200, 200, 404]);
        const delivered = await decider.post(`/cases/${caseId}/deliver`, { method: 'in-person' }, clock('2026-11-20', '10:00'));
        expect(delivered.status).toBe(200);
        const after = await from('127.0.0.30', progressPath(caseNo, queryCode!));
        expect(after.body.collection).toEqual({ method: 'in-person', deliveredDate: '2026-11-20' });
        return [...answers, after].map((a) => a.text);
      },
      getPublicReview: async () => [(await citizen.get(`/public/reviews/${token}`, clock('2026-11-20', '11:00'))).text],
      postPublicReview: async () => {
        const first = await citizen.post(`/public/reviews/${token}`, { level: 'dissatisfied', comment: '窗口人员态度一般' }, clock('2026-11-20', '11:01'));
        expect(first.status, first.text).toBe(201);
        const second = await citizen.post(`/public/reviews/${token}`, { level: 'satisfied' }, clock('2026-11-20', '11:02'));
        expect(second.status).toBe(409);
        return [first.text, second.text, (await citizen.get(`/public/reviews/${token}`, clock('2026-11-20', '11:03'))).text];
      },
      ...appointmentCalls(),
      // A direct award from announcement to evaluation; the firm's contact is the applicant, whom an objection and the evaluation name too.
      listPublicMarketProjects: async () => {
        const firm = api(stack.url, stack.token('intermediary', { intermediaryId: 'ZJ-PUBLIC', user: people.registrar }));
        const ok = async (answer: Promise<{ status: number; text: string }>) => {
          const r = await answer;
          expect(r.status, r.text).toBeLessThan(300);
          return r;
        };
        await ok(firm.post('/intermediaries', { name: '三门县公示测绘有限公司', creditCode: withCreditChecks('9133102271000077'), serviceTypes: ['SURVEY'], qualifications: [{ type: 'SURVEY', grade: 'B', certificateNo: 'S-77', expires: '2029-12-31' }], contact: { name: applicant.name, phone: applicant.phone } }, clock('2026-11-02', '09:00')));
        await ok(mover.post('/intermediaries/ZJ-PUBLIC/approve', {}, clock('2026-11-02', '09:10')));
        const drafted = await ok(mover.post('/market/projects', { title: '村道测绘', ownerId: 'O-JTJ', ownerName: '三门县交通运输局', serviceType: 'SURVEY', budget: 40_000, stateFunded: true, method: 'direct', qualification: { type: 'SURVEY', minLevel: 'B' }, quoteDeadline: '2026-11-09', servicePeriodDays: 10, directIntermediaryId: 'ZJ-PUBLIC' }, clock('2026-11-02', '09:20')));
        const id = (JSON.parse(drafted.text) as { projectId: string }).projectId;
        const on = (path: string, body: object, date: string, who = mover) => ok(who.post(`/market/projects/${id}/${path}`, body, clock(date, '10:00')));
        await on('publish', {}, '2026-11-02');
        await on('quotes', { amount: 36_000, servicePeriodDays: 10 }, '2026-11-04', firm);
        const notices = [(await citizen.get('/public/market/projects', clock('2026-11-04', '11:00'))).text];
        await on('select', {}, '2026-11-10');
        await on('objections', { text: `${applicant.name}（${applicant.phone}）认为委托不当` }, '2026-11-11');
        await on('objections/1/resolve', { upheld: false, resolution: `已联系${applicant.name}说明` }, '2026-11-12');
        await settle(async () => (await citizen.get<unknown[]>('/public/market/projects?status=publicised', clock('2026-11-12', '11:00'))).body.length > 0);
        notices.push((await citizen.get('/public/market/projects?status=publicised', clock('2026-11-12', '11:00'))).text);
        await ok(mover.post('/market/deadlines', {}, clock('2026-11-17', '17:45')));
        await on('contract', { contractNo: 'HT-77', signedDate: '2026-11-18' }, '2026-11-18');
        await on('complete', { completedDate: '2026-11-19' }, '2026-11-19');
        await on('evaluation', { quality: 5, timeliness: 5, attitude: 5, feeCompliance: 5, comment: `${applicant.name}服务好` }, '2026-11-20');
        await settle(async () => (await citizen.get('/public/market/projects?status=concluded', clock('2026-11-20', '11:00'))).text.includes('村道测绘'));
        notices.push((await citizen.get('/public/market/projects', clock('2026-11-20', '11:00'))).text);
        expect(notices.at(-1)).toContain('三门县公示测绘有限公司');
        return notices;
      },
    };

    const publicRoutes = routes.filter((r) => r.access === 'public');
    expect(publicRoutes.map((r) => r.operationId).filter((id) => !(id in calls)), 'public routes without a case in this test').toEqual([]);
    const forbidden = [applicant.name, applicant.phone, applicant.phone.slice(3, 7), applicant.idNumber, applicant.idNumber.slice(6, 14), applicant.organization, ...Object.values(people), 'W03', 'W01', caseId];
    for (const r of publicRoutes) {
      for (const text of await calls[r.operationId]!()) {
        for (const secret of forbidden) expect(text.includes(secret), `${r.operationId} answers with ${secret}: ${text.slice(0, 300)}`).toBe(false);
      }
    }
  });
});
