import { setTimeout as sleep } from 'node:timers/promises';
import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DescribeStreamCommand, DynamoDBStreamsClient, GetRecordsCommand, GetShardIteratorCommand, type _Record, type AttributeValue, type Shard } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';

export interface PollerOptions {
  endpoint: string;
  tableName: string;
  handler: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;
  /** Like the event source mapping's batch size. */
  batchSize?: number;
  /** Pause between polls when nothing arrived (≤ 200 ms, so views follow commands within a second). */
  idleMs?: number;
  /** Attempts before a record is parked as a dead letter (like bounded retries then the DLQ on AWS). */
  maxAttempts?: number;
  onDeadLetter: (record: DynamoDBRecord, attempts: number) => Promise<void>;
  log?: (message: string) => void;
}

interface ShardState {
  id: string;
  parentId: string | undefined;
  iterator: string | undefined;
  /** The last record fetched: a lost iterator resumes after it. */
  lastSequence: string | undefined;
  pending: DynamoDBRecord[];
  closed: boolean;
  attempts: number;
  retryAt: number;
}

/** DynamoDB Local's stream records, shaped exactly like the records Lambda delivers (binary as base64, times in seconds). */
function toLambdaValue(value: AttributeValue): unknown {
  if (value.B !== undefined) return { B: Buffer.from(value.B).toString('base64') };
  if (value.BS !== undefined) return { BS: value.BS.map((b) => Buffer.from(b).toString('base64')) };
  if (value.M !== undefined) return { M: Object.fromEntries(Object.entries(value.M).map(([k, v]) => [k, toLambdaValue(v)])) };
  if (value.L !== undefined) return { L: value.L.map(toLambdaValue) };
  return value;
}

function toLambdaRecord(record: _Record, streamArn: string): DynamoDBRecord {
  const image = (map: Record<string, AttributeValue> | undefined) => (map ? Object.fromEntries(Object.entries(map).map(([k, v]) => [k, toLambdaValue(v)])) : undefined);
  const d = record.dynamodb ?? {};
  return {
    eventID: record.eventID,
    eventName: record.eventName,
    eventVersion: record.eventVersion ?? '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: record.awsRegion ?? 'local',
    eventSourceARN: streamArn,
    dynamodb: {
      ApproximateCreationDateTime: d.ApproximateCreationDateTime ? Math.floor(d.ApproximateCreationDateTime.getTime() / 1000) : undefined,
      Keys: image(d.Keys) as never,
      NewImage: image(d.NewImage) as never,
      SequenceNumber: d.SequenceNumber,
      SizeBytes: d.SizeBytes,
      StreamViewType: d.StreamViewType as never,
    },
  };
}

/**
 * The local stand-in for Lambda's DynamoDB Streams event source: follows every shard of the
 * Events table's stream (new shards as old ones close), and feeds the projector handler batches
 * shaped like Lambda's, retrying from the first failed record and parking it after bounded attempts.
 */
export class StreamPoller {
  private readonly shards = new Map<string, ShardState>();
  private readonly streams: DynamoDBStreamsClient;
  private readonly dynamo: DynamoDBClient;
  private running = false;
  private loop: Promise<void> | undefined;
  private streamArn: string | undefined;
  private lastDiscovery = 0;

  constructor(private readonly options: PollerOptions) {
    const config = { endpoint: options.endpoint, region: 'local', credentials: { accessKeyId: 'local', secretAccessKey: 'local' } };
    this.streams = new DynamoDBStreamsClient(config);
    this.dynamo = new DynamoDBClient(config);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
    this.streams.destroy();
    this.dynamo.destroy();
  }

  private async run(): Promise<void> {
    while (this.running) {
      let busy = false;
      try {
        if (Date.now() - this.lastDiscovery > 1_000 || [...this.shards.values()].some((s) => s.closed && s.pending.length === 0)) await this.discover();
        const active = [...this.shards.values()].filter((s) => this.ready(s));
        const results = await Promise.all(active.map((shard) => this.poll(shard)));
        busy = results.some(Boolean);
      } catch (error) {
        this.options.log?.(`stream poller: ${(error as Error).message}`);
      }
      if (!busy) await sleep(this.options.idleMs ?? 100);
    }
  }

  /** A child shard starts only when its parent is drained, so each key's records stay in order. */
  private ready(shard: ShardState): boolean {
    if (shard.closed && shard.pending.length === 0) return false;
    const parent = shard.parentId === undefined ? undefined : this.shards.get(shard.parentId);
    return parent === undefined || (parent.closed && parent.pending.length === 0);
  }

  private async discover(): Promise<void> {
    this.lastDiscovery = Date.now();
    this.streamArn ??= (await this.dynamo.send(new DescribeTableCommand({ TableName: this.options.tableName }))).Table?.LatestStreamArn;
    if (!this.streamArn) throw new Error(`table ${this.options.tableName} has no stream`);
    const shards: Shard[] = [];
    let start: string | undefined;
    do {
      const page = await this.streams.send(new DescribeStreamCommand({ StreamArn: this.streamArn, ExclusiveStartShardId: start }));
      shards.push(...(page.StreamDescription?.Shards ?? []));
      start = page.StreamDescription?.LastEvaluatedShardId;
    } while (start);
    for (const shard of shards) {
      if (!shard.ShardId || this.shards.has(shard.ShardId)) continue;
      this.shards.set(shard.ShardId, { id: shard.ShardId, parentId: shard.ParentShardId, iterator: undefined, lastSequence: undefined, pending: [], closed: false, attempts: 0, retryAt: 0 });
    }
  }

  private async iteratorFor(shard: ShardState, fromHorizon = false): Promise<string | undefined> {
    const after = !fromHorizon && shard.lastSequence !== undefined;
    const result = await this.streams.send(
      new GetShardIteratorCommand({ StreamArn: this.streamArn, ShardId: shard.id, ShardIteratorType: after ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON', ...(after ? { SequenceNumber: shard.lastSequence } : {}) }),
    );
    return result.ShardIterator;
  }

  /** One round for a shard: fetch what is new, deliver a batch. True when anything happened. */
  private async poll(shard: ShardState): Promise<boolean> {
    let busy = false;
    if (!shard.closed && shard.pending.length < (this.options.batchSize ?? 100)) {
      shard.iterator ??= await this.iteratorFor(shard);
      let page;
      try {
        page = await this.streams.send(new GetRecordsCommand({ ShardIterator: shard.iterator, Limit: 1000 }));
      } catch (error) {
        // An iterator can expire or point behind the trim horizon: take a new one where we were.
        if ((error as Error).name !== 'ExpiredIteratorException' && (error as Error).name !== 'TrimmedDataAccessException') throw error;
        this.options.log?.(`stream poller: ${(error as Error).name} on shard ${shard.id}; resuming ${shard.lastSequence ? `after ${shard.lastSequence}` : 'from the trim horizon'}`);
        shard.iterator = await this.iteratorFor(shard, (error as Error).name === 'TrimmedDataAccessException');
        return false;
      }
      const records = (page.Records ?? []).map((r) => toLambdaRecord(r, this.streamArn!));
      if (records.length > 0) shard.lastSequence = records.at(-1)!.dynamodb?.SequenceNumber;
      shard.pending.push(...records);
      shard.iterator = page.NextShardIterator;
      if (!shard.iterator) shard.closed = true;
      busy = records.length > 0;
    }
    if (shard.pending.length === 0 || Date.now() < shard.retryAt) return busy;
    const batch = shard.pending.slice(0, this.options.batchSize ?? 100);
    const result = await this.options.handler({ Records: batch });
    const failedIds = new Set(result.batchItemFailures.map((f) => f.itemIdentifier));
    const firstFailed = batch.findIndex((r) => failedIds.has(r.dynamodb?.SequenceNumber ?? ''));
    if (firstFailed === -1) {
      shard.pending.splice(0, batch.length);
      shard.attempts = 0;
      return true;
    }
    // Like Lambda: everything before the first failure is done; retry from it, with backoff.
    shard.pending.splice(0, firstFailed);
    shard.attempts++;
    if (shard.attempts >= (this.options.maxAttempts ?? 4)) {
      const poison = shard.pending.shift()!;
      await this.options.onDeadLetter(poison, shard.attempts);
      shard.attempts = 0;
      shard.retryAt = 0;
    } else {
      shard.retryAt = Date.now() + 100 * 2 ** shard.attempts;
    }
    return true;
  }
}
