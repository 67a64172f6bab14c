import { describe, expect, it } from 'vitest';
import { submitted } from '../../support/builders.ts';
import { givenEvents, type StreamEvent } from '../../support/views.ts';
import { accept, applyDefaultReview, callbackAttempt, caseHistory, complete, rectification, rectifyAndClose, review, smsReply, transfer, withContext, withDefaultReview, withSms } from './histories.ts';

const satisfaction = (history: readonly StreamEvent[]) => givenEvents(history).then.counters('satisfaction-stats');
/** Each row as [sk, its non-zero counters]. */
const rows = (history: readonly StreamEvent[]) => satisfaction(history).map((r) => [r.sk, r.counters]);

const accepted = [submitted(), accept('2026-11-02')];
const completed = [...accepted, complete('2026-11-04')];

describe('the satisfaction counters (好差评统计)', () => {
  it('counts each review by level and score in a row per date, window, receiving site and review channel', () => {
    const history = caseHistory('case-1', [...accepted, review('2026-11-02', 'satisfied', 'R-1'), complete('2026-11-04'), review('2026-11-04', 'very-satisfied', 'R-2', { channel: 'online' })]);
    expect(satisfaction(history)).toEqual([
      { pk: 'satisfaction#2026-11', sk: '2026-11-02#W02#S-CENTER#window-device', counters: { reviews: 1, score: 8, level_satisfied: 1 }, labels: { date: '2026-11-02', windowId: 'W02', siteId: 'S-CENTER', channel: 'window-device' } },
      { pk: 'satisfaction#2026-11', sk: '2026-11-04#W02#S-CENTER#online', counters: { reviews: 1, score: 10, 'level_very-satisfied': 1 }, labels: { date: '2026-11-04', windowId: 'W02', siteId: 'S-CENTER', channel: 'online' } },
    ]);
  });

  it('adds reviews of many cases into one row, so the satisfaction rate is (reviews − bad) ÷ reviews', () => {
    const history = [
      ...caseHistory('case-a', [submitted({ caseId: 'case-a' }), accept('2026-11-02'), review('2026-11-02', 'very-satisfied', 'R-a')]),
      ...caseHistory('case-b', [submitted({ caseId: 'case-b' }), accept('2026-11-02'), review('2026-11-02', 'basically-satisfied', 'R-b')]),
      ...caseHistory('case-c', [submitted({ caseId: 'case-c' }), accept('2026-11-02'), review('2026-11-02', 'dissatisfied', 'R-c')]),
    ];
    const [row] = satisfaction(history);
    expect(row?.counters).toEqual({ reviews: 3, bad: 1, score: 19, 'level_very-satisfied': 1, 'level_basically-satisfied': 1, level_dissatisfied: 1, rectificationsOpened: 1 });
    expect(satisfaction(history)).toHaveLength(1);
  });

  it('counts a bad review (差评) as bad and the rectification (整改) it opens, then its closing on the day it closes', () => {
    const opened = caseHistory('case-1', [...accepted, review('2026-11-02', 'very-dissatisfied', 'R-1')]);
    // Very dissatisfied scores 0 points: no score counter moves.
    expect(rows(opened)).toEqual([['2026-11-02#W02#S-CENTER#window-device', { reviews: 1, bad: 1, 'level_very-dissatisfied': 1, rectificationsOpened: 1 }]]);
    const closed = caseHistory('case-1', [...accepted, review('2026-11-02', 'very-dissatisfied', 'R-1'), ...rectifyAndClose(['2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'])]);
    expect(rows(closed)).toEqual([
      ['2026-11-02#W02#S-CENTER#window-device', { reviews: 1, bad: 1, 'level_very-dissatisfied': 1, rectificationsOpened: 1 }],
      ['2026-11-06#W02#S-CENTER#window-device', { rectificationsClosed: 1 }],
    ]);
  });

  it('takes a review voided on re-check (复核) back out of its own row, counting the voiding', () => {
    const appealed = [...accepted, review('2026-11-02', 'dissatisfied', 'R-1'), rectification('AppealRectification', { reason: '评价人误操作' }, '2026-11-03')];
    const voided = caseHistory('case-1', [...appealed, rectification('RecheckRectification', { result: 'voided' }, '2026-11-05')]);
    expect(rows(voided)).toEqual([['2026-11-02#W02#S-CENTER#window-device', { rectificationsOpened: 1, voided: 1 }]]);
    // Upheld, the review stands as counted.
    const upheld = caseHistory('case-1', [...appealed, rectification('RecheckRectification', { result: 'upheld' }, '2026-11-05')]);
    expect(rows(upheld)).toEqual([['2026-11-02#W02#S-CENTER#window-device', { reviews: 1, bad: 1, score: 3, level_dissatisfied: 1, rectificationsOpened: 1 }]]);
  });

  it('keeps a review’s figures with the window reviewed after the case is transferred (转办)', () => {
    const reviewed = [...accepted, review('2026-11-02', 'dissatisfied', 'R-1'), transfer('2026-11-03', 'W01'), rectification('AppealRectification', { reason: '评价人误操作' }, '2026-11-03', '15:00')];
    const voided = caseHistory('case-1', [...reviewed, rectification('RecheckRectification', { result: 'voided' }, '2026-11-05')]);
    expect(rows(voided)).toEqual([['2026-11-02#W02#S-CENTER#window-device', { rectificationsOpened: 1, voided: 1 }]]);
    const closed = caseHistory('case-1', [...accepted, review('2026-11-02', 'dissatisfied', 'R-1'), transfer('2026-11-03', 'W01'), ...rectifyAndClose(['2026-11-03', '2026-11-04', '2026-11-05', '2026-11-06'])]);
    expect(rows(closed)).toEqual([
      ['2026-11-02#W02#S-CENTER#window-device', { reviews: 1, bad: 1, score: 3, level_dissatisfied: 1, rectificationsOpened: 1 }],
      ['2026-11-06#W02#S-CENTER#window-device', { rectificationsClosed: 1 }],
    ]);
  });

  it('counts callback attempts (电话回访) and the valid ones on the day of the call, and a rating given on the call under callback', () => {
    const history = caseHistory('case-1', [...completed, callbackAttempt('2026-11-05', 'A-1', 'no-answer'), callbackAttempt('2026-11-06', 'A-2', 'reached', 'satisfied')]);
    expect(satisfaction(history)).toEqual([
      { pk: 'satisfaction#2026-11', sk: '2026-11-05#W02#S-CENTER#callback', counters: { callbackAttempts: 1 }, labels: { date: '2026-11-05', windowId: 'W02', siteId: 'S-CENTER', channel: 'callback' } },
      { pk: 'satisfaction#2026-11', sk: '2026-11-06#W02#S-CENTER#callback', counters: { callbackAttempts: 1, validCallbacks: 1, reviews: 1, score: 8, level_satisfied: 1 }, labels: { date: '2026-11-06', windowId: 'W02', siteId: 'S-CENTER', channel: 'callback' } },
    ]);
  });

  it('counts a refused or wrong-number call as an attempt, not a valid callback', () => {
    const history = caseHistory('case-1', [...completed, callbackAttempt('2026-11-05', 'A-1', 'refused')]);
    expect(rows(history)).toEqual([['2026-11-05#W02#S-CENTER#callback', { callbackAttempts: 1 }]]);
  });

  it('counts an SMS reply (短信评议) that is no rating as unparsed, and a rating reply as an SMS review', () => {
    const invited = [submitted(), accept('2026-11-02'), withContext(complete('2026-11-04'), withSms)];
    const history = caseHistory('case-1', [...invited, smsReply('2026-11-04', '谢谢', 'S-1'), smsReply('2026-11-05', '2', 'S-2')]);
    expect(rows(history)).toEqual([
      ['2026-11-04#W02#S-CENTER#sms', { smsUnparsed: 1 }],
      ['2026-11-05#W02#S-CENTER#sms', { reviews: 1, score: 8, level_satisfied: 1 }],
    ]);
  });

  it('counts the county’s default review (默认好评) under default, and takes it back when a real review replaces it', () => {
    const defaulted = [submitted(), accept('2026-11-02'), complete('2026-11-02'), applyDefaultReview('2026-11-09')];
    expect(rows(caseHistory('case-1', defaulted, withDefaultReview))).toEqual([['2026-11-09#W02#S-CENTER#default', { reviews: 1, score: 10, 'level_very-satisfied': 1 }]]);
    const replaced = caseHistory('case-1', [...defaulted, review('2026-11-10', 'basically-satisfied', 'R-1', { channel: 'online' })], withDefaultReview);
    expect(rows(replaced)).toEqual([
      ['2026-11-09#W02#S-CENTER#default', { replaced: 1 }],
      ['2026-11-10#W02#S-CENTER#online', { reviews: 1, score: 6, 'level_basically-satisfied': 1 }],
    ]);
  });

  it('files reviews of a grassroots case under the site that received it, and each month in its own partition', () => {
    const history = caseHistory('case-1', [submitted({ channel: 'village', siteId: 'S-T1-V1', date: '2026-11-30' }), accept('2026-11-30'), review('2026-11-30', 'satisfied', 'R-1'), review('2026-12-01', 'very-satisfied', 'R-2')]);
    expect(satisfaction(history).map((r) => [r.pk, r.sk])).toEqual([
      ['satisfaction#2026-11', '2026-11-30#W02#S-T1-V1#window-device'],
      ['satisfaction#2026-12', '2026-12-01#W02#S-T1-V1#window-device'],
    ]);
  });

  it('counts nothing for the lifecycle itself', () => {
    expect(satisfaction(caseHistory('case-1', [...completed]))).toEqual([]);
  });
});
