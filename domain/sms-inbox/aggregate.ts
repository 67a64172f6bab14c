import { allOf, type Aggregate } from '../decider.ts';
import { eventMetaOf, type CommandMeta, type EventMeta } from '../meta.ts';


/**
 * A day's SMS inbox: replies from numbers no case is waiting on, kept so that none is lost. The
 * event names the sender only by the masked number and the keyed hash; the whole number is kept
 * apart, for the county's retention days, for a callback.
 */
export type SmsReplyUnmatched = {
  /** A reply from a number no rating invitation waits on (无法匹配的短信回复). */
  type: 'SmsReplyUnmatched';
  data: { phoneKey: string; phoneMasked: string; text: string; receivedAt: string };
  meta: EventMeta;
};
export type SmsInboxEvent = SmsReplyUnmatched;
export const smsInboxEventTypes = allOf<SmsInboxEvent['type']>({ SmsReplyUnmatched: true });

/** Keep a reply no case waits for (保存无法匹配的回复). */
export type KeepUnmatchedReply = { type: 'KeepUnmatchedReply'; data: SmsReplyUnmatched['data']; meta: CommandMeta };

/** How many replies the day's inbox holds. */
export interface SmsInboxState {
  replies: number;
}

export const smsInboxAggregate: Aggregate<KeepUnmatchedReply, SmsInboxEvent, SmsInboxState> = {
  name: 'sms-inbox',
  streamPrefix: 'sms-inbox#',
  eventTypes: smsInboxEventTypes,
  initialState: () => ({ replies: 0 }),
  evolve: (state) => ({ replies: state.replies + 1 }),
  decide: (command) => [{ type: 'SmsReplyUnmatched', data: command.data, meta: eventMetaOf(command.meta) }],
};

