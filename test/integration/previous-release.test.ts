import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsTable } from '../../functions/tables.ts';
import { api, startStack, type Stack } from '../support/local-stack.ts';

/**
 * The stateless stack is redeployed at will, in opening hours too: what the previous release left in
 * the Events table — today's waiting lines, the answers kept for resends — must still work.
 */
let stack: Stack;
let admin: ReturnType<typeof api>;
const DATE = '2026-12-29';
const at = (time: string) => ({ 'x-dev-clock': `${DATE}T${time}:00+08:00` });

beforeAll(async () => {
  stack = await startStack();
  admin = api(stack.url, await stack.token('admin'));
  expect((await admin.put('/windows/W01/categories', { categories: ['Z'] }, at('08:00'))).status).toBe(200);
});
afterAll(async () => stack.close());

const key = (item: Record<string, unknown>) => ({ [eventsTable.partitionKey]: item[eventsTable.partitionKey], [eventsTable.sortKey]: item[eventsTable.sortKey] });

describe('what the previous release wrote', () => {
  it('calls the tickets of a waiting line whose entries lack the whole ticket, in order', async () => {
    const issued: string[] = [];
    for (const time of ['08:30', '08:31']) issued.push((await admin.post<{ ticketId: string }>('/tickets', { category: 'Z' }, at(time))).body.ticketId);
    const entries = (await stack.scan('events')).filter((e) => e.kind === 'waiting' && String(e.stream).startsWith(`waiting#${DATE}#Z`));
    expect(entries).toHaveLength(2);
    // As the previous release wrote them: number, category, version and first call, no ticket.
    for (const entry of entries) await stack.db.send(new UpdateCommand({ TableName: stack.tables.events, Key: key(entry), UpdateExpression: 'REMOVE #t', ExpressionAttributeNames: { '#t': 'ticket' } }));
    const list = await admin.get<{ entries: { ticketId: string }[] }>('/queue?category=Z', at('08:40'));
    expect(list.status, list.text).toBe(200);
    expect(list.body.entries.map((e) => e.ticketId)).toEqual(issued);
    const clerk = api(stack.url, await stack.token('clerk', { windowId: 'W01' }));
    const called = [];
    for (const time of ['09:00', '09:01']) {
      const call = await clerk.post<{ ticketId: string }>('/windows/W01/call-next', {}, at(time));
      expect(call.status, call.text).toBe(200);
      called.push(call.body.ticketId);
    }
    expect(called).toEqual(issued);
  });

  it('gives a resend the answer kept in the previous shape (an HTTP response with a JSON string body)', async () => {
    const headers = { ...at('10:00'), 'idempotency-key': 'kiosk-previous-release-1' };
    const first = await admin.post<{ ticketId: string }>('/tickets', { category: 'Z' }, headers);
    expect(first.status).toBe(201);
    // The one answer kept: this is the only request sent with a key.
    const records = (await stack.scan('events')).filter((e) => String(e[eventsTable.partitionKey]).startsWith('idem#') && e.response !== undefined);
    expect(records).toHaveLength(1);
    const record = records[0];
    const previous = { statusCode: 201, headers: { 'content-type': 'application/json', etag: '"1"' }, body: JSON.stringify(first.body) };
    await stack.db.send(new UpdateCommand({ TableName: stack.tables.events, Key: key(record!), UpdateExpression: 'SET #r = :r', ExpressionAttributeNames: { '#r': 'response' }, ExpressionAttributeValues: { ':r': gzipSync(JSON.stringify(previous)) } }));
    const resent = await admin.post<{ ticketId: string }>('/tickets', { category: 'Z' }, headers);
    expect(resent.status, resent.text).toBe(201);
    expect(resent.body).toEqual(first.body);
  });
});
