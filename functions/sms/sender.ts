import { DeleteCommand, GetCommand, PutCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import { smsTemplate, type CountyIndex, type SmsKind } from '../../domain/county.ts';
import { notifyingStreamsOf } from '../../domain/notifications/streams.ts';
import { maskPhone } from '../../domain/privacy.ts';
import { addDays, localDateOf } from '../../domain/time.ts';
import type { Runtime } from '../runtime.ts';
import { viewsTable } from '../tables.ts';
import { dueAtOf, duePointers, finalStatuses, smsKeys, type SmsMessage } from './outbox.ts';
import type { SmsProvider } from './provider.ts';

/** A message being sent is another sender's for this long; after it, it may be taken again. */
export const LEASE_MS = 5 * 60_000;
/**
 * Days back the sender looks for messages still due: a sender that was down (or a county whose
 * provider refused everything for a while) catches up. A query of an empty day costs half a read unit.
 */
const LOOKBACK_DAYS = 31;
/** Messages sent side by side in one run. */
const CONCURRENCY = 8;

/** Minutes to wait after the n-th failed attempt: 1, 2, 4 … up to an hour. */
export const backoffMinutes = (attempt: number) => Math.min(60, 2 ** Math.max(0, attempt - 1));

/** The text the citizen receives: the signature in brackets, then the template with its parameters. */
export function render(county: CountyIndex, kind: SmsKind, params: Record<string, string>): { templateCode: string; text: string; ordered: { name: string; value: string }[] } {
  const template = smsTemplate(county.county, kind);
  const ordered = template.params.map((name) => ({ name, value: params[name] ?? '' }));
  const body = template.text.replace(/\$\{([a-zA-Z]+)\}/g, (_m, name: string) => params[name] ?? '');
  return { templateCode: template.code, text: `【${county.county.sms.signName}】${body}`, ordered };
}

export interface SenderDeps {
  rt: Pick<Runtime, 'db' | 'tables' | 'county' | 'events'>;
  provider: SmsProvider;
  /** Parameters only the sender can make (the rating link needs the county secret). */
  extraParams?: (message: SmsMessage, state: unknown) => Record<string, string> | Promise<Record<string, string>>;
  log?: (message: string, fields: Record<string, unknown>) => void;
}

export interface DispatchResult {
  considered: number;
  sent: number;
  retried: number;
  failed: number;
  dead: number;
  skipped: number;
}

/**
 * Sends every message due at `now` (短信发送): each is first taken with a conditional write (so two
 * senders never send one message), its number read from its stream as it is now (an applicant who
 * opted out since, a cancelled appointment's reminder: skipped), sent through the county's provider,
 * and recorded. A transient failure is tried again after a backoff, outside quiet hours, up to the
 * county's attempts, then dead-lettered; a permanent one fails at once.
 *
 * The one duplicate left is a sender that dies after the provider took a message and before it was
 * recorded: the message is taken again once its lease has run out — unless a delivery receipt for
 * it came in meanwhile (receipts name our message id), which settles it.
 */
export async function dispatchSms(deps: SenderDeps, now: string): Promise<DispatchResult> {
  const { rt } = deps;
  const table = rt.tables.views;
  const none: DispatchResult = { considered: 0, sent: 0, retried: 0, failed: 0, dead: 0, skipped: 0 };
  // In the quiet hours nothing goes, not even what was due by day and is late.
  if (dueAtOf(rt.county, now) !== new Date(now).toISOString()) return none;
  const today = localDateOf(now, rt.county.county.timeZone);
  const pointers = (await Promise.all(Array.from({ length: LOOKBACK_DAYS + 1 }, (_, i) => duePointers(rt.db, table, addDays(today, i - LOOKBACK_DAYS), now)))).flat();
  const result: DispatchResult = { ...none, considered: pointers.length };
  // One applicant's messages go in the order their events happened; different streams side by side.
  const byStream = new Map<string, Record<string, unknown>[]>();
  for (const pointer of pointers) {
    const stream = String((pointer.ref as Record<string, string>)[viewsTable.partitionKey]);
    byStream.set(stream, [...(byStream.get(stream) ?? []), pointer]);
  }
  const queue = [...byStream.values()].map((group) => group.sort((a, b) => sortKeyOf(a).localeCompare(sortKeyOf(b))));
  await Promise.all(
    Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
      for (let group = queue.shift(); group; group = queue.shift()) {
        for (const pointer of group) {
          const outcome = await sendOne(deps, pointer, now);
          if (outcome !== 'busy') result[outcome]++;
        }
      }
    }),
  );
  return result;
}

/** A message's place in its stream: its event's version, then its kind. */
const sortKeyOf = (pointer: Record<string, unknown>) => String((pointer.ref as Record<string, string>)[viewsTable.sortKey]);

type Outcome = 'sent' | 'retried' | 'failed' | 'dead' | 'skipped' | 'busy';

const pointerKey = (pointer: Record<string, unknown>) => ({ [viewsTable.partitionKey]: pointer[viewsTable.partitionKey], [viewsTable.sortKey]: pointer[viewsTable.sortKey] });

async function sendOne(deps: SenderDeps, pointer: Record<string, unknown>, now: string): Promise<Outcome> {
  const { rt } = deps;
  const table = rt.tables.views;
  const messageKey = pointer.ref as Record<string, string>;
  const message = (await rt.db.send(new GetCommand({ TableName: table, Key: messageKey, ConsistentRead: true }))).Item as SmsMessage | undefined;
  // Done already (or a stale pointer a replayed event put back): the pointer goes.
  if (!message || finalStatuses.includes(message.status) || message.dueAt > now) {
    if (!message || finalStatuses.includes(message.status) || message.dueAt !== String(pointer[viewsTable.sortKey]).split('#')[0]) await rt.db.send(new DeleteCommand({ TableName: table, Key: pointerKey(pointer) }));
    return 'busy';
  }
  if (message.status === 'sending' && (message.leaseUntil ?? '') > now) return 'busy';
  // Take it: only if nobody took it since it was read.
  const attempt = message.attempts + 1;
  try {
    await rt.db.send(
      new UpdateCommand({
        TableName: table,
        Key: messageKey,
        UpdateExpression: 'SET #status = :sending, attempts = :attempt, leaseUntil = :lease',
        ConditionExpression: '#status = :status AND attempts = :attempts',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':sending': 'sending', ':attempt': attempt, ':lease': new Date(Date.parse(now) + LEASE_MS).toISOString(), ':status': message.status, ':attempts': message.attempts },
      }),
    );
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) return 'busy';
    throw error;
  }
  const finish = async (set: Partial<SmsMessage>, next?: string) => {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = { ':sending': 'sending', ':attempt': attempt };
    const sets = Object.entries(set).map(([name, value], i) => {
      names[`#f${i}`] = name;
      values[`:f${i}`] = value;
      return `#f${i} = :f${i}`;
    });
    names['#status'] = 'status';
    const items: NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']> = [
      // A delivery receipt may have settled it meanwhile: then it stays as the receipt says.
      { Update: { TableName: table, Key: messageKey, UpdateExpression: `SET ${sets.join(', ')} REMOVE leaseUntil`, ConditionExpression: '#status = :sending AND attempts = :attempt', ExpressionAttributeNames: names, ExpressionAttributeValues: values } },
      { Delete: { TableName: table, Key: pointerKey(pointer) } },
    ];
    if (next !== undefined) items.push({ Put: { TableName: table, Item: { ...smsKeys.due(localDateOf(next, rt.county.county.timeZone), next, message.messageId), kind: 'sms-due', ref: messageKey } } });
    if (set.providerMessageId !== undefined) items.push({ Put: { TableName: table, Item: { ...smsKeys.ref(set.providerMessageId), kind: 'sms-ref', ref: messageKey } } });
    try {
      await rt.db.send(new TransactWriteCommand({ TransactItems: items }));
    } catch (error) {
      if (!(error instanceof TransactionCanceledException)) throw error;
      await rt.db.send(new DeleteCommand({ TableName: table, Key: pointerKey(pointer) }));
    }
  };

  const { events } = await rt.events.read(message.stream);
  const streams = notifyingStreamsOf(message.stream);
  // The number as the stream has it now (the projector's copy is masked).
  const state = streams ? events.reduce<unknown>((s, e) => streams.evolve(s, e.event), undefined) : undefined;
  const phone = state !== undefined && streams ? streams.notifier.recipient(state, message.smsKind, message.params.appointmentId) : null;
  if (phone === null) {
    await finish({ status: 'skipped', lastError: 'no recipient now (no mobile number, opted out, or no longer wanted)' });
    return 'skipped';
  }
  const params = { ...message.params, ...(deps.extraParams ? await deps.extraParams(message, state) : {}) };
  const { templateCode, text, ordered } = render(rt.county, message.smsKind, params);
  const shown = { templateCode, text, phone: maskPhone(phone) };
  const sent = await deps.provider.send({ id: message.messageId, phone, signName: rt.county.county.sms.signName, templateCode, params: ordered, text });
  if (sent.ok) {
    await finish({ ...shown, status: 'sent', sentAt: now, providerMessageId: sent.providerMessageId });
    return 'sent';
  }
  const error = `${sent.code}: ${sent.message}`.slice(0, 300);
  deps.log?.('sms not sent', { messageId: message.messageId, attempt, transient: sent.transient, code: sent.code });
  if (!sent.transient) {
    await finish({ ...shown, status: 'failed', lastError: error });
    return 'failed';
  }
  if (attempt >= rt.county.county.sms.maxAttempts) {
    await finish({ ...shown, status: 'dead', lastError: error });
    await rt.db.send(new PutCommand({ TableName: table, Item: { [viewsTable.partitionKey]: `smsdead#${localDateOf(now, rt.county.county.timeZone)}`, [viewsTable.sortKey]: `${now}#${message.messageId}`, kind: 'sms-dead', ref: messageKey, error } }));
    return 'dead';
  }
  const next = dueAtOf(rt.county, new Date(Date.parse(now) + backoffMinutes(attempt) * 60_000).toISOString());
  await finish({ ...shown, status: 'retry', dueAt: next, lastError: error }, next);
  return 'retried';
}

export const receiptStatuses = ['delivered', 'failed'] as const;

/**
 * A delivery receipt from the provider (状态报告), through the gateway: the message it names (by
 * our id, or the provider's) is delivered or failed. Receipts are idempotent, and one that comes
 * while a crashed sender's lease runs settles the message so it is not sent again.
 */
export async function recordReceipt(rt: Pick<Runtime, 'db' | 'tables'>, receipt: { messageKey: Record<string, string>; status: (typeof receiptStatuses)[number]; at: string; code?: string | undefined }): Promise<'recorded' | 'unknown'> {
  try {
    await rt.db.send(
      new UpdateCommand({
        TableName: rt.tables.views,
        Key: receipt.messageKey,
        UpdateExpression: receipt.status === 'delivered' ? 'SET #status = :status, deliveredAt = :at REMOVE leaseUntil' : 'SET #status = :status, lastError = :code REMOVE leaseUntil',
        // Delivered stays delivered; a message never tried cannot have a receipt.
        ConditionExpression: 'attribute_exists(#status) AND #status <> :delivered AND attempts > :zero',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: { ':status': receipt.status, ':delivered': 'delivered', ':zero': 0, ...(receipt.status === 'delivered' ? { ':at': receipt.at } : { ':code': `receipt: ${receipt.code ?? 'failed'}` }) },
      }),
    );
    return 'recorded';
  } catch (error) {
    if (error instanceof ConditionalCheckFailedException) {
      const item = (await rt.db.send(new GetCommand({ TableName: rt.tables.views, Key: receipt.messageKey, ConsistentRead: true }))).Item;
      return item ? 'recorded' : 'unknown';
    }
    throw error;
  }
}
