import { PutCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sweepExpired } from '../../local/ttl-sweeper.ts';
import { freshTables } from '../support/local-stack.ts';

let fresh: Awaited<ReturnType<typeof freshTables>>;
beforeAll(async () => {
  fresh = await freshTables();
});
afterAll(() => fresh.client.destroy());

describe('the local stand-in for DynamoDB’s TTL', () => {
  it('removes expired items only: never an event, never what is still kept', async () => {
    const now = Date.parse('2026-12-01T00:00:00Z');
    const put = (item: Record<string, unknown>) => fresh.db.send(new PutCommand({ TableName: fresh.tables.events, Item: item }));
    await put({ stream: 'case#A', version: 1, type: 'CaseSubmitted' });
    await put({ stream: 'contacts#callbacks#2026-08-01', version: 0, phones: { A: '13900000000' }, expiresAt: now / 1000 - 1 });
    await put({ stream: 'contacts#callbacks#2026-11-30', version: 0, phones: { B: '13900000001' }, expiresAt: now / 1000 + 3600 });
    await put({ stream: 'idem#old', version: 0, expiresAt: now / 1000 - 86_400 });
    expect(await sweepExpired(fresh.db, fresh.tables.events, now)).toBe(2);
    const left = (await fresh.db.send(new ScanCommand({ TableName: fresh.tables.events }))).Items!.map((i) => i.stream as string).sort();
    expect(left).toEqual(['case#A', 'contacts#callbacks#2026-11-30']);
  });
});
