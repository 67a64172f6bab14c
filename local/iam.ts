import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { DynamoAction, EntryName, TableGrant } from '../functions/entrypoints.ts';
import { entrypoints } from '../functions/entrypoints.ts';
import { runtimeHooks, type Runtime } from '../functions/runtime.ts';
import { eventsTable, viewsTable, type TableNames } from '../functions/tables.ts';
import { durabilityHook } from './durability.ts';

/**
 * The local stand-in for the functions' IAM policies: every request a function's DynamoDB client
 * sends is checked against the grants its entry declares — the very grants the CDK stack turns into
 * its role's policy (actions per table and index, `dynamodb:LeadingKeys` patterns) — and refused the
 * way AWS refuses it. DynamoDB Local checks no permissions, so without this a missing grant would
 * surface only after a deploy.
 */
export interface Permission {
  table: 'events' | 'views';
  index?: string;
  action: DynamoAction;
  /** The partition key value the request touches (absent for a Scan). */
  key?: string;
}

type Item = Record<string, unknown>;
type Input = Record<string, unknown>;

/** A key attribute's value, from a document-client input ('x') or a low-level one ({ S: 'x' }). */
function keyValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (value !== null && typeof value === 'object' && typeof (value as { S?: unknown }).S === 'string') return (value as { S: string }).S;
  if (typeof value === 'number') return String(value);
  if (value !== null && typeof value === 'object' && typeof (value as { N?: unknown }).N === 'string') return (value as { N: string }).N;
  return undefined;
}

const partitionKeyOf = (table: 'events' | 'views', index?: string) =>
  index === undefined ? (table === 'events' ? eventsTable.partitionKey : viewsTable.partitionKey) : viewsTable.touchedIndex.partitionKey;

/** The partition key value a Query's key condition fixes. */
function queryKey(input: Input, attribute: string): string | undefined {
  const expression = typeof input.KeyConditionExpression === 'string' ? input.KeyConditionExpression : '';
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (input.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
  for (const match of expression.matchAll(/([#\w]+)\s*=\s*(:\w+)/g)) {
    const name = match[1]!.startsWith('#') ? names[match[1]!] : match[1];
    if (name === attribute) return keyValue(values[match[2]!]);
  }
  return undefined;
}

/** What one request needs, in IAM's terms: one permission per table, index, action and key it touches. */
export function permissionsOf(commandName: string, input: Input, tables: TableNames): Permission[] {
  const logical = (name: unknown): 'events' | 'views' => {
    if (name === tables.events) return 'events';
    if (name === tables.views) return 'views';
    throw new Error(`a request to table ${String(name)}, which is neither the Events nor the Views table`);
  };
  const itemKey = (table: 'events' | 'views', item: Item | undefined) => keyValue(item?.[partitionKeyOf(table)]);
  const single = (action: DynamoAction, keySource: 'Key' | 'Item'): Permission[] => {
    const table = logical(input.TableName);
    return [{ table, action, key: itemKey(table, input[keySource] as Item | undefined) }];
  };
  const name = commandName.replace(/(Item)?Command$/, '').replace(/Items$/, '');
  switch (name) {
    case 'Get':
      return single('GetItem', 'Key');
    case 'Put':
      return single('PutItem', 'Item');
    case 'Update':
      return single('UpdateItem', 'Key');
    case 'Delete':
      return single('DeleteItem', 'Key');
    case 'Query': {
      const table = logical(input.TableName);
      const index = input.IndexName as string | undefined;
      return [{ table, ...(index === undefined ? {} : { index }), action: 'Query', key: queryKey(input, partitionKeyOf(table, index)) }];
    }
    case 'Scan':
      return [{ table: logical(input.TableName), action: 'Scan' }];
    case 'BatchGet':
      return Object.entries((input.RequestItems ?? {}) as Record<string, { Keys?: Item[] }>).flatMap(([tableName, request]) => {
        const table = logical(tableName);
        return (request.Keys ?? []).map((key) => ({ table, action: 'BatchGetItem' as const, key: itemKey(table, key) }));
      });
    case 'BatchWrite':
      return Object.entries((input.RequestItems ?? {}) as Record<string, { PutRequest?: { Item: Item }; DeleteRequest?: { Key: Item } }[]>).flatMap(([tableName, requests]) => {
        const table = logical(tableName);
        return requests.map((r) => ({ table, action: 'BatchWriteItem' as const, key: itemKey(table, r.PutRequest?.Item ?? r.DeleteRequest?.Key) }));
      });
    case 'TransactWrite':
      // A transaction needs, for each of its items, the permission of that item's own action.
      return ((input.TransactItems ?? []) as { Put?: Input; Update?: Input; Delete?: Input; ConditionCheck?: Input }[]).map((t) => {
        const [action, part, keySource] = t.Put ? (['PutItem', t.Put, 'Item'] as const) : t.Update ? (['UpdateItem', t.Update, 'Key'] as const) : t.Delete ? (['DeleteItem', t.Delete, 'Key'] as const) : (['ConditionCheckItem', t.ConditionCheck!, 'Key'] as const);
        const table = logical(part.TableName);
        return { table, action, key: itemKey(table, part[keySource] as Item) };
      });
    case 'TransactGet':
      return ((input.TransactItems ?? []) as { Get: Input }[]).map((t) => {
        const table = logical(t.Get.TableName);
        return { table, action: 'GetItem' as const, key: itemKey(table, t.Get.Key as Item) };
      });
    default:
      throw new Error(`no IAM mapping for ${commandName}`);
  }
}

/** IAM's StringLike: `*` any run of characters, `?` one. */
const likePattern = (pattern: string) => new RegExp(`^${pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`, 's');

/** Whether a grant covers a permission: its table (or one of its indexes), its action, and a key its patterns allow. */
export function allows(grant: TableGrant, permission: Permission): boolean {
  if (grant.table !== permission.table || !grant.actions.includes(permission.action)) return false;
  if (permission.index !== undefined && !(grant.indexes ?? []).includes(permission.index)) return false;
  // ForAllValues:StringLike over the leading keys; a request without one (Scan) is governed by the action alone.
  if (grant.keys === undefined || permission.key === undefined) return true;
  return grant.keys.some((pattern) => likePattern(pattern).test(permission.key!));
}

/** The error AWS answers a request its role's policy does not allow with (never retried by the SDK). */
export class AccessDenied extends Error {
  readonly $fault = 'client';
  readonly $metadata = { httpStatusCode: 400 };
  constructor(entry: string, permission: Permission) {
    super(`local IAM: function ${entry} is not authorized to perform dynamodb:${permission.action} on the ${permission.table} table${permission.index ? ` index ${permission.index}` : ''}${permission.key === undefined ? '' : ` for key ${permission.key}`}`);
    this.name = 'AccessDeniedException';
  }
}

/** Checks every request of `db` against the entry's grants before it is sent. */
export function enforceGrants(db: DynamoDBDocumentClient, entry: EntryName, tables: TableNames): void {
  const grants: readonly TableGrant[] = entrypoints[entry].grants;
  db.middlewareStack.add(
    (next, context) => async (args) => {
      for (const permission of permissionsOf(context.commandName ?? '', args.input as Input, tables)) {
        if (!grants.some((grant) => allows(grant, permission))) throw new AccessDenied(entry, permission);
      }
      return next(args);
    },
    { step: 'initialize', name: 'localIam', priority: 'high' },
  );
}

/** The local runtime's hook: each function's clients keep to its grants. */
export const localIamHook = (rt: Runtime, entry: EntryName) => enforceGrants(rt.db, entry, rt.tables);

/**
 * The local runtime's stand-ins, on every function runtime of this process: each keeps to its
 * grants as its IAM role would make it, and an acknowledged transaction is on DynamoDB Local's disk
 * (npm start, the tests, the fuzzer and the chaos run; not the benchmarks, which measure what AWS runs).
 */
export function installLocalStandIns(): void {
  for (const hook of [localIamHook, durabilityHook]) if (!runtimeHooks.includes(hook)) runtimeHooks.push(hook);
}
