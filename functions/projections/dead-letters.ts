import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { eventsTable, viewsTable } from '../tables.ts';
import type { ViewStore } from './view-store.ts';

/** Records the projector gave up on after bounded retries (on AWS they also reach the SQS dead-letter queue). */
export interface DeadLetter {
  stream: string;
  version: number;
  type: string;
  sequenceNumber: string;
  attempts: number;
  parkedAt: string;
  reason: string;
}

const PARTITION = 'deadletters';

export async function parkDeadLetter(views: ViewStore, record: DynamoDBRecord, attempts: number, reason: string, now = new Date()): Promise<DeadLetter> {
  const keys = record.dynamodb?.Keys ?? {};
  const letter: DeadLetter = {
    stream: keys[eventsTable.partitionKey]?.S ?? 'unknown',
    version: Number(keys[eventsTable.sortKey]?.N ?? 0),
    type: record.dynamodb?.NewImage?.type?.S ?? 'unknown',
    sequenceNumber: record.dynamodb?.SequenceNumber ?? '',
    attempts,
    parkedAt: now.toISOString(),
    reason,
  };
  await putLetter(views, letter);
  return letter;
}

async function putLetter(views: ViewStore, letter: DeadLetter): Promise<void> {
  await views.db.send(
    new PutCommand({
      TableName: views.tableName,
      Item: { [viewsTable.partitionKey]: PARTITION, [viewsTable.sortKey]: `${letter.parkedAt}#${letter.stream}#${letter.version}`, ...letter },
    }),
  );
}

export async function listDeadLetters(views: ViewStore): Promise<DeadLetter[]> {
  const result = await views.db.send(
    new QueryCommand({
      TableName: views.tableName,
      KeyConditionExpression: '#pk = :pk',
      ExpressionAttributeNames: { '#pk': viewsTable.partitionKey },
      ExpressionAttributeValues: { ':pk': PARTITION },
      ScanIndexForward: false,
    }),
  );
  return (result.Items ?? []).map((item) => ({
    stream: String(item.stream),
    version: Number(item.version),
    type: String(item.type),
    sequenceNumber: String(item.sequenceNumber ?? ''),
    attempts: Number(item.attempts),
    parkedAt: String(item.parkedAt),
    reason: String(item.reason),
  }));
}

/** An event a rebuild could not fold: listed with the dead letters so that an administrator sees it. */
export async function recordUnfoldable(views: ViewStore, problem: { stream: string; version: number; type: string; reason: string }, now = new Date()): Promise<void> {
  const letter: DeadLetter = { ...problem, sequenceNumber: '', attempts: 1, parkedAt: now.toISOString(), reason: `rebuild: ${problem.reason}` };
  await putLetter(views, letter);
}
