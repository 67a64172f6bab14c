import { logger } from '../logger.ts';
import { runtime } from '../runtime.ts';
import { dispatchSms } from '../sms/sender.ts';
import { senderDeps } from '../sms/wiring.ts';

/**
 * Every minute: sends the text messages that are due. Quiet hours are in the messages' due times,
 * so a run at night finds nothing to send; a run that overlaps another takes only what it claims.
 */
export const handler = async (event: { time?: string } = {}) => {
  const rt = runtime('sms-sender');
  const now = event.time ?? new Date().toISOString();
  const result = await dispatchSms(await senderDeps(rt, now), now);
  if (result.considered > 0) logger.info('sms dispatched', { ...result });
  return result;
};
