import { GetItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { localClient } from '../functions/store/dynamo-client.ts';
import type { Runtime } from '../functions/runtime.ts';
import { eventsTable, viewsTable, type TableNames } from '../functions/tables.ts';

/**
 * DynamoDB Local answers a TransactWriteItems a moment before the transaction is on disk: killed
 * with SIGKILL right then, it forgets a write it acknowledged (seen here: about one transaction in a
 * hundred, the last before the kill; single PutItems do not show it, and AWS never does). Reading one
 * of the transaction's items back, consistently, waits until it is committed — so the local runtime
 * does that before it lets the answer through, and `npm run chaos` can hold it to "nothing
 * acknowledged is ever lost". The read goes through a client of its own: it is the stand-in's, not
 * the function's, and needs none of the function's grants.
 */
export function durableTransactions(db: DynamoDBDocumentClient, endpoint: string, tables: TableNames): void {
  const reader = localClient(endpoint);
  const keyNames = (table: string) => (table === tables.events ? [eventsTable.partitionKey, eventsTable.sortKey] : table === tables.views ? [viewsTable.partitionKey, viewsTable.sortKey] : undefined);
  db.middlewareStack.add(
    (next, context) => async (args) => {
      const result = await next(args);
      if (context.commandName === 'TransactWriteItemsCommand') {
        type Part = { TableName?: string; Item?: Record<string, unknown>; Key?: Record<string, unknown> };
        const first = ((args.input as { TransactItems?: Record<string, Part>[] }).TransactItems ?? [])[0];
        const part = first && Object.values(first)[0];
        const names = part?.TableName === undefined ? undefined : keyNames(part.TableName);
        const source = part?.Item ?? part?.Key;
        if (names && source) await reader.send(new GetItemCommand({ TableName: part!.TableName, Key: Object.fromEntries(names.map((n) => [n, attributeValue(source[n])])), ConsistentRead: true }));
      }
      return result;
    },
    { step: 'initialize', name: 'localDurableTransactions' },
  );
}

/** A key value as the low-level client takes it, from a document-client input ('x', 3) or a low-level one ({ S: 'x' }). */
const attributeValue = (value: unknown): AttributeValue => (typeof value === 'string' ? { S: value } : typeof value === 'number' ? { N: String(value) } : (value as AttributeValue));

export const durabilityHook = (rt: Runtime) => {
  const endpoint = process.env.DYNAMODB_ENDPOINT;
  if (endpoint) durableTransactions(rt.db, endpoint, rt.tables);
};
