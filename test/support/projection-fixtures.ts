import { marshall } from '@aws-sdk/util-dynamodb';
import { BatchWriteCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { CaseEvent } from '../../domain/case/events.ts';
import { toItem } from '../../functions/store/dynamo-event-store.ts';

export interface StreamEvent {
  stream: string;
  version: number;
  event: CaseEvent;
}

/** A stream record of the Events table exactly as Lambda delivers it. */
export function lambdaRecord(e: StreamEvent, sequence: number): DynamoDBRecord {
  const item = toItem(e.stream, e.version, e.event);
  return {
    eventID: `event-${sequence}`,
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'cn-north-1',
    eventSourceARN: 'arn:aws:dynamodb:cn-north-1:123456789012:table/Events/stream/2026-11-26T00:00:00.000',
    dynamodb: {
      ApproximateCreationDateTime: 1_795_000_000,
      Keys: marshall({ stream: e.stream, version: e.version }) as never,
      NewImage: marshall(item, { removeUndefinedValues: true }) as never,
      SequenceNumber: String(1_000_000 + sequence).padStart(21, '0'),
      SizeBytes: 500,
      StreamViewType: 'NEW_IMAGE',
    },
  };
}

export async function writeEvents(db: DynamoDBDocumentClient, table: string, events: readonly StreamEvent[]): Promise<void> {
  for (let i = 0; i < events.length; i += 25) {
    await db.send(new BatchWriteCommand({ RequestItems: { [table]: events.slice(i, i + 25).map((e) => ({ PutRequest: { Item: toItem(e.stream, e.version, e.event) } })) } }));
  }
}

/** Every item of one view generation, keyed without its prefix, minus bookkeeping that differs by design. */
export async function generationItems(db: DynamoDBDocumentClient, table: string, generation: number): Promise<Map<string, Record<string, unknown>>> {
  const items = new Map<string, Record<string, unknown>>();
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start, ConsistentRead: true }));
    for (const item of page.Items ?? []) {
      const pk = String(item.pk);
      if (!pk.startsWith(`g${generation}#`)) continue;
      const { pk: _pk, touchedPk: _tp, touchedSk: _ts, updatedAt: _u, ...rest } = item;
      items.set(`${pk.slice(`g${generation}#`.length)}|${String(item.sk)}`, rest);
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}
