import { GetCommand } from '@aws-sdk/lib-dynamodb';
import * as z from 'zod/mini';
import { defineRoute } from '../http/route.ts';
import { EmptyBody, LocalDateString, named } from '../http/schemas.ts';
import { todayAt, type Runtime } from '../runtime.ts';
import { messagesQueuedOn, parseMessageId, smsKeys, smsStatuses } from './outbox.ts';
import { SmsEntry, smsEntry } from './schemas.ts';
import { dispatchSms, receiptStatuses, recordReceipt } from './sender.ts';
import { senderDeps } from './wiring.ts';

/** The text messages (短信): the outbox as administrators read it, the sender on demand, the gateway's delivery receipts. */

const ENTRY = 'sms' as const;

const OutboxQuery = z.strictObject({ date: z.optional(LocalDateString).check(z.describe('the county date the messages were queued (today by default)')), status: z.optional(z.enum(smsStatuses)) });
const Outbox = named('SmsOutbox', z.object({ date: LocalDateString, messages: z.array(SmsEntry) }));
const Dispatched = named('SmsDispatch', z.object({ considered: z.int(), sent: z.int(), retried: z.int(), failed: z.int(), dead: z.int(), skipped: z.int() }));
const ReceiptsBody = z.strictObject({
  receipts: z
    .array(
      z
        .strictObject({
          messageId: z.optional(z.string().check(z.minLength(1), z.maxLength(200))).check(z.describe('ours, as sent in OutId (Alibaba) or SessionContext (Tencent)')),
          providerMessageId: z.optional(z.string().check(z.minLength(1), z.maxLength(128))).check(z.describe('the provider’s (BizId, SerialNo)')),
          status: z.enum(receiptStatuses),
          at: z.iso.datetime({ offset: true }),
          code: z.optional(z.string().check(z.maxLength(64))).check(z.describe('the provider’s error code for a failed delivery')),
        })
        .check(
          z.refine((r) => r.messageId !== undefined || r.providerMessageId !== undefined, { message: 'name the message: messageId or providerMessageId' }),
          z.refine((r) => r.messageId === undefined || parseMessageId(r.messageId) !== undefined, { message: 'not a message id of ours', path: ['messageId'] }),
        ),
    )
    .check(z.minLength(1), z.maxLength(100)),
});
const ReceiptsResult = named('SmsReceipts', z.object({ recorded: z.int(), unknown: z.int() }));

async function messageKeyOf(rt: Runtime, receipt: { messageId?: string | undefined; providerMessageId?: string | undefined }): Promise<Record<string, string> | undefined> {
  if (receipt.messageId !== undefined) {
    const id = parseMessageId(receipt.messageId)!;
    return smsKeys.message(id.stream, id.version, id.kind);
  }
  const ref = (await rt.db.send(new GetCommand({ TableName: rt.tables.views, Key: smsKeys.ref(receipt.providerMessageId!) }))).Item;
  return ref?.ref as Record<string, string> | undefined;
}

export const smsRoutes = [
  defineRoute({
    method: 'GET',
    path: '/sms/outbox',
    entry: ENTRY,
    operationId: 'listSmsOutbox',
    summary: 'The text messages queued on a day, as sent (短信发件箱): template, masked number, text, status',
    query: OutboxQuery,
    response: { status: 200, schema: Outbox },
    access: ['admin'],
    handle: async (request, rt) => {
      const date = request.query.date ?? todayAt(rt, request.now);
      const messages = (await messagesQueuedOn(rt.db, rt.tables.views, date)).filter((m) => request.query.status === undefined || m.status === request.query.status);
      return { body: { date, messages: messages.map(smsEntry) } };
    },
  }),
  defineRoute({
    method: 'POST',
    path: '/sms/dispatch',
    entry: ENTRY,
    operationId: 'dispatchSms',
    summary: 'Send every message due now (the sender runs each minute; this runs it at once)',
    body: EmptyBody,
    response: { status: 200, schema: Dispatched },
    access: ['admin'],
    handle: async (request, rt) => ({ body: await dispatchSms(await senderDeps(rt, request.now), request.now) }),
  }),
  defineRoute({
    method: 'POST',
    path: '/sms/receipts',
    entry: ENTRY,
    operationId: 'smsReceipts',
    summary: 'Delivery receipts (状态报告) from the SMS gateway: each names a message, delivered or failed',
    body: ReceiptsBody,
    response: { status: 200, schema: ReceiptsResult },
    access: ['sms-gateway', 'admin'],
    handle: async (request, rt) => {
      let recorded = 0;
      let unknown = 0;
      for (const receipt of request.body.receipts) {
        const messageKey = await messageKeyOf(rt, receipt);
        const outcome = messageKey ? await recordReceipt(rt, { messageKey, status: receipt.status, at: new Date(receipt.at).toISOString(), code: receipt.code }) : 'unknown';
        if (outcome === 'recorded') recorded++;
        else unknown++;
      }
      return { body: { recorded, unknown } };
    },
  }),
];

