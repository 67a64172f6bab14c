import type { CommandMeta } from '../../domain/meta.ts';

/**
 * Who a timer's command comes from: the center's own system, at the scheduled time, named by what
 * triggered it — the same name is its idempotency key, so a rerun of the same trigger changes nothing.
 */
export const timerMeta = (timer: string, now: string, commandId: string): CommandMeta => ({ actor: { id: `timer:${timer}`, role: 'system' }, windowId: null, siteId: null, now, commandId, correlationId: commandId });

/** A timer's idempotency: the key is the trigger's name; the answer is nothing a caller reads. */
export const timerKey = (commandId: string) => ({ key: `timer.${commandId}`, fingerprint: commandId });
