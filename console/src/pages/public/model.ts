/**
 * The citizens' pages' logic, kept apart from the components so it is tested on its own: what a
 * citizen types, what each refusal says to them, which days and slots they may pick.
 */

/** A case number as printed on the receipt: county code, date, the day's number (331022-20261102-00042). */
export const CASE_NO = /^\d{6}-\d{8}-\d{5}$/;

/** What a citizen types as the case number: spaces and full-width dashes forgiven. */
export function normalizeCaseNo(text: string): string {
  return text
    .replace(/[\s\u3000]/g, '')
    .replace(/[－—–‐_]/g, '-')
    .replace(/[０-９]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
}

/** The query code: the phone's last four digits, or the six-digit code on the receipt. */
export function normalizeCode(text: string): string {
  return text.replace(/[\s\u3000]/g, '').replace(/[０-９]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

export const QUERY_CODE = /^(\d{4}|\d{6})$/;

/** A mainland mobile number: what the appointment's SMS goes to. */
export const MOBILE = /^1[3-9]\d{9}$/;

export function normalizePhone(text: string): string {
  return text.replace(/[\s\u3000-]/g, '').replace(/^\+?86/, '');
}

/** What a case's state is called on the citizens' side. */
export const publicStatus: Record<string, { label: string; color: string }> = {
  submitted: { label: '已收件', color: 'blue' },
  'awaiting-materials': { label: '待补正材料', color: 'orange' },
  accepted: { label: '办理中', color: 'geekblue' },
  suspended: { label: '特别程序中', color: 'purple' },
  rejected: { label: '不予受理', color: 'default' },
  completed: { label: '已办结', color: 'green' },
  delivered: { label: '已送达', color: 'cyan' },
};

export const statusOf = (status: string): { label: string; color: string } => publicStatus[status] ?? { label: status, color: 'default' };

/** A step of the case as the citizen reads it. */
const stepLabels: Record<string, string> = {
  submitted: '收件登记',
  'materials-requested': '一次性告知（待补正材料）',
  'materials-supplied': '材料已补正',
  accepted: '受理',
  rejected: '不予受理',
  suspended: '进入特别程序',
  resumed: '特别程序结束',
  transferred: '转办',
  completed: '办结',
  delivered: '结果送达',
  reviewed: '评价',
  CaseSubmitted: '收件登记',
  MaterialsRequested: '一次性告知（待补正材料）',
  MaterialsSupplied: '材料已补正',
  CaseAccepted: '受理',
  CaseRejected: '不予受理',
  CaseSuspended: '进入特别程序',
  CaseResumed: '特别程序结束',
  CaseTransferred: '转办',
  CaseCompleted: '办结',
  CaseDelivered: '结果送达',
};

export const stepLabel = (step: string): string => stepLabels[step] ?? step;

export const decisions: Record<string, string> = { approved: '准予许可', denied: '不予许可', forwarded: '已报送上级部门' };

/** How to collect a completed case's result before it is delivered (the completion SMS says the same, with the window's name). */
export function collectionHint(decision: string): string {
  if (decision === 'forwarded') return '材料已报送上级部门审批，结果另行通知。';
  if (decision === 'denied') return '不予许可决定书请到办事窗口领取，如有疑问可咨询窗口。';
  return '请携带身份证件和受理回执到办事窗口领取，也可申请邮寄送达。';
}

export const collectionMethods: Record<string, string> = { 'in-person': '窗口当面领取', post: '邮寄送达', electronic: '电子证照送达' };

/** The sentence a refused progress lookup shows: a wrong pair and an unknown case read the same. */
export function progressRefusal(status: number): string {
  if (status === 404) return '未找到该办件，请核对办件号和查询码';
  if (status === 429) return '查询过于频繁，请稍后再试';
  if (status === 400) return '办件号或查询码格式不正确，请核对后再试';
  if (status === 0) return '网络连接失败，请检查网络后重试';
  return '查询暂时无法完成，请稍后再试';
}

/**
 * Why a booking was refused, in the citizen's words. `detail` is the API's English explanation: it
 * tells a full slot from a second booking of the same phone, and a closed date from a blocked phone.
 */
export function bookingRefusal(status: number, detail = ''): string {
  if (status === 409) return /already holds/i.test(detail) ? '您已预约了该时段，请勿重复预约' : '该时段已约满，请选择其他时段';
  if (status === 422) {
    const until = /until (\d{4}-\d{2}-\d{2})/.exec(detail)?.[1];
    if (/no-show|爽约|closed to this phone/i.test(detail)) return `您近期多次预约未到，${until ? `${chineseDate(until)}前` : '暂时'}不能在线预约，请到大厅取号机取号`;
    if (/not a working day/i.test(detail)) return '该日为非工作日，请选择其他日期';
    if (/has started/i.test(detail)) return '该时段已开始，请选择其他时段';
    if (/ahead/i.test(detail)) return '该日期超出可预约范围，请选择其他日期';
    if (/passed/i.test(detail)) return '该日期已过，请选择其他日期';
    return '该时段不可预约，请选择其他时段';
  }
  if (status === 429) return '操作过于频繁，请稍后再试';
  if (status === 400) return '请检查填写的内容';
  if (status === 0) return '网络连接失败，请检查网络后重试';
  return '预约暂时无法完成，请稍后再试';
}

/** An appointment id as the confirmation shows it: category, date, slot and place (B-20261204-0900-1). */
export const APPOINTMENT_ID = /^[A-Z]-\d{8}-\d{4}-[1-9]\d{0,2}$/;
export const APPOINTMENT_CODE = /^\d{6}$/;

export function cancelRefusal(status: number): string {
  if (status === 404) return '未找到该预约，请核对预约编号和预约码';
  if (status === 409) return '该预约已取消、已取号或已过预约时间，无法取消';
  if (status === 400) return '预约编号或预约码格式不正确';
  if (status === 429) return '操作过于频繁，请稍后再试';
  if (status === 0) return '网络连接失败，请检查网络后重试';
  return '取消暂时无法完成，请稍后再试';
}

/** What a rating link's answer means for the page. */
export type LinkState = 'invalid' | 'expired' | 'used' | 'busy' | 'offline' | 'failed';

export function linkState(status: number): LinkState {
  if (status === 404 || status === 400) return 'invalid';
  if (status === 410) return 'expired';
  if (status === 409) return 'used';
  if (status === 429) return 'busy';
  if (status === 0) return 'offline';
  return 'failed';
}

export const linkMessages: Record<LinkState, { title: string; text: string }> = {
  invalid: { title: '链接无效', text: '请核对短信中的链接是否完整，或到大厅评价器、拨打热线进行评价。' },
  expired: { title: '链接已过期', text: '评价链接的有效期已过，感谢您的关注。' },
  used: { title: '您已评价过此办件', text: '每个办件只能评价一次，感谢您的参与。' },
  busy: { title: '操作过于频繁', text: '请稍后再试。' },
  offline: { title: '网络连接失败', text: '请检查网络后刷新页面。' },
  failed: { title: '暂时无法评价', text: '请稍后刷新页面再试。' },
};

export const COMMENT_MAX = 200;

/** A comment's length as the API counts it (trimmed, in UTF-16 units: a Chinese character is one, an emoji two). */
export const commentLength = (text: string): number => text.trim().length;

const weekdays = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** The day of the week of a county date: 周一. */
export function weekdayOf(date: string): string {
  const [y, m, d] = date.split('-').map(Number);
  return weekdays[new Date(Date.UTC(y!, m! - 1, d)).getUTCDay()]!;
}

/** A county date for a button: 11月16日 周一. */
export function dayLabel(date: string): string {
  const [, m, d] = date.split('-').map(Number);
  return `${m}月${d}日 ${weekdayOf(date)}`;
}

/** Every calendar date from `from` to `to`, both included (at most 60: the booking window is a few weeks at most). */
export function datesBetween(from: string, to: string): string[] {
  const dates: string[] = [];
  for (let date = from; date <= to && dates.length < 60; date = addDays(date, 1)) dates.push(date);
  return dates;
}

/** The county date `days` after `date` (YYYY-MM-DD; calendar days). */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d! + days)).toISOString().slice(0, 10);
}

export interface SlotLike {
  slot: string;
  startsAt: string;
  capacity: number;
  remaining: number;
}

/** Whether a slot can be picked now, and what its button says under the time. */
export function slotState(slot: SlotLike, now: Date): { bookable: boolean; note: string } {
  if (Date.parse(slot.startsAt) <= now.getTime()) return { bookable: false, note: '已过时间' };
  if (slot.remaining <= 0) return { bookable: false, note: '已约满' };
  return { bookable: true, note: `余 ${slot.remaining} 个` };
}

/** The half-hour a slot covers: 09:00–09:30. */
export function slotRange(slot: string, minutes = 30): string {
  const [h, m] = slot.split(':').map(Number);
  const end = h! * 60 + m! + minutes;
  return `${slot}–${String(Math.floor(end / 60)).padStart(2, '0')}:${String(end % 60).padStart(2, '0')}`;
}

/** A county date for reading: 2026年11月2日. */
export function chineseDate(date: string): string {
  const [y, m, d] = date.slice(0, 10).split('-');
  return `${Number(y)}年${Number(m)}月${Number(d)}日`;
}

/** A step's date, or instant, in the county's time: 2026年11月2日, or 2026年11月2日 09:10. */
export function when(text: string | null | undefined, timeZone: string): string {
  if (!text) return '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return chineseDate(text);
  const instant = new Date(text);
  if (Number.isNaN(instant.getTime())) return text;
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${chineseDate(`${get('year')}-${get('month')}-${get('day')}`)} ${get('hour')}:${get('minute')}`;
}

export interface DayLike {
  date: string;
  closed: string | null;
  slots: SlotLike[];
}

/**
 * The days a citizen may pick, from each date's answer: the hall's working days in the booking window
 * (a worked weekend included, a holiday left out), with the places left; a day with none is shown full.
 */
export function bookableDays(answers: readonly DayLike[], now: Date): { date: string; bookable: boolean; note: string }[] {
  return answers
    .filter((a) => a.closed === null && a.slots.some((s) => Date.parse(s.startsAt) > now.getTime()))
    .map((a) => {
      const left = a.slots.filter((s) => slotState(s, now).bookable).reduce((n, s) => n + s.remaining, 0);
      return { date: a.date, bookable: left > 0, note: left > 0 ? `余 ${left} 个` : '已约满' };
    });
}
