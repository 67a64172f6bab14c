import * as z from 'zod/mini';
import { smsKinds } from '../../domain/county.ts';
import { named, Nullable } from '../http/schemas.ts';
import { smsStatuses, type SmsMessage } from './outbox.ts';

export const SmsEntry = named('SmsMessage', z.object({
  messageId: z.string(),
  kind: z.enum(smsKinds),
  status: z.enum(smsStatuses),
  templateCode: Nullable(z.string()),
  phone: Nullable(z.string()).check(z.describe('masked: 138****8000')),
  text: Nullable(z.string()).check(z.describe('what the citizen received (once sent)')),
  queuedAt: z.string(),
  dueAt: z.string(),
  sentAt: Nullable(z.string()),
  deliveredAt: Nullable(z.string()),
  attempts: z.int(),
  lastError: Nullable(z.string()),
}));

/** A message as staff see it: the number masked, nothing of the stream but its event's version. */
export const smsEntry = (m: SmsMessage): z.input<typeof SmsEntry> => ({
  messageId: m.messageId,
  kind: m.smsKind,
  status: m.status,
  templateCode: m.templateCode ?? null,
  phone: m.phone ?? null,
  text: m.text ?? null,
  queuedAt: m.queuedAt,
  dueAt: m.dueAt,
  sentAt: m.sentAt ?? null,
  deliveredAt: m.deliveredAt ?? null,
  attempts: Number(m.attempts),
  lastError: m.lastError ?? null,
});

