import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { eventsTable } from '../tables.ts';
import { logger } from '../logger.ts';
import { projectableOf, Projector, type ProjectableEvent } from './projector.ts';

/** The domain event in a stream record of the Events table, or undefined for anything else (idempotency records, counters, removals). */
export function readRecord(record: DynamoDBRecord): ProjectableEvent | undefined {
  if (record.eventName !== 'INSERT' || !record.dynamodb?.NewImage) return undefined;
  const stream = record.dynamodb.Keys?.[eventsTable.partitionKey]?.S;
  if (stream === undefined || !Projector.isProjectable(stream)) return undefined;
  return projectableOf(stream, unmarshall(record.dynamodb.NewImage as Record<string, AttributeValue>));
}

/** Streams are projected in parallel, each stream's events in order. */
const STREAM_CONCURRENCY = 16;

/**
 * The Lambda handler for DynamoDB Streams batches of the Events table. Records of one stream are
 * applied in order; after a failure the rest of that stream's records are reported failed too, so
 * that Lambda retries from the first of them (`reportBatchItemFailures`) and order holds.
 */
export function streamHandler(getProjector: () => Projector) {
  return async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
    const projector = getProjector();
    const groups = new Map<string, { record: DynamoDBRecord; parsed: ProjectableEvent }[]>();
    for (const record of event.Records) {
      let parsed: ProjectableEvent | undefined;
      try {
        parsed = readRecord(record);
      } catch (error) {
        logger.error('unreadable stream record', { sequenceNumber: record.dynamodb?.SequenceNumber, error: error as Error });
        return { batchItemFailures: [{ itemIdentifier: record.dynamodb?.SequenceNumber ?? '' }] };
      }
      if (!parsed) continue;
      const group = groups.get(parsed.stream) ?? [];
      group.push({ record, parsed });
      groups.set(parsed.stream, group);
    }
    const failed: string[] = [];
    const queue = [...groups.values()];
    await Promise.all(
      Array.from({ length: Math.min(STREAM_CONCURRENCY, queue.length) }, async () => {
        for (let group = queue.shift(); group; group = queue.shift()) {
          for (let i = 0; i < group.length; i++) {
            const { parsed } = group[i]!;
            try {
              await projector.apply(parsed);
            } catch (error) {
              logger.error('projection failed', { stream: parsed.stream, version: parsed.version, type: parsed.type, error: error as Error });
              for (const rest of group.slice(i)) failed.push(rest.record.dynamodb?.SequenceNumber ?? '');
              break;
            }
          }
        }
      }),
    );
    return { batchItemFailures: failed.map((itemIdentifier) => ({ itemIdentifier })) };
  };
}
