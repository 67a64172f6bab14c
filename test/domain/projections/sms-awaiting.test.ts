import { describe, expect, it } from 'vitest';
import { phoneKey } from '../../../domain/keyed.ts';
import { applicant, at, submitted } from '../../support/builders.ts';
import { givenEvents, type StreamEvent } from '../../support/views.ts';
import { accept, applicantSecrets, asText, caseHistory, complete, mac, review, smsReply, withContext, withSms } from './histories.ts';

const awaiting = (history: readonly StreamEvent[]) => givenEvents(history).then.docs('sms-awaiting');
const keyOfPhone = phoneKey(applicant.phone, mac);
const invited = (caseId = 'case-1', date = '2026-11-04', time = '15:00') => [submitted({ caseId }), accept('2026-11-02'), withContext(complete(date, 'approved', time), withSms)];

describe('cases awaiting an SMS rating (短信评议)', () => {
  it('files a case invited to rate at completion under the salted key of the applicant’s phone', () => {
    expect(awaiting(caseHistory('case-1', invited()))).toEqual([
      { pk: `sms#${keyOfPhone}`, sk: `${at('2026-11-04', '15:00')}#case-1`, index: {}, doc: { caseId: 'case-1', completedAt: at('2026-11-04', '15:00') } },
    ]);
  });

  it('holds the phone only as its keyed hash, never the number, masked or whole', () => {
    const docs = awaiting(caseHistory('case-1', invited()));
    expect(docs[0]?.pk).toMatch(/^sms#[0-9a-f]{32}$/);
    for (const secret of [...applicantSecrets, '138****1234']) expect(asText(docs), secret).not.toContain(secret);
  });

  it('lets the case go once it is rated by SMS', () => {
    expect(awaiting(caseHistory('case-1', [...invited(), smsReply('2026-11-05', '1', 'S-1')]))).toEqual([]);
  });

  it('keeps it waiting after a reply that is no rating, or a rating through another channel', () => {
    const waiting = awaiting(caseHistory('case-1', invited()));
    expect(awaiting(caseHistory('case-1', [...invited(), smsReply('2026-11-04', '谢谢', 'S-1')]))).toEqual(waiting);
    expect(awaiting(caseHistory('case-1', [...invited(), review('2026-11-04', 'satisfied', 'R-1', { time: '16:00' })]))).toEqual(waiting);
  });

  it('lets the case go once it is rated through the invitation’s link (one answer per invitation)', () => {
    expect(awaiting(caseHistory('case-1', [...invited(), review('2026-11-05', 'satisfied', 'link-0123456789abcdef01234567', { channel: 'online' })]))).toEqual([]);
  });

  it('has nothing for a case completed without an invitation: no phone key, or the applicant opted out (不接受回访)', () => {
    expect(awaiting(caseHistory('case-1', [submitted(), accept('2026-11-02'), complete('2026-11-04')]))).toEqual([]);
    const base = submitted();
    const optedOut = { ...base, data: { ...base.data, applicant: { ...applicant, optOut: true } } } as typeof base;
    expect(awaiting(caseHistory('case-1', [optedOut, accept('2026-11-02'), withContext(complete('2026-11-04'), withSms)]))).toEqual([]);
  });

  it('puts the same applicant’s cases together, oldest completion first, so a reply finds the latest still waiting', () => {
    const history = [...caseHistory('case-b', invited('case-b', '2026-11-05')), ...caseHistory('case-a', invited('case-a', '2026-11-04'))];
    expect(awaiting(history).map((d) => [d.pk, d.sk])).toEqual([
      [`sms#${keyOfPhone}`, `${at('2026-11-04', '15:00')}#case-a`],
      [`sms#${keyOfPhone}`, `${at('2026-11-05', '15:00')}#case-b`],
    ]);
    const answered = [...caseHistory('case-b', [...invited('case-b', '2026-11-05'), smsReply('2026-11-05', '2', 'S-b')]), ...caseHistory('case-a', invited('case-a', '2026-11-04'))];
    expect(awaiting(answered).map((d) => d.sk)).toEqual([`${at('2026-11-04', '15:00')}#case-a`]);
  });
});
