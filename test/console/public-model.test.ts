import { describe, expect, it } from 'vitest';
import {
  bookableDays,
  bookingRefusal,
  cancelRefusal,
  CASE_NO,
  commentLength,
  collectionHint,
  datesBetween,
  dayLabel,
  linkMessages,
  linkState,
  MOBILE,
  normalizeCaseNo,
  normalizeCode,
  normalizePhone,
  progressRefusal,
  QUERY_CODE,
  slotRange,
  slotState,
  statusOf,
  stepLabel,
  when,
} from '../../console/src/pages/public/model.ts';

describe('what a citizen types', () => {
  it('forgives spaces, full-width digits and other dashes in a case number', () => {
    expect(normalizeCaseNo(' 331022－20261102—00042 ')).toBe('331022-20261102-00042');
    expect(normalizeCaseNo('３３１０２２-20261102-00042')).toBe('331022-20261102-00042');
    expect(CASE_NO.test(normalizeCaseNo('331022 20261102-00042'))).toBe(false);
    expect(CASE_NO.test('331022-20261102-00042')).toBe(true);
  });

  it('takes the phone’s last four digits or the receipt’s six-digit code', () => {
    expect(normalizeCode(' １２３４ ')).toBe('1234');
    expect(QUERY_CODE.test('1234')).toBe(true);
    expect(QUERY_CODE.test('042917')).toBe(true);
    expect(QUERY_CODE.test('12345')).toBe(false);
    expect(QUERY_CODE.test('12a4')).toBe(false);
  });

  it('books with a mainland mobile number, however it is written', () => {
    expect(normalizePhone('+86 138-1234-5678')).toBe('13812345678');
    expect(MOBILE.test(normalizePhone('138 1234 5678'))).toBe(true);
    expect(MOBILE.test('0576-83312345')).toBe(false);
    expect(MOBILE.test('12812345678')).toBe(false);
  });

  it('counts a comment as the API does: trimmed, a Chinese character as one', () => {
    expect(commentLength('  很满意  ')).toBe(3);
    expect(commentLength('好'.repeat(200))).toBe(200);
  });
});

describe('what each refusal says', () => {
  it('says the same for an unknown case and a wrong code, and asks to wait on 429', () => {
    expect(progressRefusal(404)).toBe('未找到该办件，请核对办件号和查询码');
    expect(progressRefusal(429)).toBe('查询过于频繁，请稍后再试');
    expect(progressRefusal(0)).toContain('网络');
  });

  it('tells a full slot from a second booking, and a closed day from a blocked phone', () => {
    expect(bookingRefusal(409, 'Slot full: the 09:00 slot of 2026-12-04 has no place left (2 in all)')).toBe('该时段已约满，请选择其他时段');
    expect(bookingRefusal(409, 'This phone already holds a booking in this slot')).toContain('请勿重复预约');
    expect(bookingRefusal(422, 'Online booking is closed to this phone until 2027-01-02: 3 no-shows within 30 days (爽约)')).toBe('您近期多次预约未到，2027年1月2日前不能在线预约，请到大厅取号机取号');
    expect(bookingRefusal(422, '2026-12-05 is not a working day: the hall is closed')).toContain('非工作日');
    expect(bookingRefusal(422, 'The 09:00 slot has started')).toContain('已开始');
    expect(bookingRefusal(422)).toContain('不可预约');
    expect(cancelRefusal(404)).toContain('未找到该预约');
    expect(cancelRefusal(409)).toContain('无法取消');
  });

  it('reads a rating link’s 404 as invalid, 410 as expired and 409 as already rated', () => {
    expect(linkMessages[linkState(404)].title).toBe('链接无效');
    expect(linkMessages[linkState(410)].title).toBe('链接已过期');
    expect(linkMessages[linkState(409)].title).toBe('您已评价过此办件');
    expect(linkState(503)).toBe('failed');
  });
});

describe('a case as the citizen reads it', () => {
  it('names its states and passes the API’s own step words through', () => {
    expect(statusOf('accepted').label).toBe('办理中');
    expect(statusOf('something-new').label).toBe('something-new');
    expect(stepLabel('受理')).toBe('受理');
    expect(stepLabel('CaseAccepted')).toBe('受理');
  });

  it('shows dates as dates and instants in the county’s time, whatever the browser’s zone', () => {
    expect(when('2026-11-02', 'Asia/Shanghai')).toBe('2026年11月2日');
    expect(when('2026-11-02T17:10:00.000Z', 'Asia/Shanghai')).toBe('2026年11月3日 01:10');
    expect(when(null, 'Asia/Shanghai')).toBe('');
  });

  it('says how to collect a result by its decision', () => {
    expect(collectionHint('approved')).toContain('领取');
    expect(collectionHint('forwarded')).toContain('上级部门');
  });
});

describe('picking a day and a slot', () => {
  it('asks for every date of the booking window, across a month’s end', () => {
    expect(datesBetween('2026-11-28', '2026-12-02')).toEqual(['2026-11-28', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02']);
    expect(datesBetween('2026-12-02', '2026-12-01')).toEqual([]);
    expect(dayLabel('2026-11-16')).toBe('11月16日 周一');
  });

  it('offers the working days the API answers open, a worked weekend too, each with its places left', () => {
    const at = new Date('2026-12-03T02:00:00.000Z'); // Thursday 10:00 in the county
    const slot = (startsAt: string, remaining: number) => ({ slot: '09:00', startsAt, capacity: 2, remaining });
    const days = bookableDays(
      [
        { date: '2026-12-03', closed: null, slots: [slot('2026-12-03T06:00:00.000Z', 0)] },
        { date: '2026-12-04', closed: null, slots: [slot('2026-12-04T01:00:00.000Z', 1), slot('2026-12-04T01:30:00.000Z', 2)] },
        { date: '2026-12-05', closed: 'not-a-working-day', slots: [] },
        { date: '2026-12-06', closed: null, slots: [slot('2026-12-06T01:00:00.000Z', 2)] },
        // Today after the last slot: nothing left to show.
        { date: '2026-12-07', closed: null, slots: [] },
      ],
      at,
    );
    expect(days).toEqual([
      { date: '2026-12-03', bookable: false, note: '已约满' },
      { date: '2026-12-04', bookable: true, note: '余 3 个' },
      { date: '2026-12-06', bookable: true, note: '余 2 个' },
    ]);
  });

  it('disables a slot that is full or has begun, and says how many places are left', () => {
    const at = new Date('2026-11-16T01:00:00.000Z'); // 09:00 in the county
    const slot = (startsAt: string, remaining: number) => ({ slot: '09:30', startsAt, capacity: 4, remaining });
    expect(slotState(slot('2026-11-16T01:30:00.000Z', 2), at)).toEqual({ bookable: true, note: '余 2 个' });
    expect(slotState(slot('2026-11-16T01:30:00.000Z', 0), at)).toEqual({ bookable: false, note: '已约满' });
    expect(slotState(slot('2026-11-16T01:00:00.000Z', 3), at)).toEqual({ bookable: false, note: '已过时间' });
  });

  it('shows the half-hour a slot covers', () => {
    expect(slotRange('09:00')).toBe('09:00–09:30');
    expect(slotRange('11:30')).toBe('11:30–12:00');
  });
});
