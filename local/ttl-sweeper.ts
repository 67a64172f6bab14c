import { setTimeout as sleep } from 'node:timers/promises';
import { DeleteCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { eventsTable } from '../functions/tables.ts';

/**
 * The local stand-in for DynamoDB's TTL, which DynamoDB Local does not run: deletes the Events
 * table's expired items (idempotency records, kept contacts) at start and every hour. Only with the
 * wall clock: under `--dev-clock` the data's own dates are simulated, and reads already ignore what
 * has expired at the request's time.
 */
export async function sweepExpired(db: DynamoDBDocumentClient, table: string, now = Date.now()): Promise<number> {
  let deleted = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new ScanCommand({
        TableName: table,
        FilterExpression: '#ttl < :now',
        ProjectionExpression: '#s, #v',
        ExpressionAttributeNames: { '#ttl': eventsTable.ttlAttribute, '#s': eventsTable.partitionKey, '#v': eventsTable.sortKey },
        ExpressionAttributeValues: { ':now': Math.floor(now / 1000) },
        ExclusiveStartKey: start,
      }),
    );
    for (const item of (page.Items ?? []) as Record<string, unknown>[]) {
      await db.send(new DeleteCommand({ TableName: table, Key: { [eventsTable.partitionKey]: item[eventsTable.partitionKey], [eventsTable.sortKey]: item[eventsTable.sortKey] } }));
      deleted++;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return deleted;
}

export function startTtlSweeper(db: DynamoDBDocumentClient, table: string, log: (line: string) => void, everyMs = 3_600_000): () => void {
  let running = true;
  void (async () => {
    while (running) {
      try {
        const deleted = await sweepExpired(db, table);
        if (deleted > 0) log(`ttl: removed ${deleted} expired item(s)`);
      } catch (error) {
        log(`ttl sweep failed: ${(error as Error).message}`);
      }
      await sleep(everyMs, undefined, { ref: false }).catch(() => undefined);
    }
  })();
  return () => {
    running = false;
  };
}
