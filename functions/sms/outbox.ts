import { BatchGetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { CountyIndex, SmsKind } from '../../domain/county.ts';
import { localDateOf } from '../../domain/time.ts';
import { afterQuietHours } from '../../domain/notifications/quiet.ts';
import type { Envelope } from '../../domain/projections/projection.ts';
import type { AggregateProjections } from '../../domain/projections/registry.ts';
import type { TransactItem } from '../store/dynamo-event-store.ts';
import { viewsTable } from '../tables.ts';

/**
 * The notifications outbox (短信发件箱). Each message an event asks for is one item, keyed by the
 * event's stream, version and the message's kind, written by the projector in the event's own
 * transaction — so an event gives its messages once, and a redelivered event gives none. The items
 * sit outside the views' generations: a rebuild neither copies nor re-creates them, so it sends
 * nothing again. Beside each message: a pointer in the partition of the day it is due (what the
 * sender reads, removed once the message is done) and one in the day it was queued (the listing).
 */
export const smsStatuses = ['pending', 'sending', 'retry', 'sent', 'delivered', 'failed', 'dead', 'skipped'] as const;
export type SmsStatus = (typeof smsStatuses)[number];
/** Nothing more will happen to a message in these states but a delivery receipt. */
export const finalStatuses: readonly SmsStatus[] = ['sent', 'delivered', 'failed', 'dead', 'skipped'];

export interface SmsMessage {
  messageId: string;
  stream: string;
  version: number;
  smsKind: SmsKind;
  params: Record<string, string>;
  queuedAt: string;
  dueAt: string;
  status: SmsStatus;
  attempts: number;
  /** Once sent (or tried): the template's code, the masked number and the text the citizen got. */
  templateCode?: string;
  phone?: string;
  text?: string;
  sentAt?: string;
  deliveredAt?: string;
  providerMessageId?: string;
  lastError?: string;
  leaseUntil?: string;
}

const pad = (version: number) => String(version).padStart(8, '0');

export const smsKeys = {
  message: (stream: string, version: number, kind: SmsKind) => ({ [viewsTable.partitionKey]: `sms#${stream}`, [viewsTable.sortKey]: `${pad(version)}#${kind}` }),
  due: (date: string, dueAt: string, messageId: string) => ({ [viewsTable.partitionKey]: `smsdue#${date}`, [viewsTable.sortKey]: `${dueAt}#${messageId}` }),
  day: (date: string, queuedAt: string, messageId: string) => ({ [viewsTable.partitionKey]: `smsday#${date}`, [viewsTable.sortKey]: `${queuedAt}#${messageId}` }),
  ref: (providerMessageId: string) => ({ [viewsTable.partitionKey]: `smsref#${providerMessageId}`, [viewsTable.sortKey]: 'ref' }),
};

/** A message's id names its event and kind: `case#01J…@7#accepted`. */
export const messageIdOf = (stream: string, version: number, kind: SmsKind) => `${stream}@${version}#${kind}`;

export function parseMessageId(id: string): { stream: string; version: number; kind: SmsKind } | undefined {
  const match = /^(.+)@(\d{1,8})#([a-z-]+)$/.exec(id);
  return match ? { stream: match[1]!, version: Number(match[2]), kind: match[3] as SmsKind } : undefined;
}

/** When a message may go: not before it asks, and never in the county's quiet hours. */
export const dueAtOf = (county: CountyIndex, instant: string) => afterQuietHours(instant, county.county.sms.quietHours, county.county.timeZone);

/**
 * The writes that queue an event's messages, for the projector's transaction. Each message is an
 * upsert that keeps whatever is there (`if_not_exists`): were the event ever projected again (a
 * rebuild's catch-up into a new generation), a message already queued or sent stays as it is.
 */
export function outboxWrites<E extends { type: string }, S>(table: string, county: CountyIndex, aggregate: AggregateProjections<E, S>, envelope: Envelope<E, S>, queuedAt: string): TransactItem[] {
  const notifier = aggregate.notifier;
  if (!notifier || !notifier.canHandle.includes(envelope.event.type)) return [];
  const writes: TransactItem[] = [];
  const seen = new Set<SmsKind>();
  for (const intent of notifier.messages(envelope, county)) {
    if (seen.has(intent.kind)) continue;
    seen.add(intent.kind);
    const messageId = messageIdOf(envelope.stream, envelope.version, intent.kind);
    const dueAt = dueAtOf(county, intent.notBefore > queuedAt ? intent.notBefore : queuedAt);
    const fields: Omit<SmsMessage, 'status' | 'attempts'> & { kind: 'sms' } = {
      kind: 'sms',
      messageId,
      stream: envelope.stream,
      version: envelope.version,
      smsKind: intent.kind,
      params: intent.params,
      queuedAt,
      dueAt,
    };
    const all: Record<string, unknown> = { ...fields, status: 'pending', attempts: 0 };
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    const sets = Object.entries(all).map(([name, value], i) => {
      names[`#a${i}`] = name;
      values[`:a${i}`] = value;
      return `#a${i} = if_not_exists(#a${i}, :a${i})`;
    });
    writes.push({ Update: { TableName: table, Key: smsKeys.message(envelope.stream, envelope.version, intent.kind), UpdateExpression: `SET ${sets.join(', ')}`, ExpressionAttributeNames: names, ExpressionAttributeValues: values } });
    const timeZone = county.county.timeZone;
    writes.push({ Put: { TableName: table, Item: { ...smsKeys.due(localDateOf(dueAt, timeZone), dueAt, messageId), kind: 'sms-due', ref: smsKeys.message(envelope.stream, envelope.version, intent.kind) } } });
    writes.push({ Put: { TableName: table, Item: { ...smsKeys.day(localDateOf(queuedAt, timeZone), queuedAt, messageId), kind: 'sms-day', ref: smsKeys.message(envelope.stream, envelope.version, intent.kind) } } });
  }
  return writes;
}

type Db = { send: (command: QueryCommand | BatchGetCommand) => Promise<{ Items?: Record<string, unknown>[]; Responses?: Record<string, Record<string, unknown>[]>; LastEvaluatedKey?: Record<string, unknown> }> };

async function queryAll(db: Db, table: string, pk: string, upTo?: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: upTo === undefined ? '#pk = :pk' : '#pk = :pk AND #sk <= :upTo',
        ExpressionAttributeNames: { '#pk': viewsTable.partitionKey, ...(upTo === undefined ? {} : { '#sk': viewsTable.sortKey }) },
        ExpressionAttributeValues: { ':pk': pk, ...(upTo === undefined ? {} : { ':upTo': upTo }) },
        ExclusiveStartKey: start,
      }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** A stream's messages, in event order: the case timeline shows them. */
export async function messagesOf(db: Db, table: string, stream: string): Promise<SmsMessage[]> {
  return (await queryAll(db, table, `sms#${stream}`)) as unknown as SmsMessage[];
}

const keyOf = (item: Record<string, unknown>) => `${String(item[viewsTable.partitionKey])}\u0000${String(item[viewsTable.sortKey])}`;

/** The messages queued on a county date, in the order they were queued (GET /sms/outbox). */
export async function messagesQueuedOn(db: Db, table: string, date: string): Promise<SmsMessage[]> {
  const refs = (await queryAll(db, table, `smsday#${date}`)).map((p) => p.ref as Record<string, string>);
  const found = new Map<string, SmsMessage>();
  for (let i = 0; i < refs.length; i += 100) {
    const chunk = refs.slice(i, i + 100);
    let keys: Record<string, unknown>[] | undefined = chunk;
    while (keys && keys.length > 0) {
      const page = await db.send(new BatchGetCommand({ RequestItems: { [table]: { Keys: keys } } }));
      for (const item of page.Responses?.[table] ?? []) found.set(keyOf(item), item as unknown as SmsMessage);
      keys = (page as { UnprocessedKeys?: Record<string, { Keys?: Record<string, unknown>[] }> }).UnprocessedKeys?.[table]?.Keys;
    }
  }
  return refs.map((ref) => found.get(keyOf(ref))).filter((m): m is SmsMessage => m !== undefined);
}

/** The due pointers of a county date up to an instant. */
export const duePointers = (db: Db, table: string, date: string, now: string) => queryAll(db, table, `smsdue#${date}`, `${now}~`);
