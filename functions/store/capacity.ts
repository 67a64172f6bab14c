/**
 * DynamoDB's capacity arithmetic, from the requests we send (DynamoDB Local under-reports
 * transactions): item size = attribute names + values, writes in 1 KB units (doubled inside a
 * transaction), strongly consistent reads in 4 KB units.
 */
export function attributeValueSize(value: unknown): number {
  if (value === null || value === undefined) return 1;
  if (typeof value === 'string') return Buffer.byteLength(value, 'utf8');
  if (typeof value === 'boolean') return 1;
  if (typeof value === 'number') {
    const digits = String(Math.abs(value)).replace('.', '').replace(/^0+/, '').replace(/e.*$/, '');
    return Math.ceil(Math.max(digits.length, 1) / 2) + 1;
  }
  if (Array.isArray(value)) return 3 + value.reduce((sum: number, v) => sum + 1 + attributeValueSize(v), 0);
  if (value instanceof Uint8Array) return value.byteLength;
  if (value instanceof Set) return [...(value as Set<unknown>)].reduce((sum: number, v) => sum + attributeValueSize(v), 0);
  if (typeof value === 'object') {
    return 3 + Object.entries(value as Record<string, unknown>).reduce((sum, [k, v]) => (v === undefined ? sum : sum + 1 + Buffer.byteLength(k, 'utf8') + attributeValueSize(v)), 0);
  }
  return 0;
}

export function itemSize(item: Record<string, unknown>): number {
  return Object.entries(item).reduce((sum, [k, v]) => (v === undefined ? sum : sum + Buffer.byteLength(k, 'utf8') + attributeValueSize(v)), 0);
}

export const writeUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 1024));
export const readUnits = (bytes: number) => Math.max(1, Math.ceil(bytes / 4096));

export interface CapacityTally {
  writeUnits: number;
  readUnits: number;
  requests: Record<string, number>;
}

export function emptyTally(): CapacityTally {
  return { writeUnits: 0, readUnits: 0, requests: {} };
}

type Input = Record<string, unknown> & {
  Item?: Record<string, unknown>;
  TransactItems?: { Put?: { Item: Record<string, unknown> }; Update?: unknown; Delete?: unknown; ConditionCheck?: unknown }[];
  RequestItems?: Record<string, { PutRequest?: { Item: Record<string, unknown> }; DeleteRequest?: unknown }[]>;
};

/** Adds the write units a request costs by DynamoDB's pricing rules (reads are added from responses). */
export function tallyRequest(tally: CapacityTally, command: string, input: Input): void {
  tally.requests[command] = (tally.requests[command] ?? 0) + 1;
  switch (command) {
    case 'PutCommand':
    case 'PutItemCommand':
      tally.writeUnits += writeUnits(itemSize(input.Item ?? {}));
      break;
    case 'UpdateCommand':
    case 'UpdateItemCommand':
    case 'DeleteCommand':
    case 'DeleteItemCommand':
      // Small counters and markers: one unit (the larger of the old and new item, both < 1 KB here).
      tally.writeUnits += 1;
      break;
    case 'TransactWriteCommand':
    case 'TransactWriteItemsCommand':
      for (const entry of input.TransactItems ?? []) tally.writeUnits += 2 * (entry.Put ? writeUnits(itemSize(entry.Put.Item)) : 1);
      break;
    case 'BatchWriteCommand':
    case 'BatchWriteItemCommand':
      for (const requests of Object.values(input.RequestItems ?? {})) {
        for (const request of requests) tally.writeUnits += request.PutRequest ? writeUnits(itemSize(request.PutRequest.Item)) : 1;
      }
      break;
    default:
      break;
  }
}

/** Read units of a response's items (Query/Get/Scan; consistent reads: 4 KB units of the total). */
export function tallyResponse(tally: CapacityTally, output: { Items?: Record<string, unknown>[]; Item?: Record<string, unknown> }, consistent: boolean): void {
  const items = output.Items ?? (output.Item ? [output.Item] : undefined);
  if (!items) return;
  const bytes = items.reduce((sum, item) => sum + itemSize(item), 0);
  const units = readUnits(bytes);
  tally.readUnits += consistent ? units : units / 2;
}
