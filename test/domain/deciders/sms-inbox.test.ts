import { describe, expect, it } from 'vitest';
import { phoneKey } from '../../../domain/keyed.ts';
import { maskPhone } from '../../../domain/privacy.ts';
import { smsInboxAggregate, smsInboxEventTypes, type KeepUnmatchedReply } from '../../../domain/sms-inbox/aggregate.ts';
import { macOf } from '../../../functions/secret.ts';
import { at, meta } from '../../support/builders.ts';
import { specFor } from '../../support/given.ts';

const inbox = specFor(smsInboxAggregate, undefined);
const DAY = '2026-11-03';
const mac = macOf('sms-spec');
const gateway = { actor: { id: 'sms-gateway-1', role: 'sms-gateway' as const }, windowId: null, siteId: null };

const keep = (phone: string, text: string, time = '18:00'): KeepUnmatchedReply => ({
  type: 'KeepUnmatchedReply',
  data: { phoneKey: phoneKey(phone, mac), phoneMasked: maskPhone(phone), text, receivedAt: at(DAY, time) },
  meta: meta(at(DAY, time), gateway),
});

describe('keeping an SMS reply no case waits for (保存无法匹配的回复)', () => {
  it('keeps the reply under the masked number and the keyed hash, never the whole number', () => {
    inbox
      .given([])
      .when(keep('13812341234', '谢谢'))
      .then((events, state) => {
        expect(events).toEqual([
          {
            type: 'SmsReplyUnmatched',
            data: { phoneKey: phoneKey('13812341234', mac), phoneMasked: '138****1234', text: '谢谢', receivedAt: at(DAY, '18:00') },
            meta: { ...gateway, at: at(DAY, '18:00'), commandId: `cmd-${at(DAY, '18:00')}`, correlationId: 'corr-1' },
          },
        ]);
        expect(JSON.stringify(events)).not.toContain('13812341234');
        expect(state).toEqual({ replies: 1 });
      });
  });

  it('keeps every reply of the day, whatever it says and whoever sent it', () => {
    const earlier = [keep('13812341234', '1', '09:00'), keep('13987654321', '满意', '12:00'), keep('13812341234', '', '15:00')];
    inbox
      .given(earlier)
      .when(keep('13700001111', '请回电', '18:30'))
      .then((events, state) => {
        expect(events).toMatchObject([{ type: 'SmsReplyUnmatched', data: { phoneMasked: '137****1111', text: '请回电' } }]);
        expect(state).toEqual({ replies: 4 });
      });
    expect(inbox.given(earlier).events.map((e) => e.data.text)).toEqual(['1', '满意', '']);
  });

  it('keeps a reply sent again as another one: a gateway resending a message is taken once before it reaches the inbox', () => {
    // The inbox counts what it is given; the route keys a resent message by its id (see functions/reviews/http.ts).
    inbox.given([keep('13812341234', '谢谢')]).when(keep('13812341234', '谢谢')).then((events, state) => {
      expect(events).toMatchObject([{ type: 'SmsReplyUnmatched', data: { text: '谢谢' } }]);
      expect(state).toEqual({ replies: 2 });
    });
  });

  it('starts empty, a stream a day', () => {
    expect(smsInboxAggregate.initialState()).toEqual({ replies: 0 });
    expect(smsInboxEventTypes).toEqual(['SmsReplyUnmatched']);
    expect(smsInboxAggregate.streamPrefix).toBe('sms-inbox#');
  });
});
