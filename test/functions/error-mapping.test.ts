import { join } from 'node:path';
import { ConditionalCheckFailedException, ProvisionedThroughputExceededException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, PutCommand, QueryCommand, TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { repositoryRoot } from '../../local/server.ts';
import { httpEvent, lambdaContext } from '../support/apigw.ts';

const dynamo = mockClient(DynamoDBDocumentClient);
// The fast lane shares modules between files: give the SDK back when done.
afterAll(() => dynamo.restore());
const caseId = '01JCASE0000000000000000001';
let handler: (event: unknown, context: unknown) => Promise<APIGatewayProxyStructuredResultV2>;

const submitted = {
  stream: `case#${caseId}`,
  version: 1,
  type: 'CaseSubmitted',
  schemaVersion: 1,
  data: {
    caseId,
    caseNo: '331022-20261102-00001',
    item: { code: '331022-GA-001', name: '户籍证明开具', type: 'immediate', committedDays: 0, statutoryDays: 5 },
    windowId: 'W05',
    departmentId: 'D-PS',
    siteId: 'S-CENTER',
    channel: 'window',
    applicant: { name: '王五', phone: '13700002222' },
    materials: ['M1', 'M2'],
    submittedDate: '2026-11-02',
  },
  meta: { actor: { id: 'clerk-1', role: 'clerk' }, windowId: 'W05', siteId: 'S-CENTER', at: '2026-11-02T01:00:00.000Z', commandId: 'c1', correlationId: 'c1' },
};

const accept = (headers: Record<string, string> = {}) => handler(httpEvent('POST', '/cases/{id}/accept', { path: `/cases/${caseId}/accept`, pathParameters: { id: caseId }, body: {}, headers }), lambdaContext);

beforeAll(async () => {
  Object.assign(process.env, {
    EVENTS_TABLE: 'events',
    VIEWS_TABLE: 'views',
    COUNTY_FILE: join(repositoryRoot, 'infra/counties/sanmen.json'),
    POWERTOOLS_LOG_LEVEL: 'CRITICAL',
    COUNTY_SECRET: 'test-county-secret',
  });
  delete process.env.DYNAMODB_ENDPOINT;
  const entry = await import('../../functions/entries/case-commands.ts');
  handler = (event, context) => entry.handler(event as never, context as never);
});

beforeEach(() => {
  dynamo.reset();
  // The calendar stream has no amendments.
  dynamo.on(QueryCommand, { ExpressionAttributeValues: { ':s': 'calendar' } }).resolves({ Items: [] });
});

function problem(result: APIGatewayProxyStructuredResultV2) {
  expect(result.headers?.['content-type']).toBe('application/problem+json');
  return JSON.parse(result.body!) as Record<string, unknown>;
}

describe('the HTTP edge maps database failures', () => {
  it('turns a lost conditional write into 409 after a bounded number of re-reads', async () => {
    dynamo.on(QueryCommand, { ExpressionAttributeValues: { ':s': `case#${caseId}` } }).resolves({ Items: [submitted] });
    dynamo.on(PutCommand).rejects(new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} }));
    const result = await accept();
    expect(result.statusCode).toBe(409);
    expect(problem(result)).toMatchObject({ type: '/problems/conflict', status: 409 });
    expect(dynamo.commandCalls(PutCommand)).toHaveLength(4);
  });

  it('turns throttling into 503 with Retry-After', async () => {
    dynamo.on(QueryCommand, { ExpressionAttributeValues: { ':s': `case#${caseId}` } }).rejects(new ProvisionedThroughputExceededException({ message: 'Rate exceeded', $metadata: {} }));
    const result = await accept();
    expect(result.statusCode).toBe(503);
    expect(result.headers?.['retry-after']).toBe('1');
    expect(problem(result)).toMatchObject({ type: '/problems/service-unavailable' });
  });

  it('treats a transaction cancelled by throttling as 503 too', async () => {
    dynamo.on(QueryCommand, { ExpressionAttributeValues: { ':s': `case#${caseId}` } }).resolves({ Items: [submitted] });
    dynamo.on(TransactWriteCommand).rejects(
      new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {}, CancellationReasons: [{ Code: 'ThrottlingError' }, { Code: 'None' }] }),
    );
    const result = await accept({ 'idempotency-key': 'terminal-3-accept-1' });
    expect(result.statusCode).toBe(503);
    expect(result.headers?.['retry-after']).toBe('1');
  });

  it('answers an unexpected failure with 500 and a correlation id, and no internals', async () => {
    dynamo.on(QueryCommand, { ExpressionAttributeValues: { ':s': `case#${caseId}` } }).rejects(new Error('connect ECONNREFUSED 10.1.2.3:443 table=prod-secret-events'));
    const result = await accept({ 'x-correlation-id': 'corr-abcdef-123456' });
    expect(result.statusCode).toBe(500);
    const body = problem(result);
    expect(body).toMatchObject({ type: '/problems/internal', status: 500, correlationId: 'corr-abcdef-123456' });
    expect(result.body).not.toMatch(/ECONNREFUSED|10\.1\.2\.3|secret/);
    expect(result.headers?.['x-correlation-id']).toBe('corr-abcdef-123456');
  });
});
