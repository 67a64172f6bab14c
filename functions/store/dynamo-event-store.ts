import { ConditionalCheckFailedException, TransactionCanceledException, type AttributeValue } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, TransactWriteCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { gunzipSync, gzipSync } from 'node:zlib';
import { ConcurrencyError } from '../../domain/errors.ts';
import type { EventMeta } from '../../domain/meta.ts';
import { eventsTable, streams } from '../tables.ts';

/** Any domain event: a `type`, its `data`, and who/where/when. */
export interface DomainEvent {
  type: string;
  data: unknown;
  meta: EventMeta;
}

export interface StoredEvent<E extends DomainEvent = DomainEvent> {
  stream: string;
  version: number;
  event: E;
}

/** A write of a TransactWriteItems request (document-client shape). */
export type TransactItem = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>[number];

export interface IdempotencyRecord {
  key: string;
  fingerprint: string;
  /** What the command answered (JSON), to give back to a resend. */
  answer: unknown;
}

/** Raised when the command's idempotency key was already used: the caller answers with the stored record. */
export class IdempotencyReplay extends Error {
  constructor(readonly record: IdempotencyRecord) {
    super(`idempotency key ${record.key} was used before`);
    this.name = 'IdempotencyReplay';
  }
}

/** Events items carry this schema version so that old shapes can be upcast on read. */
const SCHEMA_VERSION = 1;
/** Idempotency records are kept a week: long enough for any terminal's retry. */
const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 3600;
/** DynamoDB's item limit is 400 KB; stay well clear of it. */
export const MAX_ITEM_BYTES = 350 * 1024;

export class ItemTooLarge extends Error {
  constructor(readonly bytes: number) {
    super(`an event item of ${bytes} bytes exceeds the ${MAX_ITEM_BYTES}-byte limit`);
    this.name = 'ItemTooLarge';
  }
}

/**
 * The event store on the `Events` table: one item per event, `stream` + `version` as key.
 * Appends are conditional on the versions being free; an idempotency record, when given, is
 * written in the same transaction as the events, so a command either happened once with its
 * response stored, or not at all.
 */
export class DynamoEventStore {
  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: () => number = Date.now,
  ) {}

  /** One strongly consistent Query over the stream (streams are short: tens of events). */
  async read<E extends DomainEvent>(stream: string): Promise<{ events: StoredEvent<E>[]; version: number }> {
    const events: StoredEvent<E>[] = [];
    let exclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: '#s = :s',
          ExpressionAttributeNames: { '#s': eventsTable.partitionKey },
          ExpressionAttributeValues: { ':s': stream },
          ConsistentRead: true,
          ExclusiveStartKey: exclusiveStartKey,
        }),
      );
      for (const item of page.Items ?? []) events.push(toStored<E>(item));
      exclusiveStartKey = page.LastEvaluatedKey;
    } while (exclusiveStartKey);
    return { events, version: events.at(-1)?.version ?? 0 };
  }

  /**
   * Appends `events` as versions `expectedVersion + 1 …`. One conditional Put when that is all
   * there is to write, otherwise one TransactWriteItems.
   * @throws ConcurrencyError when a version is taken, IdempotencyReplay when the key was used.
   */
  async append(
    stream: string,
    expectedVersion: number,
    events: readonly DomainEvent[],
    idempotency?: IdempotencyRecord,
    /** Other conditional writes that must happen with the events or not at all (e.g. the ticket queue's waiting index). */
    extra: readonly TransactItem[] = [],
  ): Promise<{ version: number }> {
    const items = events.map((event, i) => toItem(stream, expectedVersion + 1 + i, event));
    for (const item of items) assertSize(item);
    const eventCondition = `attribute_not_exists(#v)`;
    const names = { '#v': eventsTable.sortKey };
    const version = expectedVersion + events.length;
    if (items.length === 0 && !idempotency && extra.length === 0) return { version };
    if (items.length === 1 && !idempotency && extra.length === 0) {
      try {
        await this.db.send(new PutCommand({ TableName: this.tableName, Item: items[0], ConditionExpression: eventCondition, ExpressionAttributeNames: names, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' }));
      } catch (error) {
        if (error instanceof ConditionalCheckFailedException) {
          // The SDK resent a Put whose first answer was lost: the item it finds is this command's own.
          if (isOwn(error.Item, items[0]!)) return { version };
          throw new ConcurrencyError(`stream ${stream} moved past version ${expectedVersion}`, expectedVersion, undefined, { cause: error });
        }
        throw error;
      }
      return { version };
    }
    const idemItem = idempotency && {
      [eventsTable.partitionKey]: streams.idempotency(idempotency.key),
      [eventsTable.sortKey]: 0,
      kind: 'idempotency',
      fingerprint: idempotency.fingerprint,
      // Gzipped, the stored response stays under 1 KB: one write unit instead of two.
      response: gzipSync(JSON.stringify(idempotency.answer)),
      streamWritten: stream,
      [eventsTable.ttlAttribute]: Math.floor(this.clock() / 1000) + IDEMPOTENCY_TTL_SECONDS,
    };
    const transactItems = [
      ...items.map((Item) => ({ Put: { TableName: this.tableName, Item, ConditionExpression: eventCondition, ExpressionAttributeNames: names, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } })),
      ...(idemItem
        ? [
            {
              Put: {
                TableName: this.tableName,
                Item: idemItem,
                ConditionExpression: eventCondition,
                ExpressionAttributeNames: names,
                ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const,
              },
            },
          ]
        : []),
      ...extra,
    ];
    try {
      await this.db.send(new TransactWriteCommand({ TransactItems: transactItems }));
    } catch (error) {
      if (error instanceof TransactionCanceledException) {
        const reasons = error.CancellationReasons ?? [];
        const idemReason = idemItem ? reasons[items.length] : undefined;
        if (idempotency && idemReason?.Code === 'ConditionalCheckFailed') {
          const old = idemReason.Item ? unmarshall(idemReason.Item) : await this.getIdempotencyItem(idempotency.key);
          if (old) throw new IdempotencyReplay(toIdempotencyRecord(idempotency.key, old));
        }
        // Every event already there, and each this command's own: an earlier send of this very transaction
        // committed and its answer was lost (the SDK resends with the same ClientRequestToken, so this is
        // the case only once the token has expired).
        const eventReasons = reasons.slice(0, items.length);
        if (eventReasons.length > 0 && eventReasons.every((r, i) => r.Code === 'ConditionalCheckFailed' && isOwn(r.Item, items[i]!))) return { version };
        const extraFrom = items.length + (idemItem ? 1 : 0);
        if (reasons.slice(0, items.length).some((r) => r.Code === 'ConditionalCheckFailed') || reasons.slice(extraFrom).some((r) => r.Code === 'ConditionalCheckFailed')) {
          throw new ConcurrencyError(`stream ${stream} moved past version ${expectedVersion}`, expectedVersion, undefined, { cause: error });
        }
        if (reasons.some((r) => r.Code === 'TransactionConflict')) {
          throw new ConcurrencyError(`stream ${stream} is being written by another transaction`, expectedVersion, undefined, { cause: error, transient: true });
        }
      }
      throw error;
    }
    return { version };
  }

  /** The stored record of an idempotency key, if it was used (consistent read). */
  async idempotencyRecord(key: string): Promise<IdempotencyRecord | undefined> {
    const item = await this.getIdempotencyItem(key);
    return item ? toIdempotencyRecord(key, item) : undefined;
  }

  private async getIdempotencyItem(key: string): Promise<Record<string, unknown> | undefined> {
    const result = await this.db.send(
      new GetCommand({
        TableName: this.tableName,
        Key: { [eventsTable.partitionKey]: streams.idempotency(key), [eventsTable.sortKey]: 0 },
        ConsistentRead: true,
      }),
    );
    return result.Item;
  }

  /** The last number a named counter gave (0 before the first): read consistently, to take the next in a transaction. */
  async sequenceValue(name: string): Promise<number> {
    const result = await this.db.send(new GetCommand({ TableName: this.tableName, Key: sequenceKey(name), ConsistentRead: true, ProjectionExpression: '#n', ExpressionAttributeNames: { '#n': 'n' } }));
    return Number(result.Item?.n ?? 0);
  }

  /**
   * Takes number `read + 1` from a named counter, as one write of the transaction that uses it: it
   * fails (and the transaction with it) when another took a number since `read` was read, so a
   * number is used exactly when what it numbers is written — no gaps, however often it is retried.
   */
  takeSequence(name: string, read: number): TransactItem {
    return {
      Update: {
        TableName: this.tableName,
        Key: sequenceKey(name),
        UpdateExpression: 'SET #n = :next, kind = :kind',
        ConditionExpression: read === 0 ? 'attribute_not_exists(#n)' : '#n = :read',
        ExpressionAttributeNames: { '#n': 'n' },
        ExpressionAttributeValues: { ':next': read + 1, ':kind': 'sequence', ...(read === 0 ? {} : { ':read': read }) },
      },
    };
  }
}

const sequenceKey = (name: string) => ({ [eventsTable.partitionKey]: streams.sequence(name), [eventsTable.sortKey]: 0 });

/** Whether an item a condition refused is this very event, written by an earlier send of the same command. */
function isOwn(found: Record<string, AttributeValue> | undefined, item: Record<string, unknown>): boolean {
  if (!found) return false;
  const existing = unmarshall(found) as { type?: unknown; meta?: { commandId?: unknown } };
  return existing.type === item.type && existing.meta?.commandId === (item.meta as EventMeta).commandId;
}

export function toItem(stream: string, version: number, event: DomainEvent): Record<string, unknown> {
  return {
    [eventsTable.partitionKey]: stream,
    [eventsTable.sortKey]: version,
    type: event.type,
    data: event.data,
    meta: event.meta,
    schemaVersion: SCHEMA_VERSION,
  };
}

export function toStored<E extends DomainEvent>(item: Record<string, unknown>): StoredEvent<E> {
  return {
    stream: item[eventsTable.partitionKey] as string,
    version: Number(item[eventsTable.sortKey]),
    event: { type: item.type, data: item.data, meta: item.meta } as E,
  };
}

function toIdempotencyRecord(key: string, item: Record<string, unknown>): IdempotencyRecord {
  const stored = item.response as Uint8Array;
  return { key, fingerprint: item.fingerprint as string, answer: fromPreviousShape(JSON.parse(gunzipSync(stored).toString('utf8')) as unknown) };
}

/**
 * Records the previous release wrote (kept 7 days) hold the HTTP response itself — `statusCode`,
 * `headers`, `body` as a JSON string — where answers are now the reply: status, headers, body.
 */
function fromPreviousShape(answer: unknown): unknown {
  if (typeof answer !== 'object' || answer === null) return answer;
  const { statusCode, headers, body } = answer as { statusCode?: unknown; headers?: unknown; body?: unknown };
  if (typeof statusCode !== 'number' || typeof body !== 'string') return answer;
  return { status: statusCode, headers: headers ?? {}, body: body === '' ? undefined : (JSON.parse(body) as unknown) };
}

function assertSize(item: Record<string, unknown>): void {
  // UTF-8 JSON length is a close upper bound of DynamoDB's own size for these plain documents.
  const bytes = Buffer.byteLength(JSON.stringify(item), 'utf8');
  if (bytes > MAX_ITEM_BYTES) throw new ItemTooLarge(bytes);
}
