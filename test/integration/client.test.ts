import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { banjianClient, type BanjianClient, type Case } from '../../client/index.ts';
import { clock, startStack, type Stack } from '../support/local-stack.ts';

/** The typed client generated from openapi.json, against the local server: the contract a console or a terminal vendor codes to. */
let stack: Stack;
let client: BanjianClient;

beforeAll(async () => {
  stack = await startStack();
  const token = await stack.token('admin');
  client = banjianClient({ baseUrl: stack.url, token: () => token });
});
afterAll(async () => stack.close());

describe('the generated client', () => {
  it('submits, accepts and reads a case with typed bodies and answers', async () => {
    const at = clock('2026-11-02', '09:00');
    const submitted = await client.POST('/cases', {
      body: { itemCode: '331022-ZRZY-003', applicant: { name: '三门县海润建设有限公司', phone: '13857612345' }, channel: 'window', materials: ['M1', 'M2', 'M3', 'M4', 'M5'] },
      headers: { ...at, 'idempotency-key': 'client-test-submit-1' },
    });
    expect(submitted.response.status, JSON.stringify(submitted.error)).toBe(201);
    const created: Case | undefined = submitted.data;
    expect(created).toMatchObject({ status: 'submitted', version: 1 });
    const caseId = created!.caseId;

    const accepted = await client.POST('/cases/{id}/accept', { params: { path: { id: caseId } }, body: {}, headers: { ...clock('2026-11-02', '10:00'), 'if-match': '1' } });
    expect(accepted.data).toMatchObject({ caseId, status: 'accepted', version: 2 });

    const read = await client.GET('/cases/{id}', { params: { path: { id: caseId } } });
    expect(read.data?.deadline).toBeTruthy();
  });

  it('hands a refusal back as the typed problem', async () => {
    const refused = await client.POST('/cases/{id}/accept', { params: { path: { id: '01JZZZZZZZZZZZZZZZZZZZZZZZ' } }, body: {} });
    expect(refused.data).toBeUndefined();
    expect(refused.error, JSON.stringify(refused.error)).toMatchObject({ status: 404, title: expect.any(String) as string });
  });
});
