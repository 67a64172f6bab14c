import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSinkOutbox } from '../../functions/sms/sink.ts';
import { dispatchSms } from '../../functions/sms/sender.ts';
import type { SendResult, SmsProvider } from '../../functions/sms/provider.ts';
import { rebuild } from '../../functions/projections/rebuild.ts';
import { ViewStore } from '../../functions/projections/view-store.ts';
import { DynamoEventStore } from '../../functions/store/dynamo-event-store.ts';
import { Projector, projectableOf } from '../../functions/projections/projector.ts';
import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { loadCounty } from '../../functions/runtime.ts';
import { smsTemplate, type SmsKind } from '../../domain/county.ts';
import { api, clock, settle, startStack, type Stack } from '../support/local-stack.ts';

let stack: Stack;
let http: ReturnType<typeof api>;

beforeAll(async () => {
  stack = await startStack('sanmen', { projections: true });
  http = api(stack.url, await stack.token('admin'));
});
afterAll(async () => stack.close());

/** 建设工程规划许可证核发 (W01): five materials, 5 committed working days. */
const ITEM = '331022-ZRZY-003';
const phone = '13857612345';

interface Entry {
  messageId: string;
  kind: string;
  status: string;
  text: string | null;
  phone: string | null;
  dueAt: string;
  sentAt: string | null;
  deliveredAt: string | null;
  attempts: number;
  templateCode: string | null;
}

async function submit(date: string, time: string, applicant: Record<string, unknown> = { name: '王五', phone }, channel = 'window', materials = ['M1', 'M2', 'M3', 'M4', 'M5']) {
  const response = await http.post('/cases', { itemCode: ITEM, applicant, channel, materials }, clock(date, time));
  expect(response.status, response.text).toBe(201);
  return response.body as { caseId: string; caseNo: string };
}

const step = async (id: string, path: string, body: unknown, date: string, time: string) => {
  const response = await http.post(`/cases/${id}/${path}`, body, clock(date, time));
  expect(response.status, response.text).toBe(200);
};

/** The case's messages, once the projector has queued `count` of them. */
async function messages(caseId: string, count: number): Promise<Entry[]> {
  let found: Entry[] = [];
  await settle(async () => {
    const response = await http.get<{ messages: Entry[] }>(`/cases/${caseId}/events`);
    expect(response.status, response.text).toBe(200);
    found = response.body.messages;
    return found.length >= count;
  });
  return found;
}

/** Sanmen's registered template code for each kind of message. */
const code = (kind: SmsKind) => smsTemplate(loadCounty().county, kind).code;

const dispatch = async (date: string, time: string) => (await http.post<{ sent: number; considered: number }>('/sms/dispatch', {}, clock(date, time))).body;

describe('text messages at every step (短信)', () => {
  it('tells the applicant each step once, in the county’s templates, and never at night', async () => {
    const { caseId, caseNo } = await submit('2026-11-02', '09:00', { name: '王五', phone }, 'window', ['M1', 'M2', 'M3']);
    await step(caseId, 'request-materials', { missing: ['M4', 'M5'] }, '2026-11-02', '09:30');
    await step(caseId, 'supply-materials', { materials: ['M4', 'M5'] }, '2026-11-02', '14:00');
    await step(caseId, 'accept', {}, '2026-11-02', '15:00');
    await step(caseId, 'suspend', { procedure: 'expert-review', reason: '组织专家评审' }, '2026-11-04', '10:00');
    // Resumed late in the evening: its message waits for the morning.
    await step(caseId, 'resume', {}, '2026-11-09', '21:30');
    await step(caseId, 'complete', { decision: 'approved' }, '2026-11-11', '16:00');
    await step(caseId, 'deliver', { method: 'electronic' }, '2026-11-12', '09:00');

    const queued = await messages(caseId, 7);
    expect(queued.map((m) => m.kind)).toEqual(['materials-requested', 'accepted', 'suspended', 'resumed', 'completed', 'rating-invitation', 'delivered']);
    // The evening's message is due at 08:00 the next morning, county time.
    expect(queued.find((m) => m.kind === 'resumed')?.dueAt).toBe('2026-11-10T00:00:00.000Z');

    // At 23:00 that night the sender sends nothing, not even what was due by day and waited.
    expect(await dispatch('2026-11-09', '23:00')).toMatchObject({ considered: 0, sent: 0 });
    let lines = (await readSinkOutbox(stack.smsOutbox)).filter((l) => l.text.includes(caseNo));
    expect(lines).toEqual([]);
    // At 08:01 everything due by then goes, in the order it happened.
    await dispatch('2026-11-10', '08:01');
    lines = (await readSinkOutbox(stack.smsOutbox)).filter((l) => l.text.includes(caseNo));
    expect(lines.map((l) => l.templateCode)).toEqual(['materials-requested', 'accepted', 'suspended', 'resumed'].map((k) => code(k as SmsKind)));
    await dispatch('2026-11-12', '10:00');
    lines = (await readSinkOutbox(stack.smsOutbox)).filter((l) => l.text.includes(caseNo));
    expect(lines.map((l) => l.templateCode)).toEqual(queued.map((m) => code(m.kind as SmsKind)));
    for (const line of lines) {
      expect(line.text.startsWith('【三门县行政服务中心】')).toBe(true);
      expect(line.phone).toBe('138****2345');
      // Nothing goes out between 21:00 and 08:00 county time.
      const hour = (new Date(line.at).getUTCHours() + 8) % 24;
      expect(hour >= 8 && hour < 21, line.at).toBe(true);
    }
    const text = (kind: SmsKind) => lines.find((l) => l.templateCode === code(kind))!.text;
    // Every missing material by name; the deadline; the decision and how to collect; the rating link.
    expect(text('materials-requested')).toContain('建筑设计方案文本、授权委托书');
    expect(text('accepted')).toContain('承诺11月9日前办结');
    expect(text('completed')).toMatch(/已办结：准予许可。请携带身份证件和受理回执到.+领取/);
    expect(text('rating-invitation')).toMatch(/回复1非常满意.*5非常不满意/);
    expect(text('rating-invitation')).toMatch(/\/console\/public\/rate\/[A-Za-z0-9_-]+$/);
    expect(text('rating-invitation')).not.toContain(caseId);

    // The timeline shows each message: template, masked number, status.
    const timeline = await messages(caseId, 7);
    expect(timeline.every((m) => m.status === 'sent' && m.phone === '138****2345' && m.templateCode !== null && m.attempts === 1)).toBe(true);
  });

  it('sends nothing twice: not for a redelivered event, not after a rebuild, not when the sender runs twice', async () => {
    const { caseId, caseNo } = await submit('2026-11-16', '09:00');
    await step(caseId, 'accept', {}, '2026-11-16', '09:10');
    await messages(caseId, 1);
    await Promise.all([dispatch('2026-11-16', '10:00'), dispatch('2026-11-16', '10:00')]);
    const count = async () => (await readSinkOutbox(stack.smsOutbox)).filter((l) => l.text.includes(caseNo)).length;
    expect(await count()).toBe(1);

    // The stream's events again, through a projector of the live kind: each is a duplicate.
    const views = new ViewStore(stack.db, stack.tables.views);
    const projector = new Projector(views, Date.now, { county: loadCounty() });
    const items = (await stack.db.send(new QueryCommand({ TableName: stack.tables.events, KeyConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'stream' }, ExpressionAttributeValues: { ':s': `case#${caseId}` } }))).Items ?? [];
    for (const item of items) expect(await projector.apply(projectableOf(`case#${caseId}`, item))).toBe('duplicate');

    // A rebuild of every view from the events queues nothing.
    await rebuild({ db: stack.db, tables: stack.tables, segments: 2 });
    const after = await dispatch('2026-11-16', '11:00');
    expect(after.sent).toBe(0);
    expect(await count()).toBe(1);
    expect((await messages(caseId, 1)).map((m) => m.status)).toEqual(['sent']);
  });

  it('sends nothing to an applicant without a mobile number or who opted out', async () => {
    const landline = await submit('2026-11-17', '09:00', { name: '赵六', phone: '057683312345' });
    const optedOut = await submit('2026-11-17', '09:01', { name: '钱七', phone: '13900001111', optOut: true });
    const none = await submit('2026-11-17', '09:02', { name: '孙八' });
    const marker = await submit('2026-11-17', '09:03');
    for (const id of [landline.caseId, optedOut.caseId, none.caseId, marker.caseId]) await step(id, 'accept', {}, '2026-11-17', '09:30');
    await messages(marker.caseId, 1);
    for (const id of [landline.caseId, optedOut.caseId, none.caseId]) expect((await http.get<{ messages: Entry[] }>(`/cases/${id}/events`)).body.messages).toEqual([]);
  });

  it('is sent by the sender timer’s own function, within its grants', async () => {
    const { caseId, caseNo } = await submit('2026-11-23', '09:00');
    await step(caseId, 'accept', {}, '2026-11-23', '09:05');
    await messages(caseId, 1);
    const { handler } = await import('../../functions/entries/sms-sender.ts');
    expect((await handler({ time: new Date('2026-11-23T09:06:00+08:00').toISOString() })).sent).toBeGreaterThanOrEqual(1);
    expect((await readSinkOutbox(stack.smsOutbox)).filter((l) => l.text.includes(caseNo)).map((l) => l.at)).toEqual(['2026-11-23T01:06:00.000Z']);
  });

  it('confirms a booking with its code, reminds the evening before, and does not remind after a cancellation', async () => {
    const citizen = api(stack.url);
    const book = (phone: string) => citizen.post<{ appointmentId: string; code: string }>('/public/appointments', { category: 'C', date: '2026-11-26', slot: '10:00', name: '周九', phone }, clock('2026-11-24', '10:00'));
    const kept = await book('13700001234');
    const cancelled = await book('13700005678');
    expect([kept.status, cancelled.status], kept.text).toEqual([201, 201]);
    expect((await citizen.post(`/public/appointments/${cancelled.body.appointmentId}/cancel`, { code: cancelled.body.code }, clock('2026-11-25', '09:00'))).status).toBe(200);
    let mine: Entry[] = [];
    const ofBooking = (m: Entry) => m.messageId.startsWith('appointment#C-20261126-1000@');
    await settle(async () => {
      const queued = [...(await http.get<{ messages: Entry[] }>('/sms/outbox?date=2026-11-24')).body.messages, ...(await http.get<{ messages: Entry[] }>('/sms/outbox?date=2026-11-25')).body.messages];
      mine = queued.filter(ofBooking);
      return mine.length >= 5;
    });
    expect(mine.map((m) => m.kind).sort()).toEqual(['appointment-booked', 'appointment-booked', 'appointment-cancelled', 'appointment-reminder', 'appointment-reminder']);
    // The reminders are due at 18:00 the evening before.
    expect(mine.filter((m) => m.kind === 'appointment-reminder').map((m) => m.dueAt)).toEqual(['2026-11-25T10:00:00.000Z', '2026-11-25T10:00:00.000Z']);
    await dispatch('2026-11-25', '18:01');
    const texts = (await readSinkOutbox(stack.smsOutbox)).filter((l) => ofBooking({ messageId: l.id } as Entry));
    const forKept = texts.filter((l) => l.phone === '137****1234').map((l) => l.templateCode);
    const forCancelled = texts.filter((l) => l.phone === '137****5678').map((l) => l.templateCode);
    expect(forKept).toEqual([code('appointment-booked'), code('appointment-reminder')]);
    expect(forCancelled).toEqual([code('appointment-booked'), code('appointment-cancelled')]);
    expect(texts.find((l) => l.phone === '137****1234')!.text).toContain(`预约码${kept.body.code}`);
  });

  it('tells an online applicant the application arrived', async () => {
    const { caseId } = await submit('2026-11-18', '20:40', { name: '李四', phone }, 'online');
    const [received] = await messages(caseId, 1);
    expect(received).toMatchObject({ kind: 'online-received', status: 'pending' });
    // Applied at 20:40: not quiet yet, so it may go at once.
    expect(received!.dueAt).toBe('2026-11-18T12:40:00.000Z');
  });

  it('lists the day’s messages for the administrator, and records the gateway’s delivery receipts', async () => {
    const { caseId, caseNo } = await submit('2026-11-19', '09:00');
    await step(caseId, 'accept', {}, '2026-11-19', '09:10');
    await messages(caseId, 1);
    await dispatch('2026-11-19', '09:20');
    const outbox = await http.get<{ date: string; messages: Entry[] }>('/sms/outbox?date=2026-11-19');
    expect(outbox.status).toBe(200);
    const mine = outbox.body.messages.find((m) => m.text?.includes(caseNo));
    expect(mine).toMatchObject({ kind: 'accepted', status: 'sent', phone: '138****2345' });
    expect(JSON.stringify(outbox.body)).not.toContain(phone);

    const gateway = api(stack.url, await stack.token('sms-gateway'));
    const receipts = await gateway.post('/sms/receipts', {
      receipts: [
        { messageId: mine!.messageId, status: 'delivered', at: '2026-11-19T09:20:05+08:00' },
        { providerMessageId: 'no-such-message', status: 'failed', at: '2026-11-19T09:20:05+08:00', code: 'MK:0001' },
      ],
    });
    expect(receipts.status, receipts.text).toBe(200);
    expect(receipts.body).toEqual({ recorded: 1, unknown: 1 });
    // The same receipt again changes nothing; the timeline says delivered.
    await gateway.post('/sms/receipts', { receipts: [{ messageId: mine!.messageId, status: 'delivered', at: '2026-11-19T09:20:05+08:00' }] });
    const [delivered] = await messages(caseId, 1);
    expect(delivered).toMatchObject({ status: 'delivered', deliveredAt: '2026-11-19T01:20:05.000Z' });
    // A clerk cannot send receipts; the gateway cannot read the outbox.
    expect((await api(stack.url, await stack.token('clerk')).post('/sms/receipts', { receipts: [{ messageId: mine!.messageId, status: 'delivered', at: '2026-11-19T09:20:05+08:00' }] })).status).toBe(403);
    expect((await gateway.get('/sms/outbox')).status).toBe(403);
  });

  it('retries a transient failure with backoff outside quiet hours, then dead-letters it; a permanent failure fails at once', async () => {
    const flaky = await submit('2026-11-20', '20:00');
    const refused = await submit('2026-11-20', '20:01');
    await step(flaky.caseId, 'accept', {}, '2026-11-20', '20:10');
    await step(refused.caseId, 'accept', {}, '2026-11-20', '20:11');
    await messages(flaky.caseId, 1);
    await messages(refused.caseId, 1);
    const attempts: string[] = [];
    const provider: SmsProvider = {
      name: 'sink',
      send: (sms): Promise<SendResult> => {
        attempts.push(sms.id);
        return Promise.resolve(sms.text.includes(refused.caseNo) ? { ok: false, transient: false, code: 'isv.MOBILE_NUMBER_ILLEGAL', message: 'bad number' } : { ok: false, transient: true, code: 'Throttling', message: 'slow down' });
      },
    };
    const rt = { db: stack.db, tables: stack.tables, county: loadCounty(), events: new DynamoEventStore(stack.db, stack.tables.events) };
    const run = (instant: string) => dispatchSms({ rt, provider }, instant);
    expect(await run('2026-11-20T12:20:00.000Z')).toMatchObject({ retried: 1, failed: 1 });
    let [flakyMessage] = await messages(flaky.caseId, 1);
    // Failed at 20:20: the next try a minute later.
    expect(flakyMessage).toMatchObject({ status: 'retry', attempts: 1, dueAt: '2026-11-20T12:21:00.000Z' });
    expect((await messages(refused.caseId, 1))[0]).toMatchObject({ status: 'failed', attempts: 1 });
    // Failing at 20:58 after four tries, the next (8 minutes on) would fall at night: it waits for 08:00.
    await run('2026-11-20T12:21:00.000Z');
    await run('2026-11-20T12:23:00.000Z');
    await run('2026-11-20T12:58:00.000Z');
    [flakyMessage] = await messages(flaky.caseId, 1);
    expect(flakyMessage).toMatchObject({ status: 'retry', attempts: 4, dueAt: '2026-11-21T00:00:00.000Z' });
    expect(await run('2026-11-20T15:00:00.000Z')).toMatchObject({ considered: 0 });
    expect(await run('2026-11-20T23:59:00.000Z')).toMatchObject({ considered: 0 });
    await run('2026-11-21T00:00:00.000Z');
    // The county's sixth attempt is the last: dead-lettered.
    expect(await run('2026-11-21T01:00:00.000Z')).toMatchObject({ dead: 1 });
    [flakyMessage] = await messages(flaky.caseId, 1);
    expect(flakyMessage).toMatchObject({ status: 'dead', attempts: 6 });
    expect(attempts.filter((id) => id.includes(refused.caseId))).toHaveLength(1);
    expect(await run('2026-11-21T02:00:00.000Z')).toMatchObject({ considered: 0 });
  });
});
