import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { BatchWriteCommand, QueryCommand, ScanCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keyString, projectEvent, ViewFold } from '../../domain/projections/apply.ts';
import { aggregateOf } from '../../domain/projections/registry.ts';
import { logger } from '../logger.ts';
import { eventsTable, viewsTable } from '../tables.ts';
import { recordUnfoldable } from './dead-letters.ts';
import { projectableOf, Projector } from './projector.ts';
import { counterItem, genKey, POINTER_TTL_MS, stateKey, touchedPartition, ungenerated, ViewStore } from './view-store.ts';

export interface RebuildProgress {
  scanned: number;
  total: number;
  phase: 'scan' | 'write' | 'switch' | 'catch-up' | 'done';
  written: number;
}

export interface RebuildOptions {
  db: DynamoDBDocumentClient;
  tables: { events: string; views: string };
  segments?: number;
  onProgress?: (progress: RebuildProgress) => void;
  /** A margin for clocks and in-flight projector writes when deciding which streams to catch up. */
  marginMs?: number;
  /** How long to wait after the switch for every projector's cached pointer to expire. */
  settleMs?: number;
}

export interface RebuildResult {
  generation: number;
  previous: number;
  events: number;
  streams: number;
  documents: number;
  counters: number;
  caughtUp: number;
  /** Events no projection could fold (also listed as dead letters). */
  unfoldable: number;
  seconds: number;
}

const WRITE_CONCURRENCY = 8;

/** Writes items with BatchWriteItem (25 at a time), retrying what DynamoDB leaves unprocessed. */
class BatchWriter {
  private buffer: Record<string, unknown>[] = [];
  private inFlight = new Set<Promise<void>>();
  written = 0;

  constructor(
    private readonly db: DynamoDBDocumentClient,
    private readonly table: string,
  ) {}

  async put(item: Record<string, unknown>): Promise<void> {
    this.buffer.push(item);
    if (this.buffer.length >= 25) await this.flushBuffer();
  }

  private async flushBuffer(): Promise<void> {
    const items = this.buffer.splice(0, 25);
    if (items.length === 0) return;
    while (this.inFlight.size >= WRITE_CONCURRENCY) await Promise.race(this.inFlight);
    const task = this.send(items).finally(() => this.inFlight.delete(task));
    this.inFlight.add(task);
  }

  private async send(items: Record<string, unknown>[]): Promise<void> {
    let requests: { PutRequest: { Item: Record<string, unknown> } }[] = items.map((Item) => ({ PutRequest: { Item } }));
    for (let attempt = 0; requests.length > 0; attempt++) {
      if (attempt > 0) await sleep(Math.min(1000, 25 * 2 ** attempt));
      const result = await this.db.send(new BatchWriteCommand({ RequestItems: { [this.table]: requests } }));
      const unprocessed = (result.UnprocessedItems?.[this.table] ?? []) as typeof requests;
      this.written += requests.length - unprocessed.length;
      requests = unprocessed;
    }
  }

  async close(): Promise<void> {
    while (this.buffer.length > 0) await this.flushBuffer();
    await Promise.all(this.inFlight);
  }
}

/**
 * Rebuilds every view from the Events table: a parallel scan, each stream folded in memory with
 * the very projection functions the projector runs, one write per final view into a fresh
 * generation, then the readers' pointer moves to it. Events projected into the old generation
 * while the rebuild ran are caught up from the `touched` index afterwards. Interrupting it leaves
 * the current generation in place; a rerun starts a newer generation.
 */
export async function rebuild(options: RebuildOptions): Promise<RebuildResult> {
  const started = Date.now();
  const views = new ViewStore(options.db, options.tables.views);
  const pointer = await views.pointer(true);
  const previous = pointer.current;
  const generation = Math.max(pointer.current, pointer.building ?? 0) + 1;
  const since = new Date(started - (options.marginMs ?? 10_000)).toISOString();
  await views.setPointer({ ...pointer, building: generation, buildingSince: since });

  const described = await options.db.send(new DescribeTableCommand({ TableName: options.tables.events }));
  const progress: RebuildProgress = { scanned: 0, total: described.Table?.ItemCount ?? 0, phase: 'scan', written: 0 };
  const report = () => options.onProgress?.({ ...progress });
  const fold = new ViewFold();
  const writer = new BatchWriter(options.db, options.tables.views);
  const now = new Date().toISOString();
  let streams = 0;
  const unfoldable: { stream: string; version: number; type: string; reason: string }[] = [];

  const foldStream = async (stream: string, items: Record<string, unknown>[]) => {
    const aggregate = aggregateOf(stream);
    if (!aggregate) return;
    items.sort((a, b) => Number(a[eventsTable.sortKey]) - Number(b[eventsTable.sortKey]));
    let state: unknown;
    let version = 0;
    for (const item of items) {
      const v = Number(item[eventsTable.sortKey]);
      try {
        if (v !== version + 1) throw new Error(`a gap before version ${v}`);
        const { after, changes } = projectEvent(aggregate, state, stream, v, { type: String(item.type), data: item.data, meta: item.meta } as { type: string });
        fold.apply(changes);
        state = after;
        version = v;
      } catch (error) {
        // Like the projector: the stream stays at its last good version and the event is reported, the rest goes on.
        unfoldable.push({ stream, version: v, type: String(item.type), reason: (error as Error).message });
        break;
      }
    }
    if (version === 0) return;
    streams++;
    await writer.put({ ...genKey(generation, stateKey(stream)), kind: 'state', version, state, updatedAt: now });
  };

  // Each segment's scan returns a stream's events together; a stream seen twice would mean they were not.
  const folded = new Set<string>();
  const segments = options.segments ?? 4;
  await Promise.all(
    Array.from({ length: segments }, async (_, segment) => {
      let current: { stream: string; items: Record<string, unknown>[] } | undefined;
      let start: Record<string, unknown> | undefined;
      do {
        const page = await options.db.send(new ScanCommand({ TableName: options.tables.events, Segment: segment, TotalSegments: segments, ExclusiveStartKey: start, ConsistentRead: true }));
        for (const item of page.Items ?? []) {
          progress.scanned++;
          const stream = String(item[eventsTable.partitionKey]);
          if (current?.stream !== stream) {
            if (current) await foldStream(current.stream, current.items);
            if (folded.has(stream)) throw new Error(`the scan returned stream ${stream} in two places`);
            folded.add(stream);
            current = { stream, items: [] };
          }
          current.items.push(item);
        }
        start = page.LastEvaluatedKey;
        progress.written = writer.written;
        report();
      } while (start);
      if (current) await foldStream(current.stream, current.items);
    }),
  );

  progress.phase = 'write';
  report();
  for (const { projection, key, doc, index } of fold.docs.values()) await writer.put({ ...genKey(generation, key), kind: 'doc', projection, doc, ...index });
  for (const { projection, key, counters, labels } of fold.counters.values()) await writer.put(counterItem(generation, projection, key, counters, labels));
  await writer.close();
  progress.written = writer.written;

  progress.phase = 'switch';
  report();
  await views.setPointer({ current: generation, previous, switchedAt: new Date().toISOString() });
  // Let every projector's cached pointer expire, so that nothing writes the old generation any more.
  await sleep(options.settleMs ?? POINTER_TTL_MS + 500);

  progress.phase = 'catch-up';
  report();
  const caughtUp = await catchUp(options, views, previous, generation, since);

  for (const problem of unfoldable) {
    logger.error('rebuild could not fold an event', problem);
    await recordUnfoldable(views, problem);
  }
  progress.phase = 'done';
  report();
  const result = { generation, previous, events: progress.scanned, streams, documents: fold.docs.size, counters: fold.counters.size, caughtUp, unfoldable: unfoldable.length, seconds: (Date.now() - started) / 1000 };
  logger.info('views rebuilt', { ...result });
  return result;
}

/** Applies to the new generation whatever the live projector put into the old one after the scan read it. */
async function catchUp(options: RebuildOptions, views: ViewStore, previous: number, generation: number, since: string): Promise<number> {
  const index = viewsTable.touchedIndex;
  const touched = new Map<string, number>();
  for (let day = since.slice(0, 10); day <= new Date().toISOString().slice(0, 10); day = nextDay(day)) {
    let start: Record<string, unknown> | undefined;
    do {
      const page = await options.db.send(
        new QueryCommand({
          TableName: options.tables.views,
          IndexName: index.name,
          KeyConditionExpression: '#pk = :pk AND #sk >= :since',
          ExpressionAttributeNames: { '#pk': index.partitionKey, '#sk': index.sortKey },
          ExpressionAttributeValues: { ':pk': touchedPartition(previous, day), ':since': since },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of page.Items ?? []) {
        const stream = ungenerated(String(item[viewsTable.partitionKey]));
        if (!Projector.isProjectable(stream)) continue;
        touched.set(stream, Math.max(touched.get(stream) ?? 0, Number(item.version)));
      }
      start = page.LastEvaluatedKey;
    } while (start);
  }
  if (touched.size === 0) return 0;
  const projector = new Projector(views);
  const states = await views.getMany<{ version: number }>(generation, [...touched.keys()].map(stateKey));
  let applied = 0;
  for (const [stream, oldVersion] of touched) {
    const newVersion = Number(states.get(keyString(stateKey(stream)))?.version ?? 0);
    if (newVersion >= oldVersion) continue;
    const page = await options.db.send(
      new QueryCommand({
        TableName: options.tables.events,
        KeyConditionExpression: '#s = :s AND #v > :v',
        ExpressionAttributeNames: { '#s': eventsTable.partitionKey, '#v': eventsTable.sortKey },
        ExpressionAttributeValues: { ':s': stream, ':v': newVersion },
        ConsistentRead: true,
      }),
    );
    for (const item of page.Items ?? []) {
      const outcome = await projector.apply(projectableOf(stream, item), generation);
      if (outcome === 'applied') applied++;
    }
  }
  return applied;
}

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
