import { AsyncLocalStorage } from 'node:async_hooks';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { EntryName } from '../../functions/entrypoints.ts';
import { runtimeHooks, type Runtime } from '../../functions/runtime.ts';
import { itemSize, writeUnits } from '../../functions/store/capacity.ts';

/**
 * Counts what each function invocation of the local runtime costs: its wall time, the DynamoDB
 * capacity units its requests consume, and the bytes it logs. Every invocation runs inside an
 * AsyncLocalStorage scope, so the work of concurrent invocations is never mixed up.
 */

export type InvocationKind = 'http' | 'stream' | 'timer' | 'probe';

export interface Invocation {
  entry: EntryName;
  kind: InvocationKind;
  /** The API Gateway route key, or what else the invocation stands for. */
  label: string;
  /** The simulated instant it happened at (the dev clock), when there is one. */
  at: string | undefined;
  /** Wall time of the handler, in milliseconds (local: against DynamoDB Local, on this machine). */
  ms: number;
  writeUnits: number;
  readUnits: number;
  /** Write units of the Views table's global secondary index. */
  indexWriteUnits: number;
  dynamoRequests: number;
  /**
   * Writes refused by their condition or cancelled by a conflicting transaction: DynamoDB bills
   * them, but here they are races between requests the simulation sent at once (a county's pace
   * rarely makes two meet), so their units are kept apart from `writeUnits`.
   */
  refusedWrites: number;
  refusedWriteUnits: number;
  /** What the handler wrote to stdout and stderr: on Lambda, the log lines CloudWatch ingests. */
  logBytes: number;
  /** Stream records in the batch (stream invocations). */
  records: number;
  /** The handler's result, for callers that need it (the SMS sender's counts). */
  result?: unknown;
  failed: boolean;
}

export interface Units {
  write: number;
  read: number;
  index: number;
}

type Input = Record<string, unknown>;
type Capacity = { TableName?: string; CapacityUnits?: number; Table?: { CapacityUnits?: number }; GlobalSecondaryIndexes?: Record<string, { CapacityUnits?: number }> };

const READS = new Set(['GetItemCommand', 'QueryCommand', 'ScanCommand', 'BatchGetItemCommand', 'TransactGetItemsCommand']);

/** The table and index units of a ConsumedCapacity answer (one object, or one per table). */
export function reportedUnits(consumed: Capacity | Capacity[] | undefined): { table: number; index: number } {
  const all = consumed === undefined ? [] : Array.isArray(consumed) ? consumed : [consumed];
  let table = 0;
  let index = 0;
  for (const c of all) {
    const gsi = Object.values(c.GlobalSecondaryIndexes ?? {}).reduce((sum, g) => sum + (g.CapacityUnits ?? 0), 0);
    index += gsi;
    table += c.Table?.CapacityUnits ?? Math.max(0, (c.CapacityUnits ?? 0) - gsi);
  }
  return { table, index };
}

/**
 * Write units of a transaction by DynamoDB's rules (functions/store/capacity.ts): two per 1 KB of
 * each Put, two for each Update, Delete and ConditionCheck of a small item.
 */
export function transactionWriteUnits(input: Input): number {
  const items = (input.TransactItems ?? []) as { Put?: { Item: Record<string, unknown> } }[];
  return items.reduce((sum, t) => sum + 2 * (t.Put ? writeUnits(itemSize(t.Put.Item)) : 1), 0);
}

/**
 * The units one request costs. DynamoDB Local's own ConsumedCapacity is right for single-item
 * writes (it takes the larger of the old and new item), index writes, batches and reads, but it
 * under-reports transactions (an Update of a new item or a ConditionCheck counts 0 there): for those
 * the larger of its figure and DynamoDB's arithmetic. A read that finds nothing still costs the
 * smallest read (half a unit, one when consistent), which DynamoDB Local reports as 0. A write
 * refused by its condition is charged by AWS as if it had been written.
 */
export function requestUnits(command: string, input: Input, outcome: { consumed?: Capacity | Capacity[]; error?: { name?: string } }): Units {
  if (READS.has(command)) {
    if (outcome.error) return { write: 0, read: 0, index: 0 };
    const { table } = reportedUnits(outcome.consumed);
    const smallest = input.ConsistentRead === true ? 1 : 0.5;
    return { write: 0, read: Math.max(table, smallest), index: 0 };
  }
  if (outcome.error) {
    const name = outcome.error.name ?? '';
    if (name === 'TransactionCanceledException') return { write: transactionWriteUnits(input), read: 0, index: 0 };
    if (name === 'ConditionalCheckFailedException') return { write: command === 'PutItemCommand' ? writeUnits(itemSize((input.Item ?? {}) as Record<string, unknown>)) : 1, read: 0, index: 0 };
    return { write: 0, read: 0, index: 0 };
  }
  const { table, index } = reportedUnits(outcome.consumed);
  if (command === 'TransactWriteItemsCommand') return { write: Math.max(table, transactionWriteUnits(input)), read: 0, index };
  if (command === 'BatchWriteItemCommand') {
    const requests = Object.values((input.RequestItems ?? {}) as Record<string, unknown[]>).reduce((n, r) => n + r.length, 0);
    return { write: Math.max(table, requests), read: 0, index };
  }
  return { write: Math.max(table, 1), read: 0, index };
}

export class Meter {
  readonly invocations: Invocation[] = [];
  /** Work done by a function's client outside any invocation (the local poller parking a dead letter). */
  readonly outside: Units & { requests: number } = { write: 0, read: 0, index: 0, requests: 0 };
  private readonly scope = new AsyncLocalStorage<Invocation>();
  private readonly metered = new WeakSet<DynamoDBDocumentClient>();
  private restore: (() => void) | undefined;

  /** From now on: every function runtime's DynamoDB client is metered, and what invocations print is counted (and kept off the terminal). */
  install(): void {
    if (this.restore) return;
    const hook = (rt: Runtime) => this.meterClient(rt.db);
    runtimeHooks.push(hook);
    const streams = [process.stdout, process.stderr];
    const originals = streams.map((s) => s.write.bind(s));
    streams.forEach((stream, i) => {
      stream.write = ((chunk: string | Uint8Array, encoding?: BufferEncoding | ((error?: Error | null) => void), callback?: (error?: Error | null) => void) => {
        const current = this.scope.getStore();
        if (!current) return (originals[i] as (...args: unknown[]) => boolean)(chunk, encoding, callback);
        current.logBytes += typeof chunk === 'string' ? Buffer.byteLength(chunk, typeof encoding === 'string' ? encoding : 'utf8') : chunk.byteLength;
        const done = typeof encoding === 'function' ? encoding : callback;
        done?.();
        return true;
      });
    });
    this.restore = () => {
      streams.forEach((stream, i) => (stream.write = originals[i] as typeof stream.write));
      const at = runtimeHooks.indexOf(hook);
      if (at >= 0) runtimeHooks.splice(at, 1);
    };
  }

  uninstall(): void {
    this.restore?.();
    this.restore = undefined;
  }

  /** Meters a client: each request's units go to the invocation it was sent from. */
  meterClient(db: DynamoDBDocumentClient): void {
    if (this.metered.has(db)) return;
    this.metered.add(db);
    db.middlewareStack.add(
      (next, context) => async (args) => {
        const input = { ...(args.input as Input), ReturnConsumedCapacity: 'INDEXES' };
        args.input = input;
        const command = context.commandName ?? '';
        try {
          const result = await next(args);
          this.charge(requestUnits(command, input, { consumed: (result.output as { ConsumedCapacity?: Capacity | Capacity[] }).ConsumedCapacity }));
          return result;
        } catch (error) {
          const name = (error as { name?: string }).name;
          this.charge(requestUnits(command, input, { error: error as { name?: string } }), name === 'TransactionCanceledException' || name === 'ConditionalCheckFailedException');
          throw error;
        }
      },
      { step: 'initialize', name: 'costMeter' },
    );
  }

  private charge(units: Units, refused = false): void {
    const current = this.scope.getStore() ?? this.outside;
    if ('entry' in current) {
      if (refused) {
        current.refusedWrites++;
        current.refusedWriteUnits += units.write;
      } else current.writeUnits += units.write;
      current.readUnits += units.read;
      current.indexWriteUnits += units.index;
      current.dynamoRequests++;
    } else {
      current.write += units.write;
      current.read += units.read;
      current.index += units.index;
      current.requests++;
    }
  }

  /** Runs one invocation of a function and records what it cost. */
  async run<T>(entry: EntryName, kind: InvocationKind, label: string, at: string | undefined, handler: () => Promise<T>, records = 0): Promise<T> {
    const invocation: Invocation = { entry, kind, label, at, ms: 0, writeUnits: 0, readUnits: 0, indexWriteUnits: 0, dynamoRequests: 0, refusedWrites: 0, refusedWriteUnits: 0, logBytes: 0, records, failed: false };
    const started = performance.now();
    try {
      const result = await this.scope.run(invocation, handler);
      invocation.result = result;
      return result;
    } catch (error) {
      invocation.failed = true;
      throw error;
    } finally {
      invocation.ms = performance.now() - started;
      this.invocations.push(invocation);
    }
  }
}
