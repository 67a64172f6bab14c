import { setTimeout as sleep } from 'node:timers/promises';
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { TransactWriteCommand } from '@aws-sdk/lib-dynamodb';
import { keyString, projectEvent, type ViewChange } from '../../domain/projections/apply.ts';
import { aggregateOf } from '../../domain/projections/registry.ts';
import { eventsTable, viewsTable } from '../tables.ts';
import type { CountyIndex } from '../../domain/county.ts';
import { outboxWrites } from '../sms/outbox.ts';
import type { TransactItem } from '../store/dynamo-event-store.ts';
import { COUNTER_PREFIX, genKey, stateKey, touchedPartition, type ViewStore } from './view-store.ts';

/** When the event happened (its command's time): a message it asks for is queued then. */
const eventTime = (record: ProjectableEvent): string => {
  const at = (record.meta as { at?: unknown } | null)?.at;
  return typeof at === 'string' ? at : new Date().toISOString();
};

/** An event arrived before its predecessor was projected: the batch must be retried from it. */
export class GapError extends Error {
  constructor(
    readonly stream: string,
    readonly version: number,
    readonly projected: number,
  ) {
    super(`stream ${stream}: event ${version} arrived but only ${projected} are projected`);
    this.name = 'GapError';
  }
}

/** An event the projector cannot read (unknown type or schema): retried, then dead-lettered. */
export class UnreadableEvent extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UnreadableEvent';
  }
}

/**
 * A process manager riding on the projector (the agency project following its steps' cases): it is
 * handed every event of the streams it `follows`, in the stream's order, once the views have it —
 * and again when the event is redelivered, so its commands carry keys derived from the event
 * (redelivery then changes nothing). A failure fails the event: it is retried from there, in order.
 */
export interface Reactor {
  follows(stream: string): boolean;
  /** `state`: the stream's (redacted) state at or after the event, as the projector keeps it. */
  react(record: ProjectableEvent, state: unknown): Promise<void>;
}

export interface ProjectableEvent {
  stream: string;
  version: number;
  type: string;
  data: unknown;
  meta: unknown;
  schemaVersion?: number;
}

/** An Events table item as the projector reads it. */
export function projectableOf(stream: string, item: Record<string, unknown>): ProjectableEvent {
  return { stream, version: Number(item[eventsTable.sortKey]), type: String(item.type), data: item.data, meta: item.meta, schemaVersion: item.schemaVersion === undefined ? 1 : Number(item.schemaVersion) };
}

interface StreamState {
  version: number;
  state: unknown;
}

const MAX_CONFLICT_RETRIES = 8;
const CACHE_LIMIT = 20_000;

/**
 * Applies events to the views exactly once. Per event, one transaction writes every view change
 * the event causes together with the stream's state document, conditional on it being at the
 * previous version: a redelivered event is skipped, an event after a gap is refused.
 */
export class Projector {
  /** Recently projected stream states: spares the read on the hot path; the condition guards staleness. */
  private readonly cache = new Map<string, StreamState & { generation: number }>();

  /**
   * `live`: what only the live projector does — queue the county's text messages (`county`) and run
   * the process managers (`reactors`). A rebuild's projector does neither, so replaying events never
   * sends a message or issues a command again.
   */
  constructor(
    private readonly views: ViewStore,
    private readonly clock: () => number = Date.now,
    private readonly live: { county?: CountyIndex; reactors?: readonly Reactor[] } = {},
  ) {}

  static isProjectable(stream: string): boolean {
    return aggregateOf(stream) !== undefined;
  }

  async apply(record: ProjectableEvent, generation?: number): Promise<'applied' | 'duplicate' | 'ignored'> {
    const aggregate = aggregateOf(record.stream);
    if (!aggregate) return 'ignored';
    if ((record.schemaVersion ?? 1) !== 1) throw new UnreadableEvent(`${record.stream}@${record.version}: schema version ${record.schemaVersion} is unknown`);
    if (!aggregate.eventTypes.includes(record.type)) throw new UnreadableEvent(`${record.stream}@${record.version}: event type ${record.type} is unknown`);
    const gen = generation ?? (await this.views.generation());
    for (let attempt = 1; ; attempt++) {
      const current = await this.streamState(gen, record.stream, attempt > 1);
      if (record.version <= current.version) {
        await this.react(record, current.state);
        return 'duplicate';
      }
      if (record.version > current.version + 1) throw new GapError(record.stream, record.version, current.version);
      const event = { type: record.type, data: record.data, meta: record.meta };
      const { after, changes } = projectEvent(aggregate, current.state ?? undefined, record.stream, record.version, event);
      const county = this.live.county;
      const messages = county ? outboxWrites(this.views.tableName, county, aggregate, { stream: record.stream, version: record.version, event, before: current.state ?? undefined, after }, eventTime(record)) : [];
      try {
        await this.write(gen, record.stream, record.version, after, changes, messages);
        this.remember(gen, record.stream, { version: record.version, state: after });
      } catch (error) {
        this.cache.delete(record.stream);
        if (!(error instanceof TransactionCanceledException)) throw error;
        const reasons = error.CancellationReasons ?? [];
        const retryable = reasons.some((r) => r.Code === 'TransactionConflict') || reasons[0]?.Code === 'ConditionalCheckFailed';
        if (!retryable || attempt >= MAX_CONFLICT_RETRIES) throw error;
        // Another writer touched a shared counter, or projected this stream first: read again and retry.
        await sleep(Math.random() * 20 * attempt);
        continue;
      }
      await this.react(record, after);
      return 'applied';
    }
  }

  /** Hands the event to the process managers that follow its stream (after the views have it). */
  private async react(record: ProjectableEvent, state: unknown): Promise<void> {
    for (const reactor of this.live.reactors ?? []) if (reactor.follows(record.stream)) await reactor.react(record, state);
  }

  private async streamState(generation: number, stream: string, fresh: boolean): Promise<StreamState> {
    const cached = this.cache.get(stream);
    if (!fresh && cached && cached.generation === generation) return cached;
    const item = await this.views.get<{ version: number; state: unknown }>(stateKey(stream), { generation, consistent: true });
    return item ? { version: Number(item.version), state: item.state } : { version: 0, state: undefined };
  }

  private remember(generation: number, stream: string, state: StreamState): void {
    this.cache.delete(stream);
    this.cache.set(stream, { ...state, generation });
    if (this.cache.size > CACHE_LIMIT) this.cache.delete(this.cache.keys().next().value!);
  }

  private async write(generation: number, stream: string, version: number, after: unknown, changes: ViewChange[], messages: TransactItem[]): Promise<void> {
    const table = this.views.tableName;
    const now = new Date(this.clock()).toISOString();
    const stateItem = {
      ...genKey(generation, stateKey(stream)),
      kind: 'state',
      version,
      state: after,
      updatedAt: now,
      [viewsTable.touchedIndex.partitionKey]: touchedPartition(generation, now.slice(0, 10)),
      [viewsTable.touchedIndex.sortKey]: `${now}#${stream}`,
    };
    const condition: { ConditionExpression: string; ExpressionAttributeNames: Record<string, string>; ExpressionAttributeValues?: Record<string, unknown> } =
      version === 1
        ? { ConditionExpression: 'attribute_not_exists(#pk)', ExpressionAttributeNames: { '#pk': viewsTable.partitionKey } }
        : { ConditionExpression: '#v = :previous', ExpressionAttributeNames: { '#v': 'version' }, ExpressionAttributeValues: { ':previous': version - 1 } };
    await this.views.db.send(
      new TransactWriteCommand({
        TransactItems: [{ Put: { TableName: table, Item: stateItem, ...condition } }, ...mergeByKey(changes).map((change) => toWriteItem(table, generation, change)), ...messages],
      }),
    );
  }
}

/** DynamoDB refuses two operations on one item in a transaction: merge them. */
function mergeByKey(changes: ViewChange[]): ViewChange[] {
  const merged = new Map<string, ViewChange>();
  for (const change of changes) {
    const id = keyString(change.key);
    const existing = merged.get(id);
    if (existing?.kind === 'add' && change.kind === 'add') {
      const deltas = { ...existing.deltas };
      for (const [name, delta] of Object.entries(change.deltas)) deltas[name] = (deltas[name] ?? 0) + delta;
      merged.set(id, { ...existing, deltas });
    } else {
      merged.set(id, change);
    }
  }
  return [...merged.values()];
}

function toWriteItem(table: string, generation: number, change: ViewChange) {
  const Key = genKey(generation, change.key);
  if (change.kind === 'put') return { Put: { TableName: table, Item: { ...Key, kind: 'doc', projection: change.projection, doc: change.doc, ...change.index } } };
  if (change.kind === 'delete') return { Delete: { TableName: table, Key } };
  const names: Record<string, string> = { '#projection': 'projection', '#labels': 'labels', '#kind': 'kind' };
  const values: Record<string, unknown> = { ':projection': change.projection, ':labels': change.labels, ':kind': 'counter' };
  const adds = Object.entries(change.deltas)
    .filter(([, delta]) => delta !== 0)
    .map(([name, delta], i) => {
    names[`#n${i}`] = `${COUNTER_PREFIX}${name}`;
    values[`:d${i}`] = delta;
    return `#n${i} :d${i}`;
  });
  return {
    Update: {
      TableName: table,
      Key,
      UpdateExpression: `SET #projection = :projection, #kind = :kind, #labels = if_not_exists(#labels, :labels) ADD ${adds.join(', ')}`,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
    },
  };
}
