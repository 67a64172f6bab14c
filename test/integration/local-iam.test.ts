import { DeleteCommand, PutCommand, QueryCommand, ScanCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { entrypoints, type EntryName } from '../../functions/entrypoints.ts';
import { documentClient } from '../../functions/store/dynamo-client.ts';
import { allows, enforceGrants, permissionsOf } from '../../local/iam.ts';
import { freshTables } from '../support/local-stack.ts';

let tables: { events: string; views: string };
let endpoint: string;
let close: () => void;

beforeAll(async () => {
  const fresh = await freshTables();
  ({ tables, endpoint } = fresh);
  close = () => fresh.client.destroy();
});
afterAll(() => close());

/** A client that keeps to one entry's grants, on this file's tables. */
function clientOf(entry: EntryName) {
  const db = documentClient({ endpoint, region: 'local' });
  enforceGrants(db, entry, tables);
  return db;
}
const denied = (promise: Promise<unknown>) => expect(promise).rejects.toMatchObject({ name: 'AccessDeniedException' });
const event = (stream: string, version: number) => ({ stream, version, type: 'X', data: {}, meta: {} });

describe('the local stand-in for the functions’ IAM policies', () => {
  it('refuses a read-only function any write, and any key outside its patterns', async () => {
    const db = clientOf('case-queries');
    await expect(db.send(new QueryCommand({ TableName: tables.events, KeyConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'stream' }, ExpressionAttributeValues: { ':s': 'case#01J' } }))).resolves.toBeDefined();
    await denied(db.send(new QueryCommand({ TableName: tables.events, KeyConditionExpression: '#s = :s', ExpressionAttributeNames: { '#s': 'stream' }, ExpressionAttributeValues: { ':s': 'idem#k' } })));
    await denied(db.send(new PutCommand({ TableName: tables.events, Item: event('case#01J', 1) })));
    await denied(db.send(new ScanCommand({ TableName: tables.events })));
  });

  it('lets a command function append events but never change or delete one, in a transaction or not', async () => {
    const db = clientOf('case-commands');
    await db.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: tables.events, Item: event('case#A', 1) } }, { Put: { TableName: tables.events, Item: { stream: 'idem#k1', version: 0 } } }] }));
    await denied(db.send(new TransactWriteCommand({ TransactItems: [{ Put: { TableName: tables.events, Item: event('case#A', 2) } }, { Delete: { TableName: tables.events, Key: { stream: 'case#A', version: 1 } } }] })));
    await denied(db.send(new UpdateCommand({ TableName: tables.events, Key: { stream: 'case#A', version: 1 }, UpdateExpression: 'SET #t = :t', ExpressionAttributeNames: { '#t': 'type' }, ExpressionAttributeValues: { ':t': 'Y' } })));
    await denied(db.send(new DeleteCommand({ TableName: tables.events, Key: { stream: 'case#A', version: 1 } })));
    await denied(db.send(new PutCommand({ TableName: tables.events, Item: event('ticket#T', 1) })));
    await denied(db.send(new PutCommand({ TableName: tables.views, Item: { pk: 'x', sk: 'y' } })));
  });

  it('lets the queue change and remove only its waiting index, and only the rebuild scan', async () => {
    const queue = clientOf('queue');
    await queue.send(new DeleteCommand({ TableName: tables.events, Key: { stream: 'waiting#2026-11-02#A', version: 5 } }));
    await denied(queue.send(new DeleteCommand({ TableName: tables.events, Key: { stream: 'ticket#T', version: 1 } })));
    for (const [name, entry] of Object.entries(entrypoints)) {
      const scans = entry.grants.some((g) => allows(g, { table: 'events', action: 'Scan' }));
      expect(scans, name).toBe(name === 'rebuild');
    }
  });

  it('reads the partition key a query fixes, by name or placeholder, on the table or an index', () => {
    expect(permissionsOf('QueryCommand', { TableName: tables.views, IndexName: 'touched', KeyConditionExpression: '#pk = :pk AND #sk >= :since', ExpressionAttributeNames: { '#pk': 'touchedPk', '#sk': 'touchedSk' }, ExpressionAttributeValues: { ':pk': 'g1#touched#2026-11-02', ':since': 'x' } }, tables)).toEqual([
      { table: 'views', index: 'touched', action: 'Query', key: 'g1#touched#2026-11-02' },
    ]);
    expect(permissionsOf('QueryCommand', { TableName: tables.events, KeyConditionExpression: 'stream = :s AND #v > :v', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':s': { S: 'case#Z' }, ':v': { N: '1' } } }, tables)).toEqual([{ table: 'events', action: 'Query', key: 'case#Z' }]);
  });
});
