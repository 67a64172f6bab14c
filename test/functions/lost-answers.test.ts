import { join } from 'node:path';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConcurrencyError } from '../../domain/errors.ts';
import { DynamoEventStore } from '../../functions/store/dynamo-event-store.ts';
import { repositoryRoot } from '../../local/server.ts';
import { adminClaims, httpEvent, lambdaContext } from '../support/apigw.ts';

/**
 * A write that committed but whose answer was lost: the SDK sends it again, and the item its
 * condition then finds is the command's own. These tests play the SDK's part with aws-sdk-client-mock:
 * the first send "commits" (the item goes into a small table) and fails the way a lost answer does;
 * what the retry would meet, the next send meets.
 */
const db = mockClient(DynamoDBDocumentClient);
// The fast lane shares modules between files: give the SDK back when done.
afterAll(() => db.restore());
const meta = (commandId: string) => ({ actor: { id: 'clerk-1', role: 'clerk' }, windowId: 'W03', siteId: 'S-CENTER', at: '2026-11-02T02:00:00.000Z', commandId, correlationId: 'corr-1' });
const event = (commandId: string) => ({ type: 'CaseAccepted', data: { acceptedDate: '2026-11-02' }, meta: meta(commandId) }) as never;

beforeEach(() => db.reset());

describe('the event store, when a write finds an item where it writes', () => {
  it('counts a single event as written when the item is its own command’s (the SDK’s resend of a Put whose answer was lost)', async () => {
    const table = new Map<string, Record<string, unknown>>();
    db.on(PutCommand).callsFake((input: { Item: Record<string, unknown> }) => {
      const key = `${String(input.Item.stream)}|${String(input.Item.version)}`;
      const existing = table.get(key);
      if (existing) throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {}, Item: marshall(existing, { removeUndefinedValues: true }) });
      table.set(key, input.Item);
      // Committed, and the answer never arrives.
      throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' });
    });
    const store = new DynamoEventStore(db as unknown as DynamoDBDocumentClient, 'events');
    await expect(store.append('case#A', 1, [event('cmd-1')])).rejects.toThrow('socket hang up');
    // What the SDK's resend meets: its own item. A success, not a conflict.
    await expect(store.append('case#A', 1, [event('cmd-1')])).resolves.toEqual({ version: 2 });
    // Another command meeting the same item lost a race.
    await expect(store.append('case#A', 1, [event('cmd-2')])).rejects.toBeInstanceOf(ConcurrencyError);
  });

  it('counts a transaction as written when every event it finds is its own, and as a lost race otherwise', async () => {
    const own = [{ ...(event('cmd-1') as object), stream: 'case#A', version: 2 }, { ...(event('cmd-1') as object), stream: 'case#A', version: 3 }];
    const reasons = (items: Record<string, unknown>[]) => [...items.map((i) => ({ Code: 'ConditionalCheckFailed', Item: marshall(i, { removeUndefinedValues: true }) })), { Code: 'ConditionalCheckFailed' }];
    const store = new DynamoEventStore(db as unknown as DynamoDBDocumentClient, 'events');
    const extra = [{ ConditionCheck: { TableName: 'events', Key: { stream: 'x', version: 0 }, ConditionExpression: 'attribute_exists(#v)', ExpressionAttributeNames: { '#v': 'version' } } }];
    db.on(TransactWriteCommand).rejects(new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: reasons(own) }));
    await expect(store.append('case#A', 1, [event('cmd-1'), event('cmd-1')], undefined, extra)).resolves.toEqual({ version: 3 });
    const theirs = [own[0]!, { ...own[1]!, meta: meta('cmd-9') }];
    db.reset();
    db.on(TransactWriteCommand).rejects(new TransactionCanceledException({ message: 'cancelled', $metadata: {}, CancellationReasons: reasons(theirs) }));
    await expect(store.append('case#A', 1, [event('cmd-1'), event('cmd-1')], undefined, extra)).rejects.toBeInstanceOf(ConcurrencyError);
  });
});

describe('a no-key accept whose write committed and whose answer was lost', () => {
  const caseId = '01JCASE0000000000000000001';
  const submitted = {
    stream: `case#${caseId}`,
    version: 1,
    type: 'CaseSubmitted',
    schemaVersion: 1,
    data: {
      caseId,
      caseNo: '331022-20261102-00001',
      item: { code: '331022-BDCDJ-001', name: '他项权证', type: 'commitment', committedDays: 3, statutoryDays: 10 },
      windowId: 'W03',
      departmentId: 'D-REG',
      siteId: 'S-CENTER',
      channel: 'window',
      applicant: { name: '王五' },
      materials: ['M1', 'M2', 'M3', 'M4', 'M5'],
      submittedDate: '2026-11-02',
    },
    meta: meta('c0'),
  };
  let handler: (event: unknown, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>;

  beforeAll(async () => {
    Object.assign(process.env, { EVENTS_TABLE: 'events', VIEWS_TABLE: 'views', COUNTY_FILE: join(repositoryRoot, 'infra/counties/sanmen.json'), POWERTOOLS_LOG_LEVEL: 'CRITICAL', COUNTY_SECRET: 'test-county-secret' });
    delete process.env.DYNAMODB_ENDPOINT;
    const entry = await import('../../functions/entries/case-commands.ts');
    handler = (e, context) => entry.handler(e as never, context as never);
  });

  it('is answered 200 with the accepted case, not 409 “cannot AcceptCase a case that is accepted”', async () => {
    const stream: Record<string, unknown>[] = [submitted];
    db.on(QueryCommand, { ExpressionAttributeValues: { ':s': 'calendar' } }).resolves({ Items: [] });
    db.on(QueryCommand, { ExpressionAttributeValues: { ':s': `case#${caseId}` } }).callsFake(() => ({ Items: [...stream] }));
    // The SDK's first send committed (the item is there now); its resend, after the lost answer, meets it.
    db.on(PutCommand).callsFake((input: { Item: Record<string, unknown> }) => {
      stream.push(input.Item);
      throw new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {}, Item: marshall(input.Item, { removeUndefinedValues: true }) });
    });
    const result = await handler(httpEvent('POST', '/cases/{id}/accept', { path: `/cases/${caseId}/accept`, pathParameters: { id: caseId }, body: {}, claims: adminClaims }), lambdaContext);
    expect(result.statusCode, result.body).toBe(200);
    expect(JSON.parse(result.body!)).toMatchObject({ caseId, status: 'accepted', version: 2 });
    expect(stream.map((i) => i.type)).toEqual(['CaseSubmitted', 'CaseAccepted']);
  });
});
