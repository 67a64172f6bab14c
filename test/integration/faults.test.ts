import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { startFaultProxy, type FaultProxy } from '../../local/fault-proxy.ts';
import { startLocalStack, type LocalStack } from '../../local/stack.ts';
import { api, clock } from '../support/local-stack.ts';

/**
 * The handlers talk to DynamoDB Local through a proxy that resets connections and holds answers
 * back: a write whose answer is lost is resent by the SDK and must find its own earlier self.
 */
let proxy: FaultProxy;
let stack: LocalStack;
let admin: ReturnType<typeof api>;
const MORTGAGE = { itemCode: '331022-BDCDJ-001', applicant: { name: '周九', phone: '13612345678' }, channel: 'window', materials: ['M1', 'M2', 'M3', 'M4', 'M5'] };

beforeAll(async () => {
  proxy = await startFaultProxy({ target: inject('dynamoEndpoint'), rates: { resetBefore: 0, resetAfter: 0, delay: 0 } });
  stack = await startLocalStack({ endpoint: proxy.endpoint });
  admin = api(stack.url, await stack.token('admin'));
});
afterAll(async () => {
  await stack.close();
  await proxy.close();
});

const eventsOf = async (caseId: string) => (await stack.scan('events')).filter((i) => i.stream === `case#${caseId}`).map((i) => i.type as string);

describe('a write whose answer is lost', () => {
  it('lets a no-key accept succeed, not answer 409 for its own write', async () => {
    const { caseId } = (await admin.post<{ caseId: string }>('/cases', MORTGAGE, clock('2026-11-02', '09:00'))).body;
    proxy.failNext('PutItem', 'after');
    const accepted = await admin.post(`/cases/${caseId}/accept`, {}, clock('2026-11-02', '09:10'));
    expect(accepted.status, accepted.text).toBe(200);
    expect(await eventsOf(caseId)).toEqual(['CaseSubmitted', 'CaseAccepted']);
  });

  it('records a rating device’s review once, not twice', async () => {
    const { caseId } = (await admin.post<{ caseId: string }>('/cases', MORTGAGE, clock('2026-11-02', '10:00'))).body;
    await admin.post(`/cases/${caseId}/accept`, {}, clock('2026-11-02', '10:05'));
    const device = api(stack.url, await stack.token('rating-device', { user: 'rater-w03', windowId: 'W03' }));
    proxy.failNext('PutItem', 'after');
    const reviewed = await device.post<{ reviewId: string }>(`/cases/${caseId}/reviews`, { level: 'satisfied', channel: 'window-device' }, clock('2026-11-02', '10:10'));
    expect(reviewed.status, reviewed.text).toBe(201);
    // The device sends it again with its own id (it never heard): still one review.
    const again = await device.post<{ reviewId: string }>(`/cases/${caseId}/reviews`, { level: 'satisfied', channel: 'window-device', reviewId: 'device-rating-0001' }, clock('2026-11-02', '10:11'));
    const twice = await device.post<{ reviewId: string }>(`/cases/${caseId}/reviews`, { level: 'satisfied', channel: 'window-device', reviewId: 'device-rating-0001' }, clock('2026-11-02', '10:12'));
    expect([again.status, twice.status]).toEqual([201, 201]);
    expect(twice.body).toEqual(again.body);
    expect((await eventsOf(caseId)).filter((t) => t === 'CaseReviewed')).toHaveLength(2);
  });

  it('takes an SMS the gateway delivers twice once, matched or not', async () => {
    const gateway = api(stack.url, await stack.token('sms-gateway', { user: 'sms-gateway' }));
    for (let i = 0; i < 2; i++) expect((await gateway.post('/sms/inbound', { from: '13700001111', text: '在吗', messageId: 'gw-0001' }, clock('2026-11-02', '11:00'))).status).toBe(202);
    proxy.failNext('TransactWriteItems', 'after');
    expect((await gateway.post('/sms/inbound', { from: '13700001111', text: '还在吗', messageId: 'gw-0002' }, clock('2026-11-02', '11:01'))).status).toBe(202);
    const inbox = (await stack.scan('events')).filter((i) => i.stream === 'sms-inbox#2026-11-02');
    expect(inbox.map((i) => (i.data as { text: string }).text)).toEqual(['在吗', '还在吗']);
  });

  it('numbers a submit whose answers were lost once, without a gap', async () => {
    // Whatever a submit sends, its answer is lost once: the number must still be taken once.
    proxy.failNext('TransactWriteItems', 'after');
    proxy.failNext('UpdateItem', 'after');
    const first = await admin.post<{ caseNo: string }>('/cases', MORTGAGE, clock('2026-11-03', '09:00'));
    const second = await admin.post<{ caseNo: string }>('/cases', MORTGAGE, clock('2026-11-03', '09:01'));
    proxy.clearForced();
    expect([first.body.caseNo, second.body.caseNo]).toEqual(['331022-20261103-00001', '331022-20261103-00002']);
  });
});

describe('case numbers', () => {
  it('run 1…n per day under concurrent submits, resent submits, refused submits and faults', async () => {
    proxy.setRates({ resetBefore: 0.04, resetAfter: 0.06, delay: 0.1, delayMs: [50, 300] });
    const clients = await Promise.all(Array.from({ length: 6 }, async (_, c) => api(stack.url, await stack.token('clerk', { user: `clerk-${c}`, windowId: 'W03' }))));
    const results = await Promise.all(
      clients.map(async (client, c) => {
        const numbers: string[] = [];
        for (let i = 0; i < 6; i++) {
          const key = { 'idempotency-key': `numbers-${c}-${i}` };
          const submit = () => client.post<{ caseNo: string }>('/cases', MORTGAGE, { ...clock('2026-11-04', '09:00'), ...(i % 2 === 0 ? key : {}) });
          const answer = await submit();
          expect(answer.status, answer.text).toBe(201);
          numbers.push(answer.body.caseNo);
          // A terminal that resends with its key gets its number again; a refused application takes none.
          if (i % 2 === 0) expect((await submit()).body.caseNo).toBe(answer.body.caseNo);
          expect((await client.post('/cases', { ...MORTGAGE, materials: ['M9'] }, clock('2026-11-04', '09:00'))).status).toBe(422);
        }
        return numbers;
      }),
    );
    proxy.setRates({ resetBefore: 0, resetAfter: 0, delay: 0 });
    const faults = proxy.stats.resetBefore + proxy.stats.resetAfter + proxy.stats.delayed;
    expect(faults).toBeGreaterThan(10);
    const numbers = results.flat().map((n) => Number(n.slice(-5))).sort((a, b) => a - b);
    expect(numbers).toEqual(Array.from({ length: 36 }, (_, i) => i + 1));
  }, 60_000);
});
