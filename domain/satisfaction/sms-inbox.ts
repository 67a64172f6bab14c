import type { EventMeta } from '../meta.ts';
import type { LocalDate } from '../time.ts';

/**
 * A day's SMS inbox: replies from numbers no case is waiting on, kept so that none is lost. The
 * event names the sender only by the masked number and the salted key; the whole number is kept
 * apart, for the county's retention days, for a callback.
 */
export type SmsReplyUnmatched = {
  /** A reply from a number no rating invitation waits on (无法匹配的短信回复). */
  type: 'SmsReplyUnmatched';
  data: { phoneKey: string; phoneMasked: string; text: string; receivedAt: string };
  meta: EventMeta;
};

export const smsInboxStream = (date: LocalDate) => `sms-inbox#${date}`;
