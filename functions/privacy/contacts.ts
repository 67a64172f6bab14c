import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { Runtime } from '../runtime.ts';
import type { TransactItem } from '../store/dynamo-event-store.ts';
import { eventsTable, streams } from '../tables.ts';

/**
 * Whole phone numbers a callback needs — a day's callback list, an SMS from an unknown number — are
 * kept apart from the events that mention them (which hold only the masked number and the salted
 * key, for good), in a contacts item written in the same transaction and expiring after the county's
 * `privacy.contactRetentionDays`: DynamoDB's TTL removes it on AWS (the local runtime sweeps), and
 * every read ignores it once its time is up, as TTL deletion can lag.
 */
export type Phones = Record<string, string>;

const expiresAtOf = (rt: Runtime, now: string) => Math.floor(Date.parse(now) / 1000) + rt.county.county.privacy.contactRetentionDays * 86_400;

/** The write that keeps `phones` (by case id, or by message) until the retention ends: part of the listing event's transaction. */
export function keepContacts(rt: Runtime, scope: string, version: number, phones: Phones, now: string): TransactItem {
  return {
    Put: {
      TableName: rt.tables.events,
      Item: { [eventsTable.partitionKey]: streams.contacts(scope), [eventsTable.sortKey]: version, kind: 'contacts', phones, [eventsTable.ttlAttribute]: expiresAtOf(rt, now) },
      ConditionExpression: 'attribute_not_exists(#v)',
      ExpressionAttributeNames: { '#v': eventsTable.sortKey },
    },
  };
}

/** The numbers still kept for a scope at `now`, by the version of the event that listed them. */
export async function keptContacts(rt: Runtime, scope: string, now: string): Promise<Map<number, Phones>> {
  const kept = new Map<number, Phones>();
  const nowSeconds = Math.floor(Date.parse(now) / 1000);
  let start: Record<string, unknown> | undefined;
  do {
    const page = await rt.db.send(
      new QueryCommand({
        TableName: rt.tables.events,
        KeyConditionExpression: '#s = :s',
        ExpressionAttributeNames: { '#s': eventsTable.partitionKey },
        ExpressionAttributeValues: { ':s': streams.contacts(scope) },
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      if (Number(item[eventsTable.ttlAttribute]) > nowSeconds) kept.set(Number(item[eventsTable.sortKey]), item.phones as Phones);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return kept;
}
