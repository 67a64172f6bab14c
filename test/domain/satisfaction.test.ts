import { describe, expect, it } from 'vitest';
import { macOf } from '../../functions/secret.ts';
import type { CaseContext } from '../../domain/case/context.ts';
import { IllegalTransition, InvalidInput, NotFound, RuleViolation } from '../../domain/errors.ts';
import { countySchema, indexCounty } from '../../domain/county.ts';
import { assembleList, coverage, sampleCompleted, type CallbackCandidate } from '../../domain/callback-list/assemble.ts';
import { parseSmsReply } from '../../domain/reviews/levels.ts';
import { phoneKey, sampled } from '../../domain/keyed.ts';
import { rectificationWarnings } from '../../domain/stats/satisfaction.ts';
import { at, command, context, submitted, testCalendar, testCounty } from '../support/builders.ts';
import { given } from '../support/given.ts';

const withSms: CaseContext = { ...context, phoneKey: (p) => phoneKey(p, macOf('salt')) };
const onList: CaseContext = { ...context, callbackList: { date: '2026-11-05' } };
const accept = (date: string, time = '10:00') => command('AcceptCase', {}, at(date, time));
const complete = (date: string) => command('CompleteCase', { decision: 'approved' }, at(date, '15:00'));
const rate = (date: string, level: 'very-satisfied' | 'dissatisfied' | 'very-dissatisfied' | 'satisfied', time = '11:00') =>
  command('ReviewCase', { reviewId: `R-${date}-${time}`, level, channel: 'window-device' }, at(date, time));
const step = (type: 'VerifyRectification' | 'ResolveRectification' | 'AppealRectification' | 'RecheckRectification' | 'FollowUpRectification' | 'CloseRectification', data: object, date: string, time: string) =>
  command(type, { rectificationId: 'case-1-R1', ...data }, at(date, time));

describe('reviews (好差评)', () => {
  it('are taken from acceptance on, and a bad one opens a rectification due in working days', () => {
    given([submitted()]).when(rate('2026-11-02', 'satisfied')).thenThrows(IllegalTransition, /reviews start at acceptance/);
    given([submitted(), accept('2026-11-02')])
      .when(rate('2026-11-02', 'very-dissatisfied'))
      .then((events, state) => {
        expect(events.map((e) => e.type)).toEqual(['CaseReviewed', 'RectificationOpened']);
        expect(events[1]?.data).toMatchObject({ rectificationId: 'case-1-R1', callbackDue: '2026-11-03', resolveDue: '2026-11-23' });
        expect(state?.rectifications[0]).toMatchObject({ status: 'opened', calledBackDate: null });
      });
  });

  it('count the National Day holiday out of the rectification deadlines', () => {
    const history = [submitted({ date: '2026-09-29' }), accept('2026-09-29')];
    given(history)
      .when(rate('2026-09-30', 'dissatisfied'))
      .then((events) => expect(events[1]?.data).toMatchObject({ openedDate: '2026-09-30', callbackDue: '2026-10-08', resolveDue: '2026-10-27' }));
  });

  it('reads SMS replies: digits, full-width digits, the Chinese words; nothing else', () => {
    expect(parseSmsReply('1')).toBe('very-satisfied');
    expect(parseSmsReply(' 2 ')).toBe('satisfied');
    expect(parseSmsReply('５')).toBe('very-dissatisfied');
    expect(parseSmsReply('不满意')).toBe('dissatisfied');
    expect(parseSmsReply('非常不满意。')).toBe('very-dissatisfied');
    expect(parseSmsReply('基本满意')).toBe('basically-satisfied');
    for (const garbage of ['谢谢', '6', '12', 'OK', '', '满意吗']) expect(parseSmsReply(garbage), garbage).toBeUndefined();
  });

  it('invites an SMS rating at completion, takes the reply once, and keeps an unparsed one', () => {
    const done = [submitted(), accept('2026-11-02'), complete('2026-11-03')];
    given(done, withSms).when(complete('2026-11-03')).thenThrows(IllegalTransition);
    const history = given(done, withSms);
    expect(history.state?.sms).toMatchObject({ answered: false, phoneKey: phoneKey('13812341234', macOf('salt')) });
    const reply = (text: string, reviewId = 'sms-1') => command('ReceiveSmsReply', { reviewId, text, receivedAt: at('2026-11-03', '18:00') }, at('2026-11-03', '18:00'));
    given(done, withSms).when(reply('2')).then([{ type: 'CaseReviewed', data: { level: 'satisfied', channel: 'sms' } }]);
    given(done, withSms).when(reply('谢谢')).then([{ type: 'SmsReplyReceived', data: { text: '谢谢' } }]);
    given([...done, reply('1')], withSms).when(reply('5', 'sms-2')).thenThrows(IllegalTransition, /not awaiting/);
    given(done, context).when(reply('1')).thenThrows(IllegalTransition, /not awaiting/);
  });

  it('take a rating, a message or an attempt sent again once: the second is no new event', () => {
    const reviewed = [submitted(), accept('2026-11-02'), rate('2026-11-02', 'very-dissatisfied')];
    given(reviewed).when(rate('2026-11-02', 'very-dissatisfied')).then([]);
    given(reviewed).when(rate('2026-11-02', 'satisfied', '11:05')).then([{ type: 'CaseReviewed' }]);
    const done = [submitted(), accept('2026-11-02'), complete('2026-11-03')];
    const sms = (text: string, messageId: string) => command('ReceiveSmsReply', { reviewId: `sms-${messageId}`, text, receivedAt: at('2026-11-03', '18:00'), messageId }, at('2026-11-03', '18:00'));
    given([...done, sms('谢谢', 'M-1')], withSms).when(sms('谢谢', 'M-1')).then([]);
    given([...done, sms('2', 'M-2')], withSms).when(sms('2', 'M-2')).then([]);
    given([...done, sms('谢谢', 'M-1')], withSms).when(sms('2', 'M-3')).then([{ type: 'CaseReviewed', data: { reviewId: 'sms-M-3' } }]);
    const attempt = command('RecordCallbackAttempt', { attemptId: 'A-1', reviewId: 'callback-A-1', outcome: 'no-answer' }, at('2026-11-05', '14:00'));
    given([...done, attempt], onList).when(attempt).then([]);
  });

  it('does not invite an applicant who opted out', () => {
    const optedOut = command('SubmitCase', { caseId: 'case-1', caseNo: 'x', itemCode: 'COM-6', applicant: { name: '甲', phone: '13812341234', optOut: true }, channel: 'window', materials: ['M1', 'M2', 'M3'] }, at('2026-11-02', '09:00'));
    given([optedOut, accept('2026-11-02')], withSms).when(complete('2026-11-03')).then((events) => expect(events.map((e) => e.type)).toEqual(['CaseCompleted']));
  });
});

describe('callback attempts (电话回访)', () => {
  const done = [submitted(), accept('2026-11-02'), complete('2026-11-03')];
  const attempt = (outcome: 'reached' | 'no-answer' | 'refused', time: string, level?: 'satisfied' | 'dissatisfied') =>
    command('RecordCallbackAttempt', { attemptId: `attempt-${time}`, reviewId: `cb-${time}`, outcome, level }, at('2026-11-05', time));

  it('need the case on today’s list', () => {
    given(done).when(attempt('no-answer', '14:00')).thenThrows(RuleViolation, /not on today’s callback list/);
  });

  it('stop after three unanswered attempts, or once reached', () => {
    const three = [...done, attempt('no-answer', '14:00'), attempt('no-answer', '14:10'), attempt('no-answer', '14:20')];
    given(three, onList).when(attempt('no-answer', '14:30')).thenThrows(IllegalTransition, /3 attempts/);
    given([...done, attempt('refused', '14:00')], onList).when(attempt('reached', '14:10')).thenThrows(IllegalTransition, /settled/);
  });

  it('turn a reached call with a rating into a review through the callback channel', () => {
    given(done, onList)
      .when(attempt('reached', '14:00', 'satisfied'))
      .then((events) => expect(events.map((e) => [e.type, (e.data as { channel?: string }).channel])).toEqual([['CallbackAttempted', undefined], ['CaseReviewed', 'callback']]));
    given(done, onList).when(attempt('no-answer', '14:00', 'satisfied')).thenThrows(InvalidInput);
  });

  it('call a bad review given on a callback heard, but owe another bad review a callback of its own', () => {
    given(done, onList)
      .when(attempt('reached', '14:00', 'dissatisfied'))
      .then((_, state) => expect(state?.rectifications[0]).toMatchObject({ calledBackDate: '2026-11-05' }));
    given([...done, attempt('reached', '14:00', 'satisfied')], onList)
      .when(rate('2026-11-05', 'dissatisfied', '15:00'))
      .then((_, state) => expect(state?.callback).toMatchObject({ settled: false, round: 0 }));
  });
});

describe('the bad-review loop (整改)', () => {
  const opened = [submitted(), accept('2026-11-02'), rate('2026-11-02', 'dissatisfied')];

  it('goes verify → rectify or explain → follow-up → close', () => {
    const all = [
      ...opened,
      step('VerifyRectification', { finding: 'confirmed' }, '2026-11-03', '09:00'),
      step('ResolveRectification', { how: 'rectified', note: '已整改' }, '2026-11-04', '09:00'),
      step('FollowUpRectification', { satisfied: true }, '2026-11-05', '09:00'),
    ];
    given(all).when(step('CloseRectification', {}, '2026-11-05', '10:00')).then((_, state) => expect(state?.rectifications[0]).toMatchObject({ status: 'closed', closedDate: '2026-11-05' }));
  });

  it('lets an appeal void a mistaken review, or uphold it back to rectification', () => {
    const appealed = [...opened, step('AppealRectification', { reason: '误评' }, '2026-11-03', '09:00')];
    given(appealed)
      .when(step('RecheckRectification', { result: 'voided' }, '2026-11-04', '09:00'))
      .then((_, state) => {
        expect(state?.rectifications[0]?.status).toBe('voided');
        expect(state?.reviews[0]?.voided).toBe(true);
      });
    given(appealed).when(step('RecheckRectification', { result: 'upheld' }, '2026-11-04', '09:00')).then((_, state) => expect(state?.rectifications[0]?.status).toBe('verified'));
    given([...appealed, step('RecheckRectification', { result: 'upheld' }, '2026-11-04', '09:00')]).when(step('AppealRectification', { reason: '再次申诉' }, '2026-11-04', '10:00')).thenThrows(IllegalTransition, /appealed once/);
  });

  it('refuses steps out of order and unknown rectifications', () => {
    given(opened).when(step('ResolveRectification', { how: 'explained', note: 'x' }, '2026-11-03', '09:00')).thenThrows(IllegalTransition);
    given(opened).when(step('RecheckRectification', { result: 'voided' }, '2026-11-03', '09:00')).thenThrows(IllegalTransition);
    given(opened).when(step('CloseRectification', {}, '2026-11-03', '09:00')).thenThrows(IllegalTransition);
    given(opened).when(command('VerifyRectification', { rectificationId: 'case-1-R9', finding: 'confirmed' }, at('2026-11-03', '09:00'))).thenThrows(NotFound);
  });

  it('warns when the callback or the resolution is overdue', () => {
    const r = { status: 'opened' as const, calledBackDate: null, callbackDue: '2026-11-03', resolveDue: '2026-11-23' };
    expect(rectificationWarnings(r, '2026-11-03')).toEqual([]);
    expect(rectificationWarnings(r, '2026-11-04')).toEqual(['callback-overdue']);
    expect(rectificationWarnings({ ...r, calledBackDate: '2026-11-03' }, '2026-11-24')).toEqual(['resolution-overdue']);
    expect(rectificationWarnings({ ...r, status: 'resolved' as const, calledBackDate: '2026-11-03' }, '2026-11-24')).toEqual([]);
  });
});

describe('default reviews', () => {
  const county = indexCounty(countySchema().parse({ ...testCounty, satisfaction: { ...testCounty.satisfaction, defaultReview: { afterDays: 7, level: 'very-satisfied' } } }));
  const ctx: CaseContext = { county, calendar: testCalendar() };
  const done = [submitted(), accept('2026-11-02'), complete('2026-11-03')];
  const apply = (date: string) => command('ApplyDefaultReview', { reviewId: `D-${date}` }, at(date, '02:00'));

  it('count the county’s level only after the days allowed, once, and a real review replaces it', () => {
    given(done, ctx).when(apply('2026-11-09')).thenThrows(RuleViolation, /7 days/);
    given(done, ctx).when(apply('2026-11-10')).then([{ type: 'DefaultReviewApplied', data: { level: 'very-satisfied', afterDays: 7 } }]);
    given([...done, apply('2026-11-10')], ctx).when(apply('2026-11-11')).thenThrows(IllegalTransition);
    given([...done, apply('2026-11-10')], ctx).when(rate('2026-11-12', 'dissatisfied')).then((events, state) => {
      expect(events[0]).toMatchObject({ type: 'CaseReviewed', data: { replacesDefault: 'D-2026-11-10' } });
      expect(state?.reviews.find((r) => r.channel === 'default')?.replaced).toBe(true);
    });
    given([...done, rate('2026-11-04', 'satisfied')], ctx).when(apply('2026-11-10')).thenThrows(IllegalTransition, /rated since completion/);
    given(done).when(apply('2026-11-10')).thenThrows(RuleViolation, /no default review/);
  });
});

describe('callback sampling', () => {
  const ids = Array.from({ length: 10_000 }, (_, i) => `01J${String(i).padStart(8, '0')}CASE${(i * 7919) % 9973}`);

  it('samples the county’s ratio within one percentage point over 10,000 cases', () => {
    for (const ratio of [0.1, 0.05, 0.3]) {
      const share = sampleCompleted(ids, macOf('county-salt'), ratio).length / ids.length;
      expect(Math.abs(share - ratio), `ratio ${ratio}`).toBeLessThanOrEqual(0.01);
    }
  });

  it('is deterministic for a salt, and another salt draws another sample', () => {
    expect(sampleCompleted(ids, macOf('county-salt'), 0.1)).toEqual(sampleCompleted([...ids], macOf('county-salt'), 0.1));
    const other = new Set(sampleCompleted(ids, macOf('other-salt'), 0.1));
    const overlap = sampleCompleted(ids, macOf('county-salt'), 0.1).filter((id) => other.has(id)).length;
    expect(overlap).toBeLessThan(200);
    expect(sampled('x', macOf('s'), 0)).toBe(false);
    expect(sampled('x', macOf('s'), 1)).toBe(true);
  });

  it('covers each completion date once: from the day after the previous list through yesterday', () => {
    expect(coverage('2026-11-05', '2026-11-03', 7)).toEqual({ from: '2026-11-04', through: '2026-11-04' });
    expect(coverage('2026-11-09', '2026-11-05', 7)).toEqual({ from: '2026-11-06', through: '2026-11-08' });
    expect(coverage('2026-11-02', undefined, 7)).toEqual({ from: '2026-10-26', through: '2026-11-01' });
  });
});

describe('a day’s callback list', () => {
  const candidate = (n: number, reason: CallbackCandidate['reason'], extra: Partial<CallbackCandidate> = {}): CallbackCandidate => ({
    caseId: `C${n}`,
    caseNo: `331022-20261104-${String(n).padStart(5, '0')}`,
    reason,
    due: reason === 'bad-review' ? `2026-11-0${n % 3 + 5}` : null,
    windowId: 'W03',
    itemName: '事项',
    completedDate: '2026-11-04',
    phone: '13800000000',
    optOut: false,
    attempts: [],
    round: 0,
    settled: false,
    ...extra,
  });

  it('puts bad reviews first (earliest due first), then retries, then the sample, and deals them out evenly', () => {
    const list = assembleList({
      date: '2026-11-05',
      coveredFrom: '2026-11-04',
      coveredThrough: '2026-11-04',
      ratio: 0.1,
      staff: ['cb-li', 'cb-wang', 'cb-chen'],
      maxAttempts: 3,
      considered: 70,
      candidates: [candidate(1, 'sample'), candidate(2, 'retry'), candidate(3, 'bad-review'), candidate(4, 'bad-review'), candidate(5, 'sample'), candidate(6, 'sample'), candidate(7, 'sample'), candidate(8, 'retry'), candidate(9, 'sample'), candidate(10, 'sample')],
    });
    expect(list.entries.map((e) => e.reason)).toEqual(['bad-review', 'bad-review', 'retry', 'retry', 'sample', 'sample', 'sample', 'sample', 'sample', 'sample']);
    expect(list.entries.slice(0, 2).map((e) => e.due)).toEqual(['2026-11-05', '2026-11-06']);
    const counts = ['cb-li', 'cb-wang', 'cb-chen'].map((s) => list.entries.filter((e) => e.staffId === s).length);
    expect(counts).toEqual([4, 3, 3]);
    expect(list).toMatchObject({ considered: 70, sampled: 6 });
  });

  it('skips and counts cases without a phone or that opted out, and drops settled or exhausted ones', () => {
    const list = assembleList({
      date: '2026-11-05',
      coveredFrom: '2026-11-04',
      coveredThrough: '2026-11-04',
      ratio: 0.1,
      staff: ['cb-li'],
      maxAttempts: 3,
      considered: 10,
      candidates: [candidate(1, 'sample', { phone: undefined }), candidate(2, 'sample', { optOut: true }), candidate(3, 'retry', { settled: true }), candidate(4, 'retry', { round: 3 }), candidate(5, 'sample'), candidate(5, 'bad-review')],
    });
    expect(list.skipped).toEqual({ noPhone: 1, optedOut: 1 });
    expect(list.entries.map((e) => [e.caseId, e.reason])).toEqual([['C5', 'bad-review']]);
  });
});
