import { BatchGetCommand, GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { keyString } from '../../domain/projections/apply.ts';
import type { Readable, ViewKey } from '../../domain/projections/projection.ts';
import { viewsTable } from '../tables.ts';

/**
 * Views live in generations: every key is prefixed `g<N>#`, and one pointer item says which
 * generation readers and the projector use. A rebuild fills a fresh generation and then moves the
 * pointer, so readers never see a half-built view set.
 */
export interface GenerationPointer {
  current: number;
  previous?: number;
  /** A rebuild in progress fills this generation. */
  building?: number;
  buildingSince?: string;
  switchedAt?: string;
}

const POINTER_KEY = { [viewsTable.partitionKey]: 'meta', [viewsTable.sortKey]: 'generation' };
/** Readers and the projector trust their copy of the pointer this long; a rebuild waits it out before catching up. */
export const POINTER_TTL_MS = 2_000;

/** A view partition key without its generation prefix. */
export const ungenerated = (pk: string) => pk.replace(/^g\d+#/, '');
/** A view partition key in one generation of the views. */
export const genPartition = (generation: number, pk: string) => `g${generation}#${pk}`;
export const genKey = (generation: number, key: ViewKey) => ({ [viewsTable.partitionKey]: genPartition(generation, key.pk), [viewsTable.sortKey]: key.sk });
export const stateKey = (stream: string): ViewKey => ({ pk: stream, sk: 'state' });
export const touchedPartition = (generation: number, date: string) => genPartition(generation, `touched#${date}`);

/** A counter item stores each counter as an attribute with this prefix (beside its key, kind and labels). */
export const COUNTER_PREFIX = 'n_';

/** Reads a counter item back into a plain `{name: number}` map. */
export function countersOf(item: Record<string, unknown>): Record<string, number> {
  const counters: Record<string, number> = {};
  for (const [name, value] of Object.entries(item)) if (name.startsWith(COUNTER_PREFIX)) counters[name.slice(COUNTER_PREFIX.length)] = Number(value);
  return counters;
}

export function counterItem(generation: number, projection: string, key: { pk: string; sk: string }, counters: Record<string, number>, labels: Record<string, string>) {
  const item: Record<string, unknown> = { ...genKey(generation, key), kind: 'counter', projection, labels };
  for (const [name, value] of Object.entries(counters)) item[`${COUNTER_PREFIX}${name}`] = value;
  return item;
}

export class ViewStore {
  private pointerCache: { pointer: GenerationPointer; at: number } | undefined;

  constructor(
    readonly db: DynamoDBDocumentClient,
    readonly tableName: string,
    private readonly clock: () => number = Date.now,
  ) {}

  async pointer(fresh = false): Promise<GenerationPointer> {
    if (!fresh && this.pointerCache && this.clock() - this.pointerCache.at < POINTER_TTL_MS) return this.pointerCache.pointer;
    const result = await this.db.send(new GetCommand({ TableName: this.tableName, Key: POINTER_KEY, ConsistentRead: true }));
    // Until the first rebuild writes it, there is no pointer: everything is generation 1 (readers write nothing).
    let pointer = (result.Item as GenerationPointer | undefined) ?? { current: 1 };
    pointer = { current: Number(pointer.current), ...(pointer.previous === undefined ? {} : { previous: Number(pointer.previous) }), ...(pointer.building === undefined ? {} : { building: Number(pointer.building), buildingSince: pointer.buildingSince }), ...(pointer.switchedAt ? { switchedAt: pointer.switchedAt } : {}) };
    this.pointerCache = { pointer, at: this.clock() };
    return pointer;
  }

  async generation(): Promise<number> {
    return (await this.pointer()).current;
  }

  async setPointer(pointer: GenerationPointer): Promise<void> {
    await this.db.send(new PutCommand({ TableName: this.tableName, Item: { ...POINTER_KEY, ...pointer } }));
    this.pointerCache = undefined;
  }

  /**
   * Every item of one view partition in the current generation (eventually consistent, as views are),
   * or only the `newest` (last by sort key, newest first).
   */
  async partition<T = Record<string, unknown>>(pk: string, options: { from?: string; to?: string; generation?: number; newest?: number } = {}): Promise<T[]> {
    const generation = options.generation ?? (await this.generation());
    const items: T[] = [];
    let start: Record<string, unknown> | undefined;
    const range = options.from !== undefined && options.to !== undefined;
    do {
      const page = await this.db.send(
        new QueryCommand({
          TableName: this.tableName,
          KeyConditionExpression: range ? '#pk = :pk AND #sk BETWEEN :from AND :to' : '#pk = :pk',
          ExpressionAttributeNames: { '#pk': viewsTable.partitionKey, ...(range ? { '#sk': viewsTable.sortKey } : {}) },
          ExpressionAttributeValues: { ':pk': genPartition(generation, pk), ...(range ? { ':from': options.from, ':to': options.to } : {}) },
          ExclusiveStartKey: start,
          ...(options.newest !== undefined ? { ScanIndexForward: false, Limit: options.newest - items.length } : {}),
        }),
      );
      items.push(...((page.Items ?? []) as T[]));
      start = options.newest !== undefined && items.length >= options.newest ? undefined : page.LastEvaluatedKey;
    } while (start);
    return items;
  }

  /**
   * The documents one or more projections keep in a partition (others sharing it are left out), typed
   * as the projections declare them, with their sort keys.
   */
  async docs<V>(projections: Readable<V> | readonly Readable<V>[], pk: string, options: { from?: string; to?: string; generation?: number; newest?: number } = {}): Promise<{ sk: string; doc: V }[]> {
    const names = new Set((Array.isArray(projections) ? projections : [projections]).map((p: Readable<V>) => p.name));
    const items = await this.partition<{ projection?: string; doc: V }>(pk, options);
    return items.filter((item) => item.projection !== undefined && names.has(item.projection)).map((item) => ({ sk: String((item as Record<string, unknown>)[viewsTable.sortKey]), doc: item.doc }));
  }

  /** One projection's document at a key, typed as the projection declares it. */
  async doc<V>(projection: Readable<V>, key: ViewKey, options: { generation?: number; consistent?: boolean } = {}): Promise<V | undefined> {
    const item = await this.get<{ projection?: string; doc: V }>(key, options);
    return item?.projection === projection.name ? item.doc : undefined;
  }

  async get<T = Record<string, unknown>>(key: ViewKey, options: { generation?: number; consistent?: boolean } = {}): Promise<T | undefined> {
    const generation = options.generation ?? (await this.generation());
    const result = await this.db.send(new GetCommand({ TableName: this.tableName, Key: genKey(generation, key), ConsistentRead: options.consistent ?? false }));
    return result.Item as T | undefined;
  }

  /** Consistent reads of many items of one generation (100 per request, requests in parallel). */
  async getMany<T = Record<string, unknown>>(generation: number, keys: readonly ViewKey[]): Promise<Map<string, T>> {
    const found = new Map<string, T>();
    const chunks = Array.from({ length: Math.ceil(keys.length / 100) }, (_, i) => keys.slice(i * 100, i * 100 + 100));
    await Promise.all(
      chunks.map(async (chunk) => {
        let request: Record<string, { Keys: Record<string, unknown>[]; ConsistentRead: boolean }> | undefined = {
          [this.tableName]: { Keys: chunk.map((k) => genKey(generation, k)), ConsistentRead: true },
        };
        while (request && Object.keys(request).length > 0) {
          const result = await this.db.send(new BatchGetCommand({ RequestItems: request }));
          for (const item of result.Responses?.[this.tableName] ?? []) {
            found.set(keyString({ pk: ungenerated(String(item[viewsTable.partitionKey])), sk: String(item[viewsTable.sortKey]) }), item as T);
          }
          request = result.UnprocessedKeys as typeof request;
        }
      }),
    );
    return found;
  }
}
